"""What a date expression means, and its value against a publication date.

The scanner turns each expression into a small *spec* (a calendar date with missing parts, a
weekday, a shift of calendar units from the publication date, a part of another spec, a range);
:func:`resolve` turns a spec into an ISO 8601 value.  Specs that need the publication date
(``relative``) and do not get one raise :class:`Unresolved` with the reason kept on the mention.
"""

from __future__ import annotations

import calendar
import dataclasses
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

# A date without a year is put in the publication year unless that puts it more than this far
# after the publication date: news reports what happened, so "December 9" read in January is last year's.
YEAR_LOOKAHEAD = timedelta(days=62)
# "A few days", "several months": a vague count reads as between these two.
VAGUE = (2, 5)
PARTS = ("early", "mid", "late")
# Meteorological seasons (northern hemisphere), three months from this one; winter Y starts in December Y.
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}


class Unresolved(Exception):
    """The spec cannot be given a value; the message is the reason kept on the mention."""


class Grain(Enum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    PERIOD = "period"  # any other stretch of days (week, season, part, "the past 3 days")


@dataclass(frozen=True)
class Period:
    first: date
    last: date
    grain: Grain

    def start_iso(self) -> str:
        """The period as the start of an interval: itself at its precision, or its first day."""
        return self.iso() if self.grain is not Grain.PERIOD else self.first.isoformat()

    def end_iso(self) -> str:
        return self.iso() if self.grain is not Grain.PERIOD else self.last.isoformat()

    def iso(self) -> str:
        if self.grain is Grain.YEAR:
            return f"{self.first.year:04d}"
        if self.grain is Grain.MONTH:
            return f"{self.first.year:04d}-{self.first.month:02d}"
        if self.grain is Grain.DAY:
            return self.first.isoformat()
        return f"{self.first.isoformat()}/{self.last.isoformat()}"


def _month(year: int, month: int) -> Period:
    return Period(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), Grain.MONTH)


def _year(year: int) -> Period:
    return Period(date(year, 1, 1), date(year, 12, 31), Grain.YEAR)


def _add_months(year: int, month: int, count: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + count
    return index // 12, index % 12 + 1


def _week(day: date) -> Period:
    monday = day - timedelta(days=day.weekday())
    return Period(monday, monday + timedelta(days=6), Grain.PERIOD)


def _unit_at(unit: str, day: date) -> Period:
    """The calendar day, week, month or year containing ``day``."""
    if unit == "day":
        return Period(day, day, Grain.DAY)
    if unit == "week":
        return _week(day)
    if unit == "month":
        return _month(day.year, day.month)
    return _year(day.year)


def _shifted(unit: str, anchor: date, count: int) -> date:
    """``anchor`` moved by ``count`` units (month and year shifts keep the day where it exists)."""
    if unit == "day":
        return anchor + timedelta(days=count)
    if unit == "week":
        return anchor + timedelta(weeks=count)
    months = count if unit == "month" else 12 * count
    year, month = _add_months(anchor.year, anchor.month, months)
    if not 1 <= year <= 9999:
        raise Unresolved("date out of range")
    return date(year, month, min(anchor.day, calendar.monthrange(year, month)[1]))


def _need(published: date | None, reason: str = "relative date without a publication date") -> date:
    if published is None:
        raise Unresolved(reason)
    return published


def _pick_year(make, published: date, mod: str | None) -> Period:
    """The occurrence of a yearly period (a month, a season, a date) the words point to.

    ``last``: the latest that ended before publication; ``next``: the first that starts after it;
    ``this``: the one containing publication, else the one of the publication year; none: the
    publication year's unless it starts more than :data:`YEAR_LOOKAHEAD` after publication.
    """
    year = published.year
    if mod == "last":
        return next(p for p in map(make, (year, year - 1, year - 2)) if p.last < published)
    if mod == "next":
        return next(p for p in map(make, (year, year + 1)) if p.first > published)
    if mod == "this":
        before = make(year - 1)
        return before if before.first <= published <= before.last else make(year)
    period = make(year)
    return period if period.first <= published + YEAR_LOOKAHEAD else make(year - 1)


@dataclass(frozen=True)
class Calendar:
    """A date as written: any of year, month, day; ``year_shift`` for "of last year"; ``mod`` for "last May"."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # "Saturday, November 14": helps choose the year when it is missing
    year_shift: int | None = None
    mod: str | None = None

    @property
    def relative(self) -> bool:
        return self.year is None

    def _make(self, year: int) -> Period:
        if self.month is None:
            return _year(year)
        if self.day is None:
            return _month(year, self.month)
        day = date(year, self.month, self.day)  # ValueError for 29 February in a common year
        return Period(day, day, Grain.DAY)

    def resolve(self, published: date | None) -> Period:
        if self.year is not None:
            return self._make(self.year)
        if self.year_shift is not None:
            return self._make(_need(published).year + self.year_shift)
        published = _need(published, "date without a year and no publication date")
        if self.day is not None and self.month == 2 and self.day == 29:
            candidates = [y for y in range(published.year - 4, published.year + 2) if calendar.isleap(y)]
            return self._make(max(y for y in candidates if self._make(y).first <= published + YEAR_LOOKAHEAD))
        if self.weekday is not None and self.day is not None and self.mod is None:
            # The weekday says which year: the nearest one where the date falls on that day.
            matching = [y for y in (published.year, published.year - 1, published.year + 1)
                        if self._make(y).first.weekday() == self.weekday]
            if matching:
                return self._make(matching[0])
        return _pick_year(self._make, published, self.mod)


@dataclass(frozen=True)
class Season:
    season: str
    year: int | None = None
    year_shift: int | None = None
    mod: str | None = None

    @property
    def relative(self) -> bool:
        return self.year is None

    def _make(self, year: int) -> Period:
        first_month = SEASONS[self.season]
        last_year, last_month = _add_months(year, first_month, 2)
        return Period(date(year, first_month, 1), _month(last_year, last_month).last, Grain.PERIOD)

    def resolve(self, published: date | None) -> Period:
        if self.year is not None:
            return self._make(self.year)
        published = _need(published)
        if self.year_shift is not None:
            return self._make(published.year + self.year_shift)
        return _pick_year(self._make, published, self.mod)


@dataclass(frozen=True)
class Weekday:
    """A weekday: bare = the latest on or before publication; last/next/this as the words say."""

    weekday: int
    mod: str | None = None
    relative = True

    def resolve(self, published: date | None) -> Period:
        published = _need(published)
        if self.mod == "next":
            day = published + timedelta(days=(self.weekday - published.weekday()) % 7 or 7)
        elif self.mod == "this":
            day = published + timedelta(days=self.weekday - published.weekday())
        else:
            back = (published.weekday() - self.weekday) % 7
            day = published - timedelta(days=back or (7 if self.mod == "last" else 0))
        return Period(day, day, Grain.DAY)


@dataclass(frozen=True)
class Shift:
    """The calendar unit ``offset`` units from publication ("yesterday", "last week", "next year")."""

    unit: str
    offset: int
    relative = True

    def resolve(self, published: date | None) -> Period:
        published = _need(published)
        return _unit_at(self.unit, _shifted(self.unit, published, self.offset))


@dataclass(frozen=True)
class ToDate:
    """"Earlier this month" (the unit up to publication) or "later this year" (from publication on)."""

    unit: str
    later: bool = False
    relative = True

    def resolve(self, published: date | None) -> Period:
        published = _need(published)
        unit = _unit_at(self.unit, published)
        if self.later:
            return Period(published, unit.last, Grain.PERIOD)
        return Period(unit.first, published, Grain.PERIOD)


@dataclass(frozen=True)
class Past:
    """"The past 3 days": from ``count`` units before publication to publication."""

    unit: str
    count: int
    relative = True

    def resolve(self, published: date | None) -> Period:
        published = _need(published)
        return Period(_shifted(self.unit, published, -self.count), published, Grain.PERIOD)


@dataclass(frozen=True)
class Ago:
    """"Three weeks ago": the calendar unit ``count`` units before publication."""

    unit: str
    count: int
    relative = True

    def resolve(self, published: date | None) -> Period:
        published = _need(published)
        return _unit_at(self.unit, _shifted(self.unit, published, -self.count))


@dataclass(frozen=True)
class Part:
    """Early, mid or late part of another spec: its first, middle or last third.

    Periods made of whole months in a number divisible by three (a year, a season) are cut at
    month boundaries (early 2016 = January–April, late autumn = November); others by days
    (mid-March = 11–20 March, early last week = Monday–Tuesday).
    """

    base: object
    part: str

    @property
    def relative(self) -> bool:
        return self.base.relative

    def resolve(self, published: date | None) -> Period:
        whole = self.base.resolve(published)
        index = PARTS.index(self.part)
        months = (whole.last.year - whole.first.year) * 12 + whole.last.month - whole.first.month + 1
        whole_months = whole.first.day == 1 and (whole.last + timedelta(days=1)).day == 1
        if whole_months and months % 3 == 0:
            step = months // 3
            first = _add_months(whole.first.year, whole.first.month, step * index)
            last = _add_months(*first, step - 1)
            return Period(date(*first, 1), _month(*last).last, Grain.PERIOD)
        days = (whole.last - whole.first).days + 1
        third = max(days // 3, 1)
        first = whole.first + timedelta(days=min(third * index, days - 1))
        last = whole.last if index == 2 else whole.first + timedelta(days=third * (index + 1) - 1)
        return Period(first, max(first, last), Grain.PERIOD)


@dataclass(frozen=True)
class Range:
    """From ``first`` to ``last``; either may be None (open: "since 2011", "until May")."""

    first: object | None
    last: object | None

    @property
    def relative(self) -> bool:
        """Whether publication matters: not when a side's missing year comes from the other ("March to May 2016")."""
        sides = [side for side in (self.first, self.last) if side is not None]
        if len(sides) == 2 and all(_calendar_of(side) for side in sides):
            return all(_calendar_of(side).year is None for side in sides)
        return any(side.relative for side in sides)


def _calendar_of(spec) -> Calendar | None:
    while isinstance(spec, Part):
        spec = spec.base
    return spec if isinstance(spec, Calendar) and spec.mod is None and spec.year_shift is None else None


def _with(spec, **fields):
    """``spec`` (or the calendar inside its parts) with fields replaced."""
    if isinstance(spec, Part):
        return dataclasses.replace(spec, base=_with(spec.base, **fields))
    return dataclasses.replace(spec, **fields)


def _range_sides(spec: Range, published: date | None) -> tuple[Period, Period]:
    """Both ends of a closed range; a side missing its year (or month) takes it from the other.

    "From December to March 2016": December is 2015, the year before the end.
    """
    first, last = spec.first, spec.last
    first_calendar, last_calendar = _calendar_of(first), _calendar_of(last)
    if first_calendar and last_calendar and first_calendar.year is None and (
        last_calendar.year is not None or first_calendar.month is None
    ):
        end = resolve_period(last, published)
        month = first_calendar.month or (last_calendar.month if first_calendar.day is not None else None)
        first = _with(first, year=end.first.year, month=month)
        start = resolve_period(first, published)
        if start.first > end.last:
            start = resolve_period(_with(first, year=end.first.year - 1), published)
        return start, end
    start = resolve_period(first, published)
    if first_calendar and last_calendar and last_calendar.year is None and first_calendar.year is not None:
        last = _with(last, year=start.first.year)
        end = resolve_period(last, published)
        if end.last < start.first:
            end = resolve_period(_with(last, year=start.first.year + 1), published)
        return start, end
    return start, resolve_period(last, published)


def resolve_period(spec, published: date | None) -> Period:
    try:
        return spec.resolve(published)
    except (ValueError, OverflowError) as error:  # 31 April, 29 February 2015, beyond year 9999
        raise Unresolved(f"no such date ({error})") from None


def resolve(spec, published: date | None) -> str:
    """The ISO 8601 value of ``spec``: a day, month or year, or an interval 'A/B' ('..' = open)."""
    if isinstance(spec, Range):
        if spec.first is None:
            return f"../{resolve_period(spec.last, published).end_iso()}"
        if spec.last is None:
            return f"{resolve_period(spec.first, published).start_iso()}/.."
        start, end = _range_sides(spec, published)
        if start.first > end.last:
            raise Unresolved("range ends before it starts")
        return f"{start.start_iso()}/{end.end_iso()}"
    return resolve_period(spec, published).iso()


@dataclass(frozen=True)
class Unknown:
    """A date that cannot be read the same way by everyone ("03/04/2015" in English)."""

    reason: str
    relative = False

    def resolve(self, published: date | None) -> Period:
        raise Unresolved(self.reason)
