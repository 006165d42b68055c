"""Production settings for a test's own gunicorn (ops/tests/servers.py): everything
as deployed, except static files named as they are, so no collectstatic is needed."""

from mattran.settings.base import *  # noqa: F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
