"""Forms of the news app: the residents' date picker and the staff's article form."""

from django import forms
from django.conf import settings
from django.utils import timezone
from django_ckeditor_5.widgets import CKEditor5Widget

from mattran.lib.images import PhotoFormField
from news.converters import FIRST_DAY, LAST_DAY
from news.models import Article, Category

# Up to this many sections a plain select lists them all; beyond it staff type to find one.
PLAIN_CATEGORY_SELECT_MAX = 30


def category_chooser_fields():
    """The article admin's autocomplete fields: the section only when there are many."""
    return ["category"] if Category.objects.count() > PLAIN_CATEGORY_SELECT_MAX else []


class DateForm(forms.Form):
    """ "Xem theo ngày": the date picker's GET form."""

    ngay = forms.DateField(
        label="Xem theo ngày",
        input_formats=["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": "Xin chọn một ngày.",
            "invalid": "Ngày không hợp lệ. Xin nhập theo dạng ngày/tháng/năm, ví dụ 17/05/2024.",
        },
    )

    def clean_ngay(self):
        day = self.cleaned_data["ngay"]
        if not FIRST_DAY <= day <= LAST_DAY:
            raise forms.ValidationError(
                "Ngày nằm ngoài lịch của trang. Xin chọn một ngày khác, ví dụ 17/05/2024."
            )
        return day


class ArticleAdminForm(forms.ModelForm):
    """The admin's article form: CKEditor 5 for the body, a checked photo for the cover.

    The body is sanitised again by Article.save() whatever the editor sends.
    """

    class Meta:
        model = Article
        # The ModelAdmin decides which fields show (fieldsets, readonly); the form follows.
        fields = "__all__"  # noqa: DJ007
        widgets = {"body": CKEditor5Widget(config_name="news")}
        field_classes = {"cover": PhotoFormField}
        labels = {
            "photo_credit": "Người chụp ảnh",
            "cover_caption": "Chú thích ảnh",
        }
        help_texts = {
            "sapo": (
                "Hai, ba câu tóm ý chính, khoảng 40–60 từ (dưới 400 ký tự): hiện dưới "
                "tiêu đề, trên thẻ bài ở trang chủ và khi chia sẻ lên mạng xã hội."
            ),
            "cover": (
                "Ảnh ngang (tỉ lệ 3:2 hoặc 16:9), rộng ít nhất 1200 px; JPEG, PNG hoặc WebP, "
                f"tối đa {settings.PHOTO_MAX_BYTES // (1024 * 1024)} MB. Trang tự cắt cỡ nhỏ "
                "cho điện thoại."
            ),
            "cover_caption": (
                "Ảnh chụp gì, ở đâu, khi nào: hiện ngay dưới ảnh, và máy đọc màn hình đọc "
                "lên cho người khiếm thị."
            ),
            "photo_credit": (
                "Tên người chụp ảnh, ví dụ «Minh Tâm» (không phải chú thích): cuối bài in "
                "«Ảnh: Minh Tâm», cạnh «Tin:» của tác giả. Để trống nếu không rõ."
            ),
        }

    def clean_published_at(self):
        """The stored moment when the form sends back what it showed.

        The admin's time box shows and takes hours and minutes (TIME_INPUT_FORMATS), so a
        plain save read the shown value back and cut the seconds an article was published
        at (Article.publish keeps them, and the feeds and the "newest first" order use them).
        """
        typed = self.cleaned_data.get("published_at")
        stored = self.instance.published_at if self.instance.pk else None
        if typed is None or stored is None:
            return typed
        # Shown to the minute by the time box; to the second by a client that sends them.
        local = timezone.localtime(stored)
        shown = {local.replace(second=0, microsecond=0), local.replace(microsecond=0)}
        return stored if typed in shown else typed
