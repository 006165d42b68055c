from django.shortcuts import get_object_or_404, render
from django.views.generic import ListView

from news.models import Article, Category


class ArticleListView(ListView):
    template_name = "news/article_list.html"
    paginate_by = 20

    def get_queryset(self):
        return Article.objects.published().for_listing().newest_first()


def slug_dispatch(request, slug):
    """/tin-tuc/<slug>/ is a section when one has that slug, else an article."""
    category = Category.objects.filter(slug=slug).first()
    if category:
        articles = Article.objects.published().filter(category=category)
        return render(
            request,
            "news/category_detail.html",
            {"category": category, "articles": articles.for_listing().newest_first()},
        )
    article = get_object_or_404(Article.objects.published(), slug=slug)
    return render(request, "news/article_detail.html", {"article": article})
