"""iCalendar (RFC 5545) for the meetings feed, written by hand: the format is small and
the rules that matter are escaping text values, folding lines at 75 octets and CRLF."""

import datetime

from django.utils import timezone

PRODID = "-//Uy ban MTTQ phuong//Lich hoi nghi//VI"
DEFAULT_LENGTH = datetime.timedelta(hours=2)


def escape(text):
    """TEXT value escaping, RFC 5545 §3.3.11."""
    return (
        (text or "")
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line):
    """Split a content line into pieces of at most 75 octets, never inside a UTF-8
    character; continuation lines start with one space (§3.1)."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    pieces, current, limit = [], b"", 75
    for char in line:
        octets = char.encode("utf-8")
        if len(current) + len(octets) > limit:
            pieces.append(current.decode("utf-8"))
            current, limit = b"", 74  # the leading space counts
        current += octets
    pieces.append(current.decode("utf-8"))
    return "\r\n ".join(pieces)


def _utc(value):
    return value.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def _when(meeting):
    if meeting.has_exact_time:
        return [
            f"DTSTART:{_utc(meeting.starts_at)}",
            f"DTEND:{_utc(meeting.starts_at + DEFAULT_LENGTH)}",
        ]
    # Only the day is known: an all-day event rather than an invented hour.
    day = meeting.local_start.date()
    return [
        f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
        f"DTEND;VALUE=DATE:{day + datetime.timedelta(days=1):%Y%m%d}",
    ]


def event_lines(meeting, site_url):
    url = site_url.rstrip("/") + meeting.get_absolute_url()
    # No ORGANIZER: it must be a mailbox, and the ward has none to promise for replies.
    description = f"{meeting.get_kind_display()} do {meeting.body.name} tổ chức."
    if meeting.summary:
        description = f"{description}\n{meeting.summary}"
    return [
        "BEGIN:VEVENT",
        f"UID:hoi-nghi-{meeting.pk}@{_host(site_url)}",
        f"DTSTAMP:{_utc(meeting.updated_at or timezone.now())}",
        *_when(meeting),
        f"SUMMARY:{escape(meeting.title)}",
        f"LOCATION:{escape(meeting.place)}" if meeting.place else None,
        f"DESCRIPTION:{escape(description)}",
        f"URL:{url}",
        "END:VEVENT",
    ]


def calendar(meetings, site_url):
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Lịch hội nghị",
        "X-WR-TIMEZONE:Asia/Ho_Chi_Minh",
    ]
    for meeting in meetings:
        lines.extend(line for line in event_lines(meeting, site_url) if line)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def _host(site_url):
    return site_url.split("://", 1)[-1].split("/", 1)[0] or "localhost"
