"""Template filters for Vietnamese dates and money; loaded as builtins in every template."""

from django import template

from mattran.lib import text

register = template.Library()


@register.filter
def ngay(value):
    """{{ article.published_at|ngay }} -> "Thứ Sáu, 17/05/2024"."""
    return text.format_date_vi(value)


@register.filter
def tien(value):
    """{{ entry.money|tien }} -> "438.000.000 đ"."""
    return text.format_money_vi(value)


@register.filter
def so(value):
    """{{ entry.quantity|so }} -> "21.090"."""
    if value is None or value == "":
        return ""
    return text.format_number_vi(value)
