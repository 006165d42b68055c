"""The newsroom in the admin: editors write and submit, reviewers publish.

Status never comes from a form field: it changes only through the Article
transition methods, reached by the buttons under the change form or by the list
actions. Each button and action is offered only to whoever holds its permission,
and a request naming a step the user may not take is refused before anything is
saved (a forged POST gets 403). django-reversion keeps a revision of every save.
"""

from dataclasses import dataclass

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Case, F, Value, When
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from mattran.admin_rights import GuardedVersionAdmin
from mattran.admin_styles import StaffStylesAdmin
from mattran.area_scope import AreaScopedAdmin
from mattran.lib.concurrency import ConcurrentEditAdmin
from mattran.lib.images import picture
from mattran.lib.upload_errors import StorageErrorAdminMixin
from news.admin_paging import ChangelistArticleQuerySet, EstimatedCountPaginator
from news.admin_tags import TagAutocompleteField, tag_autocomplete
from news.forms import ArticleAdminForm, category_chooser_fields
from news.models import Article, ArticleEvent, Category

PUBLISH = "news.publish_article"
CHANGE = "news.change_article"


@admin.register(Category)
class CategoryAdmin(GuardedVersionAdmin):
    list_display = ["name", "slug", "order", "show_on_home"]
    list_editable = ["order", "show_on_home"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@dataclass(frozen=True)
class Step:
    """One button under the change form."""

    name: str  # the submit button's name in the POST
    label: str
    permission: str
    from_statuses: tuple
    css: str = ""


S = Article.Status
STEPS = [
    Step("_submit_review", "Gửi duyệt", CHANGE, (S.DRAFT,)),
    Step("_publish", "Xuất bản ngay", PUBLISH, (S.DRAFT, S.REVIEW), "default"),
    Step("_schedule", "Hẹn giờ xuất bản", PUBLISH, (S.DRAFT, S.REVIEW)),
    Step("_send_back", "Trả lại biên tập", PUBLISH, (S.REVIEW,)),
    Step("_unpublish", "Gỡ bài", PUBLISH, (S.PUBLISHED,), "deletelink"),
]
STEPS_BY_NAME = {step.name: step for step in STEPS}

# What the plain save button does, said in the article's own state.
SAVE_LABELS = {
    S.DRAFT: "Lưu nháp",
    S.REVIEW: "Lưu, vẫn chờ duyệt",
    S.PUBLISHED: "Lưu và cập nhật trên trang",
}


def requested_step(request):
    if request.method != "POST":
        return None
    return next((step for step in STEPS if step.name in request.POST), None)


class ArticleChangeList(ChangeList):
    def get_queryset(self, request, exclude_parameters=None):
        # A list row never shows the body; don't read 50 bodies per page.
        return super().get_queryset(request, exclude_parameters).defer("body", "search_text")


@admin.register(Article)
class ArticleAdmin(
    StaffStylesAdmin,
    AreaScopedAdmin,
    StorageErrorAdminMixin,
    ConcurrentEditAdmin,
    GuardedVersionAdmin,
):
    area_lookup = "area"  # an area's board writes about its own areas only
    form = ArticleAdminForm
    list_display = ["thumbnail", "title", "category", "status_label", "published_at", "featured"]
    list_display_links = ["title"]
    # What waits for a reviewer comes first, then the newest (drafts without a date on top).
    ordering = [
        Case(When(status=S.REVIEW, then=Value(0)), default=Value(1)).asc(),
        F("published_at").desc(nulls_first=True),
        "-pk",
    ]
    list_filter = ["status", "featured", "category"]
    list_select_related = ["category"]
    list_per_page = 50
    search_fields = ["title"]
    search_help_text = "Tìm theo tiêu đề, tóm tắt hoặc nội dung (gõ có dấu hay không dấu đều được)."
    date_hierarchy = "published_at"
    show_full_result_count = False
    # Facet counts run a COUNT per filter choice over the whole table.
    show_facets = admin.ShowFacets.NEVER
    paginator = EstimatedCountPaginator
    # No "send back" list action: a return carries the reviewer's note, written on the
    # article's own form.
    actions = ["submit_for_review", "publish_now", "publish_as_scheduled", "unpublish"]
    change_form_template = "admin/news/article/change_form.html"
    fieldsets = [
        (None, {"fields": ["title", "slug", "category", "area", "sapo", "body", "tags"]}),
        ("Ảnh", {"fields": ["cover", "cover_caption", "photo_credit", "author"]}),
        ("Xuất bản", {"fields": ["status", "published_at", "featured"]}),
        (
            "Lịch sử",
            {
                "fields": [
                    "event_log",
                    "old_addresses",
                    "view_count",
                    "created_by",
                    "created_at",
                    "updated_at",
                ],
                "classes": ["collapse"],
            },
        ),
    ]

    def get_urls(self):
        own = [
            path(
                "tag-autocomplete/",
                self.admin_site.admin_view(tag_autocomplete),
                name="news_article_tag_autocomplete",
            )
        ]
        return own + super().get_urls()

    def get_changelist(self, request, **kwargs):
        return ArticleChangeList

    def get_queryset(self, request):
        # ModelAdmin.get_queryset(), on the queryset class whose date-hierarchy
        # years stay cheap at 100,000 rows.
        queryset = self.limit_to_areas(request, ChangelistArticleQuerySet(self.model))
        ordering = self.get_ordering(request)
        return queryset.order_by(*ordering) if ordering else queryset

    # --- who may do what ------------------------------------------------------

    def has_publish_permission(self, request):
        return request.user.has_perm(PUBLISH)

    def has_change_permission(self, request, obj=None):
        # A live article changes only under a reviewer's eye; editors may read it.
        if obj is not None and obj.status == S.PUBLISHED and not request.user.has_perm(PUBLISH):
            return False
        return super().has_change_permission(request, obj)

    def get_autocomplete_fields(self, request):
        return category_chooser_fields()

    def get_readonly_fields(self, request, obj=None):
        fields = ["status", "event_log", "old_addresses", "view_count"]
        fields += ["created_by", "created_at", "updated_at"]
        if not request.user.has_perm(PUBLISH):
            fields.append("published_at")
        return fields

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "tags":
            return TagAutocompleteField(
                admin_site=self.admin_site,
                required=False,
                label=db_field.verbose_name.capitalize(),
                help_text="Gõ để tìm thẻ đã có; gõ tên mới rồi Enter để thêm thẻ.",
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    # --- the change form and its buttons ----------------------------------------

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        step = requested_step(request)
        if step and not request.user.has_perm(step.permission):
            raise PermissionDenied("Bạn không có quyền thực hiện thao tác này.")
        return super().changeform_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        base = super().get_form(request, obj, change, **kwargs)
        step = requested_step(request)

        class WorkflowForm(base):
            review_note = forms.CharField(
                label="Lý do trả lại",
                required=False,
                max_length=500,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text="Bắt buộc khi trả lại: biên tập viên đọc ghi chú này để sửa bài.",
            )

            def clean(self):
                cleaned = super().clean()
                if step is None:
                    return cleaned
                if self.instance.status not in step.from_statuses:
                    raise ValidationError(
                        f"Bài đang ở trạng thái «{self.instance.get_status_display()}», "
                        f"không thể «{step.label}»."
                    )
                if step.name == "_schedule":
                    at = cleaned.get("published_at")
                    if at is None or at <= timezone.now():
                        self.add_error(
                            "published_at",
                            "Hãy đặt thời điểm xuất bản trong tương lai để hẹn giờ.",
                        )
                if step.name == "_send_back" and not cleaned.get("review_note", "").strip():
                    self.add_error(
                        "review_note", "Hãy ghi lý do trả lại để biên tập viên biết cần sửa gì."
                    )
                return cleaned

        return WorkflowForm

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        status = obj.status if obj is not None else S.DRAFT
        context["workflow_steps"] = [
            step
            for step in STEPS
            if status in step.from_statuses and request.user.has_perm(step.permission)
        ]
        context["takes_review_note"] = any(
            s.name == "_send_back" for s in context["workflow_steps"]
        )
        if obj is not None:
            context["preview_url"] = reverse("news_preview:article", args=[obj.pk])
            if obj.status == S.DRAFT:
                context["returned"] = obj.events.select_related("user").first()
                if (
                    context["returned"]
                    and context["returned"].action != ArticleEvent.Action.RETURNED
                ):
                    context["returned"] = None
        # The save buttons say what a save does to this article (submit_line.html); the
        # workflow buttons follow in their own row.
        context["save_label"] = SAVE_LABELS[status]
        context["show_save_and_add_another"] = False
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(self, request, obj, form, change):
        with transaction.atomic():
            if not change:
                obj.created_by = request.user
            restoring = getattr(request, "_workflow_restore", None)
            if restoring is not None:
                # A restore brings back the words, never a publishing state: that
                # would let an editor republish an old live version without review.
                obj.status, obj.published_at = restoring["status"], restoring["published_at"]
            super().save_model(request, obj, form, change)
            if restoring is not None:
                ArticleEvent.objects.create(
                    article=obj, action=ArticleEvent.Action.RESTORED, user=request.user
                )
            elif not change:
                ArticleEvent.objects.create(
                    article=obj, action=ArticleEvent.Action.CREATED, user=request.user
                )
            step = requested_step(request)
            if step:
                self._take_step(request, obj, step, form.cleaned_data)

    def _take_step(self, request, article, step, cleaned):
        user = request.user
        if step.name == "_submit_review":
            article.submit(user)
            messages.info(request, "Đã gửi bài cho người duyệt tin.")
        elif step.name == "_publish":
            article.publish(user)
            messages.success(request, "Bài đã được xuất bản.")
        elif step.name == "_schedule":
            article.publish(user, at=cleaned.get("published_at"))
            when = timezone.localtime(article.published_at).strftime("%H:%M %d/%m/%Y")
            messages.success(request, f"Bài sẽ tự xuất bản lúc {when}.")
        elif step.name == "_send_back":
            article.send_back(user, cleaned["review_note"])
            messages.info(request, "Đã trả bài lại cho biên tập viên.")
        elif step.name == "_unpublish":
            article.unpublish(user)
            messages.warning(request, "Bài đã được gỡ khỏi trang và trở về bản nháp.")

    # --- history (django-reversion) ---------------------------------------------

    def revision_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            # Read before reversion writes the old version back into the row.
            request._workflow_restore = (
                Article.objects.filter(pk=object_id).values("status", "published_at").first()
            )
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if request.method == "POST":
            # A deleted article comes back as a draft; a reviewer republishes it.
            request._workflow_restore = {"status": S.DRAFT, "published_at": None}
        return super().recover_view(request, version_id, extra_context)

    @admin.display(description="Nhật ký")
    def event_log(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        events = obj.events.select_related("user")
        rows = format_html_join(
            "",
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            (
                (
                    timezone.localtime(event.at).strftime("%H:%M %d/%m/%Y"),
                    event.get_action_display(),
                    event.user.get_username() if event.user else "—",
                    timezone.localtime(event.effective_at).strftime("%H:%M %d/%m/%Y")
                    if event.effective_at
                    else event.note,
                )
                for event in events
            ),
        )
        return format_html(
            '<table class="article-events"><thead><tr><th>Lúc</th><th>Thao tác</th>'
            "<th>Người thực hiện</th><th>Ghi chú</th></tr></thead><tbody>{}</tbody></table>",
            rows,
        )

    @admin.display(description="Đường dẫn cũ (tự chuyển hướng)")
    def old_addresses(self, obj):
        slugs = list(obj.old_slugs.values_list("slug", flat=True)) if obj and obj.pk else []
        return ", ".join(f"/tin-tuc/{slug}/" for slug in slugs) or "—"

    @admin.display(description="Trạng thái", ordering="status")
    def status_label(self, obj):
        """A coloured label (static/css/admin.css): the class names the state."""
        if obj.status == S.PUBLISHED and not obj.is_public:
            state, text = "scheduled", "Hẹn giờ"
        else:
            state, text = obj.status, obj.get_status_display()
        return format_html('<span class="status-label status-{}">{}</span>', state, text)

    @admin.display(description="Ảnh")
    def thumbnail(self, obj):
        # The renditions are stored on the row: no query and no file opened per row.
        image = picture(obj.cover_renditions, preferred_width=160)
        if image is None:
            return ""
        return format_html(
            '<img class="list-thumbnail" src="{}" width="{}" height="{}" alt="" loading="lazy">',
            image["src"],
            image["width"],
            image["height"],
        )

    # --- list actions -------------------------------------------------------------

    def _run_action(self, request, queryset, method, done, **kwargs):
        count, refused = 0, []
        for article in queryset:
            try:
                with transaction.atomic():
                    getattr(article, method)(request.user, **kwargs)
            except ValidationError:
                refused.append(article.title)
            else:
                count += 1
        if count:
            self.message_user(request, f"{done}: {count} bài.", messages.SUCCESS)
        if refused:
            self.message_user(
                request,
                "Không thực hiện được với: " + "; ".join(refused[:10]),
                messages.WARNING,
            )

    @admin.action(description="Gửi duyệt các bài đã chọn", permissions=["change"])
    def submit_for_review(self, request, queryset):
        self._run_action(request, queryset, "submit", "Đã gửi duyệt")

    @admin.action(description="Xuất bản ngay các bài đã chọn", permissions=["publish"])
    def publish_now(self, request, queryset):
        self._run_action(request, queryset.exclude(status=S.PUBLISHED), "publish", "Đã xuất bản")

    @admin.action(
        description="Hẹn giờ xuất bản (theo thời điểm đã đặt trong bài)",
        permissions=["publish"],
    )
    def publish_as_scheduled(self, request, queryset):
        future = queryset.exclude(status=S.PUBLISHED).filter(published_at__gt=timezone.now())
        skipped = queryset.count() - future.count()
        self._run_action(request, future, "publish", "Đã hẹn giờ xuất bản")
        if skipped:
            self.message_user(
                request,
                f"{skipped} bài chưa có thời điểm xuất bản trong tương lai hoặc đã xuất bản.",
                messages.WARNING,
            )

    @admin.action(description="Gỡ các bài đã chọn khỏi trang", permissions=["publish"])
    def unpublish(self, request, queryset):
        self._run_action(request, queryset, "unpublish", "Đã gỡ")

    # --- search and delete ------------------------------------------------------

    def get_search_results(self, request, queryset, search_term):
        # The folded search text lets staff type "dai doan ket" for "Đại đoàn kết".
        if not search_term.strip():
            return queryset, False
        return queryset.search(search_term), False

    def delete_model(self, request, obj):
        self._log_deletion(request, [obj])
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        self._log_deletion(request, queryset)
        super().delete_queryset(request, queryset)

    def _log_deletion(self, request, articles):
        ArticleEvent.objects.bulk_create(
            ArticleEvent(article_id=a.pk, action=ArticleEvent.Action.DELETED, user=request.user)
            for a in articles
        )
