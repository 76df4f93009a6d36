"""Colours and shapes per entity class, shared by the page and the DOT export."""

from __future__ import annotations

#: class -> (colour, vis-network shape, Graphviz shape)
CLASS_STYLE: dict[str, tuple[str, str, str]] = {
    "AIModel": ("#4e79a7", "dot", "ellipse"),
    "Chip": ("#f28e2b", "square", "box"),
    "MemoryTechnology": ("#edc948", "triangle", "triangle"),
    "Foundry": ("#e15759", "diamond", "diamond"),
    "MemoryVendor": ("#b07aa1", "triangleDown", "invtriangle"),
    "ChipDesigner": ("#ff9da7", "square", "hexagon"),
    "Lab": ("#59a14f", "star", "octagon"),
    "CloudProvider": ("#76b7b2", "hexagon", "cylinder"),
    "Investor": ("#9c755f", "diamond", "house"),
    "Organization": ("#bab0ac", "dot", "ellipse"),
    "ResearchOrganization": ("#8cd17d", "star", "doubleoctagon"),
    "Government": ("#d37295", "square", "tab"),
    "Publisher": ("#a0cbe8", "dot", "note"),
    "License": ("#d4a6c8", "triangle", "component"),
    "Person": ("#86bcb6", "dot", "egg"),
}
#: vis shape -> the character the legend shows for it
SHAPE_GLYPH = {"dot": "\u25cf", "square": "\u25a0", "diamond": "\u25c6", "star": "\u2605", "triangle": "\u25b2",
               "triangleDown": "\u25bc", "hexagon": "\u2b22"}
DEFAULT_STYLE = ("#79706e", "dot", "ellipse")
NEGATED_COLOUR = "#d62728"
EDGE_COLOUR = "#8c8c8c"
HIGHLIGHT_COLOUR = "#111111"


def style(cls: str | None) -> tuple[str, str, str]:
    """(colour, vis shape, Graphviz shape) for an entity class."""
    return CLASS_STYLE.get(cls or "", DEFAULT_STYLE)
