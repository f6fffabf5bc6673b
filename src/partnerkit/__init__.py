"""partnerkit: keep a university's strategic partnerships in order."""

__version__ = "0.1.0"
# Where the documentation is published (the docs/ folder of the repository); also the
# Documentation URL in pyproject.toml. check's SARIF links each rule to its section there.
DOCUMENTATION = "https://github.com/partnerkit/partnerkit/blob/main/docs"
