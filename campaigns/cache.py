"""Cached campaign figures, cleared by bumping one version whenever campaign data changes.

Totals over 100,000 entries take tens of milliseconds in PostgreSQL; residents ask for
the same pages again and again, and the figures change only when staff save something.
Rather than hunting keys, every save or delete of a campaign, indicator, target, entry
or residential area moves the version on, and old keys simply expire.
"""

import uuid

from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save

from mattran import cache as page_cache

VERSION_KEY = "campaigns:version"
TIMEOUT = 60 * 60 * 6


def version():
    current = cache.get(VERSION_KEY)
    if current is None:
        current = uuid.uuid4().hex
        cache.add(VERSION_KEY, current, timeout=None)
        current = cache.get(VERSION_KEY, current)
    return current


def bump(raw=False, **kwargs):
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
    if raw:
        return
    # The portal's home page shows campaign highlights: its cached copy must go too.
    page_cache.forget_cached_pages()


def remember(parts, compute, *args):
    """compute(*args), kept under `parts` until campaign data next changes."""
    # The shared content version too: another process's bump reaches this one.
    key = "campaigns:" + ":".join(
        str(part) for part in (page_cache.content_version(), version(), *parts)
    )
    value = cache.get(key)
    if value is None:
        value = compute(*args)
        cache.set(key, value, timeout=TIMEOUT)
    return value


def connect():
    from campaigns.models import Campaign, Entry, Indicator, Target
    from mattran.models import ResidentialArea

    for model in (Campaign, Indicator, Target, Entry, ResidentialArea):
        post_save.connect(bump, sender=model, dispatch_uid=f"campaigns-bump-save-{model.__name__}")
        post_delete.connect(
            bump, sender=model, dispatch_uid=f"campaigns-bump-delete-{model.__name__}"
        )
    m2m_changed.connect(bump, sender=Campaign.articles.through, dispatch_uid="campaigns-bump-m2m")
