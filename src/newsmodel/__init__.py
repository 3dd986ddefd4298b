"""newsmodel: a typed model of news articles, with parsers and lossless codecs.

The model lives here; each wire format is a module of its own with the same surface
(``newsmodel.json.dumps`` / ``newsmodel.json.loads`` …).
"""

from importlib import metadata as _metadata

from ._formats import (
    Codec,
    Decoder,
    Format,
    Parser,
    available_formats,
    detect_format,
    get_format,
    register_format,
)
from ._model import (
    Article,
    Attribution,
    Block,
    BlockQuote,
    Byline,
    BylineKind,
    Comment,
    CommentThread,
    Correction,
    Dateline,
    Figure,
    Heading,
    Image,
    Link,
    ListBlock,
    Organization,
    Paragraph,
    Quote,
    QuoteKind,
    SourceKind,
    Span,
    TextPart,
)
from ._validate import Problem, validate
from .errors import (
    ExtractionError,
    FormatError,
    GuessWarning,
    InvalidArticleError,
    NewsModelError,
    NewsModelWarning,
    NotAnArticleError,
    ParseError,
)

try:
    __version__ = _metadata.version("newsmodel")
except _metadata.PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = [
    "Article",
    "Attribution",
    "Block",
    "BlockQuote",
    "Byline",
    "BylineKind",
    "Codec",
    "Comment",
    "CommentThread",
    "Correction",
    "Dateline",
    "Decoder",
    "ExtractionError",
    "Figure",
    "Format",
    "FormatError",
    "GuessWarning",
    "Heading",
    "Image",
    "InvalidArticleError",
    "Link",
    "ListBlock",
    "NewsModelError",
    "NewsModelWarning",
    "NotAnArticleError",
    "Organization",
    "Paragraph",
    "ParseError",
    "Parser",
    "Problem",
    "Quote",
    "QuoteKind",
    "SourceKind",
    "Span",
    "TextPart",
    "__version__",
    "available_formats",
    "detect_format",
    "get_format",
    "register_format",
    "validate",
]
