"""What the portal's own pages (home, site-wide search) may ask of documents. Everything
goes through `Document.objects.visible_to(user)`, so a leaders-only document never shows
up where it should not."""

from mattran.documents.models import Document


def latest(n, user):
    """The `n` newest documents the user may see, as a list (one query, or two for a
    logged-in user: the leader check)."""
    return list(Document.objects.visible_to(user).for_listing()[:n])


def search(q, user):
    """Documents matching every word of `q` (diacritics optional), newest first; a
    queryset, so the caller slices or counts it."""
    return Document.objects.visible_to(user).search(q).for_listing().order_by("-issued_on", "-pk")
