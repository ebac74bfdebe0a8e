"""tok2vec + ner speed under the installed spaCy (python bench/ner_speed.py).

Why spaCy is pinned to 3.7.5: run this in a venv with each version (`pip install spacy==3.8.18 click`)
and compare. It builds the project's tok2vec + ner config (nlp/pipeline.py), initialises it on 200
training reflections (speed does not depend on training) and times it over the held-out texts on one
core. Prints the spaCy version and milliseconds per message, best of five runs.
"""
from __future__ import annotations

import os

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    import spacy
    from spacy.util import fix_random_seed

    from nlp.corpus import CORPUS_DIR, HELDOUT_FILE, read_jsonl, to_examples, training_records
    from nlp.pipeline import create_pipeline
    from nlp.taxonomy import load_taxonomy

    fix_random_seed(0)
    taxonomy = load_taxonomy()
    nlp = create_pipeline(taxonomy)
    examples = list(to_examples(nlp, training_records()[:200], taxonomy))
    nlp.initialize(lambda: examples)
    texts = [r["text"] for r in read_jsonl(CORPUS_DIR / HELDOUT_FILE)] * 4
    best = float("inf")
    with nlp.select_pipes(enable=["tok2vec", "ner"]):
        for _ in range(5):
            start = time.process_time()
            list(nlp.pipe(texts, batch_size=256))
            best = min(best, time.process_time() - start)
    print(f"spaCy {spacy.__version__}: tok2vec + ner {best / len(texts) * 1000:.3f} ms a message "
          f"({len(texts)} held-out texts, one core, best of 5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
