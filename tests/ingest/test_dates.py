"""Date phrases resolved against the article's date, at the precision the text gives."""

from __future__ import annotations

import pytest

from ingest.extractors.dates import find_published, resolve_date


@pytest.mark.parametrize("phrase, base, expected", [
    ("April 24", "2026-06-26", "2026-04-24"),
    ("on April 24, 2026", None, "2026-04-24"),
    ("24 April 2026", None, "2026-04-24"),
    ("last month", "2026-02-17", "2026-01"),
    ("last month", "2026-01-09", "2025-12"),
    ("next year", "2023-12-19", "2024"),
    ("last year", "2025-03-01", "2024"),
    ("this year", "2025-03-01", "2025"),
    ("the first quarter of 2026", None, "2026-Q1"),
    ("the fourth quarter of 2026", None, "2026-Q4"),
    ("Q3 2025", None, "2025-Q3"),
    ("Q2", "2024-05-01", "2024-Q2"),
    ("early June 2026", None, "2026-06"),
    ("late January", "2026-02-17", "2026-01"),
    ("December", "2026-02-17", "2025-12"),
    ("June 2026", None, "2026-06"),
    ("in September 2025", None, "2025-09"),
    ("2027", None, "2027"),
    ("mid-2026", None, "2026"),
    ("the second half of 2025", None, "2025"),
    ("summer 2025", None, "2025"),
])
def test_resolve(phrase, base, expected):
    assert resolve_date(phrase, base) == expected


@pytest.mark.parametrize("phrase, base", [
    ("April 24", None),  # no year and no article date: unknown
    ("last month", None),
    ("several years", "2026-01-01"),
    ("", "2026-01-01"),
])
def test_unresolvable(phrase, base):
    assert resolve_date(phrase, base) is None


def test_impossible_day_is_not_a_date():
    assert resolve_date("February 30, 2026") is None


@pytest.mark.parametrize("text, expected", [
    ("Reviews\n9 min readVerified June 26, 2026Tested", "2026-06-26"),
    ("Last updated: 3 March 2025\nBody", "2025-03-03"),
    ("SEOUL, March 3, 2025 (Reuters) -- Samsung said on Monday", "2025-03-03"),
    ("No date anywhere in this text.", None),
])
def test_find_published(text, expected):
    assert find_published(text) == expected


@pytest.mark.parametrize("phrase, base, expected", [
    ("on Monday", "2024-12-24", "2024-12-23"),
    ("Friday", "2024-12-24", "2024-12-20"),
    ("yesterday", "2024-03-01", "2024-02-29"),
    ("today", "2024-03-01", "2024-03-01"),
    ("this week", "2025-01-10", "2025-01"),
    ("earlier this year", "2025-06-10", "2025"),
    ("February last year", "2025-06-10", "2024-02"),
    ("September", "2025-06-10", "2024-09"),
])
def test_relative_to_the_article(phrase, base, expected):
    assert resolve_date(phrase, base) == expected


@pytest.mark.parametrize("phrase, base, expected", [
    ("the day after Christmas", "2025-01-10", "2024-12-26"),
    ("Christmas Eve", "2024-12-30", "2024-12-24"),
    ("the day before New Year's Day 2026", None, "2025-12-31"),
    ("Christmas Day", "2024-12-30", "2024-12-25"),
])
def test_fixed_date_holidays(phrase, base, expected):
    assert resolve_date(phrase, base) == expected


def test_holiday_without_article_date_is_unresolved():
    assert resolve_date("the day after Christmas") is None
