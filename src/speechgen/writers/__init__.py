"""Document → bytes in each output format, and the one function that writes files."""

from speechgen.writers.output import atomic_write
from speechgen.writers.registry import (
    ENGINES,
    FORMATS,
    Engine,
    Format,
    RenderOptions,
    format_for_path,
    format_of,
    render_bytes,
    supported_suffixes,
)

__all__ = [
    "ENGINES",
    "FORMATS",
    "Engine",
    "Format",
    "RenderOptions",
    "atomic_write",
    "format_for_path",
    "format_of",
    "render_bytes",
    "supported_suffixes",
]
