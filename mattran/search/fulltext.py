"""Whole-word search over `search_text` (see `mattran.search.text`), the same rules on
both databases, each doing it its own way:

- PostgreSQL: a stored tsvector column (`search_vector`, a GeneratedField built from the
  three sections of `search_text` with the `mattran_vi` configuration: `simple` plus the
  `unaccent` dictionary, made by migration mattran 0007) and a GIN index on it. Every word
  is required (`plainto_tsquery`), the phrase is `phraseto_tsquery`, rank is `ts_rank_cd`.
- SQLite (development and tests): `' ' || search_text || ' ' LIKE '% word %'` per word;
  rank is 2 for the phrase in the title section plus 1 for every word in it.

The last word is matched whole too, not as a prefix: the form is submitted, not
searched as one types, and a one-letter prefix would match half the archive.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connections
from django.db.models import (
    BooleanField,
    Case,
    Count,
    F,
    Func,
    IntegerField,
    Q,
    TextField,
    Value,
    When,
    Window,
)
from django.db.models.functions import Concat, StrIndex
from django.db.models.lookups import Exact, GreaterThan, LessThan

from mattran.search.text import SECTION

CONFIG = "mattran_vi"
# A search ranks and counts at most this many matches (the newest) per type: more
# are shown as "hơn 200". Ranking reads each candidate's tsvector, so this bounds the cost.
CANDIDATES = 200


class SectionsVector(Func):
    """The tsvector of a `search_text` column, for a GeneratedField: its sections weighted
    A, B and C. SQLite has no tsvector: the column is NULL there and never read."""

    output_field = SearchVectorField()
    weights = "ABC"

    def __init__(self, column="search_text", **extra):
        super().__init__(F(column), **extra)

    def as_sql(self, compiler, connection, **extra_context):
        column, params = compiler.compile(self.source_expressions[0])
        parts = [
            f"setweight(to_tsvector('{CONFIG}'::regconfig, "
            f"split_part({column}, '{SECTION}', {n})), '{weight}')"
            for n, weight in enumerate(self.weights, start=1)
        ]
        return "(" + " || ".join(parts) + ")", params * len(parts)

    def as_sqlite(self, compiler, connection, **extra_context):
        return "NULL", []


def _is_postgres(queryset):
    return connections[queryset.db].vendor == "postgresql"


def _padded():
    return Concat(Value(" "), F("search_text"), Value(" "), output_field=TextField())


def matching(queryset, words):
    """Rows holding every word, whole; none without words."""
    if not words:
        return queryset.none()
    if _is_postgres(queryset):
        query = SearchQuery(" ".join(words), config=CONFIG)
        return queryset.filter(search_vector=query)
    queryset = queryset.alias(padded_search_text=_padded())
    return queryset.filter(*(Q(padded_search_text__contains=f" {w} ") for w in words))


def _sqlite_rank(words):
    """2 for the phrase inside the title section, plus 1 when every word is in it."""
    title_end = StrIndex(F("padded_search_text"), Value(SECTION))

    def in_title(text):
        position = StrIndex(F("padded_search_text"), Value(f" {text} "))
        return GreaterThan(position, 0) & (Exact(title_end, 0) | LessThan(position, title_end))

    every_word = in_title(words[0])
    for word in words[1:]:
        every_word &= in_title(word)
    return Case(When(in_title(" ".join(words)), then=Value(2)), default=Value(0)) + Case(
        When(every_word, then=Value(1)), default=Value(0), output_field=IntegerField()
    )


def ranked(queryset, words, newest):
    """The matches of `queryset`, best first: the phrase, then rank, then `newest` (a
    list of order_by terms). Only the newest CANDIDATES + 1 matches are ranked, so a
    search for common words costs the same as a rare one; each row carries `found`, the
    number of matches up to CANDIDATES + 1 (a window count: no second query)."""
    found = matching(queryset, words)
    if not words:
        return found
    candidates = found.order_by(*newest).values("pk")[: CANDIDATES + 1]
    rows = queryset.model._default_manager.filter(pk__in=candidates)
    phrase = " ".join(words)
    if len(words) == 1:
        # One word is its own phrase: no second pass over each candidate's vector.
        rows = rows.annotate(holds_phrase=Value(True))
    if _is_postgres(queryset):
        rows = rows.annotate(
            rank=SearchRank(
                F("search_vector"), SearchQuery(phrase, config=CONFIG), cover_density=True
            ),
        )
        if len(words) > 1:
            rows = rows.annotate(
                holds_phrase=Case(
                    When(
                        search_vector=SearchQuery(phrase, search_type="phrase", config=CONFIG),
                        then=Value(True),
                    ),
                    default=Value(False),
                    output_field=BooleanField(),
                )
            )
    else:
        rows = rows.alias(padded_search_text=_padded()).annotate(rank=_sqlite_rank(words))
        if len(words) > 1:
            rows = rows.annotate(
                holds_phrase=Case(
                    When(padded_search_text__contains=f" {phrase} ", then=Value(True)),
                    default=Value(False),
                    output_field=BooleanField(),
                )
            )
    return rows.annotate(found=Window(Count("pk"))).order_by("-holds_phrase", "-rank", *newest)
