"""Settings for the test suite: fast hashing, an in-process cache, no HTTPS redirect."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-that-is-long-enough-for-django-checks")

from mattran.settings.base import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
MEDIA_ROOT = BASE_DIR / "test-output" / "media"  # noqa: F405
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# Query-count pins measure what a page costs to build; the page-cache tests turn the
# cache on themselves and pin that a cached page costs nothing.
PAGE_CACHE_SECONDS = 0
# One process: every change is made here and noticed at once, so the content version is
# read only after a write (query-count pins then stay what a page costs to build).
CONTENT_VERSION_CHECK_SECONDS = None
# whitenoise looks for collected files the test suite never makes.
WHITENOISE_AUTOREFRESH = True
