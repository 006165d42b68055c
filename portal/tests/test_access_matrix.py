"""The admin's access matrix: every admin URL × every role × GET and POST.

What each role may do is read from `mattran.roles` (the groups' rights, and the rules
about leaders-only and published rows), never from the admin classes under test; a
response that gives more than that fails. POSTs carry no data, so nothing is deleted or
saved by the walk itself: an empty POST is refused before it is read when the right is
missing, and shows the form (200) when it is there.
"""

import re

import pytest
import reversion
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from documents.models import Document
from mattran import roles
from mattran.admin_rights import follow
from mattran.models import StaffAreas
from mattran.tests.accounts import make_user
from mattran.visibility import Visibility
from news.models import Article
from portal.tests.walk import admin_routes, admin_url

pytestmark = pytest.mark.slow

OK, REFUSED, LOGIN = "ok", "refused", "login"
# Paths from a row to the visibility that makes it leaders-only (roles.SEE_INTERNAL).
INTERNAL_LOOKUPS = {
    "meetings.meeting": "visibility",
    "meetings.resolution": "meeting__visibility",
    "meetings.resolutiontarget": "resolution__meeting__visibility",
    "meetings.election": "meeting__visibility",
    "documents.document": "visibility",
}
# Paths from a row to the residential area an area's board must hold to see it
# (roles.AREA_STAFF, mattran.StaffAreas).
AREA_LOOKUPS = {
    "campaigns.entry": "area_id",
    "meetings.meeting": "body__area_id",
    "meetings.resolution": "meeting__body__area_id",
    "meetings.resolutiontarget": "resolution__meeting__body__area_id",
    "meetings.election": "meeting__body__area_id",
    "news.article": "area_id",
    "mattran.residentialarea": "pk",
}
# Rows whose change needs a publish right once they are live (roles.PUBLISH_*).
PUBLISH_GATES = {
    "news.article": ("news.publish_article", lambda row: row.status == Article.Status.PUBLISHED),
    "pages.page": (roles.PUBLISH_PAGE, lambda row: row.is_published),
    "links.link": (roles.PUBLISH_LINK, lambda row: row.is_active),
    "documents.document": (roles.PUBLISH_DOCUMENT, lambda row: row.is_published),
}
# Screens no one opens, by design: the ward record is made once and never deleted; the
# lockout records are written by django-axes alone.
NEVER = {
    ("mattran.wardsettings", "add"),
    ("mattran.wardsettings", "delete"),
    ("mattran.wardsettings", "recoverlist"),
    ("mattran.wardsettings", "recover"),
    ("axes.accessattempt", "add"),
    ("axes.accessfailurelog", "add"),
    ("axes.accesslog", "add"),
}
MODEL_VIEW = re.compile(
    r"^admin:(?P<app>[a-z_]+?)_(?P<model>[a-z]+)_"
    r"(?P<view>changelist|add|change|delete|history|compare|revision|recoverlist|recover)$"
)


class Role:
    def __init__(self, name, user=None, rights=(), superuser=False, areas=None):
        self.name, self.user, self.rights, self.superuser = name, user, set(rights), superuser
        self.areas = areas  # None: ward-wide

    @property
    def staff(self):
        return self.user is not None and self.user.is_staff

    def has(self, *perms):
        return self.superuser or all(perm in self.rights for perm in perms)

    def has_any(self, *perms):
        return self.superuser or any(perm in self.rights for perm in perms)

    def has_in_app(self, app_label):
        return self.superuser or any(perm.startswith(f"{app_label}.") for perm in self.rights)


@pytest.fixture
def matrix_roles(world, django_user_model):
    made = [Role("anonymous")]
    for group, rights in roles.GROUP_PERMISSIONS.items():
        staff = group != roles.LEADERS  # leaders read on the site; the admin is not theirs
        user = make_user(django_user_model, f"m-{group}", group, is_staff=staff)
        areas = None
        if group == roles.AREA_STAFF:
            area = world["area"]
            StaffAreas.objects.create(user=user).areas.add(area)
            areas = {area.pk}
        made.append(Role(group, user, rights, areas=areas))
    admin = django_user_model.objects.create_superuser("m-quantri", password="x")  # noqa: S106
    made.append(Role("superuser", admin, superuser=True))
    return made


def _label(model):
    return model._meta.label_lower


def _perm(model, action):
    return f"{model._meta.app_label}.{action}_{model._meta.model_name}"


def _row_hidden(role, model, row):
    lookup = INTERNAL_LOOKUPS.get(_label(model))
    if row is None or lookup is None or role.has(roles.SEE_INTERNAL):
        return False
    return follow(row, lookup) == Visibility.LEADERS


def _outside_areas(role, model, row):
    lookup = AREA_LOOKUPS.get(_label(model))
    if role.areas is None or row is None or lookup is None:
        return False
    return follow(row, lookup) not in role.areas


def _live_and_gated(role, model, row):
    gate = PUBLISH_GATES.get(_label(model))
    return row is not None and gate is not None and gate[1](row) and not role.has(gate[0])


def expected(role, name, method, model=None, row=None):
    """What roles.py lets `role` have from this URL."""
    if name in ("admin:login", "admin:logout"):
        return None  # open to anyone by design
    if not role.staff:
        return LOGIN
    if name == "admin:":
        # A row's bare address only redirects to its change screen, which decides; the
        # admin's catch-all answers 404.
        return OK if model is not None else REFUSED
    if name in ("admin:index", "admin:jsi18n", "admin:password_change"):
        return OK
    if name == "admin:notice_preference":
        return OK  # every staff account keeps its own notice settings
    if name == "admin:password_change_done":
        return OK
    if name == "admin:app_list":
        return OK if role.has_in_app("news") else REFUSED
    if name == "admin:autocomplete":
        return REFUSED  # asked without its parameters: refused, never a list
    if name == "admin:view_on_site":
        if _outside_areas(role, Article, row):
            return REFUSED
        return OK if role.has_any(_perm(Article, "view"), _perm(Article, "change")) else REFUSED
    if name == "admin:news_article_tag_autocomplete":
        return OK if role.has("news.change_article") else REFUSED
    if name == "admin:taggit_tag_merge_tags":
        return OK if role.has("taggit.change_tag", "taggit.delete_tag") else REFUSED
    if name == "admin:documents_document_file":
        if _row_hidden(role, Document, row):
            return REFUSED
        return (
            OK if role.has_any("documents.view_document", "documents.change_document") else REFUSED
        )
    if name.endswith("_process_import") and method == "GET":
        return REFUSED  # the confirmation step takes POST only
    if name.endswith(("_import", "_process_import")):
        return OK if role.has(_perm(model, "add"), _perm(model, "change")) else REFUSED
    if name.endswith("_export"):
        return OK if role.has(_perm(model, "export")) else REFUSED
    match = MODEL_VIEW.match(name)
    assert match, f"the matrix does not know {name}: say who may use it"
    view = match["view"]
    if (_label(model), view) in NEVER:
        return REFUSED
    see = role.has_any(_perm(model, "view"), _perm(model, "change"))
    change, add = role.has(_perm(model, "change")), role.has(_perm(model, "add"))
    writes = method == "POST"
    if _row_hidden(role, model, row) and view not in ("changelist", "add", "recoverlist"):
        return REFUSED
    area_scoped = _label(model) in AREA_LOOKUPS
    if role.areas is not None and area_scoped and view in ("recover", "recoverlist"):
        return REFUSED  # the deleted rows of every area are the ward staff's to bring back
    if _outside_areas(role, model, row) and view not in ("changelist", "add"):
        return REFUSED
    gated = _live_and_gated(role, model, row)
    allowed = {
        "changelist": see,
        "add": add,
        "change": (change and not gated) if writes else see,
        "delete": role.has(_perm(model, "delete")),
        "history": see,
        "compare": see,
        "revision": (change and not gated) if writes else see,
        "recoverlist": add and change,
        "recover": add and change if writes else add and see,
    }[view]
    return OK if allowed else REFUSED


def outcome(response):
    status = response.status_code
    assert status < 500, f"{status} from {response.request['PATH_INFO']}"
    if status == 302:
        location = response["Location"]
        if location.startswith(reverse("admin:login")):
            return LOGIN
        # Django's "this row does not exist" sends staff back to the admin's index.
        return REFUSED if location == reverse("admin:index") else OK
    return OK if status == 200 else REFUSED


def matrix_urls(world):
    """(URL name, model, row, url) for every admin route, each filled with a row of its
    model (a history screen with one of that row's own versions)."""
    for route, name in admin_routes():
        url = admin_url(route, world)
        assert url is not None, route
        model = _model_of(route)
        row = _row_of(url, model)
        if name.endswith("_revision") and row is not None:
            url = reverse(name, args=[row.pk, _version_of(row).pk])
        if name.endswith("_recover"):
            deleted = Version.objects.get_deleted(model).first()
            row = deleted._object_version.object if deleted else None
            if row is None or not _restorable(row):
                continue  # nothing of this model can come back (protected, or its parent gone)
            url = reverse(name, args=[deleted.pk])
        if name == "admin:view_on_site":
            model, row = Article, world["published"]
        yield name, model, row, url


def _version_of(row):
    version = Version.objects.get_for_object(row).first()
    if version is None:
        with reversion.create_revision():
            row.save()
        version = Version.objects.get_for_object(row).first()
    return version


def _restorable(row):
    return all(
        field.related_model._base_manager.filter(pk=getattr(row, field.attname)).exists()
        for field in row._meta.concrete_fields
        if field.is_relation and getattr(row, field.attname) is not None
    )


def _model_of(route):
    parts = route.removeprefix("quan-tri/").split("/")
    if len(parts) > 2:
        try:
            return apps.get_model(parts[0], parts[1])
        except LookupError:
            return None
    return None


def _row_of(url, model):
    if model is None:
        return None
    found = re.search(r"/(\d+)/(change|delete|history|tep)/", url)
    return model._base_manager.filter(pk=found[1]).first() if found else None


def test_every_admin_url_gives_each_role_what_roles_py_allows(world, matrix_roles, settings):
    # Every model with history gets a deleted row, so each undelete screen has one.
    in_world = {(type(v), v.pk) for v in world.values() if hasattr(v, "pk")}
    for model in reversion.get_registered_models():
        _delete_one_with_history(model, in_world)
    clients = {}
    for role in matrix_roles:
        clients[role.name] = Client()
        if role.user is not None:
            clients[role.name].force_login(role.user)
    wrong, asked = [], 0
    for name, model, row, url in matrix_urls(world):
        for role in matrix_roles:
            for method in ("GET", "POST"):
                want = expected(role, name, method, model, row)
                if want is None:
                    continue
                client = clients[role.name]
                response = client.get(url) if method == "GET" else client.post(url, {})
                asked += 1
                got = outcome(response)
                # A refusal where a right exists is a bug too, but not a leak: only
                # "more than allowed" fails here; the tests by role pin the rest.
                if got != want and not (want == OK and got == REFUSED and method == "POST"):
                    wrong.append(f"{method} {url} ({name}) as {role.name}: {got}, want {want}")
    print(f"access matrix: {asked} requests")
    assert wrong == [], "\n".join(wrong)


def _delete_one_with_history(model, in_world):
    rows = list(model._base_manager.order_by("-pk")[:5])
    row = next((r for r in rows if (model, r.pk) not in in_world), None)
    if row is None or len(rows) < 2:  # the one row stays, for the other screens
        return
    with reversion.create_revision():
        row.save()
    try:
        row.delete()
    except Exception:  # protected by another row: its undelete screen is asked empty
        return


def test_the_matrix_knows_every_admin_url(world):
    names = {name for _, name in admin_routes()}
    unknown = [
        name
        for name in names
        if not MODEL_VIEW.match(name)
        and name
        not in {
            "admin:login",
            "admin:logout",
            "admin:index",
            "admin:jsi18n",
            "admin:password_change",
            "admin:password_change_done",
            "admin:notice_preference",
            "admin:app_list",
            "admin:autocomplete",
            "admin:view_on_site",
            "admin:news_article_tag_autocomplete",
            "admin:taggit_tag_merge_tags",
            "admin:documents_document_file",
            "admin:",
        }
        and not name.endswith(("_import", "_process_import", "_export"))
    ]
    assert unknown == []
    assert ContentType.objects.exists()
