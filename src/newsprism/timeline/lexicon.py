"""Date words per language (plain data): month and weekday names, relative words, parts, seasons.

Phrases are literal: :mod:`.grammar` escapes them, lets a space stand for any run of spaces and
an apostrophe for ’ too.  Fields ending in ``_re``, the first element of the ``(regex, value)``
pairs and the values of ``not_before`` / ``not_after`` are regular expressions; keep them free of
nested repetition, they run on every body.
Matching is case-insensitive except English month and weekday names, which are dates only when
capitalised ("May" and "may"), and the words listed in ``lowercase_only``.

Languages without an entry here get month names from dateparser's locale data (see
:func:`.grammar.grammar_for`), so "14 listopada 2015" is still read in Polish.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Lexicon:
    months: dict[int, tuple[str, ...]]  # full names in every case form (dates alone given context)
    weekdays: dict[int, tuple[str, ...]] = field(default_factory=dict)  # 0 = Monday
    month_abbreviations: dict[int, tuple[str, ...]] = field(default_factory=dict)  # only beside a day or year
    names_capitalised: bool = False  # English: month and weekday names count only when capitalised
    names_lowercase: bool = False  # French, Spanish…: a capitalised weekday mid-sentence is a name ("Domingo")
    weekday_tail_re: str = ""  # glued to a weekday name (German "Donnerstagabend")
    day_tail_re: str = ""  # after a day number ("9th", "1er", "14.")
    day_month_re: str = r"\s+"  # between day and month
    month_day: bool = False  # "December 9" order as well as "9 December"
    month_year_re: str = r"\s+"  # between month (or season) and year
    year_tail_re: str = ""  # after a year (Russian "года"): a year with it needs no other context
    relative_days: dict[str, int] = field(default_factory=dict)
    # phrase -> (unit, offset from publication | "to_date" (earlier this …) | "rest" (later this …))
    shifts: dict[str, tuple[str, int | str]] = field(default_factory=dict)
    numbers: dict[str, int | None] = field(default_factory=dict)  # None: a vague count ("a few")
    units: dict[str, tuple[str, bool]] = field(default_factory=dict)  # form -> (unit, plural)
    past_re: tuple[str, ...] = ()  # "the past {n} {unit}": publication minus n units up to publication
    bare_units: tuple[str, ...] = ("hour", "day", "week", "month", "year")  # units meaning 1 without a number
    ago_re: tuple[str, ...] = ()  # "{n} {unit} ago"
    current: dict[str, str] = field(default_factory=dict)  # "the end of the year": a unit, dated only after a part
    decades_re: tuple[str, ...] = ()  # "the 1990s": {decade} is a four-digit decade, {decade2} a two-digit one
    seasons: dict[str, tuple[str, ...]] = field(default_factory=dict)  # dates only with context
    seasons_alone: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # form -> (season, part)
    ranges: tuple[tuple[str, str], ...] = ()  # since / until / from / between
    context: tuple[str, ...] = ()  # prepositions that make a month or season a date ("in", "en", "в")
    # ... and a year: fewer, since "of 2000", "around 1900", "à 2000 mètres" are quantities
    year_context: tuple[str, ...] = ()
    parts: tuple[tuple[str, str], ...] = ()  # early / mid / late, each with the words linking it to the date
    articles: tuple[str, ...] = ()
    mods: tuple[tuple[str, str], ...] = ()  # last / next / this, before the word
    post_mods: tuple[tuple[str, str], ...] = ()  # after it ("jeudi dernier")
    year_refs: tuple[tuple[str, int], ...] = ()  # "of last year" after a month or season: year offset
    connectors_re: str = r"\s*[-–—]\s*"  # between the two ends of a range
    not_before: dict[str, str] = field(default_factory=dict)  # word -> regex the text before must not end with
    not_after: dict[str, str] = field(default_factory=dict)  # word -> regex the text after must not start with
    lowercase_only: tuple[str, ...] = ()


def _units(**forms: str) -> dict[str, tuple[str, bool]]:
    """``day="day|days"``: singular forms before the bar, plural after."""
    table: dict[str, tuple[str, bool]] = {}
    for unit, spec in forms.items():
        singular, plural = spec.split("|")
        table.update({form: (unit, False) for form in singular.split()})
        table.update({form: (unit, True) for form in plural.split()})
    return table


def _shifts(units: dict[str, str], table: dict[str, int | str]) -> dict[str, tuple[str, int | str]]:
    """Phrases written with a ``{unit}`` slot, expanded for each unit word."""
    return {phrase.format(unit=word): (unit, value) for phrase, value in table.items() for word, unit in units.items()}


EN = Lexicon(
    months={1: ("January",), 2: ("February",), 3: ("March",), 4: ("April",), 5: ("May",), 6: ("June",),
            7: ("July",), 8: ("August",), 9: ("September",), 10: ("October",), 11: ("November",), 12: ("December",)},
    month_abbreviations={1: ("Jan.", "Jan"), 2: ("Feb.", "Feb"), 3: ("Mar.",), 4: ("Apr.", "Apr"), 6: ("Jun.",),
                         7: ("Jul.",), 8: ("Aug.", "Aug"), 9: ("Sept.", "Sep.", "Sept", "Sep"), 10: ("Oct.", "Oct"),
                         11: ("Nov.", "Nov"), 12: ("Dec.", "Dec")},
    weekdays={0: ("Monday",), 1: ("Tuesday",), 2: ("Wednesday",), 3: ("Thursday",), 4: ("Friday",),
              5: ("Saturday",), 6: ("Sunday",)},
    names_capitalised=True,
    day_tail_re=r"(?:st|nd|rd|th)?",
    day_month_re=r"(?:\s+of)?\s+",
    month_day=True,
    month_year_re=r",?\s+(?:of\s+)?",
    relative_days={"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
                   "earlier today": 0, "yesterday": -1, "last night": -1, "the day before yesterday": -2,
                   "tomorrow": 1, "the day after tomorrow": 2},
    shifts=_shifts({"week": "week", "month": "month", "year": "year"}, {
        "last {unit}": -1, "this {unit}": 0, "next {unit}": 1, "the {unit} before last": -2,
        "earlier this {unit}": "to_date", "later this {unit}": "rest"}),
    numbers={"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
             "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
             "thirty": 30, "a couple of": 2, "couple of": 2, "a few": None, "few": None, "several": None},
    units=_units(hour="hour|hours", day="day|days", week="week|weeks", month="month|months", year="year|years"),
    past_re=(r"the\s+(?:past|last)\s+{n}?{unit}", r"recent\s+{unit}"),
    bare_units=("week", "month", "year"),  # "the last day (I took off)" is rarely the day before publication
    ago_re=(r"{n}{unit}\s+ago",),
    decades_re=(r"{decade}['’]?s",),
    current={"year": "year", "month": "month", "week": "week"},
    seasons={"spring": ("spring",), "summer": ("summer",), "autumn": ("autumn", "fall"), "winter": ("winter",)},
    ranges=((r"(?:ever\s+)?since", "since"), (r"until|till|through", "until"), (r"from", "from"),
            (r"between", "between")),
    context=("in", "on", "during", "throughout", "by", "before", "after", "around"),
    year_context=("in", "during", "throughout", "by", "before", "after", "in the year"),
    parts=((r"(?:very\s+)?early[\s-]+|(?:at\s+)?the\s+(?:beginning|start)\s+of\s+(?:the\s+)?", "early"),
           (r"mid[\s\-–]*|(?:in\s+)?the\s+middle\s+of\s+(?:the\s+)?", "mid"),
           (r"(?:very\s+)?late[\s-]+|(?:at\s+)?the\s+end\s+of\s+(?:the\s+)?", "late")),
    articles=("the",),
    mods=((r"last|this\s+past", "last"), (r"next|this\s+coming|coming", "next"), (r"this", "this")),
    year_refs=((r",?\s+(?:of\s+)?last\s+year", -1), (r",?\s+(?:of\s+)?this\s+year", 0),
               (r",?\s+(?:of\s+)?next\s+year", 1)),
    connectors_re=r"\s*[-–—]\s*|\s+(?:to|and|until|till|through)\s+",
    # "May" alone is a month only after "in", "since", "early", "last"…: not "by May", "of May" (Theresa May).
    not_before={"May": r"(?:by|of|to|for|from|after|before|with|and|on)\s+$",
                # "the last week (of the campaign)" is not the week before publication
                **{f"{mod} {unit}": r"\bthe\s+$" for mod in ("last", "next", "this")
                   for unit in ("week", "month", "year")}},
    not_after={"May": r"['’]s\b", "fall": r"\s+of\s+(?!\d)"},
)

FR = Lexicon(
    names_lowercase=True,
    months={1: ("janvier",), 2: ("février", "fevrier"), 3: ("mars",), 4: ("avril",), 5: ("mai",), 6: ("juin",),
            7: ("juillet",), 8: ("août", "aout"), 9: ("septembre",), 10: ("octobre",), 11: ("novembre",),
            12: ("décembre", "decembre")},
    month_abbreviations={1: ("janv.",), 2: ("févr.", "fév."), 4: ("avr.",), 7: ("juil.",), 9: ("sept.",),
                         10: ("oct.",), 11: ("nov.",), 12: ("déc.",)},
    weekdays={0: ("lundi",), 1: ("mardi",), 2: ("mercredi",), 3: ("jeudi",), 4: ("vendredi",), 5: ("samedi",),
              6: ("dimanche",)},
    day_tail_re=r"(?:er|e)?",
    relative_days={"aujourd'hui": 0, "ce matin": 0, "ce soir": 0, "cet après-midi": 0, "hier": -1,
                   "avant-hier": -2, "demain": 1, "après-demain": 2},
    shifts={
        **_shifts({"la semaine": "week", "le mois": "month", "l'an": "year", "l'année": "year"},
                  {"{unit} dernière": -1, "{unit} dernier": -1, "{unit} passée": -1, "{unit} passé": -1,
                   "{unit} prochaine": 1, "{unit} prochain": 1}),
        "cette semaine": ("week", 0), "ce mois-ci": ("month", 0), "ce mois": ("month", 0), "cette année": ("year", 0),
        "plus tôt cette semaine": ("week", "to_date"), "plus tôt ce mois-ci": ("month", "to_date"),
        "plus tôt dans le mois": ("month", "to_date"), "plus tôt cette année": ("year", "to_date"),
        "plus tôt dans l'année": ("year", "to_date"), "plus tard cette année": ("year", "rest"),
        "plus tard dans l'année": ("year", "rest")},
    numbers={"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
             "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "vingt": 20, "trente": 30,
             "quelques": None, "plusieurs": None},
    units=_units(hour="heure|heures", day="jour journée|jours journées", week="semaine|semaines",
                 month="mois|", year="an année|ans années"),
    past_re=(r"(?:au\s+cours\s+des|durant\s+les|pendant\s+les|lors\s+des|dans\s+les|ces|les)\s+{n}?"
             r"derni(?:er|ère)s\s+{unit}",
             r"(?:au\s+cours\s+des|durant\s+les|pendant\s+les|ces|les)\s+{n}?{unit}\s+(?:passé|écoulé)e?s",
             r"depuis\s+{n}{unit}"),
    ago_re=(r"il\s+y\s+a\s+{n}?{unit}",),
    decades_re=(r"années\s+(?:{decade}|{decade2})",),
    current={"l'année": "year", "année": "year", "l'an": "year", "mois": "month", "semaine": "week"},
    seasons={"spring": ("printemps", "le printemps"), "summer": ("été", "l'été"),
             "autumn": ("automne", "l'automne"), "winter": ("hiver", "l'hiver")},
    ranges=((r"depuis|dès|à\s+partir\s+d[eu]", "since"),
            (r"jusqu['’]\s*(?:à|au|en)|jusqu['’]\s*à\s+la|jusqu['’]\s*au", "until"),
            (r"du|de", "from"), (r"entre", "between")),
    context=("en", "dans", "pendant", "durant", "courant", "au", "à", "vers", "le"),
    year_context=("en", "durant", "courant", "en l'an", "l'an", "l'année", "au cours de l'année"),
    parts=((r"(?:(?:à\s+la|au|en|dès\s+le)\s+)?début(?:\s+(?:de\s+la|du|des|de))?\s+", "early"),
           (r"(?:(?:à\s+la|au)\s+)?(?:mi[\s-]*|milieu\s+(?:de\s+la|du|des|de)\s+)", "mid"),
           (r"(?:(?:à\s+la|en|vers\s+la|d'ici\s+la)\s+)?fin(?:\s+(?:de\s+la|du|des|de))?\s+", "late")),
    mods=((r"ce|cet|cette", "this"),),
    post_mods=((r"derni(?:er|ère)|passée?", "last"), (r"prochaine?", "next")),
    year_refs=((r"\s+de\s+l['’](?:an|année)\s+(?:dernière?|passée?)", -1),
               (r"\s+de\s+cette\s+année", 0), (r"\s+de\s+l['’](?:an|année)\s+prochaine?", 1)),
    connectors_re=r"\s*[-–—]\s*|\s+(?:au|à|et|jusqu['’]\s*(?:au|à|en))\s+",
)

ES = Lexicon(
    names_lowercase=True,
    months={1: ("enero",), 2: ("febrero",), 3: ("marzo",), 4: ("abril",), 5: ("mayo",), 6: ("junio",),
            7: ("julio",), 8: ("agosto",), 9: ("septiembre", "setiembre"), 10: ("octubre",), 11: ("noviembre",),
            12: ("diciembre",)},
    month_abbreviations={1: ("ene.",), 2: ("feb.",), 4: ("abr.",), 8: ("ago.",), 9: ("sept.", "sep."),
                         10: ("oct.",), 11: ("nov.",), 12: ("dic.",)},
    weekdays={0: ("lunes",), 1: ("martes",), 2: ("miércoles", "miercoles"), 3: ("jueves",), 4: ("viernes",),
              5: ("sábado", "sabado"), 6: ("domingo",)},
    day_tail_re=r"(?:º|°)?",
    day_month_re=r"\s+de\s+",
    month_year_re=r"\s+(?:de|del)\s+",
    relative_days={"hoy": 0, "esta mañana": 0, "esta tarde": 0, "esta noche": 0, "ayer": -1, "anoche": -1,
                   "anteayer": -2, "antier": -2, "antes de ayer": -2, "antes de anoche": -2, "mañana": 1,
                   "pasado mañana": 2},
    shifts={
        **_shifts({"semana": "week", "mes": "month", "año": "year"},
                  {"{unit} pasado": -1, "{unit} pasada": -1, "pasado {unit}": -1, "pasada {unit}": -1,
                   "próximo {unit}": 1, "próxima {unit}": 1, "{unit} próximo": 1, "{unit} próxima": 1,
                   "{unit} que viene": 1, "{unit} anterior": -1}),
        **_shifts({"la semana": "week", "el mes": "month", "el año": "year"},
                  {"{unit} pasado": -1, "{unit} pasada": -1, "{unit} que viene": 1}),
        "esta semana": ("week", 0), "este mes": ("month", 0), "este año": ("year", 0),
        "a principios de este mes": ("month", "to_date"), "a principios de este año": ("year", "to_date"),
        "a comienzos de este mes": ("month", "to_date"), "a comienzos de este año": ("year", "to_date")},
    numbers={"un": 1, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
             "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "quince": 15, "veinte": 20, "treinta": 30,
             "unos": None, "unas": None, "algunos": None, "algunas": None, "varios": None, "varias": None,
             "unos pocos": None, "unas pocas": None},
    units=_units(hour="hora|horas", day="día dia|días dias", week="semana|semanas", month="mes|meses",
                 year="año|años"),
    past_re=(r"(?:en\s+|durante\s+)?(?:los|las)\s+últim(?:os|as)\s+{n}?{unit}",
             r"(?:en\s+|durante\s+)?(?:los|las)\s+{n}?{unit}\s+(?:pasad(?:os|as)|anteriores)"),
    ago_re=(r"hace\s+{n}?{unit}",),
    decades_re=(r"años\s+(?:{decade}|{decade2})",),
    current={"año": "year", "mes": "month", "semana": "week"},
    seasons={"spring": ("primavera",), "summer": ("verano",), "autumn": ("otoño", "otono"), "winter": ("invierno",)},
    ranges=((r"desde|a\s+partir\s+de(?:l)?", "since"), (r"hasta", "until"), (r"del?", "from"), (r"entre", "between")),
    context=("en", "durante", "a", "el", "para", "a lo largo de"),
    year_context=("en", "durante", "a lo largo de", "en el año", "el año", "a lo largo del año"),
    parts=((r"(?:principios|comienzos|inicios|inicio|comienzo)\s+(?:de\s+la|del|de)\s+", "early"),
           (r"mediados\s+(?:de\s+la|del|de)\s+|(?:la\s+)?mitad\s+(?:de\s+la|del|de)\s+", "mid"),
           (r"(?:finales|fines|final|fin)\s+(?:de\s+la|del|de)\s+", "late")),
    articles=("el", "la", "los", "las"),
    mods=((r"(?:el\s+)?pasado(?:\s+mes\s+de)?|(?:la\s+)?pasada", "last"),
          (r"(?:el\s+)?próximo(?:\s+mes\s+de)?|(?:la\s+)?próxima", "next"), (r"este|esta", "this")),
    post_mods=((r"pasad[oa]", "last"), (r"próxim[oa]|que\s+viene", "next")),
    year_refs=((r"\s+del\s+año\s+pasado", -1),
               (r"\s+de\s+este\s+año|\s+del\s+(?:presente\s+)?año(?:\s+en\s+curso)?", 0),
               (r"\s+del\s+año\s+(?:próximo|que\s+viene)", 1)),
    connectors_re=r"\s*[-–—]\s*|\s+(?:a|al|y|hasta(?:\s+el)?)\s+",
    # "la mañana", "por la mañana": the morning, not tomorrow; "hoy en día": nowadays.
    not_before={"mañana": r"(?:la|esta|una|cada|media|por|de|del|toda|el|en|y)\s+$"},
    not_after={"hoy": r"\s+(?:en\s+)?día"},
)

RU = Lexicon(
    names_lowercase=True,
    months={  # nominative, genitive ("14 ноября"), prepositional ("в ноябре"), instrumental ("между мартом и маем")
        1: ("январь", "января", "январе", "январём", "январем"),
        2: ("февраль", "февраля", "феврале", "февралём", "февралем"),
        3: ("март", "марта", "марте", "мартом"),
        4: ("апрель", "апреля", "апреле", "апрелем"),
        5: ("май", "мая", "мае", "маем"),
        6: ("июнь", "июня", "июне", "июнем"),
        7: ("июль", "июля", "июле", "июлем"),
        8: ("август", "августа", "августе", "августом"),
        9: ("сентябрь", "сентября", "сентябре", "сентябрём", "сентябрем"),
        10: ("октябрь", "октября", "октябре", "октябрём", "октябрем"),
        11: ("ноябрь", "ноября", "ноябре", "ноябрём", "ноябрем"),
        12: ("декабрь", "декабря", "декабре", "декабрём", "декабрем"),
    },
    month_abbreviations={1: ("янв.",), 2: ("февр.", "фев."), 8: ("авг.",), 9: ("сент.",), 10: ("окт.",),
                         11: ("нояб.",), 12: ("дек.",)},
    # "среда" and "среды" also mean "environment": Wednesday only as "в среду".
    weekdays={0: ("понедельник", "понедельника"), 1: ("вторник", "вторника"), 2: ("среду",),
              3: ("четверг", "четверга"), 4: ("пятница", "пятницу", "пятницы"), 5: ("суббота", "субботу", "субботы"),
              6: ("воскресенье", "воскресенья")},
    year_tail_re=r"(?:\s*(?:годах|года|году|годы|год|гг\.|г\.))?",
    relative_days={"сегодня": 0, "вчера": -1, "позавчера": -2, "завтра": 1, "послезавтра": 2},
    shifts={
        **_shifts({"неделе": "week", "месяце": "month", "году": "year"},
                  {"прошлой {unit}": -1, "прошлом {unit}": -1, "этой {unit}": 0, "этом {unit}": 0,
                   "текущем {unit}": 0, "следующей {unit}": 1, "следующем {unit}": 1, "будущей {unit}": 1,
                   "будущем {unit}": 1, "минувшей {unit}": -1, "минувшем {unit}": -1}),
        **_shifts({"недели": "week", "месяца": "month", "года": "year"},
                  {"прошлой {unit}": -1, "прошлого {unit}": -1, "этой {unit}": 0, "этого {unit}": 0,
                   "текущего {unit}": 0, "следующей {unit}": 1, "следующего {unit}": 1, "минувшего {unit}": -1}),
        "прошлый год": ("year", -1), "позапрошлом году": ("year", -2), "позапрошлого года": ("year", -2),
        "ранее на этой неделе": ("week", "to_date"), "ранее в этом месяце": ("month", "to_date"),
        "ранее в этом году": ("year", "to_date")},
    numbers={"один": 1, "одна": 1, "одну": 1, "одного": 1, "два": 2, "две": 2, "двух": 2, "три": 3, "трех": 3,
             "трёх": 3, "четыре": 4, "четырех": 4, "четырёх": 4, "пять": 5, "пяти": 5, "шесть": 6, "шести": 6,
             "семь": 7, "семи": 7, "восемь": 8, "восьми": 8, "девять": 9, "девяти": 9, "десять": 10, "десяти": 10,
             "пару": 2, "несколько": None, "нескольких": None},
    units=_units(hour="час часа|часов часы", day="день дня сутки суток|дней дни днях",
                 week="неделю неделя|недель недели неделях",
                 month="месяц месяца|месяцев месяцы", year="год года|лет годы годах"),
    past_re=(r"(?:за|в)\s+(?:последние|прошедшие|минувшие)\s+{n}?{unit}",),
    ago_re=(r"{n}?{unit}\s+(?:тому\s+)?назад",),
    # "90-е" alone is also an ordinal ("80-е место"): two-digit decades need "годы".
    decades_re=(r"{decade}-?(?:х|е|ые|ых)(?:\s+(?:годах|годы|годов|гг\.))?",
                r"{decade2}-?(?:х|е|ые|ых)\s+(?:годах|годы|годов|гг\.)"),
    current={"года": "year", "месяца": "month", "недели": "week"},
    seasons={"spring": ("весна", "весну", "весны", "весне"), "summer": ("лето", "лета", "лете"),
             "autumn": ("осень", "осени"), "winter": ("зима", "зиму", "зимы", "зиме")},
    seasons_alone={"весной": ("spring", None), "летом": ("summer", None), "осенью": ("autumn", None),
                   "зимой": ("winter", None)},
    ranges=((r"с|со|начиная\s+с", "since"), (r"до|по", "until"), (r"от", "from"), (r"между", "between")),
    context=("в", "во", "на", "к", "около"),
    year_context=("в", "во"),
    parts=((r"(?:начал[оаеу]|ранн(?:ей|ею|яя))\s+", "early"), (r"середин[аеуы]\s+", "mid"),
           (r"(?:кон(?:ец|ца|це|цу)|поздн(?:ей|ею|яя))\s+", "late")),
    mods=((r"прошл\w*|минувш\w*", "last"), (r"следующ\w*|будущ\w*|ближайш\w*", "next"),
          (r"эт(?:от|у|ой|ом|им|ого|а)|текущ\w*|нынешн\w*", "this")),
    year_refs=((r"\s+(?:прошлого|минувшего)\s+года", -1), (r"\s+позапрошлого\s+года", -2),
               (r"\s+(?:этого|текущего|нынешнего)\s+года", 0), (r"\s+(?:следующего|будущего)\s+года", 1)),
    connectors_re=r"\s*[-–—]\s*|\s+(?:по|до|и)\s+",
)

DE = Lexicon(
    months={1: ("Januar", "Jänner"), 2: ("Februar",), 3: ("März", "Maerz"), 4: ("April",), 5: ("Mai",),
            6: ("Juni",), 7: ("Juli",), 8: ("August",), 9: ("September",), 10: ("Oktober",), 11: ("November",),
            12: ("Dezember",)},
    month_abbreviations={1: ("Jan.",), 2: ("Feb.",), 4: ("Apr.",), 8: ("Aug.",), 9: ("Sept.", "Sep."),
                         10: ("Okt.",), 11: ("Nov.",), 12: ("Dez.",)},
    weekdays={0: ("Montag",), 1: ("Dienstag",), 2: ("Mittwoch",), 3: ("Donnerstag",), 4: ("Freitag",),
              5: ("Samstag", "Sonnabend"), 6: ("Sonntag",)},
    weekday_tail_re=r"(?:abend|morgen|nachmittag|vormittag|nacht|mittag)?",
    day_tail_re=r"\.?",
    relative_days={"heute": 0, "gestern": -1, "vorgestern": -2, "morgen": 1, "übermorgen": 2},
    shifts={
        **_shifts({"Woche": "week", "Monat": "month", "Jahr": "year"},
                  {"letzte {unit}": -1, "letzten {unit}": -1, "letztes {unit}": -1, "vergangene {unit}": -1,
                   "vergangenen {unit}": -1, "vergangenes {unit}": -1, "vorige {unit}": -1, "vorigen {unit}": -1,
                   "voriges {unit}": -1, "diese {unit}": 0, "diesen {unit}": 0, "dieses {unit}": 0,
                   "diesem {unit}": 0, "dieser {unit}": 0, "nächste {unit}": 1, "nächsten {unit}": 1,
                   "nächstes {unit}": 1, "kommende {unit}": 1, "kommenden {unit}": 1, "kommendes {unit}": 1}),
        **_shifts({"Monats": "month", "Jahres": "year"},
                  {"letzten {unit}": -1, "vergangenen {unit}": -1, "vorigen {unit}": -1, "dieses {unit}": 0,
                   "laufenden {unit}": 0, "nächsten {unit}": 1, "kommenden {unit}": 1}),
        "Vorjahr": ("year", -1), "Vorjahres": ("year", -1), "Vormonat": ("month", -1), "Vorwoche": ("week", -1),
        "Anfang der Woche": ("week", "to_date"), "früher in diesem Jahr": ("year", "to_date"),
        "später in diesem Jahr": ("year", "rest")},
    numbers={"ein": 1, "eine": 1, "einem": 1, "einer": 1, "einen": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5,
             "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "fünfzehn": 15,
             "zwanzig": 20, "dreißig": 30, "einigen": None, "einige": None, "wenigen": None, "ein paar": None,
             "mehreren": None},
    units=_units(hour="Stunde|Stunden", day="Tag|Tage Tagen", week="Woche|Wochen", month="Monat|Monate Monaten",
                 year="Jahr|Jahre Jahren"),
    past_re=(r"(?:in\s+|während\s+)?(?:den|der)\s+(?:letzten|vergangenen|zurückliegenden)\s+{n}?{unit}",
             r"seit\s+{n}{unit}"),
    ago_re=(r"vor\s+{n}?{unit}",),
    decades_re=(r"(?:{decade}|{decade2})er(?:\s+Jahren?|\s+Jahre)?",),
    current={"Jahres": "year", "Jahr": "year", "Monats": "month", "Monat": "month", "Woche": "week"},
    seasons={"spring": ("Frühling", "Frühjahr", "Frühjahrs", "Frühlings"), "summer": ("Sommer", "Sommers"),
             "autumn": ("Herbst", "Herbstes"), "winter": ("Winter", "Winters")},
    seasons_alone={"Frühsommer": ("summer", "early"), "Spätsommer": ("summer", "late"),
                   "Frühherbst": ("autumn", "early"), "Spätherbst": ("autumn", "late"),
                   "Frühwinter": ("winter", "early"), "Spätwinter": ("winter", "late")},
    ranges=((r"seit|ab", "since"), (r"bis(?:\s+(?:zum|Ende|in\s+den))?", "until"), (r"von|vom", "from"),
            (r"zwischen", "between")),
    context=("im", "am", "in", "an", "um"),
    year_context=("in", "im Jahr", "im Jahre", "Jahr", "Jahres"),
    parts=((r"Anfang(?:\s+(?:des|der))?\s+", "early"), (r"Mitte(?:\s+(?:des|der))?\s+", "mid"),
           (r"Ende(?:\s+(?:des|der))?\s+", "late")),
    articles=("den", "dem", "der", "die", "das"),
    mods=((r"letzt\w*|vergangen\w*|vorig\w*", "last"), (r"nächst\w*|kommend\w*", "next"), (r"dies\w*", "this")),
    year_refs=((r"\s+(?:des\s+)?(?:letzten|vergangenen|vorigen)\s+Jahres|\s+des\s+Vorjahres", -1),
               (r"\s+(?:dieses|des\s+laufenden)\s+Jahres", 0), (r"\s+(?:des\s+)?(?:nächsten|kommenden)\s+Jahres", 1)),
    connectors_re=r"\s*[-–—]\s*|\s+(?:bis(?:\s+zum)?|und)\s+",
    not_before={"morgen": r"(?:heute|gestern|vorgestern|am|jeden|den|guten|einen|diesen|morgen)\s+$"},
    lowercase_only=("morgen",),
)

IT = Lexicon(
    names_lowercase=True,
    months={1: ("gennaio",), 2: ("febbraio",), 3: ("marzo",), 4: ("aprile",), 5: ("maggio",), 6: ("giugno",),
            7: ("luglio",), 8: ("agosto",), 9: ("settembre",), 10: ("ottobre",), 11: ("novembre",), 12: ("dicembre",)},
    weekdays={0: ("lunedì", "lunedi"), 1: ("martedì", "martedi"), 2: ("mercoledì", "mercoledi"),
              3: ("giovedì", "giovedi"), 4: ("venerdì", "venerdi"), 5: ("sabato",), 6: ("domenica",)},
    day_tail_re=r"(?:º|°)?",
    month_year_re=r"\s+(?:del\s+)?",
    relative_days={"oggi": 0, "stamattina": 0, "stasera": 0, "ieri": -1, "l'altro ieri": -2, "altroieri": -2,
                   "domani": 1, "dopodomani": 2},
    shifts={
        **_shifts({"la settimana": "week", "il mese": "month", "l'anno": "year", "settimana": "week",
                   "mese": "month", "anno": "year"},
                  {"{unit} scorsa": -1, "{unit} scorso": -1, "{unit} prossima": 1, "{unit} prossimo": 1}),
        **_shifts({"settimana": "week", "mese": "month", "anno": "year"},
                  {"la scorsa {unit}": -1, "lo scorso {unit}": -1, "il prossimo {unit}": 1, "la prossima {unit}": 1}),
        "questa settimana": ("week", 0), "questo mese": ("month", 0), "quest'anno": ("year", 0)},
    numbers={"un": 1, "uno": 1, "una": 1, "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7,
             "otto": 8, "nove": 9, "dieci": 10, "undici": 11, "dodici": 12, "alcuni": None, "alcune": None,
             "pochi": None, "qualche": None},
    units=_units(hour="ora|ore", day="giorno|giorni", week="settimana|settimane", month="mese|mesi", year="anno|anni"),
    past_re=(r"(?:negli|nelle|gli|le)\s+ultim[ie]\s+{n}?{unit}",),
    ago_re=(r"{n}?{unit}\s+fa",),
    decades_re=(r"anni\s+(?:{decade}|{decade2})",),
    current={"anno": "year", "mese": "month", "settimana": "week"},
    seasons={"spring": ("primavera",), "summer": ("estate",), "autumn": ("autunno",), "winter": ("inverno",)},
    ranges=((r"da(?:l|lla|ll['’])?|a\s+partire\s+da(?:l)?", "since"), (r"fino\s+a(?:l|lla)?", "until"),
            (r"tra|fra", "between")),
    context=("a", "nel", "nella", "nell'", "in", "durante", "il", "lo", "entro"),
    year_context=("nel", "entro il", "nel corso del", "durante il"),
    parts=((r"(?:all['’]\s*|a\s+)?inizio\s+(?:di|del|dell['’]|della)?\s*", "early"),
           (r"(?:a\s+)?metà\s+(?:di|del|dell['’]|della)?\s*", "mid"),
           (r"(?:alla\s+|a\s+)?fine\s+(?:di|del|dell['’]|della)?\s*", "late")),
    mods=((r"(?:lo\s+)?scorso|(?:la\s+)?scorsa", "last"), (r"(?:il\s+)?prossimo|(?:la\s+)?prossima", "next"),
          (r"questo|questa|quest['’]", "this")),
    post_mods=((r"scors[oa]", "last"), (r"prossim[oa]", "next")),
    year_refs=((r"\s+dell['’]anno\s+scorso", -1), (r"\s+di\s+quest['’]anno", 0), (r"\s+dell['’]anno\s+prossimo", 1)),
    connectors_re=r"\s*[-–—]\s*|\s+(?:al|a|e|fino\s+al)\s+",
)

PT = Lexicon(
    names_lowercase=True,
    months={1: ("janeiro",), 2: ("fevereiro",), 3: ("março", "marco"), 4: ("abril",), 5: ("maio",), 6: ("junho",),
            7: ("julho",), 8: ("agosto",), 9: ("setembro",), 10: ("outubro",), 11: ("novembro",), 12: ("dezembro",)},
    # "segunda", "quarta"… alone are also ordinals: only the "-feira" forms.
    weekdays={0: ("segunda-feira",), 1: ("terça-feira", "terca-feira"), 2: ("quarta-feira",), 3: ("quinta-feira",),
              4: ("sexta-feira",), 5: ("sábado", "sabado"), 6: ("domingo",)},
    day_tail_re=r"(?:º|°)?",
    day_month_re=r"\s+de\s+",
    month_year_re=r"\s+de\s+",
    relative_days={"hoje": 0, "ontem": -1, "anteontem": -2, "amanhã": 1, "depois de amanhã": 2},
    shifts={
        **_shifts({"semana": "week", "mês": "month", "ano": "year"},
                  {"{unit} passado": -1, "{unit} passada": -1, "próximo {unit}": 1, "próxima {unit}": 1,
                   "{unit} que vem": 1}),
        "esta semana": ("week", 0), "este mês": ("month", 0), "este ano": ("year", 0)},
    numbers={"um": 1, "uma": 1, "dois": 2, "duas": 2, "três": 3, "quatro": 4, "cinco": 5, "seis": 6, "sete": 7,
             "oito": 8, "nove": 9, "dez": 10, "onze": 11, "doze": 12, "alguns": None, "algumas": None,
             "poucos": None, "vários": None, "várias": None},
    units=_units(hour="hora|horas", day="dia|dias", week="semana|semanas", month="mês|meses", year="ano|anos"),
    past_re=(r"(?:n?os|n?as)\s+últim(?:os|as)\s+{n}?{unit}",),
    ago_re=(r"há\s+{n}?{unit}", r"{n}{unit}\s+atrás"),
    decades_re=(r"anos\s+(?:{decade}|{decade2})",),
    current={"ano": "year", "mês": "month", "semana": "week"},
    seasons={"spring": ("primavera",), "summer": ("verão",), "autumn": ("outono",), "winter": ("inverno",)},
    ranges=((r"desde|a\s+partir\s+d[eo]", "since"), (r"até", "until"), (r"d[eo]", "from"), (r"entre", "between")),
    context=("em", "no", "na", "durante", "o", "a"),
    year_context=("em", "no ano de", "durante"),
    parts=((r"(?:n?o\s+)?(?:início|inicio|começo)\s+d[eoa]\s+", "early"), (r"(?:em\s+)?meados\s+d[eoa]\s+", "mid"),
           (r"(?:n?o\s+)?(?:fim|final|finais)\s+d[eoa]\s+", "late")),
    mods=((r"(?:o\s+)?passado|(?:a\s+)?passada", "last"), (r"(?:o\s+)?próximo|(?:a\s+)?próxima", "next"),
          (r"este|esta", "this")),
    post_mods=((r"passad[oa]", "last"), (r"próxim[oa]|que\s+vem", "next")),
    year_refs=((r"\s+do\s+ano\s+passado", -1), (r"\s+deste\s+ano", 0), (r"\s+do\s+próximo\s+ano", 1)),
    connectors_re=r"\s*[-–—]\s*|\s+(?:a|ao|e|até)\s+",
    not_before={"amanhã": r"(?:o|do|um)\s+$"},
)

LEXICONS: dict[str, Lexicon] = {"en": EN, "fr": FR, "es": ES, "ru": RU, "de": DE, "it": IT, "pt": PT}
