"""The simplest peer: TF-IDF + logistic regression per facet (scikit-learn, dev-only).

It predicts probabilities for the same labels and goes through the same decision
rules (nlp.decide), so the comparison with the spaCy model is like for like.
"""
from __future__ import annotations

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier
from sklearn.preprocessing import MultiLabelBinarizer

from .corpus import gold_cats
from .taxonomy import EXCLUSIVE_FACETS, FACETS, Taxonomy

NO_PLACE = "none"


def _vectoriser() -> TfidfVectorizer:
    return TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1, lowercase=True)


class Baseline:
    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy

    def fit(self, records: list[dict]) -> "Baseline":
        texts = [r["text"] for r in records]
        self.vec = _vectoriser().fit(texts)
        x = self.vec.transform(texts)
        self.models = {}
        for facet in FACETS:
            labels = self.taxonomy.facet_labels(facet)
            gold = [[label for label, v in gold_cats(r, self.taxonomy).items() if v and label in labels]
                    for r in records]
            if facet in EXCLUSIVE_FACETS:
                model = LogisticRegression(max_iter=2000, C=10).fit(x, [g[0] for g in gold])
                self.models[facet] = (model, list(model.classes_))
            else:
                binar = MultiLabelBinarizer(classes=labels)
                y = binar.fit_transform(gold)
                present = y.sum(axis=0) > 0    # a label unseen in training cannot be learned
                model = OneVsRestClassifier(LogisticRegression(max_iter=2000, C=10)).fit(x, y[:, present])
                self.models[facet] = (model, [label for label, p in zip(labels, present) if p])
        for field in ("locality", "neighbourhood"):
            model = LogisticRegression(max_iter=2000, C=10).fit(x, [r[field] or NO_PLACE for r in records])
            self.models[field] = (model, list(model.classes_))
        return self

    def cats(self, texts: list[str]) -> list[dict[str, float]]:
        x = self.vec.transform(texts)
        out: list[dict[str, float]] = [{} for _ in texts]
        for facet in FACETS:
            model, labels = self.models[facet]
            for row, probs in zip(out, model.predict_proba(x)):
                row.update({label: float(p) for label, p in zip(labels, probs)})
        return out

    def place(self, texts: list[str], field: str) -> list[str | None]:
        model, _ = self.models[field]
        return [None if p == NO_PLACE else p for p in model.predict(self.vec.transform(texts))]
