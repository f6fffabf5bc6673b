"""The steering-group brief as Markdown (printed in the terminal with Rich's Markdown)."""

from __future__ import annotations

from partnerkit.brief import Brief
from partnerkit.render.brief_blocks import (
    Block,
    Bullets,
    Document,
    Heading,
    Para,
    Table,
    brief_document,
)
from partnerkit.render.markdown_blocks import md_table, md_text


def brief_markdown(brief: Brief) -> str:
    return document_markdown(brief_document(brief))


def document_markdown(doc: Document) -> str:
    lines: list[str] = []
    for block in doc.blocks:
        lines += block_markdown(block)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def block_markdown(block: Block) -> list[str]:
    if isinstance(block, Heading):
        number = f"{block.number} " if block.number else ""
        return ["#" * block.level + " " + number + md_text(block.text)]
    if isinstance(block, Para):
        label = f"**{md_text(block.label)}** " if block.label else ""
        return [label + md_text(block.text)]
    if isinstance(block, Bullets):
        if block.ordered:
            return [f"{n}. {md_text(item)}" for n, item in enumerate(block.items, start=1)]
        return [f"- {md_text(item)}" for item in block.items]
    assert isinstance(block, Table)
    return md_table(
        [md_text(cell) for cell in block.header],
        [[md_text(cell) for cell in row] for row in block.rows],
    )
