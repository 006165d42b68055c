"""The portal's admin site: Django's, with "Xem trên trang" that keeps each right.

Django's own /quan-tri/r/<type>/<id>/ redirects any staff account to the public address
of any row, drafts and leaders-only records included. Here the row is looked up through
its ModelAdmin (so a row hidden from the user's lists is not found), and the public
address is given only for a row the site shows this user; a draft article opens in its
preview instead.
"""

from django.contrib.admin import AdminSite
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.http import Http404, HttpResponseRedirect
from django.urls import path

from mattran.login_forms import AdminLoginForm
from mattran.notice_views import notice_preference
from mattran.queues import queues_for


def shown_on_site(obj, user):
    """Whether the public site shows this row to `user`, by the model's own rule."""
    manager = type(obj)._default_manager
    if hasattr(manager, "visible_to"):
        return manager.visible_to(user).filter(pk=obj.pk).exists()
    return getattr(obj, "is_public", True)


class PortalAdminSite(AdminSite):
    site_header = "Quản trị Cổng thông tin Ủy ban MTTQ phường"
    site_title = "Quản trị cổng thông tin"
    index_title = "Bảng điều khiển"
    login_form = AdminLoginForm  # refuses an overlong username before django-axes sees it

    def get_urls(self):
        urls = [url for url in super().get_urls() if getattr(url, "name", None) != "view_on_site"]
        return [
            path(
                "r/<int:content_type_id>/<path:object_id>/",
                self.admin_view(self.view_on_site),
                name="view_on_site",
            ),
            path(
                "thong-bao/",
                self.admin_view(notice_preference),
                {"admin_site": self},
                name="notice_preference",
            ),
            *urls,
        ]

    def index(self, request, extra_context=None):
        """The admin home: "Việc cần làm" above the app list, whose models carry the
        counts of their queues ("Bài viết (3 chờ duyệt)"). Only the home asks: every
        other admin page costs what it did."""
        queues = queues_for(request.user)
        context = {"work_queues": queues, **(extra_context or {})}
        response = super().index(request, context)
        counts = {}
        for queue in queues:
            if queue.menu:
                app_label, object_name, words = queue.menu
                counts.setdefault((app_label, object_name), []).append(f"{queue.count} {words}")
        for app in response.context_data["app_list"]:
            for model in app["models"]:
                shown = counts.get((app["app_label"], model["object_name"]))
                if shown:
                    model["name"] = f"{model['name']} ({', '.join(shown)})"
        return response

    def view_on_site(self, request, content_type_id, object_id):
        content_type = ContentType.objects.filter(pk=content_type_id).first()
        model = content_type.model_class() if content_type else None
        model_admin = self._registry.get(model)
        not_found = Http404("Không có bản ghi này trên trang.")
        if model_admin is None or not model_admin.has_view_or_change_permission(request):
            raise not_found
        obj = model_admin.get_object(request, unquote(object_id))
        if obj is None or not hasattr(obj, "get_absolute_url"):
            raise not_found
        if shown_on_site(obj, request.user):
            return HttpResponseRedirect(obj.get_absolute_url())
        if hasattr(obj, "get_preview_url") and model_admin.has_view_or_change_permission(
            request, obj
        ):
            return HttpResponseRedirect(obj.get_preview_url())
        raise not_found
