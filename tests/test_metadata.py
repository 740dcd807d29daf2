"""Metadata stage: title, authors, publication date and outlet from segments and hints."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.errors import ConfigError
from newsprism.model import Document, Hints, Label, Outlet, Segment, content_id
from newsprism.options import Options
from newsprism.metadata import extract_metadata
from newsprism.metadata.outlet_table import load_table
from newsprism.metadata.text import normalise
from newsprism.pipeline import process_document, resolve_stages

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "newsprism" / "data" / "samples"

TITLE, META, BODY, BOILER, COMMENT = Label.TITLE, Label.METADATA, Label.BODY, Label.BOILERPLATE, Label.COMMENT
PARAGRAPH = "The army said its units had advanced several kilometres along the river during the night."


def dump(*blocks: tuple[Label, str | None, str], language: str | None = "en", tables: tuple[Path, ...] = (), **fields) -> Document:
    """A text dump as the segmenter would leave it: blocks separated by blank lines, each labelled."""
    raw, segments = "", []
    for label, kind, text in blocks:
        raw += "\n\n" if raw else ""
        segments.append(Segment(start=len(raw), end=len(raw) + len(text), label=label, kind=kind))
        raw += text
    body = "\n\n".join(text for label, _, text in blocks if label is BODY)
    document = Document(
        id=content_id(raw), source="test", raw_text=raw, segments=segments, body=body, language=language, **fields
    )
    return extract_metadata(document, Options(outlet_tables=tables))


def page(language: str | None = "en", **hints) -> Document:
    """An HTML-derived document: no segments, only the hints trafilatura or the container gave."""
    document = Document(id="p", source="test", body=PARAGRAPH, language=language, hints=Hints(**hints))
    return extract_metadata(document, Options())


# --- title ---------------------------------------------------------------------------------


def test_title_comes_from_the_title_segment_without_markdown():
    document = dump((TITLE, None, "# **Syria**: [Convoys](#) cross   the border"), (BODY, None, PARAGRAPH))
    assert document.title == "Syria: Convoys cross the border"


def test_a_title_shown_twice_is_given_once():
    document = dump((TITLE, None, "Convoys cross the border"), (TITLE, None, "Convoys cross the border"), (BODY, None, PARAGRAPH))
    assert document.title == "Convoys cross the border"


def test_no_title_segment_means_no_title_never_a_body_sentence():
    document = dump((BODY, None, "Short first line."), (BODY, None, PARAGRAPH))
    assert document.title is None


def test_title_from_hints_for_html_pages():
    assert page(title="  Convoys cross\n the border ").title == "Convoys cross the border"
    assert page().title is None


def test_dump_title_wins_over_a_different_container_title_which_is_kept_in_a_warning():
    document = dump((TITLE, None, "Convoys cross the border"), (BODY, None, PARAGRAPH), hints=Hints(title="Weather forecast for Sunday"))
    assert document.title == "Convoys cross the border"
    assert any("Weather forecast for Sunday" in w for w in document.warnings)


def test_container_title_with_site_suffix_is_not_reported_as_different():
    document = dump((TITLE, None, "Convoys cross the border"), (BODY, None, PARAGRAPH), hints=Hints(title="Convoys cross the border | Example News"))
    assert document.title == "Convoys cross the border"
    assert document.warnings == []


# --- authors -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, language, expected",
    [
        ("By [Jane Doe](#), Staff Writer", "en", ["Jane Doe"]),
        ("By John Smith and Mary Jones | February 19, 2019", "en", ["John Smith", "Mary Jones"]),
        ("Articles by: **[South Front](#)**", "en", ["South Front"]),
        ("Written by Ahmed Al-Hassan, Middle East correspondent", "en", ["Ahmed Al-Hassan"]),
        ("Par Jean Dupont et Marie Martin, envoyée spéciale", "fr", ["Jean Dupont", "Marie Martin"]),
        ("Por Ana García y Luis Pérez", "es", ["Ana García", "Luis Pérez"]),
        ("Von Hans Müller und Eva Schmidt, 12.03.2021", "de", ["Hans Müller", "Eva Schmidt"]),
        ("От Иван Петров", "ru", ["Иван Петров"]),
        ("Autor: Jan Kowalski", "pl", ["Jan Kowalski"]),
        ("By Ursula von der Leyen", "en", ["Ursula von der Leyen"]),
        ("di Mario Rossi e Anna Bianchi", "it", ["Mario Rossi", "Anna Bianchi"]),
        ("Автор: Іван Петренко і Олена Коваль", "uk", ["Іван Петренко", "Олена Коваль"]),
        ("Yazar: Ahmet Yılmaz ve Ayşe Kaya", "tr", ["Ahmet Yılmaz", "Ayşe Kaya"]),
    ],
)
def test_bylines_in_several_languages(line, language, expected):
    assert dump((META, "byline", line), (BODY, None, PARAGRAPH), language=language).authors == expected


def test_lower_case_only_lead_ins_and_joiners_are_not_read_in_capitals():
    # "Di" and "E" capitalised are name parts ("Di Maio", "Anna E. Bianchi"), not "by" and "and".
    assert dump((META, "tags", "Di Battista"), (BODY, None, PARAGRAPH), language="it").authors == []
    assert dump((META, "tags", "di Battista"), (BODY, None, PARAGRAPH), language="it").authors == ["Battista"]
    assert dump((META, "byline", "By Anna E. Bianchi"), (BODY, None, PARAGRAPH)).authors == ["Anna E. Bianchi"]


def test_pronouns_are_not_authors_whatever_their_accents():
    for pronoun in ("He", "Él", "Вона"):
        assert dump((BODY, None, PARAGRAPH), hints=Hints(authors=[pronoun])).authors == []


def test_byline_without_a_name_gives_no_author():
    for line in ("By staff", "By February 19, 2019", "Par la rédaction"):
        assert dump((META, "byline", line), (BODY, None, PARAGRAPH)).authors == []


def test_by_in_a_body_sentence_is_not_a_byline():
    assert dump((BODY, None, "By Monday the convoy had reached Raqqa."), (BODY, None, PARAGRAPH)).authors == []


def test_authors_from_bylines_hints_and_bios_are_deduplicated_case_insensitively():
    document = dump(
        (META, "byline", "By JOHN SMITH"),
        (BODY, None, PARAGRAPH),
        (BOILER, "author_bio", "Scott Lucas is Professor of International Politics at the University of Birmingham."),
        hints=Hints(authors=["John Smith", "Scott Lucas; Maria Rossi"]),
    )
    assert document.authors == ["JOHN SMITH", "Scott Lucas", "Maria Rossi"]


@pytest.mark.parametrize(
    "bio, language, expected",
    [
        ("[Scott Lucas](#) is Professor of International Politics and editor-in-chief of EA WorldView.", "en", ["Scott Lucas"]),
        ("Jean Dupont est journaliste indépendant et spécialiste du Moyen-Orient.", "fr", ["Jean Dupont"]),
        ("Dr. Karin Weber ist Politikwissenschaftlerin in Berlin.", "de", ["Karin Weber"]),
        ("He is a specialist in US foreign policy.", "en", []),
        ("Subscribe to our newsletter to get the latest analysis.", "en", []),
    ],
)
def test_author_bios(bio, language, expected):
    assert dump((BODY, None, PARAGRAPH), (BOILER, "author_bio", bio), language=language).authors == expected


# --- publication date ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, language, expected",
    [
        ("Global Research, February 19, 2019", "en", "2019-02-19"),
        ("[South Front](#) 18 February 2019", "en", "2019-02-18"),
        ("Published: 12.03.2021", "en", "2021-03-12"),
        ("Mis à jour le 14 novembre 2020 à 10h", "fr", "2020-11-14T10:00:00"),
        ("Publié le 14/11/2020 à 10h05", "fr", "2020-11-14T10:05:00"),
        ("Veröffentlicht am 3. März 2021", "de", "2021-03-03"),
        ("Aktualisiert: 03.03.2021, 14:05 Uhr", "de", "2021-03-03T14:05:00"),
        ("Publicado el 5 de mayo de 2020", "es", "2020-05-05"),
        ("Опубликовано 12 марта 2021, 10:15", "ru", "2021-03-12T10:15:00"),
        ("By John Smith, Feb. 19, 2019 at 3:45 p.m. EST", "en", "2019-02-19T15:45:00-05:00"),
        ("2019年2月19日", "zh", "2019-02-19"),
    ],
)
def test_datelines(line, language, expected):
    assert dump((META, "dateline", line), (BODY, None, PARAGRAPH), language=language).published == expected


@pytest.mark.parametrize("line", ["February 19", "Published March 2019", "Updated 2 hours ago", "Posted on Thursday"])
def test_dates_without_day_month_and_year_are_null(line):
    assert dump((META, "dateline", line), (BODY, None, PARAGRAPH)).published is None


def test_date_in_a_caption_is_not_the_publication_date():
    caption = "French Foreign Minister leaves the Elysee Palace in Paris, November 9, 2016. REUTERS/Charles Platiau"
    assert dump((BOILER, "caption", caption), (BODY, None, PARAGRAPH)).published is None


def test_date_inside_the_story_or_a_comment_is_not_the_publication_date():
    document = dump(
        (BODY, None, "On September 19, 2014, France joined the US-led coalition."),
        (BODY, None, "La spectaculaire opération du 10 novembre 2020 contre les forces américaines."),
        (COMMENT, None, "I read this on 12 March 2021."),
    )
    assert document.published is None


def test_when_datelines_disagree_the_first_wins_and_the_other_is_noted():
    document = dump((META, "dateline", "Global Research, February 19, 2019"), (META, "dateline", "[South Front](#) 18 February 2019"), (BODY, None, PARAGRAPH))
    assert document.published == "2019-02-19"
    assert any("2019-02-18" in w for w in document.warnings)


def test_container_date_is_used_when_the_text_has_none():
    assert page(published="2021-03-04").published == "2021-03-04"
    assert page(published="2021-03-04T10:00:00+02:00").published == "2021-03-04T10:00:00+02:00"
    assert page(published="2021-03").published is None
    assert page().published is None


def test_dateline_wins_over_container_date_with_a_warning():
    document = dump((META, "dateline", "February 19, 2019"), (BODY, None, PARAGRAPH), hints=Hints(published="2019-02-21"))
    assert document.published == "2019-02-19"
    assert any("2019-02-21" in w for w in document.warnings)


def test_ambiguous_and_future_dates_are_refused_with_a_warning():
    document = dump((META, "dateline", "03/04/2021"), (BODY, None, PARAGRAPH))
    assert document.published is None and any("ambiguous" in w for w in document.warnings)
    document = dump((META, "dateline", "Published 12 March 2999"), (BODY, None, PARAGRAPH))
    assert document.published is None and any("future" in w for w in document.warnings)


# --- outlet --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://www.rt.com/news/123-syria/", Outlet(name="RT", domain="rt.com")),
        ("https://french.presstv.ir/Detail/2020/11/15/1", Outlet(name="Press TV French", domain="french.presstv.ir")),
        ("https://edition.cnn.com/2021/world", Outlet(name="CNN", domain="cnn.com")),
        ("http://www.globalresearch.ca/video/5668", Outlet(name="Global Research", domain="globalresearch.ca")),
    ],
)
def test_outlet_from_url(url, expected):
    assert page(url=url).outlet == expected


def test_unknown_url_domain_takes_the_site_name_and_warns():
    document = page(url="https://news.local-gazette.example/a", sitename="Local Gazette")
    assert document.outlet == Outlet(name="Local Gazette", domain="news.local-gazette.example")
    assert any(w.startswith("outlet not in outlet table") for w in document.warnings)


def test_known_site_name_on_an_unknown_mirror_domain():
    assert page(url="https://rtde.example/x", sitename="RT DE").outlet == Outlet(name="RT DE", domain="rtde.example")


def test_outlet_from_site_name_hint():
    assert page(sitename="Al Jazeera English").outlet == Outlet(name="Al Jazeera", domain="aljazeera.com")
    assert page().outlet is None


def test_outlet_from_source_line():
    document = dump((BODY, None, PARAGRAPH), (META, "outlet", "SOURCE: FRENCH PRESS TV"), language="fr")
    assert document.outlet == Outlet(name="Press TV French", domain="french.presstv.ir")
    assert document.warnings == []


def test_outlet_named_in_the_text_but_not_in_the_table():
    document = dump((BODY, None, PARAGRAPH), (META, "outlet", "Source : Some Local Gazette"))
    assert document.outlet == Outlet(name="Some Local Gazette", domain=None)
    assert "outlet not in outlet table: Some Local Gazette" in document.warnings


def test_outlet_from_dateline_name_before_the_date():
    document = dump((META, "dateline", "Global Research, February 19, 2019"), (BODY, None, PARAGRAPH))
    assert document.outlet == Outlet(name="Global Research", domain="globalresearch.ca")


def test_a_city_in_a_dateline_is_not_an_outlet():
    assert dump((META, "dateline", "Paris, 12 March 2021"), (BODY, None, PARAGRAPH)).outlet is None


def test_outlet_from_copyright_line():
    assert dump((BODY, None, PARAGRAPH), (BOILER, "disclaimer", "© 2019 Zero Hedge. All rights reserved.")).outlet == Outlet(
        name="Zero Hedge", domain="zerohedge.com"
    )


def test_outlet_from_domain_named_in_a_disclaimer_not_in_a_donation_appeal():
    disclaimer = "www.globalresearch.ca contains copyrighted material the use of which has not always been authorized."
    donation = "Support us: PayPal southfront@list.ru or via <http://southfront.org/donate/>"
    document = dump((BODY, None, PARAGRAPH), (BOILER, "donation", donation), (BOILER, "disclaimer", disclaimer))
    assert document.outlet == Outlet(name="Global Research", domain="globalresearch.ca")
    assert dump((BODY, None, PARAGRAPH), (BOILER, "donation", donation)).outlet is None


def test_outlet_from_author_bio_role_not_from_past_employers():
    bio = "Scott Lucas is Professor at the University of Birmingham and editor-in-chief of EA WorldView. He wrote for the Guardian."
    assert dump((BODY, None, PARAGRAPH), (BOILER, "author_bio", bio)).outlet == Outlet(name="EA WorldView", domain="eaworldview.com")
    past = "Jane Doe was a correspondent for The Guardian and The Independent."
    assert dump((BODY, None, PARAGRAPH), (BOILER, "author_bio", past)).outlet is None
    french = "Jean Dupont est le rédacteur en chef de Réseau International depuis 2015."
    assert dump((BODY, None, PARAGRAPH), (BOILER, "author_bio", french), language="fr").outlet.name == "Réseau International"


def test_outlet_from_bio_role_before_a_contracted_preposition():
    # "della" must be read whole, not as "de" followed by an outlet called "lla Repubblica".
    bio = "Mario Rossi è direttore della Repubblica dal 2016."
    assert dump((BODY, None, PARAGRAPH), (BOILER, "author_bio", bio), language="it").outlet.name == "la Repubblica"


def test_outlet_from_source_lines_in_languages_without_segmenter_cues():
    for line, language, name in (("المصدر: الجزيرة", "ar", "Al Jazeera"), ("Джерело: Укрінформ", "uk", "Ukrinform"),
                                 ("Kaynak: Anadolu Ajansı", "tr", "Anadolu Agency")):
        assert dump((BODY, None, PARAGRAPH), (META, "outlet", line), language=language).outlet.name == name


def test_republication_keeps_the_publisher_and_warns_about_the_original():
    document = dump(
        (META, "dateline", "Global Research, February 19, 2019"),
        (BODY, None, PARAGRAPH),
        (META, "outlet", "The original source of this article is [South Front](#)\nCopyright © [South Front](#), 2019"),
    )
    assert document.outlet == Outlet(name="Global Research", domain="globalresearch.ca")
    assert "republished from South Front" in document.warnings
    assert document.republished_from.name == "South Front"
    assert document.republished_from.evidence.startswith("The original source of this article is")


def test_an_article_naming_its_own_outlet_as_source_is_not_a_republication():
    document = dump(
        (META, "dateline", "Global Research, February 19, 2019"),
        (BODY, None, PARAGRAPH),
        (META, "outlet", "The original source of this article is Global Research"),
    )
    assert document.republished_from is None


def test_url_beats_text_evidence():
    document = dump((BODY, None, PARAGRAPH), (META, "outlet", "Source: Reuters"), hints=Hints(url="https://www.aljazeera.com/news/x"))
    assert document.outlet == Outlet(name="Al Jazeera", domain="aljazeera.com")


def test_no_evidence_no_outlet():
    document = dump((BODY, None, "Russia Today and the BBC both reported the strike."), (BODY, None, PARAGRAPH))
    assert document.outlet is None


# --- outlet table --------------------------------------------------------------------------


def test_shipped_table_is_large_sourced_and_covers_the_outlets_researchers_track():
    table = load_table()
    assert len(table.entries) >= 150
    assert all(re.match(r"https?://", entry.source) for entry in table.entries)
    for domain in (
        "reuters.com", "afp.com", "apnews.com", "dpa.com", "efe.com", "ansa.it", "xinhuanet.com", "tass.ru", "ria.ru",
        "interfax.ru", "aa.com.tr", "irna.ir", "sana.sy", "rt.com", "francais.rt.com", "actualidad.rt.com",
        "sputniknews.com", "presstv.ir", "french.presstv.ir", "hispantv.com", "almayadeen.net", "almanar.com.lb",
        "southfront.org", "globalresearch.ca", "eaworldview.com", "zerohedge.com", "thegrayzone.com",
        "veteranstoday.com", "journal-neo.org", "strategic-culture.org", "infowars.com", "breitbart.com", "cgtn.com",
        "globaltimes.cn", "telesurtv.net", "aljazeera.com", "alarabiya.net", "trtworld.com", "dailysabah.com", "syriahr.com",
    ):
        assert table.for_domain(domain) is not None, domain


def test_shipped_aliases_never_point_to_two_outlets():
    owners: dict[str, str] = {}
    for entry in load_table().entries:
        for alias in (entry.name, *entry.aliases, *entry.domains):
            assert owners.setdefault(normalise(alias), entry.id) == entry.id, alias


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_aliases_match_whatever_their_case_spacing_and_accents(data):
    table = load_table()
    entry = data.draw(st.sampled_from(table.entries))
    alias = data.draw(st.sampled_from([entry.name, *entry.aliases]))
    spaced = data.draw(st.sampled_from([" ", "  ", "\t"])).join(alias.split())
    variant = data.draw(st.sampled_from([spaced, spaced.upper(), spaced.lower(), f"  {spaced}. "]))
    assert table.for_name(variant) is not None
    assert table.for_name(variant).id == entry.id


def test_alias_matching_is_diacritics_insensitive_and_whole_word():
    table = load_table()
    assert table.for_name("Sueddeutsche Zeitung").id == "sueddeutsche"
    assert table.for_name("Suddeutsche Zeitung").id == "sueddeutsche"
    assert table.for_name("Global Research Inc.").id == "global-research"
    assert table.for_name("Evening Standard") is None
    assert table.for_name("Globalresearchers") is None


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_user_table_adds_and_overrides_outlets(tmp_path):
    user = _write(
        tmp_path,
        "mine.yaml",
        "- {id: gazette, name: Local Gazette, domains: [gazette.example], aliases: [The Gazette], "
        "country: FR, language: fr, source: 'https://gazette.example/about'}\n"
        "- {id: my-rt, name: RT (mirror list), domains: [rt.com, rtde.example], aliases: [], source: 'team notes 2024-05'}\n",
    )
    table = load_table((user,))
    assert table.for_domain("www.gazette.example")[0].name == "Local Gazette"
    assert table.for_domain("rt.com")[0].id == "my-rt"  # user entry wins a domain clash
    assert all(entry.id != "rt" for entry in table.entries)
    document = dump((BODY, None, PARAGRAPH), (META, "outlet", "Source: The Gazette"), tables=(user,))
    assert document.outlet == Outlet(name="Local Gazette", domain="gazette.example")
    assert load_table().for_domain("rt.com")[0].id == "rt"  # the shipped table is untouched


@pytest.mark.parametrize(
    "text, message",
    [
        ("- {id: x, name: X, domains: [x.example]\n", "not valid YAML"),
        ("- {id: x, name: X, domains: [x.example]}\n", "source"),
        ("- {id: x, name: X, domains: ['https://x.example/'], source: s}\n", "bare domain"),
        ("- {id: x, name: X, source: s, colour: red}\n", "colour"),
        ("id: x\nname: X\n", "schema"),
        ("- {id: x, name: X, source: s}\n- {id: x, name: Y, source: s}\n", "twice"),
    ],
)
def test_bad_user_table_is_a_clear_config_error(tmp_path, text, message):
    path = _write(tmp_path, "bad.yaml", text)
    with pytest.raises(ConfigError, match=message) as error:
        load_table((path,))
    assert "bad.yaml" in str(error.value)


def test_missing_user_table_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="cannot read outlet table"):
        load_table((tmp_path / "missing.yaml",))


# --- hostile input -------------------------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(list(Label)), st.sampled_from([None, "byline", "dateline", "outlet", "author_bio", "disclaimer"]), st.text(min_size=1, max_size=120)), min_size=1, max_size=6))
def test_metadata_never_crashes_and_never_takes_the_title_from_outside_title_segments(blocks):
    document = dump(*blocks)
    if not any(label is TITLE for label, _, _ in blocks):
        assert document.title is None
    assert document.published is None or re.match(r"\d{4}-\d{2}-\d{2}", document.published)
    assert all(isinstance(name, str) and name for name in document.authors)


# --- the five samples, end to end ---------------------------------------------------------


def _sample(prefix: str) -> Document:
    path = next(SAMPLES.glob(f"{prefix}_*.txt"))
    text = path.read_text(encoding="utf-8")
    stages = resolve_stages(["extract", "language", "metadata"])
    result = process_document(Document(id=content_id(text), source=str(path), raw_text=text), stages, Options())
    assert isinstance(result, Document), result
    return result


@pytest.mark.parametrize(
    "prefix, language, title, outlet, published",
    [
        (
            "000",
            "en",
            "Video: French Officer Is Punished for Revealing Truth About US Role in “Defeating ISIS” in Syria",
            Outlet(name="Global Research", domain="globalresearch.ca"),
            "2019-02-19",
        ),
        ("001", "en", None, None, None),
        ("002", "en", "Syria Daily: France — Russia and Assad Regime Waging “Total War”", Outlet(name="EA WorldView", domain="eaworldview.com"), None),
        ("003", "en", "French Foreign Minister Is “Surprised” That Russia Arrogated Victory Over ISIS To Itself", None, None),
        (
            "004",
            "fr",
            "Saignée anti-US du 10 novembre à Hassaké; 1er repli de troupes US vers l'Irak",
            Outlet(name="Press TV French", domain="french.presstv.ir"),
            None,
        ),
    ],
)
def test_samples_end_to_end(prefix, language, title, outlet, published):
    document = _sample(prefix)
    assert document.language == language
    assert document.title == title
    assert document.outlet == outlet
    assert document.published == published
    assert document.stages == ["extract", "language", "metadata"]


def test_sample_000_is_a_south_front_piece_republished_by_global_research():
    document = _sample("000")
    assert document.authors == ["South Front"]
    assert "republished from South Front" in document.warnings
    assert (document.republished_from.name, document.republished_from.domain) == ("South Front", "southfront.org")


def test_sample_002_author_comes_from_the_bio():
    assert _sample("002").authors == ["Scott Lucas"]


def test_photo_credits_in_captions_are_not_the_outlet():
    document = dump((BOILER, "caption", "Source: AFP"), (BOILER, "caption", "© Reuters 2019"), (BODY, None, PARAGRAPH))
    assert document.outlet is None


def test_an_unknown_url_host_is_only_the_last_resort():
    archived = Hints(url="https://web.archive.org/web/2019/https://example.org/a")
    document = dump((BODY, None, PARAGRAPH), (META, "outlet", "SOURCE: FRENCH PRESS TV"), hints=archived)
    assert document.outlet == Outlet(name="Press TV French", domain="french.presstv.ir")
    document = dump((BODY, None, PARAGRAPH), hints=archived)
    assert document.outlet == Outlet(name="web.archive.org", domain="web.archive.org")
    assert "outlet not in outlet table: web.archive.org" in document.warnings
