import datetime

# The day page looks up [start of day, start of next day) in the ward's time zone, stored
# in UTC: the first and last days of the calendar would overflow (a 500), so they are
# outside what the site serves.
FIRST_DAY = datetime.date(datetime.MINYEAR, 1, 2)
LAST_DAY = datetime.date(datetime.MAXYEAR, 12, 30)


class IsoDateConverter:
    """yyyy-mm-dd in the URL; an impossible date (2024-02-30) is no match, so a 404."""

    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value):
        day = datetime.date.fromisoformat(value)
        if not FIRST_DAY <= day <= LAST_DAY:
            raise ValueError("day out of range")
        return day

    def to_url(self, value):
        return value.isoformat()
