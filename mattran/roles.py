"""The staff and leader groups, and the rights each group holds.

The rights are kept here as data and applied after every migrate (and every flush, which
a test run or a restore does) by `grant_group_permissions`, so a group never lacks a
right that a newer release gives it.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db.models import Exists, OuterRef, Q

EDITORS = "Biên tập viên"
REVIEWERS = "Duyệt tin"
LEADERS = "Lãnh đạo"
SECRETARIES = "Thư ký"

# Leaders-only meetings, their papers, resolutions and elections, and leaders-only
# documents exist only for holders of this right (Lãnh đạo, Thư ký, superusers): on the
# site and in the admin alike.
SEE_INTERNAL = "mattran.view_internal_records"
# Residents see a static page, a link or banner and a document only once a reviewer has
# published it: editors write them unpublished, as they write articles as drafts.
PUBLISH_PAGE = "pages.publish_page"
PUBLISH_LINK = "links.publish_link"
PUBLISH_DOCUMENT = "documents.publish_document"
DATA_ENTRY = "Nhập số liệu"
AREA_STAFF = "Ban công tác khu dân cư"

_MEETINGS_MODELS = [
    "meeting",
    "attendance",
    "attendinggroup",
    "attachment",
    "resolution",
    "resolutiontarget",
    "election",
    "electedmember",
]
# Ward staff record meetings, and may add people and memberships (the "+" beside a
# person field needs it).
_RECORD_MEETINGS = [
    f"meetings.{action}_{model}"
    for model in _MEETINGS_MODELS
    for action in ("add", "change", "delete", "view")
] + [
    "mattran.add_person",
    "mattran.change_person",
    "mattran.view_person",
    "mattran.add_membership",
    "mattran.change_membership",
    "mattran.view_membership",
    "mattran.view_body",
    "mattran.view_term",
]

# Each area's board records its own meetings: everything under a meeting, and may remove a
# mistyped row under it (an attendee, a resolution); deleting a meeting is the ward's call.
_RECORD_AREA_MEETINGS = [
    f"meetings.{action}_{model}"
    for model in _MEETINGS_MODELS
    for action in ("add", "change", "view")
] + [f"meetings.delete_{model}" for model in _MEETINGS_MODELS if model != "meeting"]

# Campaign figures: the campaigns, indicators and targets are read to choose from; the
# areas are chosen through their autocomplete, which needs the right to view them.
_READ_CAMPAIGNS = [
    "campaigns.view_campaign",
    "campaigns.view_indicator",
    "campaigns.view_target",
    "mattran.view_residentialarea",
]
# Export is a right of its own (IMPORT_EXPORT_EXPORT_PERMISSION_CODE): a spreadsheet of
# every figure leaves the portal, so only the data roles take one.
_EXPORT_CAMPAIGNS = [
    "campaigns.export_campaign",
    "campaigns.export_indicator",
    "campaigns.export_target",
    "campaigns.export_entry",
]

# The portal's own pages ("Giới thiệu"), links and banners are written like news:
# editors draft them, reviewers publish (PUBLISH_*).
_WRITE_PAGES = ["pages.add_page", "pages.change_page", "pages.view_page"]
_WRITE_LINKS = ["links.add_link", "links.change_link", "links.view_link"]
# Staff upload and correct documents (văn bản); deleting one is the reviewers' call.
_KEEP_DOCUMENTS = ["documents.add_document", "documents.change_document", "documents.view_document"]

GROUP_PERMISSIONS = {
    # Write and edit drafts, submit them; never publish, never delete articles.
    EDITORS: [
        "news.add_article",
        "news.change_article",
        "news.view_article",
        "news.view_category",
        "taggit.add_tag",
        "taggit.view_tag",
        *_RECORD_MEETINGS,
        *_WRITE_PAGES,
        *_WRITE_LINKS,
        *_KEEP_DOCUMENTS,
    ],
    # Review, publish, schedule, unpublish; keep sections and tags tidy.
    REVIEWERS: [
        "news.add_article",
        "news.change_article",
        "news.delete_article",
        "news.view_article",
        "news.publish_article",
        "news.add_category",
        "news.change_category",
        "news.view_category",
        "taggit.add_tag",
        "taggit.change_tag",
        "taggit.view_tag",
        *_RECORD_MEETINGS,
        *_WRITE_PAGES,
        PUBLISH_PAGE,
        "pages.delete_page",
        *_WRITE_LINKS,
        PUBLISH_LINK,
        "links.delete_link",
        *_KEEP_DOCUMENTS,
        PUBLISH_DOCUMENT,
        "documents.delete_document",
    ],
    # Leaders read leaders-only records on the public site; no admin rights.
    LEADERS: [SEE_INTERNAL],
    # The committee's secretary records every meeting, the internal ones included, and
    # keeps the internal documents; publishing stays with the reviewers.
    SECRETARIES: [*_RECORD_MEETINGS, *_KEEP_DOCUMENTS, SEE_INTERNAL],
    # The ward's figures: add and correct entries (by the form or an import), export, and
    # delete a mistaken one (a double entry is the usual mistake; history keeps every
    # deleted entry recoverable). Entries sent by the areas are reviewed here too.
    DATA_ENTRY: [
        "campaigns.add_entry",
        "campaigns.change_entry",
        "campaigns.delete_entry",
        "campaigns.view_entry",
        *_READ_CAMPAIGNS,
        *_EXPORT_CAMPAIGNS,
    ],
    # Ban công tác Mặt trận khu dân cư: figures, meetings and news drafts of their own
    # areas only (StaffAreas; mattran/area_scope.py). No publishing, no deleting entries,
    # meetings or articles: ward staff review what they send.
    AREA_STAFF: [
        "campaigns.add_entry",
        "campaigns.change_entry",
        "campaigns.view_entry",
        "campaigns.export_entry",
        "campaigns.view_campaign",
        "campaigns.view_indicator",
        "mattran.view_residentialarea",
        *_RECORD_AREA_MEETINGS,
        "mattran.add_person",
        "mattran.change_person",
        "mattran.view_person",
        "news.add_article",
        "news.change_article",
        "news.view_article",
        "news.view_category",
        "taggit.add_tag",
        "taggit.view_tag",
    ],
}


def grant_group_permissions(**kwargs):
    """post_migrate: make the groups and set each one's rights to exactly its list.

    Exactly: a right taken out of a list (or added to a group by hand) is removed at
    the next migrate, so a group holds what this file says and nothing more. Run once
    per app, each run sets the rights that exist so far; the last run sets them all.
    """
    for name, permissions in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        wanted = Q(pk__in=[])
        for dotted in permissions:
            app_label, codename = dotted.split(".")
            wanted |= Q(content_type__app_label=app_label, codename=codename)
        group.permissions.set(Permission.objects.filter(wanted))


def is_leader(user):
    """Whether `user` holds SEE_INTERNAL: leaders-only records exist for them.

    Asked by the page, its records, the header and the admin alike: one query per request
    (the request's user object lives for one request only), where `has_perm` would read
    every permission of the user and of their groups in two."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_is_leader", None)
    if cached is None:
        app_label, codename = SEE_INTERNAL.split(".")
        cached = user._is_leader = (
            Permission.objects.filter(Q(group__user=user) | Q(user=user))
            .filter(content_type__app_label=app_label, codename=codename)
            .exists()
        )
    return cached


def staff_areas(user):
    """The ids of the residential areas an area-scoped account works for, or None for
    ward-wide staff (and superusers), who see every area.

    An account is area-scoped when areas are set for it (mattran.StaffAreas) or when it
    is in the AREA_STAFF group; a member of that group with no area set sees no area's
    rows at all, never the whole ward.
    """
    if not user.is_authenticated or not user.is_active or user.is_superuser:
        return None
    # Asked by every list, form and choice of an admin page: one query per request (the
    # request's user object lives for one request only): a row per area, or one row of
    # None for an account with no area, each saying whether it is in the group.
    if not hasattr(user, "_staff_areas"):
        in_group = Exists(Group.objects.filter(user=OuterRef("pk"), name=AREA_STAFF))
        rows = list(
            get_user_model()
            .objects.filter(pk=user.pk)
            .annotate(in_group=in_group)
            .values_list("in_group", "staff_areas__areas")
        )
        areas = frozenset(area for _, area in rows if area is not None)
        scoped = bool(areas) or any(member for member, _ in rows)
        user._staff_areas = areas if scoped else None
    return user._staff_areas
