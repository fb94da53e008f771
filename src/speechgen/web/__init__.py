"""`speechgen serve`: a local web page over speechgen.api — upload a ledger, see the figures,
draft, edit and preview a document as it will print, download it."""

from speechgen.web.app import create_app
from speechgen.web.server import serve
from speechgen.web.settings import WebSettings

__all__ = ["WebSettings", "create_app", "serve"]
