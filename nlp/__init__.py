"""Gap Bot's language understanding: one trained spaCy pipeline behind a small typed API."""
from .api import Classification, GapNLP, Redaction
from .query import QueryFilter
from .taxonomy import Taxonomy, load_taxonomy

__all__ = ["GapNLP", "Classification", "Redaction", "QueryFilter", "Taxonomy", "load_taxonomy"]
