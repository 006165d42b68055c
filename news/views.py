"""Public news pages. None of them sets a cookie or caches itself: the page cache
in front decides that, and the view beacon keeps the article page cacheable."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe
from django.views.generic import ListView
from taggit.models import Tag, TaggedItem

from mattran.lib.paginator import CappedPaginator
from news.forms import DateForm
from news.models import Article, Category

PAGE_SIZE = 12
# A tag's list is read by walking the newest-first index and checking each article's tags,
# so its numbered pages stop sooner than the section lists' (600 newest per tag).
TAG_MAX_PAGES = 50


def public_articles():
    return Article.objects.published()


def public_uses():
    """A condition on a tag: a public article carries it.

    Walks the tag's own items (taggit's tag index) and looks each article up by its
    key, stopping at the first public one: bounded by the tag, not by the archive."""
    return TaggedItem.objects.filter(
        content_type=ContentType.objects.get_for_model(Article),
        tag_id=OuterRef("pk"),
    ).filter(Exists(public_articles().filter(pk=OuterRef("object_id"))))


def article_cards():
    return public_articles().for_listing().newest_first()


class ArticleListView(ListView):
    """/tin-tuc/: every public article, newest first.

    Numbered pages stop at the newest CappedPaginator.max_pages pages, so neither the
    count nor the deepest page grows with the archive; older news is found by date."""

    template_name = "news/article_list.html"
    context_object_name = "articles"
    paginate_by = PAGE_SIZE
    paginator_class = CappedPaginator

    def get_queryset(self):
        return article_cards()

    def get_context_data(self, **kwargs):
        return super().get_context_data(date_form=DateForm(), **kwargs)


@require_safe
def slug_dispatch(request, slug):
    """/tin-tuc/<slug>/ is a section when one has that slug, else an article."""
    category = Category.objects.filter(slug=slug).first()
    if category:
        return category_detail(request, category)
    return article_detail(request, slug)


class CategoryArticlesView(ArticleListView):
    """/tin-tuc/<chuyen-muc>/: one section's public articles."""

    template_name = "news/category_detail.html"
    category = None

    def get_queryset(self):
        return article_cards().filter(category=self.category)

    def get_context_data(self, **kwargs):
        return super().get_context_data(category=self.category, **kwargs)


def category_detail(request, category):
    return CategoryArticlesView.as_view(category=category)(request)


def get_public_article(slug, *prefetch):
    # The search key and its vector (a few KB each) are never shown on a page.
    queryset = (
        public_articles()
        .select_related("category")
        .defer("search_text", "search_vector")
        .prefetch_related(*prefetch)
    )
    return get_object_or_404(queryset, slug=slug)


def article_detail(request, slug):
    article = get_public_article(slug, "tags")
    context = {"article": article, "related": article.other_news()}
    return render(request, "news/article_detail.html", context)


@require_safe
def article_print(request, slug):
    article = get_public_article(slug)
    return render(request, "news/article_print.html", {"article": article})


@csrf_exempt  # a cookie-less beacon from a cached page; it can only add one view
@require_POST
def count_view(request, slug):
    article = get_object_or_404(public_articles().only("pk"), slug=slug)
    article.count_view()
    return HttpResponse(status=204)


@require_safe
def by_date_form(request):
    """The "Xem theo ngày" form sends ?ngay=…; a good date goes to its page."""
    form = DateForm(request.GET or None)
    if form.is_valid():
        return redirect("news:by_date", day=form.cleaned_data["ngay"])
    return render(request, "news/article_by_date.html", {"date_form": form, "day": None})


class ArticlesOnDayView(ListView):
    """/tin-tuc/ngay/<yyyy-mm-dd>/: articles published that day in the ward's time zone."""

    template_name = "news/article_by_date.html"
    context_object_name = "articles"
    paginate_by = PAGE_SIZE
    paginator_class = CappedPaginator

    def get_queryset(self):
        day = self.kwargs["day"]
        start = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
        end = start + datetime.timedelta(days=1)
        return article_cards().filter(published_at__gte=start, published_at__lt=end)

    def get_context_data(self, **kwargs):
        day = self.kwargs["day"]
        form = DateForm(initial={"ngay": day})
        return super().get_context_data(day=day, date_form=form, **kwargs)


class TagView(ListView):
    """/the/<tag>/: public articles carrying one tag."""

    template_name = "news/tag_detail.html"
    context_object_name = "articles"
    paginate_by = PAGE_SIZE
    paginator_class = CappedPaginator

    def get_queryset(self):
        # A tag that only drafts or scheduled articles carry is not public yet: its name
        # would tell residents what is being prepared.
        self.tag = Tag.objects.filter(Exists(public_uses()), slug=self.kwargs["tag"]).first()
        if self.tag is None:
            raise Http404("Không có thẻ này.")
        return article_cards().tagged_with([self.tag.pk])

    def get_paginator(self, *args, **kwargs):
        return super().get_paginator(*args, max_pages=TAG_MAX_PAGES, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)
