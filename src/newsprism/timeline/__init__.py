"""Dates stage: the event dates a body mentions, normalised to ISO 8601.

Candidates are found with per-language regular expressions built from month, weekday and
relative-word tables (:mod:`.lexicon`, :mod:`.grammar`, :mod:`.scan`), not with dateparser's
``search_dates``, which is slow and noisy on long text; dateparser's locale data supplies month
names for languages without a table (explicit dates only there).  Each paragraph is read in its
own language (``paragraph_languages``).  Values come from :mod:`.resolve`.

Output contract of ``DateMention.value`` (``body[start:end] == text`` always):

* a calendar unit at the precision written: day ``2015-11-14``, month ``2015-11``, year ``2015``;
* an interval ``A/B`` whose ends are such units, ``..`` for an open end: "since September 2015"
  ``2015-09/..``, "until 2016" ``../2016``, "from 2014 to 2016" ``2014/2016``, "the 1990s"
  ``1990/1999``; a side without a year takes the other's ("from December to March 2016" ``2015-12/2016-03``);
* periods that are not one calendar unit are day intervals: weeks ("last week", Monday to Sunday;
  "two weeks ago", the week containing that day), "the past 3 days" (``P-3/P``, P the publication
  day), "earlier this month" (its first day to P), "later this year" (P to its last day), seasons
  (meteorological, northern hemisphere: spring March–May, summer June–August, autumn
  September–November, winter December–February, "winter 2015" being the one starting in December
  2015), and parts: early / mid / late are the first, middle and last third, cut at month
  boundaries for years and seasons (early 2016 ``2016-01-01/2016-04-30``, late autumn 2015
  ``2015-11-01/2015-11-30``) and by days otherwise (mid-March ``…-03-11/…-03-20``, late December
  ``…-12-21/…-12-31``); "the end of" is late, "the beginning of" early;
* vague counts ("a few days", "quelques mois") read as 2 to 5: "a few months ago" is the months
  5 to 2 before publication (``2016-07/2016-10``), "the past few days" the 5 days before it.

Relative expressions are resolved against ``document.published`` (``relative`` is then true):
a bare weekday ("on Thursday", "jeudi", "в четверг") is the latest such day on or before
publication, "last Thursday" the latest before it, "next Thursday" the first after it, "this
Thursday" the one in the publication week; a date or month without a year takes the publication
year, or the year before when that would put it more than about two months after publication (news
reports past events; a weekday written with the date, "samedi 14 novembre", picks the year where it
fits).  Without a publication date such mentions are kept with ``value`` null and a ``reason``, as
are numeric dates whose day and month order is unknown (English "03/04/2015"; dotted dates and
other languages' are read day first).  Durations without an anchor ("for three years", "a few
months") and times of day are not dates and are not listed.
"""

from __future__ import annotations

from datetime import date

from ..model import DateMention, Document
from ..options import Options
from ..pipeline import stage
from .grammar import grammar_for
from .resolve import Unresolved, resolve
from .scan import scan

# A body listing more dates than this is not an article (a log, a table): the rest are dropped with a warning.
MAX_MENTIONS = 1000


def _publication_day(document: Document) -> date | None:
    if not document.published:
        return None
    try:
        return date.fromisoformat(document.published[:10])
    except ValueError:
        document.warn(f"dates: publication date {document.published!r} is not ISO 8601; relative dates left unresolved")
        return None


def _regions(document: Document) -> list[tuple[int, int, str | None]]:
    """Runs of consecutive paragraphs in one language, as (start, end, language)."""
    paragraphs = [p for p in document.paragraph_languages if p.end <= len(document.body)]
    if not paragraphs:
        return [(0, len(document.body), document.language)]
    regions: list[tuple[int, int, str | None]] = []
    for paragraph in paragraphs:
        language = paragraph.language or document.language
        if regions and regions[-1][2] == language:
            regions[-1] = (regions[-1][0], paragraph.end, language)
        else:
            regions.append((paragraph.start, paragraph.end, language))
    return regions


def find_dates(document: Document) -> list[DateMention]:
    published = _publication_day(document)
    regions = []
    for start, end, language in _regions(document):
        grammar = grammar_for(language)
        if grammar.lexicon is None and language:
            document.warn(f"dates: no date words for language {language!r}; only numeric dates were read")
        regions.append((start, end, grammar))
    found, truncated = scan(document.body, regions)
    if truncated:
        document.warn("dates: too many date-like expressions; the rest of the body was not read for dates")
    if len(found) > MAX_MENTIONS:
        document.warn(f"dates: {len(found)} date expressions; only the first {MAX_MENTIONS} are kept")
        found = found[:MAX_MENTIONS]
    mentions = []
    for start, end, spec in found:
        try:
            value, reason = resolve(spec, published), None
        except Unresolved as problem:
            value, reason = None, str(problem)
        mentions.append(DateMention(text=document.body[start:end], start=start, end=end, value=value,
                                    relative=spec.relative, reason=reason))
    unresolved = sum(m.value is None and m.relative for m in mentions) if published is None else 0
    if unresolved:
        document.warn(f"dates: {unresolved} relative date(s) left without a value: no publication date")
    return mentions


@stage(
    "dates", requires=("extract", "language", "metadata"), description="Event dates mentioned in the body, normalised"
)
def extract_dates(document: Document, options: Options) -> Document:
    document.dates = find_dates(document)
    return document
