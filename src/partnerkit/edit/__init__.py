"""Safe edits of records: splices of the text, validated, written atomically."""
