"""The leadership report and the spreadsheet export.

``views`` is the report as plain data. ``portfolio`` turns each record into such data while
it is loaded (an ``on_record`` function for :func:`partnerkit.load.pipeline.check_paths`) and
assembles the portfolio; ``annual`` builds the annual report of one partnership. ``charts``,
``html`` and ``markdown`` render that data; ``export`` writes the portfolio's tables as CSV or
XLSX. Nothing here prints or exits.
"""
