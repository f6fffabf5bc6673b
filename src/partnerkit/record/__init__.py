"""The record format: the models, the vocabularies, and what is derived from them."""
