"""Cue words for check-worthiness and for claim linking, per language (plain data).

Written for this project from general knowledge of news language (reporting verbs, verbs of violent
and official events, causal and comparative connectives, markers of opinion, hedging and calls to
action), not extracted from any dataset.  Entries are separated by white space; ``_`` joins the
words of a phrase (``according_to``); an entry ending in ``*`` is a prefix (``kill*`` matches
"killed", "killings"), any other entry matches a whole word or phrase.  Matching ignores case.

Categories (each becomes one feature of the check-worthiness model, see ``features``):

* ``report``: attribution ("said", "according to", "a déclaré", "заявил")
* ``event``: verbs and nouns of things that happen and can be checked (killed, launched, arrested,
  voted, signed, deployed)
* ``causal``: "because", "due to", "led to", "à cause de", "из-за"
* ``compare``: "more than", "compared with", "the largest", "percent"
* ``opinion``: evaluation and obligation without factual content ("I think", "should", "shameful",
  "obviously", "il faut")
* ``hedge``: hedged or predicted statements ("may", "could", "probably", "expected to", "pourrait",
  French and German reportative conditionals, "якобы")
* ``action``: calls to action ("join", "share", "let's", "rejoignez")
* ``person``: first- and second-person pronouns (the writer or a speaker talking, not reporting)

``OPPOSITES`` are pairs of event classes that cannot describe the same claim (rise vs fall, killed
vs wounded, approved vs rejected, allowed vs banned, fled vs returned): claim linking refuses a
pair in which one claim has only one side and the other only the other side.

Languages without an entry get no cue features (numbers, names, dates, attribution found by the
quotes stage and the sentence shape still count).
"""

from __future__ import annotations

import re
from functools import lru_cache

CATEGORIES = ("report", "event", "causal", "compare", "opinion", "hedge", "action", "person")

_CUES: dict[str, dict[str, str]] = {
    "en": {
        "report": """said says say told tell* announc* stated statement* claim* report* according_to confirm*
            denied denies deny denying admit*
            insist* warn* accus* alleg* testif* disclos* revealed acknowledg* wrote tweet* added explained
            noted estimat* quoted""",
        "event": """kill* die died dies dead death* wound* injur* attack* launch* arrest* detain* captur* seiz*
            recaptur* retook destroy* bomb* shell* struck strike* explod* exploded fired shot vot* elect*
            approv* passed signed sign* ban* banned reject* resign* appoint* deploy* withdr* sent deliver*
            deliver* convict* sentenc* charged fined rais* cut* fell rose declin* increas* won lost
            invad* occup* evacuat* suspend* closed opened met visited founded built recorded hit
            defeat* liberat* fled flee* displac* murder* execut* raid* clash* protest*""",
        "causal": """because due_to caus* led_to lead_to leads_to result* as_a_result thanks_to owing_to
            blamed consequen* therefore triggered sparked""",
        "compare": """more_than less_than fewer_than compared compar* than largest biggest highest lowest
            most least twice double* half percent per_cent % times_as record* first_time""",
        "opinion": """i_think i_believe i_feel in_my_view in_my_opinion should must ought need_to needs_to
            shameful disgrac* ridiculous absurd outrag* wonderful terrible horrible evil stupid ignorant
            obviously clearly of_course undoubtedly truly sadly unfortunately fortunately frankly
            worst best great beautiful amazing breathtaking pathetic disgusting lie lies liar* hypocri*
            so-called alleged""",
        "hedge": """may might could would likely unlikely probably possibly perhaps appears_to appear_to
            seems seem* expected_to expect* predict* forecast* will shall poised_to potential* rumor*
            rumour* if""",
        "action": """let_us let's join sign_up share_this subscribe click don't_let do_not_let stand_up
            wake_up call_your vote_for demand* must_act""",
        "person": "i we me my our us you your myself ourselves",
    },
    "fr": {
        "report": """a_déclaré déclar* a_dit dit disent affirm* annonc* indiqu* précis* expliqu* selon d'après
            rapport* confirm* dément* démenti* assur* ajout* a_souligné soulign* a_rappelé rappel* accus*
            reconn* révél* a_écrit tweet* estimé""",
        "event": """tué tués tuée tuées mort morts morte décéd* bless* attaqu* attentat* lanc* arrêt* interpell*
            captur* pris prise repris saisi* détrui* bombard* frapp* explos* vot* élu élue élus adopt*
            approuv* sign* interdi* rejet* démission* nomm* déploy* retir* envoy* livr* condamn* relev*
            abaiss* augment* baiss* chut* gagn* perdu envahi* occup* évacu* suspend* fermé ouvert
            rencontr* visit* fond* construi* enregistr* vaincu libér* fui fuient déplac* assassin* exécut*
            affrontement* manifest* commémor*""",
        "causal": """parce_que à_cause_de en_raison_de du_fait_de provoqu* entraîn* caus* grâce_à suite_à
            par_conséquent a_conduit_à conduit_à à_l'origine_de imput*""",
        "compare": """plus_de moins_de par_rapport_à comparé* compar* le_plus la_plus les_plus deux_fois
            double* moitié pour_cent % record* première_fois""",
        "opinion": """je_pense je_crois à_mon_avis selon_moi il_faut faut doit doivent devrait devraient honte
            scandal* ridicule* absurde* évidemment bien_sûr manifestement heureusement malheureusement
            magnifique terrible pire meilleur mensong* menteur* hypocri* soi-disant prétendu* tonitru*
            redoutable* misérable* dogme mantra""",
        "hedge": """pourrait pourraient peut-être peut_être probablement sans_doute semble semblent paraît
            risque_de prévoi* s'attend* serait seraient aurait auraient pourra pourront devrait
            éventuel* rumeur* si""",
        "action": """rejoignez signez faisons agissons n'oubliez_pas partagez abonnez* mobilisez*
            votez""",
        "person": "je j'* moi nous vous mon ma mes notre nos votre vos",
    },
    "es": {
        "report": """dijo dice dicen afirm* declar* anunci* inform* asegur* señal* explic* según confirm* negó
            denunci* advirt* indic* agreg* añadi* reconoc* reveló escribió tuit*""",
        "event": """mató mataron matado asesin* murió murieron muert* herid* atac* atentado* lanz* detuv* deten*
            arrest* captur* tomó tomaron destru* bombard* explot* estall* vot* eleg* elig* electo aprob*
            firm* prohib* rechaz* dimit* nombr* despleg* retir* envi* entreg* conden* sub* baj* aument*
            ganó perdió invad* ocup* evacu* suspend* cerr* abri* reun* visit* fund* constru* registr*
            derrot* liber* huy* desplaz* ejecut* enfrentamiento* protest* manifest* arrest*""",
        "causal": """porque debido_a a_causa_de por_culpa_de caus* provoc* gracias_a como_resultado llevó_a
            por_lo_tanto consecuencia*""",
        "compare": """más_de menos_de en_comparación comparado* compar* el_mayor la_mayor el_más la_más los_más
            el_doble doble* la_mitad por_ciento % récord primera_vez""",
        "opinion": """creo_que pienso_que en_mi_opinión debe deben debería deberían hay_que vergüenza
            escandal* ridícul* absurd* evidentemente por_supuesto claramente lamentablemente
            afortunadamente terrible maravillos* peor mejor mentira* mentiroso* hipócrita* supuesto
            orgullosos""",
        "hedge": """podría podrían puede_que quizá quizás tal_vez probablemente posiblemente parece parecen
            se_espera prevé habría habrían sería serían si""",
        "action": """únete únase firma hagamos compart* suscrib* vota votad""",
        "person": "yo nosotros nosotras me mi mis nuestro nuestra nuestros nuestras usted ustedes tu tus vosotros",
    },
    "de": {
        "report": """sagte sagt sagten erklärt* teilte_mit mitgeteilt betont* berichte* laut zufolge nach_angaben
            bestätigt* dementiert* kündigte angekündigt warnt* warnte behauptet* räumte_ein gab_zu
            schrieb twitterte""",
        "event": """getötet tot tote toten starb starben gestorben verletzt* verwundet* angegriffen angriff*
            anschlag* startet* begann begonnen festgenommen verhaftet erobert eingenommen zerstört*
            bombardiert* beschossen explodiert* abgestimmt gewählt gebilligt verabschiedet beschlossen
            unterzeichnet verboten abgelehnt zurückgetreten ernannt entsandt geliefert verurteilt
            ausgesetzt angehoben gesenkt gestiegen gesunken erhöht gewonnen verloren besetzt evakuiert
            geschlossen eröffnet getroffen besucht gegründet gebaut verzeichnet besiegt befreit geflohen
            vertrieben hingerichtet ermordet protestiert* demonstriert*""",
        "causal": """weil wegen aufgrund infolge verursacht* führte_zu führt_zu dank daher deshalb deswegen
            folge* ursache*""",
        "compare": """mehr_als weniger_als im_vergleich verglichen doppelt* hälfte prozent % höchste* größte*
            niedrigste* meisten rekord* erstmals""",
        "opinion": """ich_glaube ich_denke meiner_meinung meines_erachtens sollte sollten muss müssen schande
            skandal* lächerlich* absurd* offensichtlich natürlich selbstverständlich leider zum_glück
            schrecklich* wunderbar* dreist* lüge* lügner* heuchl* propaganda* panikmache* märchen
            sogenannt*""",
        "hedge": """könnte könnten dürfte dürften vielleicht wahrscheinlich möglicherweise vermutlich offenbar
            scheint scheinen soll sollen wird_erwartet voraussichtlich würde würden angeblich* falls wenn""",
        "action": """lasst_uns macht_mit unterschreibt teilt abonnier* wählt""",
        "person": "ich wir mich mir mein meine meinen unser unsere uns du dich dir ihr euch euer",
    },
    "ru": {
        "report": """заявил* сообщил* сообщает сообщают сказал* отметил* подчеркнул* по_словам по_данным
            согласно как_сообщ* подтвердил* опроверг* объявил* рассказал* утвержда* добавил* указал*
            признал* написал* приводит_слова""",
        "event": """убит* погиб* ранен* пострадал* атак* напал* удар* обстрел* начал* запустил* задержан*
            арестован* захватил* взял* взяли освобод* разрушен* уничтож* взорв* проголосовал* избран*
            одобрил* принял* подписал* запретил* отклонил* отправил* передал* поставил* вывел* осужден*
            повысил* понизил* вырос* снизил* выиграл* проиграл* оккупир* эвакуир* приостановил* закрыл*
            открыл* встретил* посетил* основал* построил* зафиксирова* разгромил* бежал* покинул*
            казнил* протест* митинг* провел* проводил*""",
        "causal": """потому_что из-за вследствие в_результате благодаря привело_к привели_к поэтому
            по_причине вызвал* причин*""",
        "compare": """больше меньше более менее по_сравнению чем вдвое в_два_раза процент* % крупнейш*
            самый самая самое самые рекорд* впервые""",
        "opinion": """я_думаю я_считаю по_моему_мнению должен должна должны следует надо нужно позор* смешно
            нелеп* абсурд* очевидно конечно разумеется к_сожалению к_счастью ужасн* прекрасн* хуже лучше
            ложь лжец* лицемер* так_называем* нацист* бандеровц* боевик*""",
        "hedge": """может могут мог_бы возможно вероятно наверное кажется по-видимому видимо якобы ожидается
            прогноз* способно способен бы если""",
        "action": """давайте присоединяйтесь подписывайтесь поделитесь голосуйте""",
        "person": "я мы меня мне мой моя мои наш наша наши нас нам вы вас вам ваш ваша ты",
    },
}

# Event classes for the linking guard: (name, {language: (cues of one side, cues of the other)}).
OPPOSITES: tuple[tuple[str, dict[str, tuple[str, str]]], ...] = (
    ("rise/fall", {
        "en": ("rais* rise* rose risen increas* grew grow* climb* hike*", "cut* fell fall* lowered lowering decreas* drop* slash* reduc*"),
        "fr": ("relev* augment* hauss* grimp*", "abaiss* baiss* diminu* chut* recul* rédui*"),
        "es": ("subi* aument* elev* creci*", "bajó bajaron bajada* redu* disminu* cayó cayeron cae* recort*"),
        "de": ("angehoben anheb* erhöh* gestiegen steig* stieg* gewachsen", "gesenkt senk* gesunken sink* sank* gefallen reduziert*"),
        "ru": ("повысил* повыш* вырос* увеличил*", "понизил* сниз* снижен* упал* сократил* уменьшил*"),
    }),
    ("killed/wounded", {
        "en": ("kill* die died dies dead death* fatal*", "wound* injur* hurt"),
        "fr": ("tué tués tuée tuées mort morts décéd*", "bless*"),
        "es": ("mató mataron muert* murió murieron fallec*", "herid*"),
        "de": ("getötet tot tote toten starb* gestorben", "verletzt* verwundet*"),
        "ru": ("убит* погиб* смерт* гибел*", "ранен* пострадал* травм*"),
    }),
    ("approved/rejected", {
        "en": ("approv* passed adopt*", "reject* voted_down vetoed veto*"),
        "fr": ("adopt* approuv* valid*", "rejet*"),
        "es": ("aprob* adopt*", "rechaz* vetó vetaron"),
        "de": ("gebilligt verabschiedet angenommen billig* zugestimmt", "abgelehnt ablehn* zurückgewiesen"),
        "ru": ("одобрил* утвердил*", "отклонил* отверг*"),
    }),
    ("allow/ban", {
        "en": ("allow* permit* legalis* legaliz* authoriz* authoris* lift*", "ban* forbid* prohibit* outlaw*"),
        "fr": ("autoris* permet* permis légalis*", "interdi* prohib*"),
        "es": ("permit* autoriz* legaliz*", "prohib*"),
        "de": ("erlaub* gestattet* zugelassen legalisier*", "verbot* verbiet* untersag*"),
        "ru": ("разреш* позвол* легализ*", "запрет*"),
    }),
    ("left/returned", {
        "en": ("fled flee* fleeing exodus", "return* came_back"),
        "fr": ("fui fuient fuir quitt*", "retour* revenu* rentr*"),
        "es": ("huy* huido abandon*", "regres* volvi* retorn*"),
        "de": ("geflohen flieh* floh* verlassen", "zurückgekehrt rückkehr* kehrten_zurück"),
        "ru": ("бежал* покинул* уехал*", "вернул* возвращ*"),
    }),
    ("began/ended", {
        "en": ("began begin* launch* start* opened", "ended ends ending halt* stop* suspend* conclud* closed"),
        "fr": ("lanc* commenc* débuté ouvert*", "termin* arrêté* suspend* clôtur* fermé fermée fermés fermées"),
        "es": ("inici* comenz* lanz* empez* abrió abrieron", "termin* suspend* cerr* conclu*"),
        "de": ("begann begonnen startet* eröffnet*", "beendet* gestoppt* ausgesetzt* geschlossen"),
        "ru": ("начал* запустил* открыл*", "завершил* прекратил* остановил* приостановил* закрыл*"),
    }),
)


_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|%")
# French elided articles and pronouns are split off, so "l'attaque" reads as "l'" + "attaque".
_ELISION = re.compile(r"^(l|d|j|n|s|c|m|t|qu|lorsqu|puisqu|jusqu)'(.+)$")


def tokens(text: str) -> list[str]:
    """Lower-case word tokens (hyphenated words kept whole, French elisions split, "%" a token)."""
    found = []
    for token in _TOKEN.findall(text.lower().replace("’", "'")):
        elided = _ELISION.match(token)
        if elided:
            found.extend((elided.group(1) + "'", elided.group(2)))
        else:
            found.append(token)
    return found


class Matcher:
    """Counts the entries of several categories in a token list in one pass.

    Regex alternations of a few hundred entries cost ~0.5 ms per sentence; dictionary lookups per
    token (the token itself, then each of its prefixes) cost a few microseconds.  Counting follows
    a regex scan: matches of one category do not overlap, and a phrase counts once.
    """

    def __init__(self, categories: dict[str, str]) -> None:
        self.names = tuple(categories)
        self.exact: dict[str, set[int]] = {}
        self.prefix: dict[str, set[int]] = {}
        self.phrases: dict[str, list[tuple[tuple[tuple[str, bool], ...], int]]] = {}
        for number, entries in enumerate(categories.values()):
            for entry in entries.split():
                items = []
                for word in entry.split("_"):
                    stem = word.endswith("*")
                    pieces = tokens(word.rstrip("*"))
                    items.extend((piece, False) for piece in pieces[:-1])
                    items.append((pieces[-1], stem))
                if len(items) == 1:
                    word, stem = items[0]
                    (self.prefix if stem else self.exact).setdefault(word, set()).add(number)
                else:
                    if items[0][1]:
                        raise ValueError(f"a phrase cannot start with a prefix: {entry!r}")
                    self.phrases.setdefault(items[0][0], []).append((tuple(items[1:]), number))
        self.lengths = sorted({len(stem) for stem in self.prefix})

    def _single(self, token: str) -> set[int]:
        found = set(self.exact.get(token, ()))
        for size in self.lengths:
            if size > len(token):
                break
            found |= self.prefix.get(token[:size], set())
        return found

    def counts(self, words: list[str]) -> list[int]:
        counts = [0] * len(self.names)
        free = [0] * len(self.names)  # first token a category may match at (no overlaps)
        for index, word in enumerate(words):
            spans: dict[int, int] = {number: 1 for number in self._single(word)}
            for rest, number in self.phrases.get(word, ()):
                if index + len(rest) < len(words) and all(
                    words[index + 1 + offset].startswith(item) if stem else words[index + 1 + offset] == item
                    for offset, (item, stem) in enumerate(rest)
                ):
                    spans[number] = max(spans.get(number, 0), 1 + len(rest))
            for number, length in spans.items():
                if index >= free[number]:
                    counts[number] += 1
                    free[number] = index + length
        return counts


@lru_cache(maxsize=None)
def cue_matcher(language: str | None) -> Matcher | None:
    """The matcher of the cue categories for ``language`` (None for languages without cues)."""
    cues = _CUES.get(language or "")
    return None if cues is None else Matcher({name: cues[name] for name in CATEGORIES})


def cue_counts(text: str, language: str | None) -> dict[str, int] | None:
    """Count of each category's cues in ``text`` (None for languages without cues)."""
    matcher = cue_matcher(language)
    if matcher is None:
        return None
    return dict(zip(matcher.names, matcher.counts(tokens(text))))


@lru_cache(maxsize=None)
def _opposites_matcher(language: str | None) -> Matcher | None:
    categories = {}
    for number, (_, by_language) in enumerate(OPPOSITES):
        if language in by_language:
            categories[f"{number}a"], categories[f"{number}b"] = by_language[language]
    return Matcher(categories) if categories else None


def event_classes(text: str, language: str | None) -> tuple[int, ...]:
    """Per opposed pair: 0 none, 1 first side only, 2 second side only, 3 both."""
    matcher = _opposites_matcher(language)
    if matcher is None:
        return (0,) * len(OPPOSITES)
    found = dict(zip(matcher.names, matcher.counts(tokens(text))))
    return tuple(
        (1 if found.get(f"{number}a") else 0) | (2 if found.get(f"{number}b") else 0)
        for number in range(len(OPPOSITES))
    )


def classes_conflict(first: tuple[int, ...], second: tuple[int, ...]) -> bool:
    """True when for some opposed pair one text has only one side and the other only the other side."""
    return any({a, b} == {1, 2} for a, b in zip(first, second))
