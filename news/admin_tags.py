"""Tags in the article form as an autocomplete box that can also add new tags.

Django's own `autocomplete_fields` accepts only ForeignKey and ManyToManyField, and
django-taggit's manager is neither. So the form field is a select box wired to the
admin's own Select2 (the same files `autocomplete_fields` uses) with `data-tags`
on, fed by a small JSON view over taggit's Tag names. Values are tag *names*,
which is what TaggableManager.save_form_data() takes.
"""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.widgets import get_select2_language
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.urls import reverse
from taggit import admin as taggit_admin
from taggit.models import Tag
from taggit.utils import parse_tags

from mattran.lib.text import fold, nfc

PAGE_SIZE = 20


class TagAutocompleteWidget(forms.SelectMultiple):
    def __init__(self, admin_site, attrs=None):
        super().__init__(attrs)
        self.admin_site = admin_site

    def build_attrs(self, base_attrs, extra_attrs=None):
        attrs = super().build_attrs(base_attrs, extra_attrs)
        attrs.update(
            {
                "class": "admin-autocomplete",
                "data-ajax--cache": "true",
                "data-ajax--delay": 250,
                "data-ajax--type": "GET",
                "data-ajax--url": reverse(f"{self.admin_site.name}:news_article_tag_autocomplete"),
                "data-theme": "admin-autocomplete",
                "data-tags": "true",
                "data-token-separators": '[","]',
                "data-allow-clear": "false",
                "data-placeholder": "",
                "lang": get_select2_language() or "",
            }
        )
        return attrs

    def format_value(self, value):
        return [str(getattr(tag, "name", tag)) for tag in names_from(value)]

    def optgroups(self, name, value, attrs=None):
        # Only the chosen tags are rendered; the rest come from the JSON view.
        options = [
            self.create_option(name, tag, tag, True, index) for index, tag in enumerate(value)
        ]
        return [(None, options, 0)]

    @property
    def media(self):
        extra = "" if settings.DEBUG else ".min"
        language = get_select2_language()
        i18n = (f"admin/js/vendor/select2/i18n/{language}.js",) if language else ()
        return forms.Media(
            js=(
                f"admin/js/vendor/jquery/jquery{extra}.js",
                f"admin/js/vendor/select2/select2.full{extra}.js",
                *i18n,
                "admin/js/jquery.init.js",
                "admin/js/autocomplete.js",
            ),
            css={
                "screen": (
                    f"admin/css/vendor/select2/select2{extra}.css",
                    "admin/css/autocomplete.css",
                )
            },
        )


def names_from(value):
    """Tag names from what a form holds: Tag objects, a list of names, or "a, b"."""
    if not value:
        return []
    if isinstance(value, str):
        value = parse_tags(value)
    names = []
    for item in value:
        name = nfc(str(getattr(item, "name", item))).strip()
        if name and name not in names:
            names.append(name[:100])
    return names


class TagAutocompleteField(forms.Field):
    def __init__(self, admin_site, **kwargs):
        kwargs.setdefault("widget", TagAutocompleteWidget(admin_site))
        super().__init__(**kwargs)

    def to_python(self, value):
        return names_from(value)

    def has_changed(self, initial, data):
        return set(names_from(initial)) != set(names_from(data))


def tag_autocomplete(request):
    """Select2's JSON: tag names containing the typed text, a page at a time."""
    if not (
        request.user.has_perm("news.add_article") or request.user.has_perm("news.change_article")
    ):
        raise PermissionDenied
    term = nfc(request.GET.get("term", "")).strip()
    try:
        page = max(int(request.GET.get("page", 1)), 1)
    except ValueError:
        page = 1
    # Folded matching in Python: "dai" finds "Đại hội" on every database (SQLite's
    # LIKE folds ASCII only), and a ward's tag list is hundreds of names, not millions.
    wanted = fold(term)
    names = sorted(
        (name for name in Tag.objects.values_list("name", flat=True) if wanted in fold(name)),
        key=fold,
    )
    start = (page - 1) * PAGE_SIZE
    names = names[start : start + PAGE_SIZE + 1]
    return JsonResponse(
        {
            "results": [{"id": n, "text": n} for n in names[:PAGE_SIZE]],
            "pagination": {"more": len(names) > PAGE_SIZE},
        }
    )


class TagAdmin(taggit_admin.TagAdmin):
    """taggit's tag admin, whose "merge tags" screen checked no right at all: any staff
    account could rename and merge the tags of live articles."""

    def merge_tags_view(self, request):
        if not (self.has_change_permission(request) and self.has_delete_permission(request)):
            raise PermissionDenied("Bạn không có quyền gộp thẻ.")
        return super().merge_tags_view(request)


# taggit.admin registered its own when imported above; ours takes its place.
admin.site.unregister(Tag)
admin.site.register(Tag, TagAdmin)
