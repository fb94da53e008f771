"""What a reader sees in a draft: the analysis text (normalize), enumeration markers, nested
lists, and the structure (title, salutation, parts and points, closing)."""

from speechgen.check.structure.analysis import Structure, analyse

__all__ = ["Structure", "analyse"]
