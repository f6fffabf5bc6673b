"""The brief as a Word document (.docx): headings, tables, page numbers, in the brief's
language. python-docx is imported here only, when a Word document is asked for.

Record text goes into the document as text runs (python-docx escapes it as XML text), made
inert first like every other output.
"""

from __future__ import annotations

import io
from typing import Any

from partnerkit.brief import Brief
from partnerkit.i18n import _, current_language
from partnerkit.render.brief_blocks import (
    Bullets,
    Document,
    Heading,
    Para,
    Table,
    brief_document,
)
from partnerkit.render.brief_html import footer
from partnerkit.textsafe import inert

LANGUAGE_TAGS = {"sv": "sv-SE", "en": "en-GB"}


def brief_docx(brief: Brief) -> bytes:
    return document_docx(brief_document(brief))


def document_docx(doc: Document) -> bytes:
    import docx
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    word = docx.Document()
    _set_language(word, LANGUAGE_TAGS.get(current_language(), "en-GB"))
    word.core_properties.title = inert(doc.title)
    word.core_properties.language = LANGUAGE_TAGS.get(current_language(), "en-GB")
    word.core_properties.author = "partnerkit"
    section = word.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.2)
    word.styles["Normal"].font.name = "Calibri"
    word.styles["Normal"].font.size = Pt(11)
    _page_numbers(section, WD_ALIGN_PARAGRAPH)
    for block in doc.blocks:
        if isinstance(block, Heading):
            word.add_heading(
                inert(block.full), level=min(block.level - 1, 3) if block.level > 1 else 0
            )
        elif isinstance(block, Para):
            paragraph = word.add_paragraph()
            if block.label:
                paragraph.add_run(inert(block.label)).bold = True
                paragraph.add_run(" ")
            paragraph.add_run(inert(block.text))
        elif isinstance(block, Bullets):
            for n, item in enumerate(block.items, start=1):
                if block.ordered:
                    paragraph = word.add_paragraph(f"{n}. {inert(item)}")
                    paragraph.paragraph_format.left_indent = Cm(0.6)
                    paragraph.paragraph_format.space_after = Pt(0)
                else:
                    word.add_paragraph(inert(item), style="List Bullet")
        elif isinstance(block, Table):
            _table(word, block, WD_TABLE_ALIGNMENT, WD_ALIGN_PARAGRAPH, Pt)
            _column_widths(word.tables[-1], block, Cm(16.6))
    word.add_paragraph().add_run(inert(footer(doc))).italic = True
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _table(word: Any, block: Table, table_alignment: Any, alignment: Any, pt: Any) -> None:
    table = word.add_table(rows=1 + len(block.rows), cols=len(block.header))
    table.style = "Table Grid"
    table.alignment = table_alignment.LEFT
    for column, text in enumerate(block.header):
        cell = table.rows[0].cells[column]
        cell.text = ""
        cell.paragraphs[0].add_run(inert(text)).bold = True
    _repeat_header(table.rows[0])
    for r, row in enumerate(block.rows, start=1):
        for column, text in enumerate(row):
            cell = table.rows[r].cells[column]
            cell.text = inert(text)
            if column in block.numeric:
                cell.paragraphs[0].alignment = alignment.RIGHT
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = pt(9.5)
    word.add_paragraph()


def _column_widths(table: Any, block: Table, total: int) -> None:
    """Columns as wide as their longest text asks for (within bounds), so a name is not
    broken into syllables beside a column of short numbers."""
    weights = []
    for column, head in enumerate(block.header):
        longest = max([len(head), *(len(row[column]) for row in block.rows)])
        low, high = (13, 20) if column in block.numeric else (11, 36)
        weights.append(min(max(longest, low), high))
    table.autofit = False
    for column, weight in enumerate(weights):
        width = int(total * weight / sum(weights))
        table.columns[column].width = width
        for cell in table.columns[column].cells:
            cell.width = width


def _repeat_header(row: Any) -> None:
    """The header row is repeated on every page a table runs over."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _page_numbers(section: Any, alignment: Any) -> None:
    """ "Page N of M" in the footer, as Word fields (PAGE, NUMPAGES)."""
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = alignment.CENTER
    text = _("Page {page} of {pages}")
    before, _sep, rest = text.partition("{page}")
    middle, _sep, after = rest.partition("{pages}")
    paragraph.add_run(before)
    _field(paragraph, "PAGE")
    paragraph.add_run(middle)
    _field(paragraph, "NUMPAGES")
    paragraph.add_run(after)


def _field(paragraph: Any, instruction: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    shown = OxmlElement("w:t")
    shown.text = "1"
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, code, separate, shown, end):
        run._r.append(element)


def _set_language(word: Any, tag: str) -> None:
    """The document's language, so Word checks the spelling in it."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = word.styles["Normal"].element.get_or_add_rPr()
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), tag)
    properties.append(language)
