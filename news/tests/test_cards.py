"""{% article_card %}: a list card written in Python, as the template wrote it."""

import datetime

import pytest
from django.template import engines
from django.utils import timezone

pytestmark = pytest.mark.django_db


def render(source, **context):
    return engines["django"].from_string(source).render(context)


def card(article, options=""):
    return render(
        "{% load news_cards %}{% article_card article " + options + " %}", article=article
    )


def test_a_card_escapes_what_staff_typed(make_article):
    article = make_article("<script>alert(1)</script> & “ngày hội”", sapo="<b>đậm</b>")
    html = card(article, "show_sapo=True")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp;" in html
    assert "&lt;b&gt;đậm&lt;/b&gt;" in html


def test_a_card_shows_section_date_and_a_sapo_cut_at_forty_words(make_article):
    published = timezone.make_aware(datetime.datetime(2024, 5, 17, 8, 30))
    article = make_article("Ra quân", sapo=" ".join(["chữ"] * 45), published_at=published)
    html = card(article, "heading=3 show_category=True show_sapo=True")
    assert (
        f'<h3 class="card__title"><a href="{article.get_absolute_url()}">Ra quân</a></h3>' in html
    )
    assert f'<a href="{article.category.get_absolute_url()}">{article.category.name}</a> · ' in html
    assert '<time datetime="2024-05-17T08:30:00+07:00">Thứ Sáu, 17/05/2024</time>' in html
    assert html.count("chữ") == 40 and "chữ…" in html
    assert "card--no-image" in html


def test_a_card_leaves_out_section_and_sapo_unless_asked(make_article):
    article = make_article("Tin gọn", sapo="Tóm tắt")
    html = card(article)
    assert '<h2 class="card__title">' in html
    assert article.category.name not in html and "Tóm tắt" not in html


def test_a_card_with_a_cover_shows_its_renditions(make_article):
    import io

    from django.core.files.base import ContentFile
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (1600, 900), "red").save(buffer, format="PNG")
    article = make_article("Có ảnh")
    article.cover.save("anh.png", ContentFile(buffer.getvalue()), save=True)

    html = card(article)

    assert "card--no-image" not in html
    assert '<a class="card__media" href="' in html and "<img src=" in html
    assert "400w" in html and 'alt=""' in html and 'loading="lazy"' in html
