"""{% meeting_row %}: one meeting in a list, written in Python.

The meeting list shows up to thirty rows; through a template include each cost about
0.3 ms on the 2-CPU benchmark machine (a third of /hoi-nghi/'s time), this ~0.03 ms.
The markup is the one `meetings/_meeting_row.html` had.
"""

from django import template
from django.utils.html import format_html

from mattran.lib.text import format_date_vi

register = template.Library()


@register.simple_tag
def meeting_row(meeting):
    start = meeting.local_start
    time_label = meeting.time_label
    when = format_date_vi(start) + (f", {time_label}" if time_label else "")
    badge = ""
    if not meeting.is_public:
        badge = format_html('<span class="badge badge--internal">{}</span>', "Chỉ lãnh đạo")
    return format_html(
        '<li class="meeting-row">'
        '<time class="meeting-row__date" datetime="{}">'
        '<span class="meeting-row__day">{}</span>'
        '<span class="meeting-row__month">{}</span>'
        "</time><div>"
        '<p class="meeting-row__kind">{}</p>'
        '<h3 class="meeting-row__title"><a href="{}">{}</a></h3>'
        '<p class="meta">{} · {}{}</p>'
        "</div></li>",
        start.isoformat(),
        f"{start:%d}",
        f"{start:%m/%Y}",
        meeting.get_kind_display(),
        meeting.get_absolute_url(),
        meeting.title,
        when,
        meeting.body.name,
        badge,
    )
