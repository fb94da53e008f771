"""Compose: Facts → 公文 Markdown dialect text (sandboxed Jinja templates, snippet library, seed)."""

from speechgen.compose.draft import (
    DEFAULT_SEED,
    TEMPLATE_DESCRIPTIONS,
    TEMPLATES,
    DocKind,
    compose,
    compose_bulletin,
    compose_notice,
    compose_speech,
)
from speechgen.compose.frames import FRAMES, Frame, get_frame
from speechgen.compose.library import SnippetLibrary, load_library
from speechgen.compose.limits import DEFAULT_LIMITS, TemplateLimits

__all__ = [
    "DEFAULT_LIMITS",
    "DEFAULT_SEED",
    "FRAMES",
    "TEMPLATES",
    "TEMPLATE_DESCRIPTIONS",
    "DocKind",
    "Frame",
    "SnippetLibrary",
    "TemplateLimits",
    "compose",
    "compose_bulletin",
    "compose_notice",
    "compose_speech",
    "get_frame",
    "load_library",
]
