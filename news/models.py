"""News: sections (chuyên mục) and articles with tags, cover photo and credits."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from taggit.managers import TaggableManager
from taggit.models import TaggedItem

from mattran import cache as page_cache
from mattran.lib.html import html_to_text, sanitize_html
from mattran.lib.images import prepare_photo, size_body_images, validate_image
from mattran.lib.paths import slug_url
from mattran.lib.slugs import unique_slug
from mattran.lib.sql import pk_in_any
from mattran.lib.text import nfc, slugify_vi
from mattran.lib.versioned import Versioned
from mattran.models import ResidentialArea
from mattran.search import fulltext
from mattran.search.models import Searchable
from mattran.search.text import query_words, search_key
from news import notices, related

# Path segments under /tin-tuc/ that belong to the site, not to a section or article.
RESERVED_SLUGS = {"ngay", "ban-in", "rss", "xem-truoc"}


class Category(models.Model):
    name = models.CharField("tên chuyên mục", max_length=200, unique=True)
    slug = models.SlugField("đường dẫn", max_length=200, unique=True, blank=True)
    description = models.TextField("mô tả", blank=True)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    show_on_home = models.BooleanField("hiện trên trang chủ", default=True)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = "chuyên mục"
        verbose_name_plural = "chuyên mục"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name = nfc(self.name).strip()
        if not self.slug:
            self.slug = slugify_vi(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_url("news:slug", self.slug)

    def clean(self):
        self.slug = self.slug or slugify_vi(self.name)
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": "Đường dẫn này đã được hệ thống dùng."})
        if Article.objects.filter(slug=self.slug).exists():
            raise ValidationError(
                {"slug": "Đường dẫn này trùng với một bài viết; hãy chọn đường dẫn khác."}
            )


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """What residents may see: published, and its publishing time has come."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=timezone.now())

    def newest_first(self):
        return self.order_by("-published_at", "-pk")

    def tagged_with(self, tag_ids):
        """Articles carrying one of these tags.

        Written as EXISTS on taggit's table with the article's id from outside:
        PostgreSQL walks the newest-first index and probes the (content type, object,
        tag) unique index for each article, reading no more rows than the page needs.
        The `tags=` join instead compares object_id as bigint, which no index serves,
        and hashes every article."""
        content_type = ContentType.objects.get_for_model(self.model)
        return self.filter(
            Exists(
                TaggedItem.objects.filter(
                    content_type=content_type, object_id=OuterRef("pk"), tag_id__in=list(tag_ids)
                )
            )
        )

    def for_listing(self):
        """Only what a list card shows, with its section, in one query."""
        return self.select_related("category").defer("body", "search_text", "search_vector")

    def search(self, query):
        """Every word of the query, folded, must appear as a whole word in the article's
        title, sapo or body (mattran.search.fulltext)."""
        return fulltext.matching(self, query_words(query))


class Article(Searchable, Versioned):
    class Status(models.TextChoices):
        DRAFT = "draft", "Nháp"
        REVIEW = "review", "Chờ duyệt"
        PUBLISHED = "published", "Đã xuất bản"

    title = models.CharField("tiêu đề", max_length=300)
    slug = models.SlugField(
        "đường dẫn",
        max_length=300,
        unique=True,
        blank=True,
        help_text="Để trống để tạo tự động từ tiêu đề.",
    )
    category = models.ForeignKey(
        Category,
        verbose_name="chuyên mục",
        on_delete=models.PROTECT,
        related_name="articles",
    )
    area = models.ForeignKey(
        ResidentialArea,
        verbose_name="khu dân cư",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
        help_text="Khu dân cư mà bài viết nói về. Để trống: tin chung của phường.",
    )
    sapo = models.TextField("tóm tắt (sapo)", blank=True)
    body = models.TextField("nội dung", blank=True)
    cover = models.ImageField(
        "ảnh đại diện", upload_to="news/covers/%Y/%m/", blank=True, validators=[validate_image]
    )
    cover_caption = models.CharField("chú thích ảnh", max_length=500, blank=True)
    author = models.CharField(
        "tác giả",
        max_length=200,
        blank=True,
        help_text="Ghi như khi in, ví dụ «Việt Thắng».",
    )
    photo_credit = models.CharField("ảnh", max_length=200, blank=True)
    status = models.CharField(
        "trạng thái",
        max_length=20,
        choices=Status.choices,
        default=Status.DRAFT,
    )
    published_at = models.DateTimeField(
        "thời điểm xuất bản",
        null=True,
        blank=True,
        help_text="Có thể đặt trong tương lai để hẹn giờ xuất bản.",
    )
    featured = models.BooleanField("tin nổi bật", default=False)
    view_count = models.PositiveIntegerField("lượt xem", default=0, editable=False)
    tags = TaggableManager("thẻ", blank=True, help_text="Các thẻ cách nhau bằng dấu phẩy.")
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    updated_at = models.DateTimeField("sửa lúc", auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người tạo",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )

    # --- cover photo: renditions cut once at upload (mattran/lib/images.py) ---
    cover_renditions = models.JSONField(default=dict, blank=True, editable=False)
    # "Thông tin khác", worked out on save and on re-tagging (news/related.py).
    related_ids = models.JSONField(default=list, blank=True, editable=False)
    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = "bài viết"
        verbose_name_plural = "bài viết"
        indexes = [
            models.Index(fields=["status", "-published_at", "-id"], name="article_public_list"),
            # With the id, a section's pages read their ids off this index alone
            # (mattran/lib/paginator.py), however deep the page.
            models.Index(
                fields=["category", "status", "-published_at", "-id"],
                name="article_category_list",
            ),
            # The admin list: every status, newest first (and MIN/MAX for its dates).
            models.Index(fields=["-published_at", "-id"], name="article_admin_list"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="published_article_has_date",
            )
        ]
        permissions = [("publish_article", "Được duyệt và xuất bản bài viết")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        """Derive what is stored from what staff typed; never trust the body as given."""
        self.title = nfc(self.title).strip()
        if not self.slug:
            self.slug = self._unique_slug(slugify_vi(self.title) or "bai-viet")
        self.body = size_body_images(sanitize_html(nfc(self.body)))
        self.sapo = nfc(self.sapo).strip()
        if self.status == self.Status.PUBLISHED and not self.published_at:
            self.published_at = timezone.now()
        self.search_text = search_key(self.title, self.sapo, html_to_text(self.body))
        # A new cover is checked, re-encoded without EXIF and cut into renditions here.
        self.cover_renditions = prepare_photo(self.cover, self.cover_renditions)
        self.related_ids = self.other_news_ids()
        super().save(*args, **kwargs)

    def other_news_ids(self):
        """The ids "Thông tin khác" shows, newest first (news/related.py): the newest
        published articles of this section or sharing a tag, published before this one
        (before now while it has no date). One query; each kind read off its own index."""
        before = self.published_at or timezone.now()
        earlier = Q(published_at__lt=before)
        if self.pk:
            earlier |= Q(published_at=before, pk__lt=self.pk)
        others = (
            Article.objects.filter(earlier, status=Article.Status.PUBLISHED)
            .exclude(pk=self.pk)
            .newest_first()
        )
        kinds = [others.filter(category_id=self.category_id)]
        tag_ids = list(self.tags.values_list("pk", flat=True)) if self.pk else []
        if tag_ids:
            kinds.append(others.tagged_with(tag_ids))
        newest_of_each = [kind.values("pk")[: related.KEPT] for kind in kinds]
        found = Article.objects.filter(pk_in_any(*newest_of_each)).newest_first()
        return list(found.values_list("pk", flat=True)[: related.KEPT])

    def other_news(self):
        """The public articles of "Thông tin khác", ready for list cards: one query."""
        if not self.related_ids:
            return []
        shown = Article.objects.published().for_listing().newest_first()
        return list(shown.filter(pk__in=self.related_ids)[: related.SHOWN])

    def get_absolute_url(self):
        return slug_url("news:slug", self.slug)

    def get_preview_url(self):
        """Where staff read an article that is not (or not yet) on the site."""
        return reverse("news_preview:article", args=[self.pk])

    @property
    def is_public(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    def clean(self):
        self.slug = self.slug or slugify_vi(self.title)
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": "Đường dẫn này đã được hệ thống dùng."})
        if Category.objects.filter(slug=self.slug).exists():
            raise ValidationError(
                {"slug": "Đường dẫn này trùng với một chuyên mục; hãy chọn đường dẫn khác."}
            )
        # Taking another article's old address would end its redirect (a 301 that
        # readers, search engines and shared links rely on).
        old = self._old_address_of_another(self.slug)
        if old is not None:
            raise ValidationError(
                {
                    "slug": f"Đường dẫn này là địa chỉ cũ của bài “{old.article.title}” "
                    "(vẫn tự chuyển tới bài đó); hãy chọn đường dẫn khác."
                }
            )
        if self.status == self.Status.PUBLISHED and not self.published_at:
            self.published_at = timezone.now()

    def _unique_slug(self, base):
        return unique_slug(
            base[:280],
            Article.objects.exclude(pk=self.pk),
            lambda slug: slug in RESERVED_SLUGS or self._old_address_of_another(slug) is not None,
        )

    def _old_address_of_another(self, slug):
        """The redirect another article keeps at `slug`, if any."""
        others = ArticleSlugHistory.objects.filter(slug=slug).exclude(article_id=self.pk)
        return others.select_related("article").first()

    def count_view(self):
        """Add one view in the database itself, so concurrent readers never lose one."""
        Article.objects.filter(pk=self.pk).update(view_count=F("view_count") + 1)
        # A cached page is served without the view: the page cache counts it then.
        page_cache.replay_on_hit("news.article_viewed", self.pk)

    # --- workflow: the only way an article changes status (see ArticleEvent below) ---

    def submit(self, user):
        """An editor hands a draft to the reviewers."""
        self._require(user, "news.change_article")
        if self.status != self.Status.DRAFT:
            raise ValidationError("Chỉ bài nháp mới gửi duyệt được.")
        self.status = self.Status.REVIEW
        self._transition(user, ArticleEvent.Action.SUBMITTED)

    def publish(self, user, at=None):
        """Publish now, or at `at` when that is in the future (scheduled publishing:
        ArticleQuerySet.published() hides it until then, no cron job involved)."""
        self._require(user, "news.publish_article")
        now = timezone.now()
        if at is not None:
            self.published_at = at
        elif self.published_at is None or self.published_at > now:
            # "Publish now" is now; a past date stays (an article republished after a
            # correction keeps its first date, an old item entered late keeps its own).
            self.published_at = now
        self.status = self.Status.PUBLISHED
        scheduled = self.published_at > now
        action = ArticleEvent.Action.SCHEDULED if scheduled else ArticleEvent.Action.PUBLISHED
        self._transition(user, action, when=self.published_at)

    def send_back(self, user, note):
        """A reviewer returns an article under review to its editor, saying what to
        change: the note is what the writer reads in their queue and on the form."""
        self._require(user, "news.publish_article")
        if self.status != self.Status.REVIEW:
            raise ValidationError("Chỉ bài đang chờ duyệt mới trả lại được.")
        note = nfc(note or "").strip()
        if not note:
            raise ValidationError("Hãy ghi lý do trả lại để biên tập viên biết cần sửa gì.")
        self.status = self.Status.DRAFT
        self._transition(user, ArticleEvent.Action.RETURNED, note=note)

    def unpublish(self, user, note=""):
        """Take a published (or scheduled) article off the site; it becomes a draft again."""
        self._require(user, "news.publish_article")
        if self.status != self.Status.PUBLISHED:
            raise ValidationError("Bài này chưa được xuất bản.")
        self.status = self.Status.DRAFT
        self._transition(user, ArticleEvent.Action.UNPUBLISHED, note=note)

    def _require(self, user, permission):
        if not user.has_perm(permission):
            raise PermissionDenied("Bạn không có quyền thực hiện thao tác này.")

    def _transition(self, user, action, note="", when=None):
        with transaction.atomic():
            # A step taken from the list changes the article too: a change form opened
            # before it must not save over it (mattran/lib/concurrency.py).
            self.version = F("version") + 1
            self.save()
            self.refresh_from_db(fields=["version"])
            event = ArticleEvent.objects.create(
                article_id=self.pk,
                action=action,
                user=user,
                note=note,
                effective_at=when,
            )
            notices.article_stepped(self, event)


# =============================================================================
# Workflow and history: who did what and when, and the slugs an article had.
# =============================================================================


class ArticleEvent(models.Model):
    """One step of an article's life, written by the Article transition methods.

    The link to the article has no database constraint on purpose: the log of a
    deleted article stays, and joins its article again when staff recover it
    (django-reversion restores the same primary key).
    """

    class Action(models.TextChoices):
        CREATED = "created", "Tạo bài"
        SUBMITTED = "submitted", "Gửi duyệt"
        RETURNED = "returned", "Trả lại biên tập"
        PUBLISHED = "published", "Xuất bản"
        SCHEDULED = "scheduled", "Hẹn giờ xuất bản"
        UNPUBLISHED = "unpublished", "Gỡ bài"
        DELETED = "deleted", "Xóa bài"
        RESTORED = "restored", "Khôi phục phiên bản cũ"

    article = models.ForeignKey(
        Article,
        verbose_name="bài viết",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="events",
    )
    action = models.CharField("thao tác", max_length=20, choices=Action.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người thực hiện",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    at = models.DateTimeField("lúc", default=timezone.now, db_index=True)
    effective_at = models.DateTimeField("xuất bản lúc", null=True, blank=True)
    note = models.CharField("ghi chú", max_length=500, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = "nhật ký bài viết"
        verbose_name_plural = "nhật ký bài viết"

    def __str__(self):
        return f"{self.get_action_display()} — {self.at:%d/%m/%Y %H:%M}"


class ArticleSlugHistory(models.Model):
    """A path a published article was known by; /tin-tuc/<old>/ redirects (301) to it."""

    slug = models.SlugField("đường dẫn cũ", max_length=300, unique=True)
    article = models.ForeignKey(
        Article,
        verbose_name="bài viết",
        on_delete=models.CASCADE,
        related_name="old_slugs",
    )
    changed_at = models.DateTimeField("đổi lúc", auto_now_add=True)

    class Meta:
        ordering = ["-changed_at"]
        verbose_name = "đường dẫn cũ"
        verbose_name_plural = "đường dẫn cũ"

    def __str__(self):
        return self.slug


@receiver(pre_save, sender=Article)
def remember_old_slug(sender, instance, raw=False, **kwargs):
    """A published article whose slug changes keeps its old address alive."""
    if raw or instance.pk is None:
        return
    before = Article.objects.filter(pk=instance.pk).values("slug", "status").first()
    if not before or not instance.slug or before["slug"] == instance.slug:
        return
    if before["status"] == Article.Status.PUBLISHED:
        ArticleSlugHistory.objects.update_or_create(
            slug=before["slug"], defaults={"article_id": instance.pk}
        )
    # An article taking back an old path of its own is no longer a redirect; another
    # article's old path stays one (clean() refuses it in the forms).
    ArticleSlugHistory.objects.filter(slug=instance.slug, article_id=instance.pk).delete()


@receiver(post_save, sender=Article)
@receiver(post_delete, sender=Article)
@receiver(post_save, sender=Category)
@receiver(post_delete, sender=Category)
def refresh_public_pages(sender, raw=False, **kwargs):
    """Any saved or deleted article or section may change what residents see."""
    if raw:
        return
    page_cache.forget_cached_pages()


@receiver(m2m_changed, sender=TaggedItem)
def retagged(sender, instance, action, **kwargs):
    """New tags give an article other news, and change what its page and the tag
    lists show."""
    if not isinstance(instance, Article) or action not in {"post_add", "post_remove", "post_clear"}:
        return
    instance.related_ids = instance.other_news_ids()
    Article.objects.filter(pk=instance.pk).update(related_ids=instance.related_ids)
    page_cache.forget_cached_pages()


def next_scheduled_publication():
    """When the next scheduled article goes public; cached pages must not outlive it."""
    return (
        Article.objects.filter(status=Article.Status.PUBLISHED, published_at__gt=timezone.now())
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )


page_cache.register_next_change(next_scheduled_publication)
page_cache.register_replay(
    "news.article_viewed",
    lambda pk: Article.objects.filter(pk=pk).update(view_count=F("view_count") + 1),
)
