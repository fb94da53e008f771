"""One function per use case; the CLI, the web app and a batch call only these.

Two forms of each: in values (``*_from_bytes``: a request record of InputFiles — name + bytes —
in, a result record of bytes, values and warnings out, no file written; for a web app and batch
workers) and on paths (``generate``, ``render``, ``check``, ``outline``, ``compute_facts``: read
the files through sources/, call the value form, write through writers.output; for the CLI).
"""

from speechgen.api.library import frames, snippet_library, templates
from speechgen.api.paths import (
    Generated,
    check,
    compute_facts,
    generate,
    load_dossier,
    outline,
    parse_markup_file,
    render,
    write_meeting_template,
    write_reference_docx,
)
from speechgen.api.requests import (
    DEFAULT_FORMATS,
    DEFAULT_SEED,
    CheckRequest,
    CheckResult,
    FactsRequest,
    FactsResult,
    GenerateRequest,
    GenerateResult,
    InputFile,
    OutlineRequest,
    OutlineResult,
    RenderRequest,
    RenderResult,
)
from speechgen.api.values import (
    check_from_bytes,
    draft,
    facts_from_bytes,
    facts_to_json,
    generate_from_bytes,
    group_facts,
    outline_from_bytes,
    parse_dialect,
    reference_docx,
    render_from_bytes,
    render_markup,
    render_options,
)

__all__ = [
    "DEFAULT_FORMATS",
    "DEFAULT_SEED",
    "CheckRequest",
    "CheckResult",
    "FactsRequest",
    "FactsResult",
    "GenerateRequest",
    "GenerateResult",
    "Generated",
    "InputFile",
    "OutlineRequest",
    "OutlineResult",
    "RenderRequest",
    "RenderResult",
    "check",
    "check_from_bytes",
    "compute_facts",
    "draft",
    "facts_from_bytes",
    "facts_to_json",
    "frames",
    "generate",
    "generate_from_bytes",
    "group_facts",
    "load_dossier",
    "outline",
    "outline_from_bytes",
    "parse_dialect",
    "parse_markup_file",
    "reference_docx",
    "render",
    "render_from_bytes",
    "render_markup",
    "render_options",
    "snippet_library",
    "templates",
    "write_meeting_template",
    "write_reference_docx",
]
