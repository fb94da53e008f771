"""Bundled templates, snippets and examples (mapped from the repository top level)."""
