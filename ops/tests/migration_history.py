"""History on the models that move, made in the tree before issue 18's restructure.

Run by test_migrate_from_before_restructure.py through `manage.py shell -c` in that old
tree, after the demo and the generated data. The demo and the generator write no
revisions and no admin log, so this writes what a ward's database has after months of
use: two saved revisions of a page, a link, a document and an article, a deleted
document that the admin can still recover, admin log entries, visit counts, and a right
given to one person directly (group rights are reset by every migrate, a user's are not).

Models are named by their app label at that commit ("mattran"), never imported, so the
text does not depend on which module held them.
"""

import datetime

import reversion
from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType

Page = apps.get_model("mattran", "Page")
Link = apps.get_model("mattran", "Link")
Document = apps.get_model("mattran", "Document")
VisitDay = apps.get_model("mattran", "VisitDay")
Article = apps.get_model("news", "Article")

User = get_user_model()
reviewer = User.objects.get(username="duyettin")  # a demo account (DEBUG=1)
editor = User.objects.get(username="bientap")


def log_change(obj, message):
    LogEntry.objects.create(
        user=reviewer,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        object_repr=str(obj)[:200],
        action_flag=CHANGE,
        change_message=message,
    )


for model in (Page, Link, Document, Article):
    obj = model.objects.order_by("pk").first()
    assert obj is not None, f"the demo made no {model._meta.label}"
    for number in (1, 2):
        with reversion.create_revision():
            reversion.set_user(reviewer)
            reversion.set_comment(f"Lần lưu {number} trước khi chuyển ứng dụng")
            obj.save()
    log_change(obj, "Sửa trước khi chuyển ứng dụng")

# A document with a revision, then deleted: the admin's "recover deleted" list shows it.
doomed = Document.objects.order_by("-pk").first()
with reversion.create_revision():
    reversion.set_user(reviewer)
    reversion.set_comment("Lưu rồi xóa, để còn bản khôi phục")
    doomed.save()
doomed.delete()

today = datetime.date(2024, 11, 20)
for days in range(3):
    VisitDay.objects.create(
        date=today - datetime.timedelta(days=days), visits=120 + days, unique_visitors=40
    )
log_change(VisitDay.objects.order_by("pk").first(), "Sửa số lượt truy cập")

editor.user_permissions.add(
    Permission.objects.get(content_type__app_label="mattran", codename="publish_link")
)
assert reviewer.groups.filter(
    name="Duyệt tin",
    permissions__content_type__app_label="mattran",
    permissions__codename="publish_page",
).exists(), "the Duyệt tin group should hold mattran.publish_page at this commit"
print("history written")
