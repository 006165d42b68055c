import datetime


class IsoDateConverter:
    """yyyy-mm-dd in the URL; an impossible date (2024-02-30) is no match, so a 404."""

    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value):
        return datetime.date.fromisoformat(value)

    def to_url(self, value):
        return value.isoformat()
