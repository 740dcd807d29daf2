"""Hand-written framing cues: words that present an actor as hostile or favourable by how they name it.

These lists are **ours** (written for newsprism, Apache-2.0), not taken from a dataset.  NewsMTSC,
the training data, is mostly US political news: it teaches "criticised", "praised", "lied", but
rarely the vocabulary of conflict propaganda ("occupation troops who kill and loot", "terror
outfit", "Takfiri", "troupes d'occupation"), so the models get these cues as extra features and
learn their weights with everything else.  The lists stay short and name framing, not topic:
"militants", "forces", "strike" are wire-style words and are left out; "regime", "occupation",
"terror outfit" are the outlet's choice of label.

Each entry is a lower-case word, a stem ending in ``*`` (prefix match) or several words separated
by spaces (matched as a token sequence).  Matching folds case only: accents stay, so French
entries are written with them.  English cues also apply to text in any language (English loan
words such as "terror" turn up in French and German news).
"""

from __future__ import annotations

HOSTILE: dict[str, tuple[str, ...]] = {
    "en": (
        "terror*", "occupation", "occupier*", "occupying", "invader*", "invading", "aggressor*",
        "aggression", "regime", "puppet*", "mercenar*", "thug*", "loot*", "plunder*", "pillag*",
        "massacr*", "butcher*", "war criminal*", "war crime*", "atrocit*", "barbar*", "savage*",
        "genocid*", "criminal*", "so-called", "so called", "takfiri*", "warmonger*", "imperialis*",
        "hegemon*", "colonialis*", "lackey*", "henchm*", "stooge*", "murderous", "bloodthirsty",
        "illegal presence", "illegally", "propaganda", "lies", "lying", "liar*",
        "state sponsor*", "extremist*", "fanatic*", "zionist entity", "rogue", "axis of evil",
        "cabal", "scum", "vile", "evil", "brutal*", "ruthless*", "war machine",
    ),
    "fr": (
        "terroris*", "terreur", "occupation", "occupant*", "occupé*", "envahisseur*", "invasion",
        "agresseur*", "agression", "régime", "marionnette*", "mercenaire*", "voyou*", "pill*",
        "tuent", "massacr*", "boucher*", "criminel*", "crime de guerre", "crimes de guerre",
        "atrocit*", "barbar*", "sauvage*", "génocid*", "soi-disant", "prétendu*", "takfiri*",
        "belliciste*", "impérialis*", "hégémon*", "colonialis*", "laquais", "sbire*", "meurtri*",
        "sanguinaire*", "illégal*", "propagande", "mensonge*", "ment", "mentent", "menti",
        "menteur*", "extrémiste*", "fanatique*", "entité sioniste", "voyou", "brutal*",
        "intimid*", "déstabilis*", "machine de guerre", "diabolique*",
    ),
    "es": (
        "terroris*", "terror", "ocupación", "ocupante*", "invasor*", "invasión", "agresor*",
        "agresión", "régimen", "títere*", "mercenario*", "matón*", "saque*", "saquea*", "pillaje",
        "masacr*", "carnicero*", "criminal*", "crimen de guerra", "crímenes de guerra", "atrocidad*",
        "bárbar*", "salvaje*", "genocid*", "supuesto*", "takfiri*", "belicista*", "imperialis*",
        "hegemon*", "colonialis*", "lacayo*", "secuaz*", "asesin*", "sanguinari*", "ilegal*",
        "propaganda", "mentira*", "mentiroso*", "extremista*", "fanático*", "entidad sionista",
        "brutal*",
    ),
    "de": (
        "terror*", "besatzung*", "besatzer*", "invasor*", "aggressor*", "regime", "marionette*",
        "söldner*", "plünder*", "massaker*", "schlächter*", "kriegsverbrech*", "gräueltat*",
        "barbar*", "völkermord*", "sogenannte*", "kriegstreiber*", "imperialis*", "handlanger*",
        "mörder*", "blutrünstig*", "illegal*", "propaganda", "lüge*", "lügner*", "extremist*",
        "fanatiker*", "brutal*",
    ),
    "ru": (
        "террор*", "оккупац*", "оккупант*", "захватчик*", "агрессор*", "агресси*", "режим*",
        "марионет*", "наёмник*", "наемник*", "мародёр*", "мародер*", "грабеж*", "грабит*", "резн*",
        "палач*", "военн* преступ*", "зверств*", "варвар*", "геноцид*", "так называем*",
        "поджигател*", "империалис*", "приспешник*", "убийц*", "кровав*", "незаконн*",
        "пропаганд*", "лож*", "лжец*", "экстремист*", "фанатик*", "неонацист*", "нацист*",
        "бандеров*", "хунт*", "каратели", "карател*",
    ),
}

FAVOURABLE: dict[str, tuple[str, ...]] = {
    "en": (
        "hero*", "brave*", "bravery", "courage*", "valiant*", "liberat*", "martyr*", "glorious",
        "honourable", "honorable", "heroism", "selfless*", "noble", "victorious", "triumph*",
        "freedom fighter*", "peacemaker*", "defender*", "legitimate",
    ),
    "fr": (
        "héro*", "brave*", "bravoure", "courag*", "vaillan*", "libérat*", "libér*", "martyr*",
        "glorieu*", "honorable*", "noble*", "victorieu*", "triomph*", "résistant*", "défenseur*",
        "légitime*",
    ),
    "es": (
        "héroe*", "heroic*", "valiente*", "valentía", "coraje", "liberador*", "liberación",
        "mártir*", "glorios*", "honorable*", "noble*", "victorios*", "triunf*", "defensor*",
        "legítim*",
    ),
    "de": (
        "held*", "heldenhaft*", "tapfer*", "mutig*", "befrei*", "märtyrer*", "glorreich*",
        "ehrenhaft*", "siegreich*", "triumph*", "verteidiger*", "legitim*",
    ),
    "ru": (
        "геро*", "храбр*", "мужеств*", "доблест*", "освобод*", "мученик*", "славн*", "благородн*",
        "победоносн*", "защитник*", "законн*",
    ),
}


class _Compiled:
    """One cue list ready for matching: single words, stems, and phrases indexed by their first part."""

    def __init__(self, entries: tuple[str, ...]) -> None:
        words, stems = set(), []
        self.phrases_by_word: dict[str, list[tuple[str, ...]]] = {}
        self.phrases_by_stem: list[tuple[str, tuple[str, ...]]] = []
        for entry in entries:
            parts = tuple(entry.replace("-", " - ").split())
            if len(parts) > 1:
                if parts[0].endswith("*"):
                    self.phrases_by_stem.append((parts[0][:-1], parts))
                else:
                    self.phrases_by_word.setdefault(parts[0], []).append(parts)
            elif entry.endswith("*"):
                stems.append(entry[:-1])
            else:
                words.add(entry)
        self.words = frozenset(words)
        self.stems = tuple(stems)

    def phrases_at(self, token: str) -> list[tuple[str, ...]]:
        found = self.phrases_by_word.get(token, [])
        stemmed = [parts for stem, parts in self.phrases_by_stem if token.startswith(stem)]
        return found + stemmed if stemmed else found


def _matches(token: str, part: str) -> bool:
    return token.startswith(part[:-1]) if part.endswith("*") else token == part


class CueMatcher:
    """Marks the tokens of a sentence that belong to a hostile or favourable cue."""

    def __init__(self, language: str | None) -> None:
        languages = ["en"] + ([language] if language and language != "en" and language in HOSTILE else [])
        self.sets = {
            polarity: [_Compiled(table[lang]) for lang in languages]
            for polarity, table in (("hostile", HOSTILE), ("favourable", FAVOURABLE))
        }

    def mark(self, tokens: list[str]) -> list[str | None]:
        """For each token: 'hostile', 'favourable' or None (first match wins, hostile first)."""
        marks: list[str | None] = [None] * len(tokens)
        for polarity, compiled in self.sets.items():
            for cues in compiled:
                for index, token in enumerate(tokens):
                    if marks[index] is None and (token in cues.words or (cues.stems and token.startswith(cues.stems))):
                        marks[index] = polarity
                    for phrase in cues.phrases_at(token):
                        size = len(phrase)
                        if index + size <= len(tokens) and all(
                            _matches(tokens[index + k], phrase[k]) for k in range(1, size)
                        ):
                            for k in range(size):
                                marks[index + k] = marks[index + k] or polarity
        return marks


_MATCHERS: dict[str | None, CueMatcher] = {}


def matcher(language: str | None) -> CueMatcher:
    if language not in _MATCHERS:
        _MATCHERS[language] = CueMatcher(language)
    return _MATCHERS[language]
