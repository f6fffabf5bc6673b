"""The file system: where the records are, the one safe reader, the one atomic writer, git."""
