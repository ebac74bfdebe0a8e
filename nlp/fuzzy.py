"""Nearest-word lookup tolerant of small typos, fast enough for every token.

A symmetric deletion index (each key and its one-letter deletions) proposes
candidates; optimal-string-alignment distance (insert, delete, substitute,
swap neighbours) confirms them. Candidates must share the first letter: people
rarely mistype it, and it removes most false friends.
"""
from __future__ import annotations

from typing import Iterable


def osa_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance, or limit+1 when it is larger than limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


def _deletions(key: str) -> set[str]:
    return {key[:i] + key[i + 1:] for i in range(len(key))} | {key}


class FuzzyIndex:
    """Keys of at least `min_len` letters, matched with one typo (two from `two_len`)."""

    def __init__(self, keys: Iterable[str], min_len: int, two_len: int) -> None:
        self.min_len, self.two_len = min_len, two_len
        self._index: dict[str, set[str]] = {}
        for key in keys:
            if len(key) >= min_len:
                for variant in _deletions(key):
                    self._index.setdefault(variant, set()).add(key)

    def nearest(self, word: str) -> str | None:
        """The closest key within the allowed typos (ties: alphabetical), or None."""
        if len(word) < self.min_len - 1 or not word.isalpha():
            return None
        limit = 2 if len(word) >= self.two_len else 1
        best: tuple[int, str] | None = None
        for variant in _deletions(word):
            for cand in self._index.get(variant, ()):
                if cand[0] == word[0]:
                    d = osa_distance(word, cand, limit)
                    if d <= limit and (best is None or (d, cand) < best):
                        best = (d, cand)
        return best[1] if best else None
