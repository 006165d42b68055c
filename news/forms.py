"""Forms staff use to write news."""

from django import forms
from django_ckeditor_5.widgets import CKEditor5Widget

from mattran.images import PhotoFormField
from news.models import Article


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
