"""The staff and leader groups, and the rights each group holds.

The rights are kept here as data and applied after every migrate (and every flush, which
a test run or a restore does) by `grant_group_permissions`, so a group never lacks a
right that a newer release gives it.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

EDITORS = "Biên tập viên"
REVIEWERS = "Duyệt tin"
LEADERS = "Lãnh đạo"
DATA_ENTRY = "Nhập số liệu"

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

# The portal's own pages ("Giới thiệu") are written like news.
_WRITE_PAGES = ["mattran.add_page", "mattran.change_page", "mattran.view_page"]
# Staff upload and correct documents (văn bản); deleting one is the reviewers' call.
_KEEP_DOCUMENTS = ["mattran.add_document", "mattran.change_document", "mattran.view_document"]

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
        "mattran.delete_page",
        *_KEEP_DOCUMENTS,
        "mattran.delete_document",
    ],
    # Leaders read leaders-only records on the public site; no admin rights.
    LEADERS: [],
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
    """Leaders see records marked for leaders only; superusers count as leaders."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    # Asked by the page, its records and the header alike: one query per request (the
    # request's user object lives for one request only).
    cached = getattr(user, "_is_leader", None)
    if cached is None:
        cached = user._is_leader = user.groups.filter(name=LEADERS).exists()
    return cached
