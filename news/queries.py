"""What the portal's own pages (home, search) may ask of the news app.

Each function returns public articles only, ready for a list card (section joined,
body left behind), in a fixed number of queries whatever the number of articles.
"""

from django.db.models import BooleanField, Case, F, Value, When, Window
from django.db.models.functions import RowNumber

from mattran.text import fold
from news.models import Article


def _public_cards():
    return Article.objects.published().for_listing()


def latest(n=6, exclude=()):
    """The n newest public articles (one query)."""
    return list(_public_cards().exclude(pk__in=list(exclude)).newest_first()[:n])


def featured(n=3):
    """The n newest articles staff marked as featured (one query)."""
    return list(_public_cards().filter(featured=True).newest_first()[:n])


def home_blocks(per_category=4):
    """Sections shown on the home page, each with its newest articles, in one query.

    A window numbers the articles inside each section, newest first, and only the
    first `per_category` of each are kept; returns [(category, [articles])] in the
    sections' own order.
    """
    ranked = (
        _public_cards()
        .filter(category__show_on_home=True)
        .annotate(
            rank_in_category=Window(
                RowNumber(),
                partition_by=[F("category_id")],
                order_by=[F("published_at").desc(), F("pk").desc()],
            )
        )
        .filter(rank_in_category__lte=per_category)
        .order_by("category__order", "category__name", "rank_in_category")
    )
    blocks = {}
    for article in ranked:
        blocks.setdefault(article.category, []).append(article)
    return list(blocks.items())


def search(query):
    """Public articles whose text holds every word of the query, diacritics or not.

    Words match inside longer ones ("nha" is in "nhan"), so articles holding the whole
    phrase come first, then the newest. A lazy queryset: the caller paginates it.
    """
    phrase = fold(query)
    return (
        _public_cards()
        .search(query)
        .annotate(
            holds_phrase=Case(
                When(search_text__contains=phrase, then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        )
        .order_by("-holds_phrase", "-published_at", "-pk")
    )
