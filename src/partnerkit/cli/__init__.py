"""The command line: the app, the options every command shares, one module per group."""
