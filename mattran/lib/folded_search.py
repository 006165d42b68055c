"""Substring match on folded text, for people's names only.

The admin's person autocomplete wants "thu" to find "Thúy" while staff type, so names
keep this substring rule. Everything residents search (news, meetings, documents,
campaigns, pages) matches whole words instead: see `mattran.search`.
"""

from django.db.models import Q

from mattran.lib.text import fold


def matching_every_word(queryset, query, field="search_name"):
    """Rows whose folded `field` holds every word of `query`, inside longer words too;
    none for an empty query."""
    words = fold(query).split()
    if not words:
        return queryset.none()
    return queryset.filter(*(Q(**{f"{field}__contains": word}) for word in words))
