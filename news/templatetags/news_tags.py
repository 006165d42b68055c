from urllib.parse import quote

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def absolute_url(context, path):
    """The full address of a path on this site, for canonical, Open Graph and share links."""
    return context["request"].build_absolute_uri(path)


@register.filter
def urlquote(value):
    return quote(str(value), safe="")
