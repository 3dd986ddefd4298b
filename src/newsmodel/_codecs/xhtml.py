"""The body as XHTML: the one renderer of blocks as markup, for ninjs' rich text and the
pages ``html.dumps`` writes.

One element per block: ``<p>`` with its links as ``<a>``, ``<h1>``…``<h6>``, ``<blockquote>``
with its paragraphs and a ``<footer>`` naming the source, ``<ul>``/``<ol>``, and a figure as
``<figure><img/><figcaption>caption</figcaption><small class="credit">credit</small></figure>``,
which the ninjs reader and the HTML parser both read back. The output is well-formed XML, so
it is also valid where HTML is expected.
"""

from __future__ import annotations

from html import escape

from .. import _model as m

__all__ = ["block_xhtml", "body_xhtml"]


def body_xhtml(body: tuple[m.Block, ...]) -> str:
    """The body as an XHTML fragment: one element per block."""
    return "".join(block_xhtml(block) for block in body)


def _attributes(**values: object) -> str:
    return "".join(
        f' {name}="{escape(str(value))}"' for name, value in values.items() if value is not None
    )


def _paragraph_xhtml(paragraph: m.Paragraph) -> str:
    text, parts, position = paragraph.text, [], 0
    for link in paragraph.links:
        parts.append(escape(text[position : link.start], quote=False))
        inner = escape(text[link.start : link.end], quote=False)
        parts.append(f"<a{_attributes(href=link.url, title=link.title)}>{inner}</a>")
        position = link.end
    parts.append(escape(text[position:], quote=False))
    return f"<p>{''.join(parts)}</p>"


def block_xhtml(block: m.Block) -> str:
    if isinstance(block, m.Paragraph):
        return _paragraph_xhtml(block)
    if isinstance(block, m.Heading):
        return f"<h{block.level}>{escape(block.text, quote=False)}</h{block.level}>"
    if isinstance(block, m.BlockQuote):
        inner = "".join(f"<p>{escape(text, quote=False)}</p>" for text in block.paragraphs)
        if block.source is not None:
            inner += f"<footer>{escape(block.source, quote=False)}</footer>"
        return f"<blockquote{_attributes(cite=block.cite)}>{inner}</blockquote>"
    if isinstance(block, m.ListBlock):
        tag = "ol" if block.ordered else "ul"
        items = "".join(f"<li>{escape(item, quote=False)}</li>" for item in block.items)
        return f"<{tag}>{items}</{tag}>"
    image = block.image
    img = (
        f"<img{_attributes(src=image.url, alt=image.alt, width=image.width, height=image.height)}/>"
    )
    if image.caption is not None:
        img += f"<figcaption>{escape(image.caption, quote=False)}</figcaption>"
    if image.credit is not None:
        img += f'<small class="credit">{escape(image.credit, quote=False)}</small>'
    return f"<figure>{img}</figure>"
