from django.db import models


class Versioned(models.Model):
    """A row staff edit in the admin: every save there bumps `version`, and a change form
    opened at an older version is refused (mattran/lib/concurrency.py)."""

    version = models.PositiveIntegerField("phiên bản", default=1, editable=False)

    class Meta:
        abstract = True
