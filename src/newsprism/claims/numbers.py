"""Quantities in a sentence, normalised so that "1,000", "1.000", "1 000" and "thousand" compare equal.

Two uses: the check-worthiness features (a sentence with a quantity is more often a claim) and the
hard-negative guard of claim linking (two claims whose numbers disagree are not the same claim,
however close their embeddings: "40 killed" vs "14 killed").

Digits are read in every language.  Separators follow the language: English reads "3.200" as 3.2,
the others as 3200 ("50.000" is fifty thousand in Spanish and German), and "7,1" is 7.1 everywhere a
comma is not followed by exactly three digits.  Digits glued to letters belong to names ("M113AS4",
"Covid-19", "Ан-124", "G7") and are skipped.  Number words 2-20 and the tens are read in en, fr, es,
de and ru (Russian with its case forms); "one"/"un"/"ein" are left out because they double as
articles, and scale words ("million") are ignored, so "5.6 million" is 5.6 in every language.
"""

from __future__ import annotations

import re
from functools import lru_cache

# A run of digits with inner separators; not preceded by a letter, a letter + hyphen, or another digit group.
_NUMBER = re.compile(
    r"(?<![\w.,])(?<![^\W\d_]-)"
    r"\d+(?:(?:[.,]\d+)+|(?:[ \u00a0\u202f]\d{3}(?!\d))+)?"
)

_WORDS: dict[str, dict[str, float]] = {
    "en": {
        "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
        "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
    },
    # "neuf" is left out: it is also the adjective "new".
    "fr": {
        "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "dix": 10,
        "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20,
        "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100, "douzaine": 12,
    },
    "es": {
        "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9,
        "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15, "veinte": 20,
        "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "cien": 100, "docena": 12,
    },
    "de": {
        "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
        "zehn": 10, "elf": 11, "zwölf": 12, "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50,
        "sechzig": 60, "hundert": 100, "dutzend": 12,
    },
    "ru": {
        **dict.fromkeys(("два", "две", "двух", "двум", "двумя", "двое", "двоих"), 2),
        **dict.fromkeys(("три", "трех", "трёх", "трем", "трём", "тремя", "трое", "троих"), 3),
        **dict.fromkeys(("четыре", "четырех", "четырёх", "четырем", "четырём", "четверо"), 4),
        **dict.fromkeys(("пять", "пяти", "пятеро"), 5),
        **dict.fromkeys(("шесть", "шести", "шестеро"), 6),
        **dict.fromkeys(("семь", "семи", "семеро"), 7),
        **dict.fromkeys(("восемь", "восьми"), 8),
        **dict.fromkeys(("девять", "девяти"), 9),
        **dict.fromkeys(("десять", "десяти", "десятеро"), 10),
        **dict.fromkeys(("одиннадцать", "одиннадцати"), 11),
        **dict.fromkeys(("двенадцать", "двенадцати"), 12),
        **dict.fromkeys(("двадцать", "двадцати"), 20),
        **dict.fromkeys(("тридцать", "тридцати"), 30),
        **dict.fromkeys(("сорок", "сорока"), 40),
        **dict.fromkeys(("пятьдесят", "пятидесяти"), 50),
        **dict.fromkeys(("сто", "ста"), 100),
    },
}
_WORD = re.compile(r"[^\W\d_]+")


def _canonical(value: float) -> str:
    value = float(value)
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else f"{value:.12g}"


def _parse(token: str, language: str | None) -> float | None:
    token = token.replace("\u00a0", " ").replace("\u202f", " ")
    if " " in token:  # "2 400": a thousands separator
        token = token.replace(" ", "")
    if "," in token and "." in token:  # the last separator is the decimal point
        decimal = max(token.rfind(","), token.rfind("."))
        token = re.sub(r"[.,]", "", token[:decimal]) + "." + token[decimal + 1 :]
    elif "," in token:
        groups = token.split(",")
        if all(len(group) == 3 for group in groups[1:]):
            token = "".join(groups)
        else:
            token = "".join(groups[:-1]) + "." + groups[-1]
    elif "." in token:
        groups = token.split(".")
        thousands = len(groups) > 2 or (language != "en" and len(groups[1]) == 3)
        if thousands and all(len(group) == 3 for group in groups[1:]):
            token = "".join(groups)
        elif len(groups) > 2:
            return None  # "1.2.3": a version or a date, not a quantity
    try:
        return float(token)
    except ValueError:
        return None


def number_spans(text: str, language: str | None = None) -> list[tuple[int, int, str]]:
    """``(start, end, canonical value)`` of every number in ``text`` (digits, and number words of ``language``)."""
    found = []
    for match in _NUMBER.finditer(text):
        value = _parse(match.group(), language)
        if value is not None:
            found.append((match.start(), match.end(), _canonical(value)))
    words = _WORDS.get(language or "")
    if words:
        for match in _WORD.finditer(text):
            value = words.get(match.group().lower())
            if value is not None:
                found.append((match.start(), match.end(), _canonical(value)))
        found.sort()
    return found


@lru_cache(maxsize=4096)
def numbers(text: str, language: str | None = None) -> frozenset[str]:
    """The set of canonical values of the numbers in ``text``."""
    return frozenset(value for _, _, value in number_spans(text, language))


def disagree(first: frozenset[str], second: frozenset[str]) -> bool:
    """True when both state numbers and neither set contains the other ("3 killed, 10 wounded" vs
    "3 killed" agree; "40 killed" vs "14 killed" do not)."""
    return bool(first) and bool(second) and not (first <= second or second <= first)
