"""The brief as one self-contained, printable HTML page (print it to PDF from the browser).

Jinja2 renders it with autoescaping on and every string made inert first, as the report
does: record text is always shown as text. The page has no script and makes no request.
"""

from __future__ import annotations

from pathlib import Path

from partnerkit import __version__
from partnerkit.brief import Brief
from partnerkit.i18n import _, current_language
from partnerkit.render.brief_blocks import Document, brief_document
from partnerkit.render.html_templates import html_environment


def _environment():
    return html_environment(Path(__file__).parent / "templates")


def footer(doc: Document) -> str:
    return _("Made with partnerkit {version} from the partnership's record.").format(
        version=__version__
    )


def document_html(doc: Document) -> str:
    template = _environment().get_template("brief.html.j2")
    return template.render(
        doc=doc, lang=current_language(), version=__version__, footer=footer(doc)
    )


def brief_html(brief: Brief) -> str:
    return document_html(brief_document(brief))
