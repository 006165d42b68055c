from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

from mattran.lib.paths import slug_url
from mattran.lib.slugs import unique_slug
from mattran.lib.text import nfc, slugify_vi
from mattran.lib.versioned import Versioned
from mattran.models import Body, Term
from mattran.search import fulltext
from mattran.search.models import Searchable
from mattran.search.text import query_words, search_key
from mattran.visibility import Visibility, VisibilityQuerySet

# Path segments under /hoi-nghi/ that belong to the site, not to a meeting.
RESERVED_SLUGS = {"lanh-dao", "lich-ics"}


class MeetingQuerySet(VisibilityQuerySet):
    # public() and visible_to(user), the one rule for who sees a meeting, come from
    # mattran.visibility.

    def upcoming(self, now=None):
        return self.filter(starts_at__gte=now or timezone.now()).order_by("starts_at", "pk")

    def past(self, now=None):
        return self.filter(starts_at__lt=now or timezone.now()).order_by("-starts_at", "-pk")

    def for_listing(self):
        """What a list row shows, with its body, in one query."""
        return self.select_related("body", "term").defer("summary", "search_text", "search_vector")

    def search(self, query):
        """Every word typed, folded, as a whole word in the meeting's title, summary,
        place or people."""
        return fulltext.matching(self, query_words(query))


class Meeting(Searchable, Versioned):
    class TimeOfDay(models.TextChoices):
        EXACT = "", "Đúng giờ đã nhập"
        MORNING = "sang", "Buổi sáng"
        AFTERNOON = "chieu", "Buổi chiều"
        EVENING = "toi", "Buổi tối"
        UNKNOWN = "chua-ro", "Chưa rõ giờ"

    class Kind(models.TextChoices):
        CONGRESS = "dai-hoi", "Đại hội"
        CONFERENCE = "hoi-nghi", "Hội nghị"
        ROUND_TABLE = "toa-dam", "Tọa đàm"
        UNITY_SPACE = "khong-gian-dai-doan-ket", "Sinh hoạt “Không gian đại đoàn kết”"
        VOTERS = "tiep-xuc-cu-tri", "Tiếp xúc cử tri"

    kind = models.CharField("loại", max_length=30, choices=Kind.choices, default=Kind.CONFERENCE)
    title = models.CharField("tên hội nghị", max_length=300)
    slug = models.SlugField(
        "đường dẫn",
        max_length=300,
        unique=True,
        blank=True,
        help_text="Để trống để tạo tự động từ tên.",
    )
    starts_at = models.DateTimeField("thời gian bắt đầu", help_text="Ví dụ: 17/05/2024 07:30")
    time_of_day = models.CharField(
        "hiện giờ trên trang",
        max_length=10,
        choices=TimeOfDay.choices,
        blank=True,
        default=TimeOfDay.EXACT,
        help_text="Khi bài viết chỉ ghi «sáng» hay «chiều», hoặc không ghi giờ: "
        "trang hiện buổi thay cho giờ.",
    )
    place = models.CharField("địa điểm", max_length=300, blank=True)
    body = models.ForeignKey(
        Body, verbose_name="tổ chức chủ trì", on_delete=models.PROTECT, related_name="meetings"
    )
    term = models.ForeignKey(
        Term,
        verbose_name="nhiệm kỳ",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
    )
    summary = models.TextField("nội dung tóm tắt", blank=True)
    article = models.ForeignKey(
        "news.Article",
        verbose_name="bài viết đưa tin",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings",
    )
    visibility = models.CharField(
        "hiển thị",
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.PUBLIC,
        help_text="«Chỉ lãnh đạo»: người ngoài nhóm Lãnh đạo không thấy hội nghị này ở đâu cả.",
    )
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    updated_at = models.DateTimeField("sửa lúc", auto_now=True)
    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at", "-pk"]
        verbose_name = "hội nghị"
        verbose_name_plural = "hội nghị"
        indexes = [
            models.Index(fields=["visibility", "-starts_at"], name="meeting_public_list"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.title = nfc(self.title).strip()
        self.summary = nfc(self.summary).strip()
        self.place = nfc(self.place).strip()
        if not self.slug:
            self.slug = self._unique_slug(slugify_vi(self.title)[:280] or "hoi-nghi")
        self.search_text = self._search_text()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_url("meetings:detail", self.slug)

    def get_print_url(self):
        return reverse("meetings:print", kwargs={"slug": self.slug})

    @property
    def is_public(self):
        return self.visibility == Visibility.PUBLIC

    @property
    def is_upcoming(self):
        return self.starts_at >= timezone.now()

    @property
    def local_start(self):
        return timezone.localtime(self.starts_at)

    @property
    def has_exact_time(self):
        return self.time_of_day == self.TimeOfDay.EXACT

    @property
    def time_label(self):
        """ "07:30"; "buổi sáng" when only the part of the day is known; "" when unknown."""
        if self.has_exact_time:
            return f"{self.local_start:%H:%M}"
        if self.time_of_day == self.TimeOfDay.UNKNOWN:
            return ""
        return self.get_time_of_day_display().lower()

    def clean(self):
        # A blank slug is made unique by save(); a typed one must not take a site path.
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": "Đường dẫn này đã được hệ thống dùng."})

    def _unique_slug(self, base):
        return unique_slug(base, Meeting.objects.exclude(pk=self.pk), RESERVED_SLUGS.__contains__)

    def update_search_text(self):
        """Call after the attendees change: their names and titles are searched too."""
        self.search_text = self._search_text()
        Meeting.objects.filter(pk=self.pk).update(search_text=self.search_text)

    def _search_text(self):
        people = []
        if self.pk:
            for name, guest, title in self.attendances.values_list(
                "person__full_name", "guest_name", "title_as_printed"
            ):
                people += [name or guest, title]
        return meeting_search_key(self.title, self.summary, self.place, people)


def meeting_search_key(title, summary, place, people):
    """Also used by the migration that rebuilt every meeting's key."""
    return search_key(title, summary, " ".join([place, *people]))
