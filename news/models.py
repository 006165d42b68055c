"""News: sections (chuyên mục) and articles with tags, cover photo and credits."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from taggit.managers import TaggableManager

from mattran.html import html_to_text, sanitize_html
from mattran.images import prepare_photo, size_body_images, validate_image
from mattran.text import fold, nfc, slugify_vi

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
        return reverse("news:slug", kwargs={"slug": self.slug})

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

    def for_listing(self):
        """Only what a list card shows, with its section, in one query."""
        return self.select_related("category").defer("body", "search_text")

    def search(self, query):
        """Every word of the query, folded, must appear in the article's search text."""
        words = fold(query).split()
        if not words:
            return self.none()
        condition = Q()
        for word in words:
            condition &= Q(search_text__contains=word)
        return self.filter(condition)


class Article(models.Model):
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
    search_text = models.TextField(editable=False, default="")
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

    # --- cover photo: renditions cut once at upload (mattran/images.py) ---
    cover_renditions = models.JSONField(default=dict, blank=True, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = "bài viết"
        verbose_name_plural = "bài viết"
        indexes = [
            models.Index(fields=["status", "-published_at", "-id"], name="article_public_list"),
            models.Index(
                fields=["category", "status", "-published_at"],
                name="article_category_list",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="published_article_has_date",
            )
        ]

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
        self.search_text = fold(" ".join([self.title, self.sapo, html_to_text(self.body)]))
        # A new cover is checked, re-encoded without EXIF and cut into renditions here.
        self.cover_renditions = prepare_photo(self.cover, self.cover_renditions)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("news:slug", kwargs={"slug": self.slug})

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
        if self.status == self.Status.PUBLISHED and not self.published_at:
            self.published_at = timezone.now()

    def _unique_slug(self, base):
        base = base[:280]
        slug, n = base, 2
        taken = Article.objects.exclude(pk=self.pk)
        while taken.filter(slug=slug).exists() or slug in RESERVED_SLUGS:
            slug, n = f"{base}-{n}", n + 1
        return slug

    def count_view(self):
        """Add one view in the database itself, so concurrent readers never lose one."""
        Article.objects.filter(pk=self.pk).update(view_count=F("view_count") + 1)
