"""What the portal's own pages (home, search) may ask of the news app.

Each function returns public articles only, ready for a list card (section joined,
body left behind), in a fixed number of queries whatever the number of articles.
"""

from mattran.lib.sql import pk_in_any
from mattran.search import fulltext
from mattran.search.text import query_words
from news.models import Article, Category


def _public_cards():
    return Article.objects.published().for_listing()


def home_news(featured=3, latest=6, per_category=4):
    """The home page's news: `(featured, latest, blocks)` where blocks is
    [(section, [articles])] for the sections shown on the home page.

    Two queries whatever the number of articles: the sections, then every article the
    page shows, each kind read off its own index (mattran.lib.sql.pk_in_any): the newest
    `featured` marked by staff, the newest `featured + latest` (so `latest` are left once
    the featured ones are set aside), each section's newest `per_category`. Any other
    row of a kind is older than that kind's own rows, so sorting the union newest first
    and taking from the top gives each list exactly.
    """
    categories = list(Category.objects.filter(show_on_home=True))
    public = Article.objects.published().newest_first()
    kinds = [
        public.filter(featured=True).values("pk")[:featured],
        public.values("pk")[: featured + latest],
        *(public.filter(category=c).values("pk")[:per_category] for c in categories),
    ]
    rows = list(_public_cards().filter(pk_in_any(*kinds)).newest_first())
    featured_rows = [article for article in rows if article.featured][:featured]
    shown = {article.pk for article in featured_rows}
    latest_rows = [article for article in rows if article.pk not in shown][:latest]
    blocks = []
    for category in categories:
        articles = [article for article in rows if article.category_id == category.pk]
        if articles:
            blocks.append((category, articles[:per_category]))
    return featured_rows, latest_rows, blocks


def search(query):
    """Public articles holding every word of the query as whole words (diacritics
    optional), best first: the whole phrase, then rank, then the newest. A lazy queryset
    the caller slices; each row carries `found` (matches, capped just above
    `mattran.search.fulltext.CANDIDATES`) and keeps its body for the excerpt."""
    found = fulltext.ranked(
        Article.objects.published(), query_words(query), newest=["-published_at", "-pk"]
    )
    return found.select_related("category").defer("search_text", "search_vector")
