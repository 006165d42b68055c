"""The demo accounts `load_demo` makes with DEBUG on, and the guards that keep them off a
production site: one password printed by `make run` and in the README, one superuser.

With DEBUG off they are never made, a server does not start while one keeps the demo
password (mattran/checks.py) and a login with that password is refused (the backend below).
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import check_password
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import DEFAULT_DB_ALIAS
from django.utils.crypto import constant_time_compare

from mattran import roles
from mattran.models import ResidentialArea, StaffAreas

# bandit: a known password on purpose; these accounts are only made with DEBUG=1 and
# refused (start-up, check --deploy, login) with DEBUG=0.
DEMO_PASSWORD = "mattran-demo-2024"  # noqa: S105  # nosec B105
DEMO_ACCOUNTS = [
    # username, group, is_staff, is_superuser, who
    ("lanhdao", roles.LEADERS, False, False, "lãnh đạo: xem hồ sơ nội bộ trên trang công khai"),
    ("bientap", roles.EDITORS, True, False, "biên tập viên: viết tin, ghi hội nghị"),
    ("duyettin", roles.REVIEWERS, True, False, "duyệt tin: duyệt và xuất bản"),
    ("thuky", roles.SECRETARIES, True, False, "thư ký: ghi mọi hội nghị, kể cả hồ sơ nội bộ"),
    ("nhapsolieu", roles.DATA_ENTRY, True, False, "nhập số liệu: kết quả các cuộc vận động"),
    ("khupho1", roles.AREA_STAFF, True, False, "Ban công tác Mặt trận Khu phố 1: chỉ khu phố 1"),
    ("quantri", None, True, True, "quản trị: toàn quyền"),
]
# The area-scoped demo account and the residential area it works for.
DEMO_ACCOUNT_AREAS = {"khupho1": "Khu phố 1"}
DEMO_USERNAMES = sorted(username for username, *_ in DEMO_ACCOUNTS)


def load(stdout):
    if not settings.DEBUG:
        stdout.write(
            "  Không tạo tài khoản mẫu vì DEBUG đang tắt (máy chủ chính thức); "
            "tạo tài khoản quản trị bằng `manage.py createsuperuser`."
        )
        return
    User = get_user_model()
    stdout.write("  Tài khoản mẫu (chỉ khi DEBUG), mật khẩu chung: " + DEMO_PASSWORD)
    for username, group, is_staff, is_superuser, who in DEMO_ACCOUNTS:
        user, created = User.objects.get_or_create(
            username=username, defaults={"is_staff": is_staff, "is_superuser": is_superuser}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        if group:
            user.groups.add(Group.objects.get(name=group))
        area = ResidentialArea.objects.filter(name=DEMO_ACCOUNT_AREAS.get(username)).first()
        if area is not None:  # the demo's areas exist (load_demo makes them first)
            StaffAreas.objects.get_or_create(user=user)[0].areas.add(area)
        stdout.write(f"    {username:<10} {who}")


def with_demo_password(using=DEFAULT_DB_ALIAS):
    """Usernames of the demo accounts that still have the demo password.

    Only the names load_demo uses are hashed: a real hasher takes a third of a second per
    password, too slow for every account at each start. A renamed demo account escapes
    this, not the login refusal below."""
    accounts = (
        get_user_model()
        ._default_manager.db_manager(using)
        .filter(username__in=DEMO_USERNAMES)
        .order_by("username")
        .values_list("username", "password")
    )
    # The plain function, not user.check_password: that one re-hashes and saves.
    return [name for name, encoded in accounts if check_password(DEMO_PASSWORD, encoded)]


def refusal(usernames):
    """What the operator reads from `check --deploy` and the server's start-up log."""
    return (
        f"Demo accounts still have the demo password: {', '.join(usernames)}. "
        "The demo password is public (README, `make run`) and one demo account is a "
        "superuser, so a production site (DEBUG=0) will not start with them. For each "
        "account run `python manage.py changepassword <name>`, or delete it (admin, "
        "Người dùng), then start again."
    )


class RefuseDemoPasswordBackend:
    """Refuses the demo password with DEBUG off, for any username (a renamed demo
    account too), should a server run with one left despite the start-up check: one
    started while the database was down, or a password set back after the start.

    authenticate() stops at PermissionDenied with the generic "wrong password" error,
    which would be false here; a ValidationError reaches the login form (site and
    admin, both Django's AuthenticationForm) as its own message. No get_user(), as in
    axes' backend: it never logs anyone in, so force_login() and sessions skip it."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if settings.DEBUG or password is None:
            return None
        if constant_time_compare(password, DEMO_PASSWORD):
            raise ValidationError(
                "Không thể đăng nhập bằng mật khẩu mẫu trên cổng thông tin chính thức. "
                "Đề nghị quản trị viên đặt mật khẩu mới cho tài khoản này.",
                code="demo_password",
            )
        return None
