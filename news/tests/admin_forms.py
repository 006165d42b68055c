"""What the article change form posts, as a browser would send it."""

from django.urls import reverse
from django.utils import timezone


def change_url(article):
    return reverse("admin:news_article_change", args=[article.pk])


def form_data(article, **overrides):
    data = {
        "title": article.title,
        "slug": article.slug,
        "category": article.category_id,
        "area": article.area_id or "",
        "sapo": article.sapo,
        "body": article.body,
        "cover_caption": article.cover_caption,
        "photo_credit": article.photo_credit,
        "author": article.author,
    }
    if article.featured:
        data["featured"] = "on"
    data["tags"] = [tag.name for tag in article.tags.all()] if article.pk else []
    at = overrides.pop("published_at", article.published_at)
    if at:
        local = timezone.localtime(at)
        data["published_at_0"] = local.strftime("%Y-%m-%d")
        data["published_at_1"] = local.strftime("%H:%M:%S")
    else:
        data["published_at_0"] = data["published_at_1"] = ""
    if article.pk:
        # The hidden field a change form opened just now carries: the row's version.
        data["edit_version"] = str(
            type(article).objects.filter(pk=article.pk).values_list("version", flat=True).first()
        )
    data.update(overrides)
    return data
