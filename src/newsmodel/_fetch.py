"""Articles named by ``http(s)://`` URL, fetched with the standard library.

One GET with a timeout and a size cap; the URL stays the article's URL. A charset the server
declares in ``Content-Type`` outranks the one the document declares (as in browsers): the
bytes are re-encoded as UTF-8 behind a byte-order mark, which every reader honours first.
No cookies, no JavaScript, no retries: pages that need more are fetched by a crawler, and
their WARC files read.
"""

from __future__ import annotations

import codecs
import urllib.error
import urllib.parse
import urllib.request
from email.message import Message
from pathlib import PurePosixPath

from ._payload import expand
from .errors import ParseError

__all__ = ["MAX_BYTES", "TIMEOUT_SECONDS", "USER_AGENT", "fetch", "is_url", "stem"]

#: Seconds to wait for the server to connect or to send more.
TIMEOUT_SECONDS = 30.0
#: The most bytes one page may have.
MAX_BYTES = 32 * 1024 * 1024
USER_AGENT = "newsmodel (+https://pypi.org/project/newsmodel/)"

_SCHEMES = ("http://", "https://")
_UTF8_BOM = b"\xef\xbb\xbf"


def is_url(name: str) -> bool:
    """Whether an input names a web page rather than a file."""
    return name.lower().startswith(_SCHEMES)


def stem(url: str) -> str:
    """An output name for a URL: the last part of its path without extension, or its host."""
    parsed = urllib.parse.urlsplit(url)
    last = PurePosixPath(urllib.parse.unquote(parsed.path)).stem
    return last or parsed.hostname or "page"


def fetch(url: str, *, timeout: float = TIMEOUT_SECONDS, max_bytes: int = MAX_BYTES) -> bytes:
    """The body of ``url``, decompressed, re-encoded as UTF-8 when the server names a charset.

    Raises:
        ParseError: the server cannot be reached, answers with an error status, sends more
            than ``max_bytes``, or is too slow.
    """
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read(max_bytes + 1)
            headers: Message = response.headers
    except urllib.error.HTTPError as error:
        raise ParseError(f"cannot fetch: HTTP {error.code} {error.reason}", source=url) from error
    except urllib.error.URLError as error:
        raise ParseError(f"cannot fetch: {error.reason}", source=url) from error
    except (TimeoutError, OSError) as error:
        raise ParseError(f"cannot fetch: {error}", source=url) from error
    if len(body) > max_bytes:
        raise ParseError(f"cannot fetch: the page is larger than {max_bytes} bytes", source=url)
    body = expand(body)
    charset = headers.get_content_charset()
    if charset is None or body.startswith(_UTF8_BOM):
        return body
    try:
        text = body.decode(codecs.lookup(charset).name)
    except (LookupError, UnicodeDecodeError):
        return body  # a wrong or unknown header: the document's own declaration decides
    return _UTF8_BOM + text.encode("utf-8")
