"""What the portal's own pages (home, search) may ask of the news app.

Each function returns public articles only, ready for a list card (section joined,
body left behind), in a fixed number of queries whatever the number of articles.
"""

from django.db.models import F, OuterRef, Q, Window
from django.db.models.functions import RowNumber

from mattran.search import fulltext
from mattran.search.text import query_words
from news.models import Article, Category


def _public_cards():
    return Article.objects.published().for_listing()


def latest(n=6, exclude=()):
    """The n newest public articles (one query)."""
    return list(_public_cards().exclude(pk__in=list(exclude)).newest_first()[:n])


def featured(n=3):
    """The n newest articles staff marked as featured (one query)."""
    return list(_public_cards().filter(featured=True).newest_first()[:n])


def home_blocks(per_category=4):
    """Sections shown on the home page, each with its newest articles: [(category, [articles])].

    Two queries whatever the number of articles. The first finds, for each section, the
    date of its `per_category`-th newest article (an index lookup per section); the
    second reads only the articles on or after those dates, and a window numbering them
    inside each section drops ties beyond `per_category`.
    """
    public = Article.objects.published()
    nth_newest = (
        public.filter(category=OuterRef("pk"))
        .newest_first()
        .values("published_at")[per_category - 1 : per_category]
    )
    categories = list(Category.objects.filter(show_on_home=True).annotate(since=nth_newest))
    if not categories:
        return []
    recent_enough = Q()
    for category in categories:
        condition = Q(category=category)
        if category.since is not None:
            condition &= Q(published_at__gte=category.since)
        recent_enough |= condition
    ranked = (
        _public_cards()
        .filter(recent_enough)
        .annotate(
            rank_in_category=Window(
                RowNumber(),
                partition_by=[F("category_id")],
                order_by=[F("published_at").desc(), F("pk").desc()],
            )
        )
        .filter(rank_in_category__lte=per_category)
        .order_by("rank_in_category")
    )
    articles_of = {category.pk: [] for category in categories}
    for article in ranked:
        articles_of[article.category_id].append(article)
    blocks = [(category, articles_of[category.pk]) for category in categories]
    return [(category, articles) for category, articles in blocks if articles]


def search(query):
    """Public articles holding every word of the query as whole words (diacritics
    optional), best first: the whole phrase, then rank, then the newest. A lazy queryset
    the caller slices; each row carries `found` (matches, capped just above
    `mattran.search.fulltext.CANDIDATES`) and keeps its body for the excerpt."""
    found = fulltext.ranked(
        Article.objects.published(), query_words(query), newest=["-published_at", "-pk"]
    )
    return found.select_related("category").defer("search_text", "search_vector")
