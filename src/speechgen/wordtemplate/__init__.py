"""Word templates: an office's own .docx filled through docxtpl in our sandbox (checked once, filled often)."""

from speechgen.wordtemplate.fields import FIELDS, GROUP_ITEMS, META_FIELDS, PROJECT_ITEMS, Field
from speechgen.wordtemplate.package import MAX_TEMPLATE_BYTES
from speechgen.wordtemplate.report import TemplateReport
from speechgen.wordtemplate.template import (
    WordTemplate,
    fill_word_template,
    inspect_word_template,
    prepare_word_template,
    prepared_word_template,
)

__all__ = [
    "FIELDS",
    "GROUP_ITEMS",
    "MAX_TEMPLATE_BYTES",
    "META_FIELDS",
    "PROJECT_ITEMS",
    "Field",
    "TemplateReport",
    "WordTemplate",
    "fill_word_template",
    "inspect_word_template",
    "prepare_word_template",
    "prepared_word_template",
]
