"""{% article_card %}: one article in a list, written in Python.

A list page shows up to 25 cards; rendered through a template include each cost about
0.3 ms on the 2-CPU benchmark machine (a quarter of the home page's time), this ~0.03
ms. The markup is the one `includes/card/article.html` had; the cover photo still goes
through `includes/_picture.html`.
"""

from django import template
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import Truncator

from mattran.lib.text import format_date_vi

register = template.Library()

COVER_SIZES = "(min-width: 48rem) 12rem, 7.5rem"


@register.simple_tag
def article_card(article, heading=2, show_category=False, show_sapo=False):
    url = article.get_absolute_url()
    media = ""
    if article.cover:
        picture = render_to_string(
            "includes/_picture.html", {"image": article.cover, "alt": "", "sizes": COVER_SIZES}
        )
        media = format_html(
            '<a class="card__media" href="{}" tabindex="-1" aria-hidden="true">{}</a>',
            url,
            picture,  # the template engine's output: already escaped, marked safe
        )
    level = 3 if heading == 3 else 2
    title = format_html(
        '<h{} class="card__title"><a href="{}">{}</a></h{}>', level, url, article.title, level
    )
    category = ""
    if show_category:
        category = format_html(
            '<a href="{}">{}</a> · ',
            article.category.get_absolute_url(),
            article.category.name,
        )
    published = article.published_at
    meta = format_html(
        '<p class="meta">{}<time datetime="{}">{}</time></p>',
        category,
        timezone.localtime(published).isoformat() if published else "",
        format_date_vi(published),
    )
    sapo = ""
    if show_sapo and article.sapo:
        sapo = format_html('<p class="card__sapo">{}</p>', Truncator(article.sapo).words(40))
    return format_html(
        '<article class="card{}">{}<div class="card__text">{}{}{}</div></article>',
        "" if article.cover else " card--no-image",
        media,
        title,
        meta,
        sapo,
    )
