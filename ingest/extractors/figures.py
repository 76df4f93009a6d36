"""Figures: numbers with units, normalised to the attribute units of the inventory.

``find_figures(text)`` reads one sentence and returns :class:`Figure` records:
``parameterCount`` / ``activeParameterCount`` (count), ``contextLength``
(tokens), ``memoryCapacityGB``, ``memoryBandwidthTBps``, ``fundingAmountUSD``
(US dollars) and ``chipCount``. Which entity a figure belongs to is decided from the
parse by :func:`ingest.extractors.attach.attach_figures` (``AttributeExtractor.SUBJECTS`` says which
classes each attribute may describe).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.extractors import register

SCALE = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mil": 1e6,
    "billion": 1e9, "b": 1e9, "bn": 1e9, "trillion": 1e12, "t": 1e12, "tn": 1e12,
}
_NUM = r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE = r"(thousand|million|billion|trillion|bn|tn|mn|[KkMBT])"
_SEP = r"\s*-?\s*"

_ACTIVE = re.compile(_NUM + _SEP + _SCALE + r"?" + _SEP + r"(?:(?:parameters?|params?)\s+)?"
                     r"(?:(?:are|is|were|remain|being|get|gets)\s+)?activ(?:e|ated)\b"
                     r"|" + _NUM + _SEP + _SCALE + _SEP + r"active[-\s]+param", re.IGNORECASE)
_ACTIVE2 = re.compile(r"\bactiv(?:e|ated)\s+param(?:eter)?s?\s+(?:of\s+|count\s+of\s+)?" + _NUM + _SEP + _SCALE, re.IGNORECASE)
_PARAMS = re.compile(_NUM + _SEP + _SCALE + _SEP + r"(?:total\s+)?(?:param(?:eter)?s?)\b", re.IGNORECASE)
_PARAMS2 = re.compile(r"\b(\d+(?:\.\d+)?)([BT])\b(?=\s+(?:model|LLM|MoE|dense|open))")
_CONTEXT = re.compile(_NUM + _SEP + r"(thousand|million|[KkM])?" + _SEP + r"tokens?" + _SEP + r"(?:of\s+)?context", re.IGNORECASE)
_CONTEXT2 = re.compile(r"(?:context(?:\s+(?:window|length))?|window)\s+(?:of\s+)?(?:up\s+to\s+)?" + _NUM + _SEP
                       + r"(thousand|million|[KkM])?" + _SEP + r"tokens?", re.IGNORECASE)
#: A context told by what a model takes in: "Nova Micro reads up to 128,000 tokens", "accepts about 1 million tokens".
_CONTEXT_VERBS = re.compile(r"\b(?:reads?|takes?|accepts?|handles?|ingests?|processes|process|considers?)\s+"
                            r"(?:up\s+to\s+|roughly\s+|about\s+|around\s+|as\s+many\s+as\s+)?" + _NUM + _SEP
                            + r"(thousand|million|[KkM])?" + _SEP + r"tokens?\b(?!\s*(?:of\s+)?(?:output|per\b|a\s+second|/s))",
                            re.IGNORECASE)
_TOKENS = re.compile(_NUM + _SEP + r"(thousand|million|[KkM])?" + _SEP + r"tokens?\b", re.IGNORECASE)
_GB = re.compile(_NUM + r"\s*-?\s*(GB|gigabytes?|TB|terabytes?|MB|megabytes?)\b(?!\s*(?:/|per)\s*s)", re.IGNORECASE)
_BW = re.compile(_NUM + r"\s*(TB|terabytes?|GB|gigabytes?|PB|petabytes?)\s*(?:/\s*s(?:ec)?|per\s+second|ps)\b|" + _NUM
                 + r"\s*(TBps|GBps|PBps|TB/s|GB/s|PB/s)", re.IGNORECASE)
_USD = re.compile(r"(?:US)?\$\s?" + _NUM + r"\s*(thousand|million|billion|trillion|bn|mn|[KkMB])?\b")
_CHIPS = re.compile(r"(?<![\w.$])" + _NUM + r"\s*(thousand|million|[Kk])?\s+(?:of\s+)?(?:(?:[A-Z0-9][\w.'’-]*\s+){0,3})(?:(?:graphics|AI|training|inference)\s+)?(?:GPUs|chips|accelerators|processors|TPUs|NPUs|LPUs|IPUs|XPUs|superchips|systems|servers|nodes|H\d{2,3}s|[A-Z]+\d{2,4}[A-Z]?s)\b")
#: Counts spelled out, as articles write the chips of one server or board ("combines eight H100 GPUs").
_COUNT_WORDS = {"eight": 8, "twelve": 12, "sixteen": 16, "thirty-two": 32, "sixty-four": 64, "seventy-two": 72}
_CHIPS_SPELLED = re.compile(r"\b(" + "|".join(_COUNT_WORDS) + r")\s+(?:of\s+)?(?:(?:its|their|the|Nvidia's|AMD's|"
                            r"[A-Z0-9][\w.'’-]*)\s+){0,3}(?:(?:graphics|AI)\s+)?(?:GPUs|chips|accelerators|"
                            r"processors|TPUs|NPUs|H\d{2,3}s|[A-Z]+\d{2,4}[A-Z]?s)\b", re.IGNORECASE)

_DIGIT = re.compile(r"\d")

MEMORY_WORDS = re.compile(r"\b(memory|HBM\w*|capacity|DRAM|SRAM|GDDR\w*|LPDDR\w*|HiBL|HiZQ)\b", re.IGNORECASE)
FUNDING_WORDS = re.compile(r"\b(rais\w*|fund\w*|round|invest\w*|financ\w*|backed|backing|commit\w*|secur\w*|injection|tranche|capital)\b"
                           r"|\b(?:put|puts|poured|pours|pumped|pumps|sunk|sinks)\b(?:[^.]|\.(?=\d)){0,60}\binto\b", re.IGNORECASE)


#: Money spent, not raised: "to spend $80 billion on", "$30 billion of compute", "a $38 billion agreement".
_A_PURCHASE_BEFORE = re.compile(r"\b(?:spend\w*|spent|rent\w*|lease\w*)\s+(?:up to|about|around|roughly|nearly|"
                                r"more than|over|another|a further)?\s*$")
_A_PURCHASE_AFTER = re.compile(r"\s*(?:-|\s)?(?:of\s+(?:[\w-]+\s+){0,2}?(?:compute|computing|capacity|chips|gpus|"
                               r"accelerators|servers|hardware|cloud services)\b"
                               r"|(?:(?!invest|fund|financ|equity|(?:in|a|an|the|to|for|with|from|by|of|and|or)\b)"
                               r"[\w-]+\s+)?(?:contract|deal|agreement|order|purchase)s?\b)")


def number(text: str, scale: str | None = None) -> float:
    """``"1,000"`` → 1000.0; ``("1.6", "trillion")`` → 1.6e12.

    >>> number("1.6", "T")
    1600000000000.0
    """
    value = float(text.replace(",", ""))
    if scale:
        value *= SCALE[scale.lower()]
    return value


#: What follows an amount of storage (and the amounts listed with it): "256 GB or 512 GB of SSD storage".
_STORAGE = re.compile(r"(?:\s*(?:,|and|or|to)\s*(?:\d[\d.,]*\s*[GT]B))*\s*(?:of\s+)?(?:(?:ssd|flash|nand|internal|"
                      r"onboard|local|solid-state)\s+)?(?:storage|ssd|ssds|disk|drive|drives)\b", re.IGNORECASE)


#: What follows the storage of a device's versions, in terabytes: "the 1 TB and 2 TB models".
_STORAGE_TIERS = re.compile(r"(?:\s*(?:,|and|or)\s*\d[\d.,]*\s*TB)*\s*(?:models?|versions?)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Figure:
    """A figure found in a sentence: attribute name, value in the attribute's unit, char span."""

    attribute: str
    value: float
    start: int
    end: int
    text: str


def find_figures(text: str) -> list[Figure]:
    """Every figure of the inventory in one sentence.

    >>> [(f.attribute, f.value) for f in find_figures("a 1.6-trillion-parameter model with 49 billion active")]
    [('parameterCount', 1600000000000.0), ('activeParameterCount', 49000000000.0)]
    >>> [(f.attribute, f.value) for f in find_figures("128 GB of HBM3e and 4 TB per second of bandwidth")]
    [('memoryCapacityGB', 128.0), ('memoryBandwidthTBps', 4.0)]
    """
    out: list[Figure] = []
    taken: list[tuple[int, int]] = []
    if not _DIGIT.search(text):  # every pattern but the spelled-out counts needs a digit
        return [Figure("chipCount", float(_COUNT_WORDS[m.group(1).lower()]), m.start(), m.end(), m.group(0))
                for m in _CHIPS_SPELLED.finditer(text)]

    def add(attribute, value, m):
        if any(s < m.end() and m.start() < e for s, e in taken):
            return
        taken.append((m.start(), m.end()))
        out.append(Figure(attribute, value, m.start(), m.end(), m.group(0)))

    low = text.lower()  # (cheap word checks first: each pattern below needs its word to match at all)
    active, tokens = "activ" in low, "token" in low
    for m in _ACTIVE.finditer(text) if active else ():
        num, scale = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        if scale or float(num.replace(",", "")) >= 1e6:
            add("activeParameterCount", number(num, scale), m)
    for m in _ACTIVE2.finditer(text) if active else ():
        add("activeParameterCount", number(m.group(1), m.group(2)), m)
    for m in _PARAMS.finditer(text) if "param" in low else ():
        add("parameterCount", number(m.group(1), m.group(2)), m)
    for m in _PARAMS2.finditer(text):
        add("parameterCount", number(m.group(1), m.group(2)), m)
    for rx in (_CONTEXT, _CONTEXT2, _CONTEXT_VERBS) if tokens else ():
        for m in rx.finditer(text):
            add("contextLength", number(m.group(1), m.group(2)), m)
    if tokens and re.search(r"\bcontext\b", text, re.IGNORECASE):  # "... context window from 8,000 to 128,000 tokens"
        for m in _TOKENS.finditer(text):
            after = text[m.end():m.end() + 20].lower()
            before = text[max(0, m.start() - 30):m.start()].lower()
            if re.match(r"\s*(?:of\s+)?(?:output|per\s|a\s+second|/s)", after) or re.search(r"(?:per|\$)\s*$", before):
                continue
            add("contextLength", number(m.group(1), m.group(2)), m)
    for m in _BW.finditer(text) if "/" in low or "per" in low or "ps" in low else ():
        before = text[max(0, m.start() - 40):m.start()].lower()
        after = text[m.end():m.end() + 30].lower()
        pattern = r"interconnect|nvlink|network|ethernet|infiniband|scale-up|scale-out|link|pcie|i/o"
        if re.search(pattern, before) or re.search(pattern, after):
            continue
        if m.group(1):
            value, unit = number(m.group(1)), m.group(2).lower()
        else:
            value, unit = number(m.group(3)), m.group(4).lower()
        add("memoryBandwidthTBps", value / 1000 if unit.startswith("g") else value * 1000 if unit.startswith("p")
            else value, m)  # "21 PB/s" of on-wafer SRAM is 21,000 TB/s
    if MEMORY_WORDS.search(text):
        for m in _GB.finditer(text):
            after = text[m.end():m.end() + 25].lower()
            if re.match(r"\s*(?:per|/)\s*s", after) or _STORAGE.match(text, m.end()) or (
                    m.group(2).lower().startswith("t") and _STORAGE_TIERS.match(text, m.end())):
                continue  # storage, not memory: "256 GB or 512 GB of storage", "the 1 TB and 2 TB models"
            unit = m.group(2).lower()
            if unit.startswith("m") and not re.match(r"\s*(?:of\s+)?(?:on-chip\s+|on-die\s+)?(?:SRAM|memory|cache)",
                                                     text[m.end():m.end() + 25], re.IGNORECASE):
                continue  # megabytes only as an amount of (on-chip) memory: "230 MB of SRAM"
            value = number(m.group(1)) * (1000 if unit.startswith("t") else 0.001 if unit.startswith("m") else 1)
            add("memoryCapacityGB", value, m)
    if "$" in text and FUNDING_WORDS.search(text):
        for m in _USD.finditer(text):
            after = text[m.end():m.end() + 40].lower()
            before = text[max(0, m.start() - 30):m.start()].lower()
            if re.match(r"\s*(?:-|\s)?(?:valuation|post-money|pre-money|market|revenue|in revenue|a year|per|annual)", after):
                continue
            if re.search(r"(?:valued at|valuation of|valuation at|valuation is|valuation was|valuation stands at|"
                         r"market value of|worth|revenue of|fined|fine of|at a)\s*(?:about|around|roughly|nearly|"
                         r"more than|over)?\s*$", before):
                continue
            if re.search(r"\bvalu(?:ed|ing|es)\s+(?:[\w.'’-]+\s+){1,3}at\s*(?:about|around|roughly|nearly|more than|over)?\s*$",
                         text[max(0, m.start() - 60):m.start()].lower()):
                continue  # "valued Graphcore at $2.77 billion", "valuing the company at $300 billion"
            if _A_PURCHASE_BEFORE.search(before) or _A_PURCHASE_AFTER.match(after):
                continue  # "committed to buy $30 billion of compute", "a $38 billion agreement": spending
            amount = number(m.group(1), m.group(2))
            if amount < 100_000:
                continue  # "a $70 AI Kit", "$30,000 a chip": a price, no round
            add("fundingAmountUSD", amount, m)
    for m in _CHIPS.finditer(text):
        value = number(m.group(1), m.group(2))
        if value >= 8 and value == int(value):
            add("chipCount", value, m)
    for m in _CHIPS_SPELLED.finditer(text) if any(w in low for w in _COUNT_WORDS) else ():
        add("chipCount", float(_COUNT_WORDS[m.group(1).lower()]), m)
    out.sort(key=lambda f: f.start)
    return out


@register("kg.attributes.v1")
class AttributeExtractor:
    """The attribute extractor of the registry: figures attached to the entity they describe (the class the
    attribute needs, nearest in the parse; see :func:`ingest.extractors.attach.attach_figures`)."""

    #: attribute -> entity classes its subject may have
    SUBJECTS = {
        "parameterCount": ("AIModel",),
        "activeParameterCount": ("AIModel",),
        "contextLength": ("AIModel",),
        "memoryCapacityGB": ("Chip",),
        "memoryBandwidthTBps": ("Chip",),
        "fundingAmountUSD": ("Organization", "Lab", "ChipDesigner", "Foundry", "MemoryVendor",
                             "CloudProvider", "ResearchOrganization", "Investor"),
        "chipCount": ("AIModel", "Organization", "Lab", "ChipDesigner", "CloudProvider"),
    }


_SIZE_IN_NAME = re.compile(r"(?:^|[\s-])(\d+(?:\.\d+)?)([BMT])$")


def size_in_name(label: str) -> float | None:
    """The parameter count a model's name states ("Llama 3.1 405B" -> 4.05e11), if any.

    >>> size_in_name("Qwen2.5 72B")
    72000000000.0
    """
    m = _SIZE_IN_NAME.search(label)
    return number(m.group(1), m.group(2)) if m else None


__all__ = ["Figure", "find_figures", "number", "size_in_name", "AttributeExtractor"]
