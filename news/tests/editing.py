"""Helpers for the editor tests: a staff writer with the news permissions, admin forms."""

from django.contrib.auth.models import Permission

from news.models import Article, Category

NEWS_PERMISSIONS = ["add_article", "change_article", "view_article", "view_category"]
ADD_URL = "/quan-tri/news/article/add/"
UPLOAD_URL = "/bien-tap/anh/"


def grant_news_permissions(user):
    """The rights the "Biên tập viên" group carries, given directly so these tests stand alone."""
    user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="news", codename__in=NEWS_PERMISSIONS)
    )
    return user


def make_section():
    return Category.objects.create(name="Hoạt động Mặt trận")


def article_form(section, **changes):
    """What the admin's "Thêm bài viết" form posts when staff fill it in."""
    data = {
        "title": "Hội nghị điển hình tiên tiến",
        "slug": "",
        "category": section.pk,
        "sapo": "",
        "body": "<p>Nội dung.</p>",
        "cover_caption": "",
        "author": "",
        "photo_credit": "",
        "status": Article.Status.DRAFT,
        "published_at_0": "",
        "published_at_1": "",
        "tags": "",
    }
    data.update(changes)
    return data
