"""Renderers: turn the library's results into text for people or machines."""
