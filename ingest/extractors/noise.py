"""Web-page noise: navigation and teaser lines that carry no claims of the article.

>>> noise_spans("Body text.\\nRead more: Nvidia ships the H200\\nMore body.")
[(11, 43)]

Pages saved from the web keep lines like "Read more: <another headline>", menus ("Home | Chips | Models"),
"Advertisement", "Tags: ...", image captions ("[Image: ...]", "Caption: ..."), and
related-link lists ("Related coverage" or "More from <site>" followed by headlines,
bulleted or not, up to the next blank line). Their headlines belong to other articles: a claim read
from them would be attributed to this one. :func:`noise_spans` returns the
character ranges of such lines; the pipeline ignores mentions inside them.
"""

from __future__ import annotations

import re

#: A line that starts with one of these is navigation, whatever follows.
_PREFIX = re.compile(
    r"^\s*(?:[#>*\-•]+\s*)?(?:read more|read next|read also|also read|more from|more on this|see also|"
    r"related(?: articles?| coverage| stories| posts| reading| content| news| links)?\s*:|"
    r"recommended(?: for you| reading)?\s*:|subscribe|sign up|follow us|click here|watch\s*:|listen\s*:|"
    r"tags?\s*:|topics?\s*:|advertisement\b|sponsored\b|share this|you may also like|you might also like|"
    r"most read|trending now|popular now|\[?image\s*:|caption\s*:|photo\s*:|credit\s*:)",
    re.IGNORECASE)
#: A short heading that opens a list of links ("Related Articles", "More coverage").
_LIST_HEADING = re.compile(
    r"^\s*(?:#+\s*)?(?:related|recommended|more|trending|popular|latest|further reading|read more)"
    r"(?:\s+[A-Za-z]+){0,4}\s*:?\s*$", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[-*•>]|\d+[.)])\s+")
#: A menu: three or more short items between bars or dots ("Home | Chips | Models | Funding").
_MENU = re.compile(r"^\s*[^|·•.!?]{1,30}(?:\s*[|·•]\s*[^|·•.!?]{1,30}){2,}\s*$")
#: A headline in a list of links: no closing full stop ("Alibaba widens Qwen3 family with coding models").
_HEADLINE = re.compile(r"^\s*\S.{0,140}[^.!?\"”’:]\s*$")


def noise_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` character ranges of navigation lines and related-link lists in ``text``."""
    out: list[tuple[int, int]] = []
    offset = 0
    in_list = False
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        start, end = offset, offset + len(body)
        offset += len(line)
        if not body.strip():
            in_list = False
            continue
        if _LIST_HEADING.match(body):
            in_list = True
            out.append((start, end))
        elif in_list and (_BULLET.match(body) or _HEADLINE.match(body)):
            out.append((start, end))
        elif _PREFIX.match(body) or _MENU.match(body):
            in_list = False
            out.append((start, end))
        else:
            in_list = False
    return out


__all__ = ["noise_spans"]
