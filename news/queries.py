"""What the portal's own pages (home, search) may ask of the news app.

Each function returns public articles only, ready for a list card (section joined,
body left behind), in a fixed number of queries whatever the number of articles.
"""

from mattran.search import fulltext
from mattran.search.text import query_words
from mattran.sql import pk_in_any
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

    Two queries whatever the number of articles: the sections, then their articles, each
    section's newest `per_category` read off its own (section, status, date) index and
    joined in one UNION (mattran.sql.pk_in_any).
    """
    categories = list(Category.objects.filter(show_on_home=True))
    if not categories:
        return []
    public = Article.objects.published()
    newest_of_each = [
        public.filter(category=category).newest_first().values("pk")[:per_category]
        for category in categories
    ]
    articles_of = {category.pk: [] for category in categories}
    for article in _public_cards().filter(pk_in_any(*newest_of_each)).newest_first():
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
