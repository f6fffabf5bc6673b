"""partnerkit: keep a university's strategic partnerships in order."""

__version__ = "0.1.0"
