"""Rights that hold on every path of the admin, not only on the change form.

Django checks a right when a form is saved; django-reversion's history screens write an
old version into the row *before* the form's checks run, and its undelete screen takes
any version id of any model. `GuardedVersionAdmin` closes those doors: a revert or an
undelete needs the rights a save of the row as it stands now would need, and every row it
would bring back must be one the user may hold.

Two rules every admin of the portal can take on:
- `InternalRecordsAdmin`: leaders-only rows (mattran.roles.SEE_INTERNAL) do not exist for
  staff without the right: not in lists, forms, choices, history or undelete, and their
  visibility cannot be set.
- `PublishGateAdmin`: what residents see of a page, a link or a document is switched on
  by a reviewer (its publish right); editors write it switched off, and a row already
  live changes only under a reviewer's eye, as articles do.
"""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import SimpleLazyObject
from reversion.admin import VersionAdmin
from reversion.models import Version

from mattran import roles
from mattran.lib import diffs
from mattran.visibility import Visibility

# request attribute: the row as it stood before a revert wrote an old version into it.
ROW_BEFORE_REVERT = "_row_before_revert"
# request attribute: set while a deleted row is being brought back.
RECOVERING = "_recovering_deleted"


def version_object(version):
    """The row a version holds, as an unsaved instance (None if it no longer loads)."""
    try:
        return version._object_version.object
    except Exception:  # a version saved by an older schema: reversion refuses it itself
        return None


def follow(obj, lookup):
    """obj.a.b for the lookup "a__b"; None where a relation is empty or gone."""
    value = obj
    for part in lookup.split("__"):
        try:
            value = getattr(value, part)
        except ObjectDoesNotExist:
            return None
        if value is None:
            return None
    return value


def sees_internal(request):
    """roles.is_leader, through the permissions the admin has already read for this
    request (no query of its own)."""
    return request.user.has_perm(roles.SEE_INTERNAL)


def is_internal(obj):
    """A row that says of itself that it is for leaders only."""
    return getattr(obj, "visibility", None) == Visibility.LEADERS


class GuardedVersionAdmin(VersionAdmin):
    """VersionAdmin whose history, revert and undelete check rights first; its history
    screen also compares two saved versions field by field (`compare_view`)."""

    object_history_template = "reversion/object_history_compared.html"

    def may_hold(self, request, obj):
        """Whether the user may have this row as it is (the rules below extend it)."""
        return True

    def _model_versions(self):
        return Version.objects.get_for_model(self.model)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        current = self.get_object(request, unquote(object_id))
        if current is None:
            raise Http404("Không có bản ghi này.")
        allowed = (
            self.has_change_permission(request, current)
            if request.method == "POST"
            else self.has_view_or_change_permission(request, current)
        )
        if not allowed:
            raise PermissionDenied("Bạn không có quyền sửa bản ghi này.")
        version = get_object_or_404(
            self._model_versions(), pk=version_id, object_id=unquote(object_id)
        )
        refused = self._refuse_revision(request, version)
        if refused:
            return refused
        setattr(request, ROW_BEFORE_REVERT, current)
        return super().revision_view(request, object_id, version_id, extra_context)

    # --- comparing two versions ---------------------------------------------------

    def get_urls(self):
        opts = self.model._meta
        compare = path(
            "<path:object_id>/history/compare/",
            self.admin_site.admin_view(self.compare_view),
            name=f"{opts.app_label}_{opts.model_name}_compare",
        )
        return [compare, *super().get_urls()]

    def history_view(self, request, object_id, extra_context=None):
        response = super().history_view(request, object_id, extra_context)
        actions = getattr(response, "context_data", {}).get("action_list")
        if actions and isinstance(actions, list):
            self._add_compare_links(object_id, actions)
        return response

    def _add_compare_links(self, object_id, actions):
        """Each revision's own version id, and a link to what it changed from the one before."""
        versions = dict(self._object_versions(unquote(object_id)).values_list("revision_id", "pk"))
        ordered = sorted(versions.values())
        earlier = dict(zip(ordered[1:], ordered, strict=False))
        opts = self.model._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_compare", args=[object_id])
        for action in actions:
            version_id = versions.get(action["revision"].pk)
            action["version_id"] = version_id
            if version_id in earlier:
                action["compare_url"] = f"{url}?truoc={earlier[version_id]}&sau={version_id}"

    def _object_versions(self, object_id):
        return self._model_versions().filter(object_id=object_id)

    def compare_view(self, request, object_id):
        """Two saved versions of one row side by side, changed fields only: the same
        rights as its history screen, versions of this row only."""
        current = self.get_object(request, unquote(object_id))
        if current is None:
            raise Http404("Không có bản ghi này.")
        if not self.has_view_or_change_permission(request, current):
            raise PermissionDenied("Bạn không có quyền xem bản ghi này.")
        opts = self.model._meta
        history_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[object_id])
        chosen_ids = [request.GET.get(key, "") for key in ("truoc", "sau")]
        if not all(version_id.isdigit() for version_id in chosen_ids):
            # nothing or one chosen: back to the history screen, where the two are chosen
            if any(chosen_ids):
                messages.warning(request, "Hãy chọn hai bản lưu (bản trước và bản sau) để so sánh.")
            return redirect(history_url)
        chosen = []
        for version_id in chosen_ids:
            version = get_object_or_404(
                self._object_versions(unquote(object_id)).select_related("revision__user"),
                pk=version_id,
            )
            if not self._holds_version(request, version):
                raise Http404("Không có bản ghi này.")
            chosen.append(version)
        older, newer = sorted(chosen, key=lambda version: version.pk)
        context = {
            **self.admin_site.each_context(request),
            "title": f"So sánh hai bản lưu: {current}",
            "subtitle": None,
            "opts": opts,
            "object": current,
            "older": older,
            "newer": newer,
            "changes": diffs.changes(
                self.model,
                older.field_dict,
                newer.field_dict,
                hidden=lambda row: is_internal(row) and not sees_internal(request),
            ),
            "history_url": history_url,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "reversion/compare.html", context)

    def recover_view(self, request, version_id, extra_context=None):
        version = get_object_or_404(Version.objects.get_deleted(self.model), pk=version_id)
        refused = self._refuse_revision(request, version)
        if refused:
            return refused
        setattr(request, RECOVERING, True)
        return super().recover_view(request, version_id, extra_context)

    def recoverlist_view(self, request, extra_context=None):
        def kept():
            deleted = self._reversion_order_version_queryset(
                request, Version.objects.get_deleted(self.model).select_related("revision")
            )
            return [v for v in deleted if self._holds_version(request, v)]

        # Lazy: reads and unpacks the deleted rows only once reversion's own rights check
        # has let the user in, when the page renders.
        deleted = SimpleLazyObject(kept)
        return super().recoverlist_view(request, {**(extra_context or {}), "deleted": deleted})

    def _reversion_revisionform_view(self, request, version, template_name, extra_context=None):
        # reversion keeps a revert whenever the change form answers with a redirect, and
        # Django's "this row does not exist" is one: a restored row outside the user's
        # lists (another area's, a leaders-only one) must not stay restored.
        with transaction.atomic(using=version.db):
            response = super()._reversion_revisionform_view(
                request, version, template_name, extra_context
            )
            if response.status_code == 302 and response["Location"] == reverse("admin:index"):
                transaction.set_rollback(True)
        return response

    def _holds_version(self, request, version):
        obj = version_object(version)
        return obj is not None and self.may_hold(request, obj)

    def _refuse_revision(self, request, version):
        """A 404 when the row itself is one the user may not hold; a message when the
        revision would also bring back a leaders-only row of another model (a meeting's
        revision follows its papers)."""
        if not self._holds_version(request, version):
            raise Http404("Không có bản ghi này.")
        if sees_internal(request):
            return None
        others = version.revision.version_set.exclude(pk=version.pk)
        if any(is_internal(version_object(other)) for other in others):
            messages.error(
                request,
                "Bản lưu này có kèm hồ sơ chỉ dành cho lãnh đạo; chỉ người có quyền xem hồ "
                "sơ nội bộ mới khôi phục được.",
            )
            opts = self.model._meta
            return redirect(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        return None


class InternalChoicesAdmin:
    """A foreign key to a model that can be leaders-only offers (and takes from a forged
    POST) only the rows its own admin would list to this user."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        related = self.admin_site._registry.get(db_field.remote_field.model)
        if isinstance(related, InternalRecordsAdmin) and "queryset" not in kwargs:
            kwargs["queryset"] = related.get_queryset(request)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class InternalRecordsAdmin(InternalChoicesAdmin):
    """For models (and inlines) whose rows can be leaders-only, directly or through
    their meeting. Put it before the ModelAdmin/InlineModelAdmin base."""

    # Paths from the row to each visibility that can hide it.
    internal_lookups = ("visibility",)
    # Reverse relations whose rows can be leaders-only on their own (a meeting's papers).
    internal_children = ()

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if sees_internal(request):
            return queryset
        for lookup in self.internal_lookups:
            queryset = queryset.exclude(**{lookup: Visibility.LEADERS})
        return queryset

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if "visibility" in self.internal_lookups and not sees_internal(request):
            # Everything such a user writes is public; they never see the rest.
            fields.append("visibility")
        return fields

    def may_hold(self, request, obj):
        if not super().may_hold(request, obj):
            return False
        if sees_internal(request):
            return True
        return all(follow(obj, lookup) != Visibility.LEADERS for lookup in self.internal_lookups)

    def get_deleted_objects(self, objs, request):
        """Deleting a row would delete its leaders-only children too: refused, and
        their names never listed, for a user who may not see them."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        if not sees_internal(request) and self._has_internal_children(objs):
            perms_needed = {*perms_needed, "hồ sơ chỉ dành cho lãnh đạo"}
        return deleted, counts, perms_needed, protected

    def _has_internal_children(self, objs):
        for name in self.internal_children:
            relation = self.model._meta.get_field(name)
            rows = relation.related_model._default_manager.filter(
                **{f"{relation.field.name}__in": objs, "visibility": Visibility.LEADERS}
            )
            if rows.exists():
                return True
        return False


class PublishGateAdmin:
    """A boolean field that puts the row on the site, switched only by `publish_permission`.
    Put it before GuardedVersionAdmin."""

    publish_field = "is_published"
    publish_permission = ""

    def may_publish(self, request):
        return request.user.has_perm(self.publish_permission)

    def has_change_permission(self, request, obj=None):
        # A live row changes only under a reviewer's eye; editors may read it. During a
        # revert the row is judged as it stood, not as the old version reads; an
        # undeleted row comes back switched off (save_model).
        before = getattr(request, ROW_BEFORE_REVERT, None)
        if obj is not None and before is not None and before.pk == obj.pk:
            obj = before
        live = obj is not None and getattr(obj, self.publish_field)
        if live and not getattr(request, RECOVERING, False) and not self.may_publish(request):
            return False
        return super().has_change_permission(request, obj)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not self.may_publish(request):
            fields.append(self.publish_field)
        return fields

    def get_list_editable(self, request):
        # The list's own save checks no row's rights: editors edit one row at a time.
        return self.list_editable if self.may_publish(request) else ()

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        changelist.list_editable = self.get_list_editable(request)
        return changelist

    def save_model(self, request, obj, form, change):
        if not self.may_publish(request):
            # New rows wait for a reviewer; a revert keeps the state the row had; an
            # undeleted row comes back switched off.
            before = getattr(request, ROW_BEFORE_REVERT, None)
            if before is not None:
                setattr(obj, self.publish_field, getattr(before, self.publish_field))
            elif not change or getattr(request, RECOVERING, False):
                setattr(obj, self.publish_field, False)
        super().save_model(request, obj, form, change)
