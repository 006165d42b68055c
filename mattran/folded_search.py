"""The one diacritic-free match every app's search uses.

Each searchable model keeps a folded copy of its text (`mattran.text.fold`); a query is
folded the same way and every word must appear in it, so "nha tinh thuong" finds
"nhà tình thương" on SQLite and on PostgreSQL alike.
"""

from django.db.models import Q

from mattran.text import fold


def matching_every_word(queryset, query, field="search_text"):
    """Rows whose folded `field` holds every word of `query`; none for an empty query."""
    words = fold(query).split()
    if not words:
        return queryset.none()
    return queryset.filter(*(Q(**{f"{field}__contains": word}) for word in words))
