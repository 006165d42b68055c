"""Model fields shared by the core and the apps."""

from django.core.validators import URLValidator
from django.db import models


class WebURLField(models.URLField):
    """A URL field whose form assumes https for an address typed without a scheme and,
    when refusing one, says what its own validator would (in Vietnamese)."""

    def formfield(self, **kwargs):
        messages = [v.message for v in self._validators if isinstance(v, URLValidator)]
        defaults = {"assume_scheme": "https"}
        if messages:
            defaults["error_messages"] = {"invalid": messages[0]}
        return super().formfield(**{**defaults, **kwargs})
