"""Who may see a record: everyone, or the "Lãnh đạo" group only.

Meetings, their papers and documents share these values and this one rule, so a
leaders-only record is hidden the same way everywhere (lists, counts, search, feeds).
"""

from django.db import models

from mattran import roles


class Visibility(models.TextChoices):
    PUBLIC = "public", "Công khai"
    LEADERS = "leaders", "Chỉ lãnh đạo"


class VisibilityQuerySet(models.QuerySet):
    """For models with a `visibility` field."""

    def public(self):
        return self.filter(visibility=Visibility.PUBLIC)

    def visible_to(self, user):
        """For anyone outside the "Lãnh đạo" group a leaders-only record does not exist."""
        if roles.is_leader(user):
            return self
        return self.public()
