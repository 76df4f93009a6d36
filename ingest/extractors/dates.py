"""Dates: resolve a date phrase against the article's own date, at the precision the text gives.

``"April 24"`` → ``2026-04-24``; ``"last month"`` → ``2026-01``; ``"next year"`` →
``2027``; ``"the first quarter of 2026"`` / ``"Q1 2026"`` → ``2026-Q1``;
``"early June 2026"`` → ``2026-06``; ``"the second half of 2025"`` → ``2025-H2``
is not an inventory precision, so halves give the year. dateparser handles
day-precision phrases (with ``RELATIVE_BASE`` = the article date); quarters,
halves, seasons and early/late are ours, because dateparser gets them wrong.
"""

from __future__ import annotations

import re
from datetime import date

from ingest.extractors.lexicon import NUMBER_WORDS

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
        "final": 4, "last": 4}
_MONTH_RE = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_YEAR_RE = r"((?:19|20)\d\d)"
_HOLIDAYS = {"christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
             "boxing day": (12, 26), "new year's eve": (12, 31), "new year's day": (1, 1),
             "new year’s eve": (12, 31), "new year’s day": (1, 1), "halloween": (10, 31),
             "valentine's day": (2, 14), "valentine’s day": (2, 14)}
_SEASONS = {"spring": 4, "summer": 7, "autumn": 10, "fall": 10, "winter": 1}


def _parse_base(base: str | None) -> date | None:
    if not base:
        return None
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", base)
    if not m:
        return None
    return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))


_YEAR_SHIFT = {"last": -1, "previous": -1, "this": 0, "current": 0, "next": 1, None: 0}


def resolve_date(text: str, base: str | None = None) -> str | None:
    """An ISO date (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``YYYY-Qn``) for a date phrase.

    Parameters
    ----------
    text : the phrase, e.g. "April 24", "last month", "the fourth quarter of 2026"
    base : the article's date (ISO), used for phrases without a year

    Returns
    -------
    str or None
        None when the phrase is not a date this function can place.

    Examples
    --------
    >>> resolve_date("the first quarter of 2026")
    '2026-Q1'
    >>> resolve_date("April 24", "2026-06-26")
    '2026-04-24'
    >>> resolve_date("last month", "2026-02-17")
    '2026-01'
    >>> resolve_date("early June 2026")
    '2026-06'
    """
    t = " ".join(text.lower().replace(",", " ").split())
    t = re.sub(r"^(?:in|on|at|by|during|from|until|since|as of|the|of)\s+", "", t)
    t = re.sub(r"^(?:the)\s+", "", t)
    today = _parse_base(base)
    if re.search(r"\b(?:that|(?:the )?same) (?:year|month)\b", t):
        return None  # "the last quarter of that year": placed against an earlier date (resolve_relative)
    # quarters: "first quarter of 2026", "Q4 2026", "4Q26", "the fourth quarter"
    m = re.fullmatch(r"(last|previous|this|current|next)\s+quarter", t)
    if m and today:  # "this quarter", "next quarter": counted from the article's own quarter
        index = today.year * 4 + (today.month - 1) // 3 + _YEAR_SHIFT[m.group(1)]
        return f"{index // 4}-Q{index % 4 + 1}"
    m = re.search(r"\b(first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+(?:fiscal\s+|calendar\s+)?quarter"
                  r"(?:\s+of)?(?:\s+" + _YEAR_RE + r"|\s+(?:the\s+)?(last|this|next|current)\s+year)?", t)
    if m:
        year = m.group(2) or (str(today.year + _YEAR_SHIFT.get(m.group(3), 0)) if today else None)
        return f"{year}-Q{_ORD[m.group(1)]}" if year else None
    m = re.search(r"\b(first|last|final)\s+three\s+months\s+of\s+" + _YEAR_RE, t)
    if m:  # "the first three months of 2026": its first quarter
        return f"{m.group(2)}-Q{1 if m.group(1) == 'first' else 4}"
    m = re.search(r"\bq([1-4])\s*(?:of\s+)?'?(\d{2,4})?\b", t)
    if m:
        year = m.group(2)
        if year and len(year) == 2:
            year = "20" + year
        year = year or (str(today.year) if today else None)
        return f"{year}-Q{m.group(1)}" if year else None
    # halves and early/late/mid year: the year
    m = re.search(r"\b(?:first|second|1st|2nd)\s+half(?:\s+of)?\s+" + _YEAR_RE, t)
    if m:
        return m.group(1)
    m = re.search(r"\b(?:early|mid|late|end of|start of|beginning of|mid-)\s*-?\s*" + _YEAR_RE + r"\b", t)
    if m and not re.search(_MONTH_RE + r"\s+" + _YEAR_RE, t):
        return m.group(1)
    # seasons with a year: "summer 2025" -> the year
    m = re.search(r"\b(spring|summer|autumn|fall|winter)\s+(?:of\s+)?" + _YEAR_RE, t)
    if m:
        return m.group(2)
    # "early June 2026", "June 2026", "late January"
    m = re.search(r"^(?:early|mid|late|end of|start of|beginning of|middle of(?: the)?)?\s*-?\s*" + _MONTH_RE + r"(?:\s+(?:of\s+)?" + _YEAR_RE + r")?$", t)
    if m:
        month = MONTHS[m.group(1).rstrip(".")[:4] if m.group(1).startswith("sept") else m.group(1).rstrip(".")[:3]]
        if m.group(2):
            return f"{m.group(2)}-{month:02d}"
        if today:
            year = today.year if month <= today.month + 1 else today.year - 1
            return f"{year}-{month:02d}"
        return None
    # "April 24, 2026", "24 April 2026", "April 24"
    m = re.search(_MONTH_RE + r"\s+(\d{1,2})(?:st|nd|rd|th)?(?:\s+" + _YEAR_RE + r")?\b", t) or None
    d = None
    if m:
        month = MONTHS[m.group(1).rstrip(".")[:3]]
        day, year = int(m.group(2)), m.group(3)
        d = (year, month, day)
    else:
        m = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH_RE + r"(?:\s+" + _YEAR_RE + r")?\b", t)
        if m:
            d = (m.group(3), MONTHS[m.group(2).rstrip(".")[:3]], int(m.group(1)))
    if d:
        year, month, day = d
        if not year:
            if not today:
                return None
            year = today.year if (month, day) <= (today.month, today.day) or month <= today.month + 1 else today.year - 1
        try:
            return date(int(year), month, day).isoformat()
        except ValueError:
            return None
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", t)
    if m:
        return t
    m = re.fullmatch(_YEAR_RE, t)
    if m:
        return m.group(1)
    # fixed-date holidays: "Christmas Eve", "the day after Christmas", "New Year's Day"
    m = re.fullmatch(r"(?:(?:the\s+)?day\s+(after|before)\s+)?(?:the\s+)?(" + "|".join(_HOLIDAYS) + r")(?:\s+" + _YEAR_RE + r")?", t)
    if m and (today or m.group(3)):
        month, day = _HOLIDAYS[m.group(2)]
        if m.group(3):
            year = int(m.group(3))
        else:
            year = today.year if (month, day) <= (today.month, today.day) or month <= today.month + 1 else today.year - 1
        shift = {"after": 1, "before": -1, None: 0}[m.group(1)]
        return date.fromordinal(date(year, month, day).toordinal() + shift).isoformat()
    # "earlier in June", "late in 2024", "later in the year": the period itself, at its own precision
    m = re.fullmatch(r"(?:early|earlier|late|later|mid)\s+in\s+(?:the\s+)?(.+)", t)
    if m and m.group(1) != "day":
        return resolve_date("this year" if m.group(1) == "year" else m.group(1), base)
    # relative phrases against the article date
    if today:
        m = re.fullmatch(r"(?:(?:early|late|mid|earlier|later)\s*-?\s*|(?:end|start|beginning|middle|close|"
                         r"first half|second half)\s+of\s+(?:the\s+)?)((?:last|past|previous|this|next) (?:month|year)|year)",
                         t)
        if m:  # "late last year", "the end of last month": the period's own precision; "the year" is this one
            return resolve_date("this year" if m.group(1) == "year" else m.group(1), base)
        if re.fullmatch(r"(?:last|past|previous) month", t):
            y, mth = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
            return f"{y}-{mth:02d}"
        if re.fullmatch(r"(?:this|current) month", t):
            return f"{today.year}-{today.month:02d}"
        if t == "next month":
            y, mth = (today.year, today.month + 1) if today.month < 12 else (today.year + 1, 1)
            return f"{y}-{mth:02d}"
        if re.fullmatch(r"(?:last|past|previous) year", t):
            return str(today.year - 1)
        if re.fullmatch(r"(?:this|current) year|(?:earlier|later) this year", t):
            return str(today.year)
        if t == "next year":
            return str(today.year + 1)
        m = re.fullmatch(_MONTH_RE + r"\s+(?:of\s+)?(last|this|next) year", t)
        if m:  # "February last year"
            month = MONTHS[m.group(1).rstrip(".")[:4] if m.group(1).startswith("sept") else m.group(1).rstrip(".")[:3]]
            year = today.year + {"last": -1, "this": 0, "next": 1}[m.group(2)]
            return f"{year}-{month:02d}"
        if t in {"this week", "earlier this week", "later this week", "this month", "earlier this month",
                 "later this month", "early this month", "late this month", "start of the month",
                 "beginning of the month", "start of this month", "beginning of this month", "middle of the month",
                 "end of the month"}:
            return f"{today.year}-{today.month:02d}"
        if t in {"the coming months", "coming months", "the next few months", "next few months"}:
            # "due in the coming months": this year (late in a year they may run into the next). ("In the coming
            # weeks" is left undated: the annotated sets date it as often as not.)
            return str(today.year) if today.month <= 9 else None
        if t in {"next week", "the following week", "the week after"}:
            d = date.fromordinal(today.toordinal() + 7)
            return f"{d.year}-{d.month:02d}"
        m = re.fullmatch(r"(?:about |roughly |some |nearly |almost )?(a|an|\d+|[a-z]+) (year|years|month|months) ago", t)
        if m and (m.group(1).isdigit() or m.group(1) in _COUNTS):
            n = int(m.group(1)) if m.group(1).isdigit() else _COUNTS[m.group(1)]
            if m.group(2).startswith("year"):  # "a year ago": that month last year; "two years ago": the year
                return f"{today.year - n}-{today.month:02d}" if n == 1 else str(today.year - n)
            months = today.year * 12 + today.month - 1 - n  # "three months ago"
            return f"{months // 12}-{months % 12 + 1:02d}"
        if t in {"last week", "a week ago", "past week"}:
            d = date.fromordinal(today.toordinal() - 7)
            return f"{d.year}-{d.month:02d}"
        if t in {"end of the year", "the end of the year", "end of this year", "year-end", "year end",
                 "the end of this year", "later in the year"}:
            return str(today.year)
        if t in {"end of next year", "the end of next year"}:
            return str(today.year + 1)
        if t in {"early this year", "earlier this year", "later this year", "late this year", "this spring",
                 "this summer", "this autumn", "this fall", "this winter"}:
            return str(today.year)
        if t in {"early next year", "later next year", "late next year", "next spring", "next summer"}:
            return str(today.year + 1)
        if t in {"today", "tonight", "this morning", "this afternoon"}:
            return today.isoformat()
        if t == "yesterday":
            return date.fromordinal(today.toordinal() - 1).isoformat()
        m = re.fullmatch(r"(?:last\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)", t)
        if m:  # news usage: "on Monday" is the latest Monday up to the article's date
            wanted = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].index(m.group(1))
            back = (today.weekday() - wanted) % 7
            if t.startswith("last") and back == 0:
                back = 7
            return date.fromordinal(today.toordinal() - back).isoformat()
        m = re.fullmatch(r"(?:last|this|next) (spring|summer|autumn|fall|winter)", t)
        if m:
            shift = {"last": -1, "this": 0, "next": 1}[t.split()[0]]
            return str(today.year + shift) if shift != 0 or True else None
        m = re.fullmatch(r"(?:last|this) (january|february|march|april|may|june|july|august|september|october|november|december)", t)
        if m:
            month = MONTHS[m.group(1)]
            year = today.year if month < today.month else today.year - 1
            return f"{year}-{month:02d}"
    return None


_COUNTS = {"a": 1, "an": 1, **NUMBER_WORDS}


_SAME_DAY = re.compile(r"(?:on\s+)?(?:(?:that|the|the very)\s+same\s+day|(?:later\s+)?that\s+day)", re.IGNORECASE)


def same_day(text: str) -> bool:
    """Whether ``text`` is "the same day" / "that day": a day only the sentence or the one before can name."""
    return bool(_SAME_DAY.fullmatch(" ".join(text.split())))


def resolve_relative(text: str, reference: str | None) -> str | None:
    """An ISO date for a phrase placed against an earlier date of the text, not the article's own.

    Parameters
    ----------
    text : the phrase, e.g. "that year", "the following month", "three months later",
        "the last quarter of that year"
    reference : the date the text named last (ISO, any precision)

    Returns
    -------
    str or None
        None when the phrase is not such a date, or the reference is too coarse for it.

    Examples
    --------
    >>> resolve_relative("the following month", "2024-04")
    '2024-05'
    >>> resolve_relative("the last quarter of that year", "2026-Q1")
    '2026-Q4'
    >>> resolve_relative("three months later", "2025-11-20")
    '2026-02'
    >>> resolve_relative("May that year", "2023")
    '2023-05'
    >>> resolve_relative("the same day", "2024-12-03")
    '2024-12-03'
    """
    if not reference or not re.match(r"\d{4}", reference):
        return None
    t = " ".join(text.lower().replace(",", " ").split())
    t = re.sub(r"^(?:in|on|at|by|during|from|until|since|of)\s+", "", t)
    year = int(reference[:4])
    month = int(reference[5:7]) if re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", reference) else None
    m = re.fullmatch(r"(?:the\s+)?(first|second|third|fourth|final|last)\s+quarter\s+of\s+(?:that|the same)\s+year", t)
    if m:
        return f"{year}-Q{_ORD[m.group(1)]}"
    if re.fullmatch(r"(?:(?:early|late|later|earlier|mid|the end of|the start of|the beginning of|the middle of)\s+)?"
                    r"(?:that|the same) year", t):
        return str(year)
    m = re.fullmatch(r"(?:(?:early|late|mid|the end of|the start of|the beginning of|the middle of)\s+)?([a-z]+)\.?"
                     r"\s+(?:of\s+)?(that|the same|the following|the preceding) year", t)
    if m and m.group(1) in MONTHS:  # "in May that year", "in March of the following year"
        shift = {"the following": 1, "the preceding": -1}.get(m.group(2), 0)
        return f"{year + shift}-{MONTHS[m.group(1)]:02d}"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", reference) and _SAME_DAY.fullmatch(t):
        return reference  # "Nova Pro became available the same day": the day named last
    if month is not None and re.fullmatch(r"(?:(?:early|late|later|earlier|the end of|the start of)\s+)?"
                                          r"(?:that|the same) month", t):
        return f"{year}-{month:02d}"
    step = None
    m = re.fullmatch(r"(?:the\s+)?(following|preceding)\s+(month|year)", t)  # ("the next month": the article's)
    if m:
        step = (1 if m.group(1) == "following" else -1, m.group(2))
    m = re.fullmatch(r"(?:the\s+)?(month|year)\s+(after|before)", t)
    if m:
        step = (1 if m.group(2) == "after" else -1, m.group(1))
    m = re.fullmatch(r"(" + "|".join(_COUNTS) + r"|\d{1,2})\s+(months?|years?)\s+(later|earlier|after|before)", t)
    if m:
        n = _COUNTS.get(m.group(1)) or int(m.group(1))
        step = (n if m.group(3) in {"later", "after"} else -n, m.group(2).rstrip("s"))
    if step is None:
        return None
    n, unit = step
    if unit == "year":
        return str(year + n)
    if month is None:
        return None  # ("the following month" after a bare year)
    index = year * 12 + month - 1 + n
    return f"{index // 12}-{index % 12 + 1:02d}"


_OF_WHICH_YEAR = re.compile(r"\s*of\s+(?:that|the\s+same|the\s+following|the\s+preceding)\s+year\b", re.IGNORECASE)


def of_which_year(doc, ent) -> str:
    """The words after a month the recogniser left out of its date, when they place it against the text's last
    date ("March" + " of the following year"), or ""."""
    if len(ent) != 1 or ent.text.lower().rstrip(".") not in MONTHS:
        return ""
    m = _OF_WHICH_YEAR.match(doc.text[ent.end_char:ent.end_char + 40])
    return " " + " ".join(m.group(0).split()) if m else ""


_VERIFIED = re.compile(
    r"(?:verified|updated|published|posted|last updated|reviewed)\s*:?\s*(?:on\s+)?"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+|(?:mon|tue|wed|thu|fri|sat|sun)\.?,?\s+)?"
    r"((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d\d"
    r"|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d\d"
    r"|(?:19|20)\d\d-\d{2}-\d{2})", re.IGNORECASE)
_DATELINE = re.compile(
    r"^[A-Z][A-Za-z .,'-]{1,60},\s+((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d\d)"
    r"\s*(?:\(|/|--|—|-)", re.IGNORECASE | re.MULTILINE)


_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
#: A byline line that is only a date, maybe with a reading time: "Wednesday 24 September 2025 · 6 min read".
_DATE_LINE = re.compile(
    r"^[ \t]*" + _WEEKDAY +
    r"((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d\d"
    r"|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d\d)"
    r"[ \t]*(?:[·|•—-][^\n]{0,40})?$", re.IGNORECASE | re.MULTILINE)


def find_published(text: str) -> str | None:
    """The article's own date found in its text: a "Verified June 26, 2026"-like line, a dateline, or a
    byline line that holds only a date ("Wednesday 24 September 2025 · 6 min read").

    Only the first 3,000 characters are searched (where bylines and datelines are).

    >>> find_published("SEOUL, March 3, 2025 (Reuters) - Samsung said ...")
    '2025-03-03'
    """
    head = text[:3000]
    for pattern in (_DATELINE, _VERIFIED, _DATE_LINE):
        m = pattern.search(head)
        if m:
            resolved = resolve_date(m.group(1))
            if resolved and len(resolved) == 10:
                return resolved
    return None


def ago_dates_an_event(ent) -> bool:
    """A date counted back ("a year ago") dates the verb it hangs on, if it hangs on one ("came out a year
    ago"); any other date is kept as it is."""
    ago = next((t for t in ent if t.lower_ == "ago"), None)
    if ago is None:
        return True
    verb = ago.head
    negated = ent.start > 0 and ent.doc[ent.start - 1].lower_ in {"not", "than"}  # ("not two years ago but ...")
    debut = verb.lower_ == "made" and any(c.dep_ == "dobj" and c.lower_ == "debut" for c in verb.children)
    return not negated and verb.tag_ in {"VBD", "VBN"} and (verb.lower_ in _DATED_BY_AGO or debut)
    # (a past release or round; not "said two years ago that X would ship", "was a startup a year ago",
    #  "chose to release X a year ago", "first shown a year ago")


#: Past-tense verbs of coming out or raising money that "N years ago" dates.
_DATED_BY_AGO = frozenset({"released", "launched", "came", "arrived", "debuted", "shipped", "published",
                           "open-sourced", "raised", "closed", "secured", "founded", "appeared"})


__all__ = ["resolve_date", "find_published"]
