"""Document → bytes in each output format, and the one routine that writes files (check, stage, rename)."""

from speechgen.writers.output import (
    OutputPlan,
    Written,
    atomic_write,
    check_outputs,
    open_output,
    remove_stale_temps,
    write_outputs,
)
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
    "OutputPlan",
    "RenderOptions",
    "Written",
    "atomic_write",
    "check_outputs",
    "format_for_path",
    "format_of",
    "open_output",
    "remove_stale_temps",
    "render_bytes",
    "supported_suffixes",
    "write_outputs",
]
