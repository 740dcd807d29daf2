"""Remove the markdown residue that copy-pasted and html2text-rendered dumps carry.

Hand-written rather than a markdown renderer (markdown-it, mistune): we need the
*text* of one block with its link texts kept and everything else untouched, and a
renderer would interpret hostile input as HTML, tables, code or nested structure.
"""

from __future__ import annotations

import re

# Backslash escapes html2text adds ("13\. März", "\*"): hidden first so they never form markup.
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<])")
_HIDE_BASE = 0xF0000  # supplementary private use area: never in real article text
_HIDDEN = re.compile("[\U000f0000-\U000f00ff]")

# Link targets may hold spaces (html2text leaves share URLs unescaped) and one level of parentheses.
_URL = r"(?:[^()\n]|\([^()\n]*\))*"
_IMAGE = re.compile(r"!\[[^\]\n]*\]\(" + _URL + r"\)")
_LINK = re.compile(r"\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\(" + _URL + r"\)")
_REF_LINK = re.compile(r"\[([^\[\]\n]+)\]\[[^\[\]\n]*\]")
_AUTOLINK = re.compile(r"<((?:https?|ftp)://[^>\s]+|mailto:[^>\s]+|www\.[^>\s]+)>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EM_STAR = re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])")
_EM_UNDERSCORE = re.compile(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])")
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+|[ \t]+#+[ \t]*$", re.MULTILINE)
_QUOTE = re.compile(r"^[ \t\xa0]*(?:>[ \t]?)+", re.MULTILINE)
_BULLET = re.compile(r"^[ \t\xa0]*[*•◦▪‣+\-–][ \t\xa0]+", re.MULTILINE)
_SPACES = re.compile(r"[ \t\n\xa0\u2000-\u200a\u202f\u205f\u3000]+")  # NBSPs too: typography, not content


def _hide(match: re.Match[str]) -> str:
    return chr(_HIDE_BASE + ord(match.group(1)))


def _unhide(match: re.Match[str]) -> str:
    return chr(ord(match.group(0)) - _HIDE_BASE)


def clean_markup(text: str) -> str:
    """The readable text of one block: link texts kept, markdown syntax and line breaks dropped.

    ``[South Front](#)`` → ``South Front``, ``**bold**`` → ``bold``, ``<http://x>`` →
    ``http://x``, heading hashes, quote marks and bullets removed, whitespace runs
    collapsed to one space.
    """
    text = _ESCAPE.sub(_hide, text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _REF_LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _QUOTE.sub("", text)
    text = _HEADING.sub("", text)
    text = _BULLET.sub("", text)
    text = _STRONG.sub(r"\2", text)
    text = _STRONG.sub(r"\2", text)  # "***x***" and nested strong
    text = _EM_STAR.sub(r"\1", text)
    text = _EM_UNDERSCORE.sub(r"\1", text)
    text = _HIDDEN.sub(_unhide, text)
    return _SPACES.sub(" ", text).strip(" \t\n\xa0")


def link_text_length(text: str) -> int:
    """Characters of visible text inside markdown links and autolinks (for link density)."""
    text = _IMAGE.sub("", text)
    total = sum(len(match.group(1).strip()) for match in _LINK.finditer(text))
    total += sum(len(match.group(1)) for match in _AUTOLINK.finditer(text))
    return total
