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
SECRETARIES = "Thư ký"

# Leaders-only meetings, their papers, resolutions and elections, and leaders-only
# documents exist only for holders of this right (Lãnh đạo, Thư ký, superusers): on the
# site and in the admin alike.
SEE_INTERNAL = "mattran.view_internal_records"
# Residents see a static page, a link or banner and a document only once a reviewer has
# published it: editors write them unpublished, as they write articles as drafts.
PUBLISH_PAGE = "mattran.publish_page"
PUBLISH_LINK = "mattran.publish_link"
PUBLISH_DOCUMENT = "mattran.publish_document"

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

# The portal's own pages ("Giới thiệu"), links and banners are written like news:
# editors draft them, reviewers publish (PUBLISH_*).
_WRITE_PAGES = ["mattran.add_page", "mattran.change_page", "mattran.view_page"]
_WRITE_LINKS = ["mattran.add_link", "mattran.change_link", "mattran.view_link"]
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
        "mattran.delete_page",
        *_WRITE_LINKS,
        PUBLISH_LINK,
        "mattran.delete_link",
        *_KEEP_DOCUMENTS,
        PUBLISH_DOCUMENT,
        "mattran.delete_document",
    ],
    # Leaders read leaders-only records on the public site; no admin rights.
    LEADERS: [SEE_INTERNAL],
    # The committee's secretary records every meeting, the internal ones included, and
    # keeps the internal documents; publishing stays with the reviewers.
    SECRETARIES: [*_RECORD_MEETINGS, *_KEEP_DOCUMENTS, SEE_INTERNAL],
}


def grant_group_permissions(**kwargs):
    """post_migrate: make the groups and give each its rights (adds, never removes)."""
    for name, permissions in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        wanted = Q(pk__in=[])
        for dotted in permissions:
            app_label, codename = dotted.split(".")
            wanted |= Q(content_type__app_label=app_label, codename=codename)
        group.permissions.add(*Permission.objects.filter(wanted))


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
