"""What the portal's own pages (home, site-wide search) may ask of documents. Everything
goes through `Document.objects.visible_to(user)`, so a leaders-only document never shows
up where it should not."""

from documents.models import Document
from mattran.search import fulltext
from mattran.search.text import query_words


def latest(n, user):
    """The `n` newest documents the user may see, as a list (one query, or two for a
    logged-in user: the leader check)."""
    return list(Document.objects.visible_to(user).for_listing()[:n])


def search(q, user):
    """Documents the user may see holding every word of `q` (diacritics optional), best
    first: the phrase, then rank, then the newest. A lazy queryset; each row carries
    `found` (see `mattran.search.fulltext.ranked`)."""
    found = fulltext.ranked(
        Document.objects.visible_to(user), query_words(q), newest=["-issued_on", "-pk"]
    )
    return found.for_listing()
