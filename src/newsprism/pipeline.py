"""Stage registry and batch runner.

A stage is a function ``(Document, Options) -> Document`` registered by name with
:func:`stage`.  Built-in stages register themselves when their package is imported
(see ``BUILTIN_STAGE_MODULES``, in pipeline order); third-party packages add stages
through the ``newsprism.stages`` entry-point group, whose modules are imported the same
way.  Users list them with ``newsprism stages`` and pick a subset with ``--stages``;
the stages a chosen stage requires are added automatically, in pipeline order.
"""

from __future__ import annotations

import collections
import importlib
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from importlib.metadata import entry_points

from .errors import ConfigError, NewsprismError
from .model import Document, Failure
from .options import Options

StageFunc = Callable[[Document, Options], Document]

# Importing these registers the built-in stages; their order is the pipeline order.
BUILTIN_STAGE_MODULES = (
    "newsprism.extract",
    "newsprism.language",
    "newsprism.metadata",
    "newsprism.entities",
    "newsprism.places",
    "newsprism.timeline",
    "newsprism.quotes",
    "newsprism.techniques",
    "newsprism.claims",
    "newsprism.tone",
    "newsprism.embedding",
    "newsprism.narratives",
)
ENTRY_POINT_GROUP = "newsprism.stages"


@dataclass(frozen=True)
class Stage:
    name: str
    func: StageFunc
    description: str
    requires: tuple[str, ...] = field(default=())
    module: str = ""


_REGISTRY: dict[str, Stage] = {}
_loaded = False


def stage(name: str, *, requires: Iterable[str] = (), description: str | None = None):
    """Register ``func`` as the pipeline stage ``name`` (decorator)."""

    def register(func: StageFunc) -> StageFunc:
        doc = (description or func.__doc__ or "").strip().splitlines()
        _REGISTRY[name] = Stage(
            name=name,
            func=func,
            description=doc[0] if doc else "",
            requires=tuple(requires),
            module=func.__module__,
        )
        return func

    return register


def load_stages() -> dict[str, Stage]:
    """Import built-in and plugin stage modules once; return the registry in pipeline order."""
    global _loaded
    if not _loaded:
        for module in BUILTIN_STAGE_MODULES:
            importlib.import_module(module)
        for entry in entry_points(group=ENTRY_POINT_GROUP):
            try:
                entry.load()
            except Exception as error:
                raise ConfigError(f"stage plugin {entry.name!r} failed to load: {error}") from error
        _loaded = True
    return _in_pipeline_order()


def _in_pipeline_order() -> dict[str, Stage]:
    """Built-in stages in ``BUILTIN_STAGE_MODULES`` order, then the others as registered.

    Registration order alone is not enough: any import of a stage package before
    :func:`load_stages` (a test, a plugin) would register it early.
    """

    def rank(item: tuple[int, Stage]) -> tuple[int, int]:
        position, entry = item
        for index, module in enumerate(BUILTIN_STAGE_MODULES):
            if entry.module == module or entry.module.startswith(module + "."):
                return index, position
        return len(BUILTIN_STAGE_MODULES), position

    ordered = sorted(enumerate(_REGISTRY.values()), key=rank)
    return {entry.name: entry for _, entry in ordered}


def resolve_stages(names: Iterable[str] | None) -> list[Stage]:
    """The stages to run for a requested subset (all when ``names`` is None), in pipeline order."""
    registry = load_stages()
    if names is None:
        return list(registry.values())
    wanted: set[str] = set()

    def add(name: str) -> None:
        if name not in registry:
            known = ", ".join(registry)
            raise ConfigError(f"unknown stage {name!r} (registered stages: {known})")
        if name not in wanted:
            wanted.add(name)
            for requirement in registry[name].requires:
                add(requirement)

    for name in names:
        add(name.strip())
    return [s for s in registry.values() if s.name in wanted]


def process_document(document: Document, stages: list[Stage], options: Options) -> Document | Failure:
    """Run ``stages`` on one document; any exception becomes a :class:`Failure`, never a crash."""
    for current in stages:
        try:
            document = current.func(document, options)
        except NewsprismError as error:
            return Failure(source=document.source, stage=current.name, reason=str(error))
        except Exception as error:  # a bad document must never take down the batch
            return Failure(
                source=document.source, stage=current.name, reason=f"{type(error).__name__}: {error}"
            )
        document.stages.append(current.name)
    document.cache.clear()  # parses and indices are per-process working state, never output
    return document


_worker_state: dict[str, object] = {}


def _init_worker(stage_names: list[str], options: Options) -> None:
    from .nlp.embed import set_threads

    set_threads(1)  # one embedding thread per worker process: the workers already fill the cores
    _worker_state["stages"] = resolve_stages(stage_names)
    _worker_state["options"] = options


def _process_in_worker(document: Document) -> Document | Failure:
    return process_document(document, _worker_state["stages"], _worker_state["options"])  # type: ignore[arg-type]


def run_batch(items: Iterable[Document | Failure], options: Options) -> Iterator[Document | Failure]:
    """Process ingested items in input order, in ``options.jobs`` processes.

    Failures from ingest pass straight through, so every input comes out once.
    Work in flight is bounded so a huge batch never sits in memory at once.
    """
    stages = resolve_stages(options.stages)
    if options.jobs <= 1:
        for item in items:
            yield item if isinstance(item, Failure) else process_document(item, stages, options)
        return
    names = [s.name for s in stages]
    window = options.jobs * 4
    pending: collections.deque[tuple[str, Future | Failure]] = collections.deque()
    with ProcessPoolExecutor(
        max_workers=options.jobs, initializer=_init_worker, initargs=(names, options)
    ) as pool:
        for item in items:
            work = item if isinstance(item, Failure) else pool.submit(_process_in_worker, item)
            pending.append((item.source, work))
            while len(pending) >= window:
                yield _result(*pending.popleft())
        while pending:
            yield _result(*pending.popleft())


def _result(source: str, entry: Future | Failure) -> Document | Failure:
    if isinstance(entry, Failure):
        return entry
    try:
        return entry.result()
    except Exception as error:  # a worker died (e.g. killed for memory): report the input, do not crash
        return Failure(source=source, stage="worker", reason=f"{type(error).__name__}: {error}")
