"""IPTC ninjs 3.1 ("News in JSON"): export for systems that speak IPTC JSON, and import.

:func:`dumps` writes one ninjs object that validates against the ninjs 3.1 JSON Schema: the
headline, the standfirst as a summary description, the body twice (plain text, and XHTML that
keeps its structure: headings, block quotes, lists, figures and inline links), authors as
``people`` and ``organisations``, the publisher as an ``infoSource``, keywords and the section as
``subjects``, images as picture ``associations``. :func:`loads` reads it back, and reads the
ninjs that other systems write (IPTC's own examples among them).

ninjs 3.1 has no extension mechanism: every object in its schema forbids properties it does not
define. What it has no place for is **not written**, and does not come back:

- quotes and their attributions, the comment section, corrections;
- a byline's role and affiliation; the order of person bylines relative to organisation
  bylines (people come back first);
- the date and agency of a dateline (its place is ``located``); the publisher's logo;
- days without a time: ninjs dates are date-times, so a publication or modification *day* is
  left out, and an article with a modification time but no publication time comes back
  published at that time; a modification time equal to the publication time comes back as
  none.
"""

from __future__ import annotations

from ._codecs.ninjs.read import from_dict, loads, loads_all, sniff
from ._codecs.ninjs.write import PROFILE, SCHEMA_URI, dumps, to_dict

__all__ = [
    "PROFILE",
    "SCHEMA_URI",
    "dumps",
    "from_dict",
    "loads",
    "loads_all",
    "sniff",
    "to_dict",
]
