"""The readers' limits: how big an input may be before it is refused, all in one place.

Each limit is far above what a real office's files reach (a ledger has at most a few thousand
rows and a few dozen columns; a meeting file is a page) and low enough that the slowest reader
still finishes in a few seconds on a small machine with well under 1 GB of memory. The limits
are sizes and counts, not clocks, so the same input is accepted or refused on every machine.
docs/security.md lists them with the measurements behind them.
"""

from __future__ import annotations

from decimal import Decimal

# Files, read before any parsing (bytes on disk).
MAX_LEDGER_BYTES = 50_000_000  # .xlsx / .csv; a 5,000-row ledger is 1–3 MB
MAX_DATA_BYTES = 2_000_000  # .yaml / .json ledgers; PyYAML reads about 0.3 MB/s
MAX_MEETING_BYTES = 200_000  # meeting.yaml is a page of text
MAX_INPUT_BYTES = 20_000_000  # a draft (.docx with pictures), a template: read whole by read_input
MAX_MARKUP_BYTES = 2_000_000  # a dialect .md: a long speech is 30 KB; 2 MB is a thousand pages
MAX_TEMPLATE_TEXT_BYTES = 1_000_000  # a text template, a file it includes, a snippet file (one limit for
#                                     all three: a snippet passage is template code); built-in ones are < 20 KB

# A ledger's table, whatever the format.
MAX_ROWS = 50_000  # rows holding any value; Excel's own limit is 1,048,576
MAX_COLUMNS = 256  # columns holding any value (A–IV, the old Excel width)
MAX_CELL_CHARS = 32_767  # Excel's own limit for the text of one cell
MAX_SHEET_CELLS = 1_000_000  # cells an .xlsx stores (styled empty ones included), all sheets together
MAX_SHARED_STRINGS = 200_000  # distinct texts of a workbook; openpyxl reads them all on opening

# The .xlsx package (a zip), checked from its directory before openpyxl reads any part.
MAX_ZIP_MEMBERS = 2_000  # parts of the package; Excel writes 10–50
MAX_UNCOMPRESSED_BYTES = 200_000_000  # all parts together, as unpacked
MAX_PART_BYTES = 100_000_000  # one part (a sheet's XML, the shared strings, a picture)
MAX_SETTINGS_PART_BYTES = 10_000_000  # any other XML part (styles, workbook, [Content_Types]…): openpyxl
#                                       builds objects for all of it on opening; Excel's own are < 5 MB
MAX_COMPRESSION_RATIO = 200  # unpacked / packed of one part; sheet XML packs about 10:1
RATIO_CHECK_FROM_BYTES = 1_000_000  # small parts may pack better; only big ones are zip bombs

# YAML / JSON documents (ledgers, meeting files and the dialect's front matter).
MAX_NESTING = 20  # lists and mappings inside one another; a ledger needs 3
MAX_ALIASES = 100  # YAML "*name" references
MAX_NODES = 120_000  # values in one document (references expanded); 5,000 projects need ~85,000 (~3 s)

# Numbers.
MAX_NUMBER_DIGITS = 24  # digits of one written number (10¹² 万元 in 元 is 17 digits)
MAX_FRACTION_DIGITS = 6  # decimals of a written amount; Excel's floats are cut here too
MAX_AMOUNT_WAN = Decimal(10) ** 12  # 10¹² 万元 = 1亿亿元: 200 times a whole country's yearly investment
MAX_COUNT = 999  # a small whole number such as the meeting's 督查组数量

# Messages quote what the user wrote; a long cell is cut to this many characters.
QUOTE_CHARS = 40
MAX_LISTED_PROBLEMS = 200  # problems listed for one file; the rest are counted in one last line
