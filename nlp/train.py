"""Train the pipeline on the training corpus and save it (python -m nlp.train).

Seeded and deterministic; prints progress per epoch. `--compare` trains every
text-classifier architecture on a fixed 80/20 split of the *training* files
(never the held-out file) and prints the dev scores used to choose them.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path
from typing import Callable, Mapping

from spacy.language import Language
from spacy.util import fix_random_seed, minibatch
from thinc.api import SGD, Adam

from .corpus import (CORPUS_DIR, QUERIES_TRAIN_FILE, TRAIN_GLOB, build_lexicon, build_name_lexicon, corpus_hash, gold_cats,
                     read_jsonl, to_examples, training_records)
from .decide import all_facets
from .metrics import facet_score
from .api import META_THRESHOLDS_KEY
from .baseline import Baseline
from .ml import fit_idf
from .pipeline import ARCHITECTURES, DEFAULT_ARCHITECTURES, create_pipeline
from .taxonomy import DEFAULT_PATH, EXCLUSIVE_FACETS, FACETS, PHRASES_PATH, Taxonomy, load_taxonomy

MODEL_DIR = Path(__file__).with_name("model")
SEED = 13
EPOCHS = 20            # tok2vec + ner (and non-BOW text classifiers); 20 beat 10 and tied 30 on the dev split
BOW_EPOCHS = 30        # the bag-of-words classifiers: cheap, and better with more passes (README)
BATCH_SIZE = 16
DROPOUT = 0.2
LEARN_RATE = 0.001
BOW_LEARN_RATE = 0.25  # plain SGD for bag-of-words layers (see README: Adam overfits rare words)
L2 = 0.01   # decoupled weight decay; also the only regulariser of the bag-of-words layers
META_HASH_KEY = "gap_corpus_sha256"
THRESHOLD_GRID = (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)
ANNOTATES = ["gap_norms"]   # rule components whose output the trained ones read


def model_inputs_hash() -> str:
    """What the model depends on: the training files, the training questions (spelling
    lexicon), the taxonomy and the wording tables (the model keeps copies of both)."""
    return corpus_hash(extra=(CORPUS_DIR / QUERIES_TRAIN_FILE, DEFAULT_PATH, PHRASES_PATH))


def train(records: list[dict], taxonomy: Taxonomy, architectures: Mapping[str, str] = DEFAULT_ARCHITECTURES,
          epochs: int = EPOCHS, seed: int = SEED, log: Callable[[str], None] = print,
          dev: list[dict] | None = None, l2: float = L2, bow_learn_rate: float = BOW_LEARN_RATE,
          bow_epochs: int = BOW_EPOCHS, **sizes: int) -> Language:
    fix_random_seed(seed)
    nlp = create_pipeline(taxonomy, architectures, **sizes)
    examples = list(to_examples(nlp, records, taxonomy))
    for name in ANNOTATES:   # once, before anything reads the docs: the norms never change
        annotate = nlp.get_pipe(name)
        for eg in examples:
            annotate(eg.predicted)
    optimizer = nlp.initialize(lambda: examples, sgd=Adam(LEARN_RATE, L2=l2, grad_clip=1.0))
    nlp.get_pipe("gap_pii").names = set(build_name_lexicon(records))
    fit_idf([nlp.get_pipe(facet).model for facet in FACETS], [eg.predicted for eg in examples])
    bow = [facet for facet in FACETS if architectures[facet] == "bow"] if bow_learn_rate else []
    bow_sgd = SGD(bow_learn_rate, L2=0.0, grad_clip=0.0)
    rng = random.Random(seed)
    bow_epochs = bow_epochs if bow else 0
    log(f"training on {len(examples)} reflections, {epochs} epochs ({bow_epochs} for the bag-of-words "
        f"classifiers), architectures {dict(architectures)}")
    for epoch in range(1, max(epochs, bow_epochs) + 1):
        start = time.perf_counter()
        rng.shuffle(examples)
        losses: dict[str, float] = {}
        for batch in minibatch(examples, size=BATCH_SIZE):
            if epoch <= epochs:
                nlp.update(batch, sgd=optimizer, drop=DROPOUT, losses=losses, exclude=bow)
            for facet in bow if epoch <= bow_epochs else ():
                nlp.get_pipe(facet).update(batch, sgd=bow_sgd, losses=losses)
        line = " ".join(f"{name}={loss:.2f}" for name, loss in losses.items())
        if dev:
            line += "  dev " + " ".join(f"{k}={v:.3f}" for k, v in dev_scores(nlp, dev, taxonomy).items())
        log(f"epoch {epoch:2d}/{max(epochs, bow_epochs)} {time.perf_counter() - start:5.1f}s  loss {line}")
    return nlp


def predict_cats(nlp: Language, texts: list[str]) -> list[dict[str, float]]:
    """Only the text classifiers (and what they read) run."""
    textcats = [name for name in nlp.pipe_names if name in FACETS or name in ("tok2vec", *ANNOTATES)]
    with nlp.select_pipes(enable=textcats):
        return [doc.cats for doc in nlp.pipe(texts)]


def dev_scores(nlp: Language, records: list[dict], taxonomy: Taxonomy,
               thresholds: Mapping[str, float] | None = None) -> dict[str, float]:
    """Headline score per facet on labelled records."""
    return _scores(predict_cats(nlp, [r["text"] for r in records]), records, taxonomy, thresholds)


def _scores(cats: list[dict[str, float]], records: list[dict], taxonomy: Taxonomy,
            thresholds: Mapping[str, float] | None) -> dict[str, float]:
    gold = [all_facets(taxonomy, gold_cats(r, taxonomy)) for r in records]
    pred = [all_facets(taxonomy, c, thresholds) for c in cats]
    return {facet: facet_score(facet, [set(g[facet]) for g in gold], [set(p[facet]) for p in pred],
                               taxonomy.facet_labels(facet)) for facet in FACETS}


def tune_thresholds(nlp: Language, dev: list[dict], taxonomy: Taxonomy) -> dict[str, float]:
    """Per multi-label facet, the decision threshold with the best dev score."""
    return tune_on_cats(predict_cats(nlp, [r["text"] for r in dev]), dev, taxonomy)


def tune_on_cats(cats: list[dict[str, float]], dev: list[dict], taxonomy: Taxonomy) -> dict[str, float]:
    """The same, from any model's probabilities (the baseline's too)."""
    best = {}
    for facet in FACETS:
        if facet in EXCLUSIVE_FACETS:
            continue
        best[facet] = max(THRESHOLD_GRID, key=lambda t: (_scores(cats, dev, taxonomy, {facet: t})[facet], t))
    return best


def split(records: list[dict], dev_share: float = 0.2, seed: int = SEED) -> tuple[list[dict], list[dict]]:
    shuffled = records[:]
    random.Random(seed).shuffle(shuffled)
    n_dev = int(len(shuffled) * dev_share)
    return shuffled[n_dev:], shuffled[:n_dev]


def compare(taxonomy: Taxonomy, epochs: int) -> None:
    """Dev scores of each text-classifier architecture and of the TF-IDF + LR baseline,
    at the default threshold and with thresholds tuned on the same dev split."""
    train_part, dev_part = split(training_records())
    variants = [(f"{arch} (Adam)" if arch != "bow" else "bow (SGD)", arch, BOW_LEARN_RATE) for arch in ARCHITECTURES]
    variants.insert(1, ("bow (Adam)", "bow", 0.0))
    rows = []
    for name, arch, bow_rate in variants:
        start = time.perf_counter()
        nlp = train(train_part, taxonomy, {facet: arch for facet in FACETS}, epochs=epochs, bow_learn_rate=bow_rate,
                    log=lambda line: print(f"  [{name}] {line}", file=sys.stderr))
        seconds = time.perf_counter() - start
        tuned = tune_thresholds(nlp, dev_part, taxonomy)
        rows.append((name, dev_scores(nlp, dev_part, taxonomy), dev_scores(nlp, dev_part, taxonomy, tuned), seconds))
    start = time.perf_counter()
    baseline = Baseline(taxonomy).fit(train_part)
    seconds = time.perf_counter() - start
    cats = baseline.cats([r["text"] for r in dev_part])
    tuned = tune_on_cats(cats, dev_part, taxonomy)
    rows.append(("TF-IDF + LR (scikit-learn)", _scores(cats, dev_part, taxonomy, None),
                 _scores(cats, dev_part, taxonomy, tuned), seconds))
    print("| architecture | dev, threshold 0.5 | dev, tuned thresholds | train s |")
    print("|---|---|---|---|")
    for name, plain, tuned_scores, seconds in rows:
        print(f"| {name} | {' / '.join(f'{plain[f]:.3f}' for f in FACETS)} | "
              f"{' / '.join(f'{tuned_scores[f]:.3f}' for f in FACETS)} | {seconds:.1f} |")
    print(f"\n(dev = 20% of the {TRAIN_GLOB} records, seed {SEED}; {epochs} epochs; figures are "
          f"{' / '.join(FACETS)}: gap_type macro-F1, the others micro-F1)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=MODEL_DIR)
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--compare", action="store_true", help="compare architectures on a dev split")
    args = parser.parse_args(argv)
    taxonomy = load_taxonomy()
    if args.compare:
        compare(taxonomy, args.epochs)
        return 0
    start = time.perf_counter()
    records = training_records()
    train_part, dev_part = split(records)
    print(f"1/2 tuning decision thresholds on a {len(dev_part)}-record dev split of the training files")
    thresholds = tune_thresholds(train(train_part, taxonomy, epochs=args.epochs), dev_part, taxonomy)
    print(f"    thresholds {thresholds}")
    print("2/2 training on all training records")
    nlp = train(records, taxonomy, epochs=args.epochs)
    nlp.meta[META_THRESHOLDS_KEY] = thresholds
    nlp.get_pipe("gap_places").lexicon = build_lexicon(
        [r["text"] for r in records + read_jsonl(CORPUS_DIR / QUERIES_TRAIN_FILE)])
    nlp.meta["name"] = "gap_nlp"
    nlp.meta["version"] = "1.0.0"
    nlp.meta[META_HASH_KEY] = model_inputs_hash()
    nlp.meta["gap_architectures"] = dict(DEFAULT_ARCHITECTURES)
    nlp.to_disk(args.output)
    print(f"saved {args.output} in {time.perf_counter() - start:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
