"""Every body is sanitised on save, whatever the path: the model (import, shell) and
the admin as staff use it. What staff meant survives."""

import re

import pytest

from mattran.tests.test_html import CKEDITOR_BODY, CKEDITOR_BODY_STORED, HOSTILE_BODIES
from news.forms import ArticleAdminForm
from news.models import Article
from news.tests.editing import ADD_URL, article_form, grant_news_permissions, make_section


@pytest.fixture
def section(db):
    return make_section()


@pytest.fixture
def writer(editor):
    return grant_news_permissions(editor)


def assert_neutralised(stored, marker):
    assert marker.lower() not in stored.lower()
    assert not re.search(r"\son\w+\s*=", stored, re.IGNORECASE)
    assert "<script" not in stored.lower()


@pytest.mark.parametrize(("body", "marker"), HOSTILE_BODIES.values(), ids=HOSTILE_BODIES.keys())
def test_hostile_body_is_neutralised_when_saved_through_the_model(section, body, marker):
    article = Article.objects.create(title="Bài nhập từ tệp", category=section, body=body)
    article.refresh_from_db()
    assert_neutralised(article.body, marker)


@pytest.mark.parametrize(("body", "marker"), HOSTILE_BODIES.values(), ids=HOSTILE_BODIES.keys())
def test_hostile_body_is_neutralised_when_saved_in_the_admin(client, writer, section, body, marker):
    client.force_login(writer)
    response = client.post(ADD_URL, article_form(section, body=f"<p>Mở đầu</p>{body}"))
    assert response.status_code == 302, response.content.decode()[:2000]
    stored = Article.objects.get()
    assert_neutralised(stored.body, marker)
    assert stored.body.startswith("<p>Mở đầu</p>")


def test_a_news_body_from_ckeditor_is_kept_intact_through_the_model(section):
    article = Article.objects.create(title="Bài đầy đủ", category=section, body=CKEDITOR_BODY)
    article.refresh_from_db()
    assert article.body == CKEDITOR_BODY_STORED


def test_a_news_body_from_ckeditor_is_kept_intact_through_the_admin(client, writer, section):
    client.force_login(writer)
    response = client.post(ADD_URL, article_form(section, body=CKEDITOR_BODY))
    assert response.status_code == 302
    body = Article.objects.get().body
    assert body == CKEDITOR_BODY_STORED
    for kept in ("<h2>", "<h3>", "<ul>", "<ol>", "<table>", "<figcaption>", "<blockquote>"):
        assert kept in body
    assert '<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in body


def test_saving_again_does_not_change_a_clean_body(section):
    article = Article.objects.create(title="Bài", category=section, body=CKEDITOR_BODY)
    article.save()
    article.refresh_from_db()
    assert article.body == CKEDITOR_BODY_STORED


def test_a_dirty_body_written_around_save_is_cleaned_by_the_next_save(section):
    # QuerySet.update() bypasses save() (imports must call save()); the next save cleans.
    article = Article.objects.create(title="Bài", category=section)
    Article.objects.filter(pk=article.pk).update(body="<script>x</script>")
    article.refresh_from_db()
    assert article.body == "<script>x</script>"
    article.save()
    article.refresh_from_db()
    assert article.body == ""


def test_the_admin_form_uses_ckeditor_5_in_vietnamese_with_our_upload_url(client, writer, section):
    client.force_login(writer)
    page = client.get(ADD_URL).content.decode()
    assert 'class="django_ckeditor_5"' in page
    assert "django_ckeditor_5/dist/translations/vi.js" in page
    assert 'data-upload-url="/bien-tap/anh/"' in page
    assert '"language": "vi"' in page
    for button in ("heading", "bulletedList", "insertTable", "uploadImage", "blockQuote", "undo"):
        assert f'"{button}"' in page
    assert '"Markdown"' in page  # listed in removePlugins: the body stays HTML


def test_admin_form_class_is_ours():
    assert ArticleAdminForm.base_fields["body"].widget.__class__.__name__ == "CKEditor5Widget"
