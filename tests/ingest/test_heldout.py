"""The extractor on the project's held-out sets, ``tests/ingest/heldout*/`` (written for the project).

Every article is read with the real readers, extracted with the real spaCy
pipeline, converted to the scorer's JSON Lines shape and scored against its
gold file with :mod:`ingest.scoring`. The floors sit a little below what the
extractor reached (each set's README records the figures), so these tests
catch regressions; raise them as the extractor improves. Never tune
extraction rules to the sentences of these sets: ``heldout2`` in particular was
written blind, while the extractor was being improved, to measure how its
rules generalise.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from ingest.readers import iter_documents
from ingest.scoring import ArticleScore, read_jsonl, score_article

pytestmark = pytest.mark.slow

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Floors:
    articles: int
    strict_f1: float
    lenient_f1: float
    attribute_recall: float
    #: false assertions known and left, each explained where the set is listed (any other one fails the test)
    known_false: tuple[str, ...] = ()


# heldout: 0.494 strict F1 (3 false assertions) when written; 0.808 after three rounds (0 false).
# heldout2: 0.622 when written blind, 0.631 after round 2 (still unseen by the extractor's authors),
# 0.765 after round 3, which tuned on it (so it is no longer blind).
# heldout3: 0.596 when written blind (session 2); 0.702 after general rules and a wider gazetteer.
# heldout4: 0.644 and 5 false assertions when written blind (session 2); 0.737 and none after fixes.
# heldout5: 0.600 and no false assertion when written blind (session 2); 0.664 after.
# heldout6: 0.584 and 1 false assertion when written blind (session 2); 0.659 after.
# heldout7: 0.639 and 1 false assertion when written blind at the end of session 2; 0.658 after.
# heldout8: 0.636 and 1 false assertion when written blind at the end of session 2; 0.679 after.
# heldout9 / heldout10: 0.577 / 0.654 when written blind (session 3); heldout11 / heldout12 (short news items):
# 0.667 / 0.747; heldout13 / heldout14: 0.570 / 0.561; heldout15 / heldout16: 0.566 / 0.669; heldout17 /
# heldout18: 0.641 / 0.687 (0.675 / 0.699 with this session's rules, still blind); heldout19 / heldout20, written
# last: 0.704 / 0.641 (0.719 / 0.694 with this session's rules, still blind). Each was scored
# before it was used for tuning (the commits are in each set's README).
# Session 4: heldout21 / heldout22 0.683 / 0.544 when written blind (0.680 / 0.544 after four rule commits, still
# blind); heldout23 / heldout24 0.500 / 0.630 (0.505 / 0.636 after ten); heldout25 / heldout26, written last,
# 0.518 / 0.600 with session 3's rules and 0.569 / 0.616 with session 4's rules and wider gazetteer, still blind.
# Session 5: heldout27 / heldout28, written blind at its start, 0.690 (1 false) / 0.597 with session 4's extractor
# and 0.696 (1 false) / 0.594 after 26 commits of session 5, still blind; heldout26 (still unseen) 0.616 -> 0.618.
# heldout29 / heldout30, written blind at the end of session 5: 0.669 (2 false) / 0.633 with session 4's extractor,
# 0.729 (2 false) / 0.646 with session 5's; then only heldout29's two false assertions were looked at and fixed.
# Session 6: heldout31 / heldout32 written blind at its start, heldout33 / heldout34 during it: 0.646 (4 false) /
# 0.612 / 0.658 / 0.701 (2 false) with session 5's extractor; heldout31 was then used to find rules; heldout32-34
# still blind at the end of the session: 0.612 / 0.658 / 0.701 (2 false), then heldout34's false assertions fixed.
# Session 7: heldout35-38 written blind at its start: 0.718 / 0.604 (5 false) / 0.592 (1 false) / 0.661 (1 false)
# with session 6's extractor, 0.718 / 0.608 / 0.597 / 0.661 still blind after 17 commits of session 7 (78ec461);
# then their seven false assertions were looked at and fixed with general rules. heldout39 / heldout40, written
# blind during session 7: 0.725 (1 false) / 0.700 with session 6's extractor, 0.733 (1 false) / 0.691 with the
# session's extractor at b760c20; then looked at (the drop on heldout40 and heldout39's false assertion fixed).
# heldout41 / heldout42, written blind late in session 7: 0.569 (1 false) / 0.595 with session 6's extractor,
# 0.640 (1 false) / 0.594 with session 7's at 54b8f7a; then heldout41's false assertion fixed.
# Session 8: heldout42 still blind, 0.594 at its start and 0.612 at its end (never looked at). heldout43-46 written
# blind at its start: 0.614 / 0.680 / 0.645 / 0.702 (1 false each) with session 7's extractor (230bfed); heldout43/44
# were then used to find rules; heldout45/46 still blind mid-session (3cfa6e3): 0.649 / 0.702. heldout47/48 written
# blind late in session 8: 0.678 (1 false) / 0.603 (1 false) with session 7's extractor, 0.682 (1 false) / 0.609
# (2 false) with session 8's at 8b00931; then only the false assertions of heldout45-48 were looked at and fixed.
# Session 9: heldout49-52 written blind at its start: 0.594 (1 false) / 0.594 (1 false) / 0.650 (3 false) / 0.589
# (6 false; one was a gold error, corrected: 0.592, 5 false) with session 8's extractor (09ac5e0); then only
# their false assertions were looked at and fixed with general rules (then heldout50's funding misses and the
# hardware-use misses of heldout49/50). heldout53/54, written blind during session 9: 0.709 (1 false) / 0.521 with
# session 8's extractor, 0.709 (1 false) / 0.523 with session 9's at 1461b79; then heldout53's false assertion was
# fixed and heldout54's maker and foundry misses looked at. heldout42 and heldout45-48 stayed blind: 0.612 / 0.663 /
# 0.722 / 0.687 / 0.617 at session 9's start, 0.617 / 0.663 / 0.722 / 0.687 / 0.617 at its end.
# Session 10: heldout55-58, written blind at its start: 0.681 (1 false) / 0.693 (2 false) / 0.697 (2 false) / 0.589
# with session 9's extractor; after the learned second reading and general rules for the false assertions of
# heldout55/56/57 (only those looked at): 0.688 / 0.703 / 0.709 / 0.593, none false. The ten sets kept out of the
# learned reading's training (heldout42, 45-48, 53, 55-58): micro F1 0.669 -> 0.674, 5 -> 0 false assertions.
# heldout59/60, written blind at the end of session 10: 0.604 / 0.665 (one false assertion each) with session 9's
# extractor, 0.604 / 0.670 with session 10's (0.604 / 0.665 with KG_LEARNED=0); their two false assertions (a
# pseudo-cleft with an aside, "launched R1 and V3 inference services") then fixed: 0.606 / 0.677.
# Session 11: heldout61-64, written blind at its start: 0.695 (5 false) / 0.668 / 0.650 (3 false) / 0.589 (2 false)
# with session 10's extractor; only their false assertions looked at: 0.720 / 0.663 / 0.652 / 0.603, none false.
# heldout65-68, written blind early in session 11 and measured only at its end: 0.636 (1 false) / 0.757 / 0.675
# (4 false) / 0.719 with session 10's extractor, 0.636 (1) / 0.756 / 0.690 (4) / 0.723 with session 11's; then only
# their five false assertions were looked at and fixed: 0.638 / 0.752 / 0.707 / 0.723, none false.
# Session 12: heldout69-73, written blind at its start: 0.482 (2 false) / 0.581 (3 false) / 0.624 / 0.766 / 0.690
# with session 11's extractor (7e561f1), 0.479 (2) / 0.581 (3) / 0.628 / 0.764 / 0.690 after the session's rules
# (micro 0.6374 -> 0.6371); then only their false assertions were looked at: two fixed with a general rule, three
# left as disputed (their gold reads "introduced" as an announcement; the other sets' gold as a release).
# Session 13: heldout74-78, written blind at its start: 0.737 (4 false) / 0.754 / 0.690 (1) / 0.781 (3) / 0.602 (1)
# with session 12's extractor (c586c30). "Introduced" is now read as the inventory reads releasedOn (released,
# launched, shipped, available): an announcement, never a release date, which ends the three disputed false
# assertions (and costs one hit in most older sets, whose gold read it as a release). Then only heldout74-78's
# seven remaining false assertions were looked at and fixed with general rules: 0.754 / 0.754 / 0.693 / 0.790 /
# 0.606, none false (micro 0.7140 -> 0.7207 over the session).
# Session 14: heldout74-78 opened for rules: 0.754 / 0.754 / 0.693 / 0.790 / 0.606 -> 0.772 / 0.760 / 0.701 / 0.801 /
# 0.662. heldout79-83, written blind at its start: 0.590 (1 false) / 0.699 / 0.702 (1) / 0.529 (5) / 0.697 (1) with
# session 13's extractor (2b763f1); then only their false assertions were looked at: 0.600 / 0.701 / 0.710 / 0.537
# (2) / 0.705 (micro 0.6361 -> 0.6431). Two stay in heldout82, recorded as known: "the M4 Pro appeared on Tuesday in
# a redesigned Mac mini, and the M4 Max followed on Wednesday in the MacBook Pro" is read as a release (as "the M4
# made its debut in May in the iPad Pro" is, rightly, in the same article); the gold calls both an announcement
# because a later paragraph says the machines reach shops in November. No general rule tells the two apart.
# Session 15: heldout84-88, written blind at its start: 0.682 / 0.644 (2 false) / 0.733 (3) / 0.700 (1) / 0.656 (1)
# with session 14's extractor (5a4cbf6), micro 0.6860. The funding rules of heldout79-83's misses were measured on
# them too (heldout84 is about funding rounds: one regression there was seen and mended), then their seven false
# assertions were fixed with general rules: 0.689 / 0.653 / 0.744 / 0.702 / 0.656, none false (micro 0.6922).
# heldout79-83 were opened for rules in session 15: 0.600 / 0.701 / 0.710 / 0.537 / 0.705 -> 0.623 / 0.716 / 0.719
# / 0.541 / 0.705 (micro 0.6431 -> 0.6544).
# Session 16: heldout89-93, written blind at its start: 0.720 (2 false) / 0.608 / 0.743 (3) / 0.653 (2) / 0.662 (1)
# with session 15's extractor (4c9b8b2), micro 0.678; then only their eight false assertions were looked at and
# fixed with general rules: 0.725 / 0.608 / 0.755 / 0.675 / 0.682, none false (micro 0.689). heldout84-88 were
# opened for rules in session 16: 0.689 / 0.653 / 0.744 / 0.702 / 0.656 -> 0.715 / 0.720 / 0.748 / 0.706 / 0.681
# (micro 0.6922 -> 0.7160).
# Session 17: heldout94-98, written blind at its start: 0.714 / 0.684 (2 false) / 0.647 (2) / 0.663 (1) / 0.684 (1)
# with the extractor at 1c4e764 (session 16's, with session 17's first rules, taken from heldout89-93 only), micro
# 0.678; their six false assertions were fixed with general rules, then their funding and release misses were
# looked at: 0.722 / 0.715 / 0.653 / 0.671 / 0.689, none false (micro 0.690). heldout89-93 were opened for rules
# in session 17: 0.725 / 0.608 / 0.755 / 0.675 / 0.682 -> 0.727 / 0.608 / 0.755 / 0.682 / 0.696 (micro 0.689 ->
# 0.693).
# Session 18: heldout99-103, written blind at its start: 0.677 (1 false) / 0.593 (2) / 0.668 / 0.678 / 0.475 (2)
# with session 17's extractor (42ebcd1), micro 0.634; then opened for rules (their false assertions first, then
# their miss classes, then a helper's review): 0.708 / 0.671 / 0.709 / 0.691 / 0.492, none false (micro 0.671). heldout94-98 were not looked
# at in session 18: 0.722 / 0.715 / 0.653 / 0.684 / 0.689 (micro 0.690 -> 0.692).
# Session 19: heldout104-108, written blind at its start: 0.651 (1 false) / 0.665 (2) / 0.774 (1) / 0.723 (1) /
# 0.674 with session 18's extractor (bad709b), micro 0.695; then opened for rules (their false assertions first,
# then their miss classes, then a helper's review): 0.676 / 0.698 / 0.819 / 0.764 / 0.677, none false (micro
# 0.723). heldout94-103 were not looked at in session 19 (micro 0.692 and 0.671, unchanged).
# Session 20: heldout109-113, written blind at its start: 0.673 / 0.691 (1 false) / 0.598 / 0.671 (2) / 0.702
# with session 19's extractor (5d2bdff), micro 0.670; 0.671 (2 false) with this session's first rules, which came
# from heldout99-108 only; then opened for rules (their false assertions first, then their miss classes, then a
# helper's review): 0.676 / 0.718 / 0.602 / 0.686 / 0.711, none false (micro 0.682).
# Session 21: heldout114-118, written blind at its start: 0.619 / 0.581 (1 false) / 0.718 (2) / 0.704 (1) / 0.567
# with session 20's extractor (379133b), micro 0.646, unchanged by this session's first rules (from older sets);
# then opened for rules (their false assertions first, then their miss classes, then a helper's review): 0.628 /
# 0.599 / 0.730 / 0.717 / 0.729, none false (micro 0.684).
# Session 22: heldout119-123, written blind at its start: 0.551 (2 false) / 0.694 (6) / 0.589 / 0.751 (1) / 0.594
# (1) with session 21's extractor (79a4968), micro 0.639, unchanged by this session's first rules (from older
# sets); then opened for rules (their false assertions first, then their miss classes, then a helper's review):
# 0.610 / 0.746 / 0.635 / 0.765 / 0.663 (micro 0.686). The one false assertion left, heldout120's "Command A
# comparedTo Command R+" for "a context window of 256,000 tokens, twice the 128,000 tokens of Command R+", is a
# trap against the other sets' convention (a spec set against another chip's or model's is a comparison:
# "more than double the 80 GB found on Nvidia's H100"), kept as known.
# Session 23: heldout124-128, written blind at its start: 0.592 (1 false) / 0.775 (2) / 0.670 (2) / 0.657 / 0.709
# with session 22's extractor (d2547be), micro 0.681, unchanged by this session's first rules (from older sets);
# then opened for rules (their false assertions first, then their miss classes, then two helpers' reviews):
# 0.603 / 0.782 / 0.719 / 0.663 / 0.740, none false (micro 0.704).
# Session 24: heldout129-133, written blind at its start: 0.652 (1 false) / 0.563 (3) / 0.696 (1) / 0.678 / 0.523
# with session 23's extractor (72aaa93), micro 0.624, unchanged by this session's first rules (from older sets);
# then opened for rules (their false assertions first, then their miss classes, then two helpers' reviews):
# 0.706 / 0.714 / 0.746 / 0.704 / 0.588, none false (micro 0.690).
SETS = {
    "heldout": Floors(articles=8, strict_f1=0.81, lenient_f1=0.81, attribute_recall=0.84),
    "heldout2": Floors(articles=6, strict_f1=0.81, lenient_f1=0.83, attribute_recall=0.79),
    "heldout3": Floors(articles=8, strict_f1=0.71, lenient_f1=0.71, attribute_recall=0.67),
    "heldout4": Floors(articles=8, strict_f1=0.76, lenient_f1=0.76, attribute_recall=0.62),
    "heldout5": Floors(articles=8, strict_f1=0.69, lenient_f1=0.70, attribute_recall=0.66),
    "heldout6": Floors(articles=8, strict_f1=0.70, lenient_f1=0.71, attribute_recall=0.60),
    "heldout7": Floors(articles=8, strict_f1=0.71, lenient_f1=0.71, attribute_recall=0.75),
    "heldout8": Floors(articles=8, strict_f1=0.69, lenient_f1=0.70, attribute_recall=0.62),
    "heldout9": Floors(articles=8, strict_f1=0.63, lenient_f1=0.66, attribute_recall=0.62),
    "heldout10": Floors(articles=8, strict_f1=0.70, lenient_f1=0.71, attribute_recall=0.58),
    "heldout11": Floors(articles=6, strict_f1=0.67, lenient_f1=0.69, attribute_recall=0.76),
    "heldout12": Floors(articles=6, strict_f1=0.82, lenient_f1=0.82, attribute_recall=0.68),
    "heldout13": Floors(articles=6, strict_f1=0.66, lenient_f1=0.68, attribute_recall=0.56),
    "heldout14": Floors(articles=6, strict_f1=0.60, lenient_f1=0.62, attribute_recall=0.65),
    "heldout15": Floors(articles=6, strict_f1=0.58, lenient_f1=0.61, attribute_recall=0.54),
    "heldout16": Floors(articles=6, strict_f1=0.71, lenient_f1=0.72, attribute_recall=0.74),
    "heldout17": Floors(articles=6, strict_f1=0.74, lenient_f1=0.78, attribute_recall=0.81),
    "heldout18": Floors(articles=6, strict_f1=0.75, lenient_f1=0.75, attribute_recall=0.73),
    "heldout19": Floors(articles=6, strict_f1=0.79, lenient_f1=0.79, attribute_recall=0.72),
    "heldout20": Floors(articles=6, strict_f1=0.70, lenient_f1=0.72, attribute_recall=0.67),
    "heldout21": Floors(articles=6, strict_f1=0.78, lenient_f1=0.79, attribute_recall=0.65),
    "heldout22": Floors(articles=6, strict_f1=0.65, lenient_f1=0.67, attribute_recall=0.63),
    "heldout23": Floors(articles=6, strict_f1=0.66, lenient_f1=0.68, attribute_recall=0.67),
    "heldout24": Floors(articles=6, strict_f1=0.66, lenient_f1=0.67, attribute_recall=0.51),
    "heldout25": Floors(articles=6, strict_f1=0.63, lenient_f1=0.63, attribute_recall=0.38),
    "heldout26": Floors(articles=6, strict_f1=0.64, lenient_f1=0.64, attribute_recall=0.48),
    "heldout27": Floors(articles=6, strict_f1=0.68, lenient_f1=0.70, attribute_recall=0.56),
    "heldout28": Floors(articles=6, strict_f1=0.59, lenient_f1=0.60, attribute_recall=0.69),
    "heldout29": Floors(articles=6, strict_f1=0.71, lenient_f1=0.71, attribute_recall=0.44),
    "heldout30": Floors(articles=6, strict_f1=0.65, lenient_f1=0.67, attribute_recall=0.78),
    "heldout31": Floors(articles=6, strict_f1=0.71, lenient_f1=0.71, attribute_recall=0.46),
    "heldout32": Floors(articles=6, strict_f1=0.62, lenient_f1=0.64, attribute_recall=0.70),
    "heldout33": Floors(articles=6, strict_f1=0.65, lenient_f1=0.66, attribute_recall=0.54),
    "heldout34": Floors(articles=6, strict_f1=0.68, lenient_f1=0.68, attribute_recall=0.48),
    "heldout35": Floors(articles=6, strict_f1=0.72, lenient_f1=0.72, attribute_recall=0.72),
    "heldout36": Floors(articles=6, strict_f1=0.66, lenient_f1=0.66, attribute_recall=0.66),
    "heldout37": Floors(articles=6, strict_f1=0.58, lenient_f1=0.60, attribute_recall=0.62),
    "heldout38": Floors(articles=6, strict_f1=0.67, lenient_f1=0.69, attribute_recall=0.62),
    "heldout39": Floors(articles=6, strict_f1=0.71, lenient_f1=0.74, attribute_recall=0.60),
    "heldout40": Floors(articles=6, strict_f1=0.69, lenient_f1=0.70, attribute_recall=0.61),
    "heldout41": Floors(articles=6, strict_f1=0.62, lenient_f1=0.62, attribute_recall=0.62),
    "heldout42": Floors(articles=6, strict_f1=0.57, lenient_f1=0.60, attribute_recall=0.48),
    "heldout43": Floors(articles=6, strict_f1=0.69, lenient_f1=0.71, attribute_recall=0.70),
    "heldout44": Floors(articles=6, strict_f1=0.72, lenient_f1=0.74, attribute_recall=0.78),
    "heldout45": Floors(articles=6, strict_f1=0.63, lenient_f1=0.65, attribute_recall=0.49),
    "heldout46": Floors(articles=6, strict_f1=0.69, lenient_f1=0.70, attribute_recall=0.87),
    "heldout47": Floors(articles=6, strict_f1=0.65, lenient_f1=0.68, attribute_recall=0.72),
    "heldout48": Floors(articles=6, strict_f1=0.58, lenient_f1=0.59, attribute_recall=0.58),
    "heldout49": Floors(articles=6, strict_f1=0.57, lenient_f1=0.63, attribute_recall=0.79),
    "heldout50": Floors(articles=6, strict_f1=0.63, lenient_f1=0.63, attribute_recall=0.67),
    "heldout51": Floors(articles=6, strict_f1=0.63, lenient_f1=0.64, attribute_recall=0.70),
    "heldout52": Floors(articles=6, strict_f1=0.60, lenient_f1=0.60, attribute_recall=0.48),
    "heldout53": Floors(articles=6, strict_f1=0.69, lenient_f1=0.69, attribute_recall=0.60),
    "heldout54": Floors(articles=6, strict_f1=0.51, lenient_f1=0.52, attribute_recall=0.58),
    "heldout55": Floors(articles=6, strict_f1=0.66, lenient_f1=0.70, attribute_recall=0.70),
    "heldout56": Floors(articles=6, strict_f1=0.68, lenient_f1=0.70, attribute_recall=0.50),
    "heldout57": Floors(articles=6, strict_f1=0.68, lenient_f1=0.69, attribute_recall=0.66),
    "heldout58": Floors(articles=6, strict_f1=0.57, lenient_f1=0.61, attribute_recall=0.53),
    "heldout59": Floors(articles=6, strict_f1=0.58, lenient_f1=0.59, attribute_recall=0.65),
    "heldout60": Floors(articles=6, strict_f1=0.65, lenient_f1=0.67, attribute_recall=0.57),
    "heldout61": Floors(articles=6, strict_f1=0.70, lenient_f1=0.71, attribute_recall=0.55),
    "heldout62": Floors(articles=6, strict_f1=0.64, lenient_f1=0.66, attribute_recall=0.44),
    "heldout63": Floors(articles=6, strict_f1=0.63, lenient_f1=0.65, attribute_recall=0.66),
    "heldout64": Floors(articles=6, strict_f1=0.58, lenient_f1=0.61, attribute_recall=0.56),
    "heldout65": Floors(articles=6, strict_f1=0.61, lenient_f1=0.66, attribute_recall=0.61),
    "heldout66": Floors(articles=6, strict_f1=0.73, lenient_f1=0.73, attribute_recall=0.62),
    "heldout67": Floors(articles=6, strict_f1=0.68, lenient_f1=0.70, attribute_recall=0.66),
    "heldout68": Floors(articles=6, strict_f1=0.70, lenient_f1=0.72, attribute_recall=0.72),
    "heldout69": Floors(articles=6, strict_f1=0.59, lenient_f1=0.62, attribute_recall=0.68),
    "heldout70": Floors(articles=6, strict_f1=0.60, lenient_f1=0.60, attribute_recall=0.37),
    "heldout71": Floors(articles=6, strict_f1=0.63, lenient_f1=0.65, attribute_recall=0.63),
    "heldout72": Floors(articles=6, strict_f1=0.75, lenient_f1=0.76, attribute_recall=0.43),
    "heldout73": Floors(articles=6, strict_f1=0.69, lenient_f1=0.70, attribute_recall=0.76),
    "heldout74": Floors(articles=6, strict_f1=0.76, lenient_f1=0.80, attribute_recall=0.83),
    "heldout75": Floors(articles=6, strict_f1=0.75, lenient_f1=0.76, attribute_recall=0.51),
    "heldout76": Floors(articles=6, strict_f1=0.69, lenient_f1=0.70, attribute_recall=0.43),
    "heldout77": Floors(articles=6, strict_f1=0.79, lenient_f1=0.79, attribute_recall=0.40),
    "heldout78": Floors(articles=6, strict_f1=0.65, lenient_f1=0.66, attribute_recall=0.60),
    "heldout79": Floors(articles=6, strict_f1=0.61, lenient_f1=0.63, attribute_recall=0.36),
    "heldout80": Floors(articles=6, strict_f1=0.70, lenient_f1=0.71, attribute_recall=0.72),
    "heldout81": Floors(articles=6, strict_f1=0.71, lenient_f1=0.74, attribute_recall=0.85),
    "heldout82": Floors(articles=6, strict_f1=0.52, lenient_f1=0.54, attribute_recall=0.63, known_false=(
        "Apple M4 Pro releasedOn", "Apple M4 Max releasedOn")),
    "heldout83": Floors(articles=6, strict_f1=0.69, lenient_f1=0.71, attribute_recall=0.71),
    "heldout84": Floors(articles=6, strict_f1=0.70, lenient_f1=0.72, attribute_recall=0.86),
    "heldout85": Floors(articles=6, strict_f1=0.70, lenient_f1=0.71, attribute_recall=0.62),
    "heldout86": Floors(articles=6, strict_f1=0.73, lenient_f1=0.75, attribute_recall=0.60),
    "heldout87": Floors(articles=6, strict_f1=0.69, lenient_f1=0.71, attribute_recall=0.75),
    "heldout88": Floors(articles=6, strict_f1=0.66, lenient_f1=0.69, attribute_recall=0.57),
    "heldout89": Floors(articles=6, strict_f1=0.71, lenient_f1=0.75, attribute_recall=0.54),
    "heldout90": Floors(articles=6, strict_f1=0.59, lenient_f1=0.60, attribute_recall=0.46),
    "heldout91": Floors(articles=6, strict_f1=0.74, lenient_f1=0.75, attribute_recall=0.71),
    "heldout92": Floors(articles=6, strict_f1=0.67, lenient_f1=0.67, attribute_recall=0.76),
    "heldout93": Floors(articles=6, strict_f1=0.68, lenient_f1=0.69, attribute_recall=0.53),
    "heldout94": Floors(articles=6, strict_f1=0.71, lenient_f1=0.75, attribute_recall=0.72),
    "heldout95": Floors(articles=6, strict_f1=0.70, lenient_f1=0.72, attribute_recall=0.80),
    "heldout96": Floors(articles=6, strict_f1=0.64, lenient_f1=0.64, attribute_recall=0.56),
    "heldout97": Floors(articles=6, strict_f1=0.66, lenient_f1=0.68, attribute_recall=0.61),
    "heldout98": Floors(articles=6, strict_f1=0.67, lenient_f1=0.77, attribute_recall=0.60),
    "heldout99": Floors(articles=6, strict_f1=0.70, lenient_f1=0.70, attribute_recall=0.56),
    "heldout100": Floors(articles=6, strict_f1=0.66, lenient_f1=0.69, attribute_recall=0.69),
    "heldout101": Floors(articles=6, strict_f1=0.70, lenient_f1=0.72, attribute_recall=0.40),
    "heldout102": Floors(articles=6, strict_f1=0.68, lenient_f1=0.69, attribute_recall=0.85),
    "heldout103": Floors(articles=6, strict_f1=0.48, lenient_f1=0.48, attribute_recall=0.42),
    "heldout104": Floors(articles=6, strict_f1=0.66, lenient_f1=0.67, attribute_recall=0.51),
    "heldout105": Floors(articles=6, strict_f1=0.68, lenient_f1=0.71, attribute_recall=0.62),
    "heldout106": Floors(articles=6, strict_f1=0.80, lenient_f1=0.83, attribute_recall=0.87),
    "heldout107": Floors(articles=6, strict_f1=0.74, lenient_f1=0.79, attribute_recall=0.79),
    "heldout108": Floors(articles=6, strict_f1=0.66, lenient_f1=0.69, attribute_recall=0.64),
    "heldout109": Floors(articles=6, strict_f1=0.66, lenient_f1=0.69, attribute_recall=0.57),
    "heldout110": Floors(articles=6, strict_f1=0.70, lenient_f1=0.71, attribute_recall=0.75),
    "heldout111": Floors(articles=6, strict_f1=0.59, lenient_f1=0.60, attribute_recall=0.52),
    "heldout112": Floors(articles=6, strict_f1=0.67, lenient_f1=0.67, attribute_recall=0.64),
    "heldout113": Floors(articles=6, strict_f1=0.70, lenient_f1=0.71, attribute_recall=0.58),
    "heldout114": Floors(articles=6, strict_f1=0.61, lenient_f1=0.64, attribute_recall=0.54),
    "heldout115": Floors(articles=6, strict_f1=0.58, lenient_f1=0.60, attribute_recall=0.63),
    "heldout116": Floors(articles=6, strict_f1=0.71, lenient_f1=0.71, attribute_recall=0.42),
    "heldout117": Floors(articles=6, strict_f1=0.70, lenient_f1=0.71, attribute_recall=0.62),
    "heldout118": Floors(articles=6, strict_f1=0.71, lenient_f1=0.72, attribute_recall=0.61),
    "heldout119": Floors(articles=6, strict_f1=0.60, lenient_f1=0.62, attribute_recall=0.76),
    "heldout120": Floors(articles=6, strict_f1=0.73, lenient_f1=0.74, attribute_recall=0.62, known_false=(
        "Command A comparedTo Command R",)),
    "heldout121": Floors(articles=6, strict_f1=0.62, lenient_f1=0.63, attribute_recall=0.42),
    "heldout122": Floors(articles=6, strict_f1=0.75, lenient_f1=0.75, attribute_recall=0.68),
    "heldout123": Floors(articles=6, strict_f1=0.65, lenient_f1=0.66, attribute_recall=0.65),
    "heldout124": Floors(articles=6, strict_f1=0.59, lenient_f1=0.60, attribute_recall=0.46),
    "heldout125": Floors(articles=6, strict_f1=0.77, lenient_f1=0.77, attribute_recall=0.55),
    "heldout126": Floors(articles=6, strict_f1=0.71, lenient_f1=0.73, attribute_recall=0.67),
    "heldout127": Floors(articles=6, strict_f1=0.65, lenient_f1=0.67, attribute_recall=0.68),
    "heldout128": Floors(articles=6, strict_f1=0.72, lenient_f1=0.73, attribute_recall=0.61),
    "heldout129": Floors(articles=6, strict_f1=0.69, lenient_f1=0.70, attribute_recall=0.89),
    "heldout130": Floors(articles=6, strict_f1=0.70, lenient_f1=0.70, attribute_recall=0.72),
    "heldout131": Floors(articles=6, strict_f1=0.73, lenient_f1=0.74, attribute_recall=0.52),
    "heldout132": Floors(articles=6, strict_f1=0.69, lenient_f1=0.70, attribute_recall=0.69),
    "heldout133": Floors(articles=6, strict_f1=0.57, lenient_f1=0.60, attribute_recall=0.49),
}


def _articles(name: str) -> list[Path]:
    return sorted(p for p in (HERE / name).glob("[0-9][0-9]-*.*") if p.suffix in {".md", ".txt"})


def _gold_for(article: Path) -> Path:
    return article.with_name(article.stem + ".gold.jsonl")


@pytest.fixture(scope="module", params=sorted(SETS))
def scored(request, extractor) -> tuple[str, dict[str, ArticleScore]]:
    """(set name, ``article name -> ArticleScore``) for every article of a set, extracted once."""
    out: dict[str, ArticleScore] = {}
    for item in iter_documents(_articles(request.param)):
        assert not isinstance(item, Exception), f"held-out article failed to read: {item}"
        extraction = extractor.extract(item)
        predicted = [e.to_json() for e in extraction.entities] + [c.to_json() for c in extraction.claims]
        path = Path(item.source)
        out[path.name] = score_article(read_jsonl(_gold_for(path)), predicted)
    return request.param, out


def _total(scores: dict[str, ArticleScore]) -> ArticleScore:
    total = ArticleScore()
    for result in scores.values():
        total.add(result)
    return total


def _report(scores: dict[str, ArticleScore]) -> str:
    lines = []
    for name, result in sorted(scores.items()):
        lines.append(f"## {name}")
        lines.extend(f"    {line}" for line in result.wrong + result.misses)
    return "\n".join(lines)


@pytest.mark.parametrize("name", sorted(SETS))
def test_every_article_has_gold_and_is_read(name):
    articles = _articles(name)
    assert len(articles) == SETS[name].articles
    for article in articles:
        gold = _gold_for(article)
        assert gold.exists(), f"{article.name} has no {gold.name}"
        meta = read_jsonl(gold)[0]
        assert meta["kind"] == "meta" and meta["document"] == article.name


def test_every_article_was_scored(scored):
    name, scores = scored
    assert sorted(scores) == [a.name for a in _articles(name)]
    assert all(result.gold > 0 for result in scores.values())


def test_strict_and_lenient_f1_do_not_regress(scored):
    name, scores = scored
    floors, figures = SETS[name], _total(scores).figures()
    assert figures["strict_f1"] >= floors.strict_f1, f"{name}: {figures}\n{_report(scores)}"
    assert figures["lenient_f1"] >= floors.lenient_f1, f"{name}: {figures}\n{_report(scores)}"
    assert figures["attribute_recall"] >= floors.attribute_recall, f"{name}: {figures}\n{_report(scores)}"


def test_no_false_assertions(scored):
    name, scores = scored
    false = [line for r in scores.values() for line in r.wrong if line.startswith("FALSE ASSERTION")]
    unknown = [line for line in false if not any(known in line for known in SETS[name].known_false)]
    assert not unknown, f"{name}:\n" + "\n".join(false)
    assert _total(scores).false_assertions == len(false)
