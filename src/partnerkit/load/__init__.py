"""One record file to a Partnership and findings: strict YAML, positions, validation."""
