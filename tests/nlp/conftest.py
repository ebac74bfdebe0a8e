from __future__ import annotations

import pytest

from nlp import GapNLP


@pytest.fixture(scope="session")
def gap() -> GapNLP:
    """The shipped pipeline, loaded once for the whole test session."""
    return GapNLP.load()
