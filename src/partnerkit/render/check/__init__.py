"""`partnerkit check` in each output format, one module per format."""
