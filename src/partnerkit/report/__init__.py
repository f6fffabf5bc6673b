"""The leadership report and the spreadsheet export.

``model`` turns each record into small report data while it is loaded (an ``on_record``
function for :func:`partnerkit.check.check_paths`) and assembles the portfolio or the annual
report of one partnership; ``charts``, ``html`` and ``markdown`` render that data; ``export``
writes the portfolio's tables as CSV or XLSX. Nothing here prints or exits.
"""
