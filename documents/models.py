import hashlib
import uuid

from django.core.cache import cache
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.urls import reverse

from mattran import cache as page_cache
from mattran import roles
from mattran.lib import files
from mattran.lib.paths import slug_url
from mattran.lib.slugs import unique_slug
from mattran.lib.text import nfc, slugify_vi
from mattran.lib.versioned import Versioned
from mattran.search import fulltext
from mattran.search.models import Searchable
from mattran.search.text import query_words, search_key
from mattran.visibility import Visibility, VisibilityQuerySet

SLUG_LENGTH = 120
# The list's year and issuer choices scan every document; they change only when staff
# save or delete one, which rotates this version (see forget_filter_choices).
CHOICES_VERSION_KEY = "documents:choices-version"
CHOICES_SECONDS = 24 * 60 * 60
DOCUMENT_FILE_CHECK = files.FileCheck([files.PDF, files.DOCX], "DOCUMENT_MAX_BYTES")


def document_path(instance, filename):
    # A random name under the private folder; the reader gets a readable name from the
    # download view, built from the document's own number and subject.
    return f"van-ban/{uuid.uuid4().hex}.{instance.file_type or files.PDF}"


class DocumentQuerySet(VisibilityQuerySet):
    # The rule of mattran.visibility, as for meetings, for published documents only.

    def public(self):
        return super().public().filter(is_published=True)

    def visible_to(self, user):
        if roles.is_leader(user):
            return self.filter(is_published=True)
        return self.public()

    def filter_choices(self):
        """Years (newest first) and issuers of these documents, for the list's filters;
        from the cache while no document has been saved or deleted."""
        version = cache.get_or_set(
            page_cache.content_key(CHOICES_VERSION_KEY),
            uuid.uuid4().hex,
            page_cache.CONTENT_KEY_SECONDS,
        )
        scope = hashlib.md5(str(self.query).encode(), usedforsecurity=False).hexdigest()
        key = f"documents:choices:{version}:{scope}"
        choices = cache.get(key)
        if choices is None:
            years = [day.year for day in self.dates("issued_on", "year", order="DESC")]
            issuers = list(self.order_by("issuer").values_list("issuer", flat=True).distinct())
            choices = (years, issuers)
            cache.set(key, choices, CHOICES_SECONDS)
        return choices

    def for_listing(self):
        """What a list row shows: never the folded search text."""
        return self.defer("search_text", "search_vector")

    def search(self, query):
        """Every word typed, folded, as a whole word in the subject, number, kind or
        issuer."""
        return fulltext.matching(self, query_words(query))


class Document(Searchable, Versioned):
    class Kind(models.TextChoices):
        RESOLUTION = "nghi-quyet", "Nghị quyết"
        DECISION = "quyet-dinh", "Quyết định"
        PLAN = "ke-hoach", "Kế hoạch"
        NOTICE = "thong-bao", "Thông báo"
        REPORT = "bao-cao", "Báo cáo"
        OFFICIAL_LETTER = "cong-van", "Công văn"
        GUIDANCE = "huong-dan", "Hướng dẫn"
        OTHER = "khac", "Khác"

    Visibility = Visibility

    number = models.CharField(
        "số ký hiệu", max_length=60, help_text="Ví dụ: 45/TB-MTTQ hoặc 12/NQ-UBMTTQ."
    )
    kind = models.CharField("loại văn bản", max_length=20, choices=Kind.choices)
    issuer = models.CharField(
        "cơ quan ban hành",
        max_length=200,
        help_text="Ví dụ: Ban Thường trực Ủy ban MTTQ phường.",
    )
    issued_on = models.DateField("ngày ban hành")
    summary = models.CharField("trích yếu", max_length=500)
    file = models.FileField(
        "tệp văn bản",
        upload_to=document_path,
        storage=files.private_storage,
        validators=[DOCUMENT_FILE_CHECK],
        max_length=200,
        help_text="PDF hoặc Word (DOCX); tệp được kiểm tra theo nội dung.",
    )
    file_type = models.CharField("định dạng", max_length=10, editable=False, default="")
    size = models.PositiveIntegerField("dung lượng (byte)", default=0, editable=False)
    visibility = models.CharField(
        "hiển thị",
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.PUBLIC,
        help_text="Văn bản “Chỉ lãnh đạo” không hiện với người dân, kể cả khi tìm kiếm.",
    )
    # Editors upload a document unpublished; a reviewer publishes it (the admin's
    # PublishGateAdmin). Saved elsewhere (demo, import, shell) it is published.
    is_published = models.BooleanField(
        "đã công bố",
        default=True,
        help_text="Chỉ người duyệt tin được công bố văn bản; văn bản chưa công bố không hiện "
        "trên trang.",
    )
    slug = models.SlugField("đường dẫn", max_length=SLUG_LENGTH + 10, unique=True, blank=True)
    download_count = models.PositiveIntegerField("lượt tải", default=0, editable=False)
    created_at = models.DateTimeField("ngày tạo", auto_now_add=True)
    updated_at = models.DateTimeField("cập nhật", auto_now=True)
    objects = DocumentQuerySet.as_manager()

    class Meta:
        db_table = "mattran_document"  # made by the core app before documents had their own
        ordering = ["-issued_on", "-pk"]
        verbose_name = "văn bản"
        verbose_name_plural = "văn bản"
        permissions = [("publish_document", "Công bố hoặc gỡ văn bản")]
        indexes = [
            models.Index(fields=["visibility", "-issued_on", "-id"], name="document_listing"),
            models.Index(fields=["kind", "-issued_on"], name="document_kind"),
            models.Index(fields=["issuer"], name="document_issuer"),
        ]

    def __str__(self):
        return f"{self.number}: {self.summary}"

    def save(self, *args, **kwargs):
        self.number = nfc(self.number).strip()
        self.issuer = nfc(self.issuer).strip()
        self.summary = nfc(self.summary).strip()
        if not self.slug:
            self.slug = self._unique_slug()
        if self.file and (not self.file._committed or not self.file_type):
            # A new upload: its kind from its bytes (the validator has let only PDF and
            # DOCX through), so the stored name and the served type agree.
            self.file_type = files.sniff(self.file) or files.PDF
        if self.file:
            self.size = self.file.size
        self.search_text = document_search_key(
            self.summary, self.number, self.get_kind_display(), self.issuer
        )
        if not self._state.adding and kwargs.get("update_fields") is None:
            # Only the download view changes the count, in SQL; an edit saved from a
            # form loaded before some downloads must not write its stale count back.
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key and not field.generated and field.name != "download_count"
            ]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_url("documents:detail", self.slug)

    def get_download_url(self):
        return reverse("documents:download", kwargs={"slug": self.slug})

    def _unique_slug(self):
        base = slugify_vi(f"{self.number.replace('/', ' ')} {self.summary}")[:SLUG_LENGTH]
        base = base.rsplit("-", 1)[0] if len(base) == SLUG_LENGTH else base
        return unique_slug(base.strip("-") or "van-ban", Document.objects.exclude(pk=self.pk))

    @property
    def is_public(self):
        return self.visibility == self.Visibility.PUBLIC and self.is_published

    @property
    def content_type(self):
        return files.CONTENT_TYPES.get(self.file_type, "application/octet-stream")

    @property
    def file_label(self):
        return files.LABELS.get(self.file_type, "")

    @property
    def size_label(self):
        if self.size < 1024 * 1024:
            return f"{max(1, round(self.size / 1024))} KB"
        return f"{files.megabytes(self.size)} MB"

    @property
    def download_name(self):
        """What the reader's computer saves it as: "45-TB-MTTQ Kế hoạch tổ chức….pdf"."""
        number = self.number.replace("/", "-").replace("\\", "-")
        subject = self.summary[:80].rstrip()
        name = f"{number} {subject}".strip()
        for bad in '<>:"|?*\r\n\t/':
            name = name.replace(bad, " ")
        return f"{' '.join(name.split())}.{self.file_type or files.PDF}"


def document_search_key(summary, number, kind_label, issuer):
    """Also used by the migration that rebuilt every document's key."""
    return search_key(summary, f"{number} {kind_label}", issuer)


@receiver(post_save, sender=Document)
@receiver(post_delete, sender=Document)
def forget_filter_choices(sender, **kwargs):
    """Any save (a reversion restore too, which saves raw) may add a year or issuer."""
    page_cache.forget_cached_pages()


@receiver(post_save, sender=Document)
@receiver(post_delete, sender=Document)
def refresh_public_pages(sender, raw=False, **kwargs):
    """The home page lists the latest documents and is cached for residents."""
    if raw:
        return
    page_cache.forget_cached_pages()
