"""Forms of the news app: the residents' date picker and the staff's article form."""

from django import forms
from django.utils import timezone
from django_ckeditor_5.widgets import CKEditor5Widget

from mattran.lib.images import PhotoFormField
from news.converters import FIRST_DAY, LAST_DAY
from news.models import Article


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
        shown = timezone.localtime(stored).replace(second=0, microsecond=0)
        return stored if typed == shown else typed
