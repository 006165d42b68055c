"""Demo identity of the ward: Phường An Hòa, whose gathering opens the seed articles."""

from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from mattran import links_demo, pages_demo, roles
from mattran.documents import demo as documents_demo
from mattran.models import ResidentialArea, StaffAreas, WardSettings

DATA_DIR = Path(__file__).resolve().parent / "demo_data"

AREAS = [
    ("Khu phố 1", ResidentialArea.Kind.KHU_PHO),
    ("Khu phố 2", ResidentialArea.Kind.KHU_PHO),
    ("Khu phố 3", ResidentialArea.Kind.KHU_PHO),
    ("Khóm Tân An", ResidentialArea.Kind.KHOM),
    ("Khóm Hòa Khánh", ResidentialArea.Kind.KHOM),
]


def load(stdout):
    ward = WardSettings.current()
    if not ward.address:
        ward.ward_name = "Phường An Hòa"
        ward.committee_name = "Ủy ban Mặt trận Tổ quốc Việt Nam phường An Hòa"
        ward.address = "Phường An Hòa, thành phố Sa Đéc, tỉnh Đồng Tháp"
        ward.phone = "0277 3861 234"
        ward.email = "mattran.anhoa@example.gov.vn"
        ward.footer_text = "Cổng thông tin điện tử của Ủy ban MTTQ Việt Nam phường An Hòa."
        ward.save()
    for order, (name, kind) in enumerate(AREAS, start=1):
        ResidentialArea.objects.get_or_create(name=name, defaults={"kind": kind, "order": order})
    stdout.write(f"  Phường: {ward.ward_name}, {len(AREAS)} khu dân cư")
    pages_demo.load(stdout, ward)
    links_demo.load(stdout, ward)
    load_accounts(stdout)
    documents_demo.load(stdout)


# One password for every demo account, printed by `make run`. Accounts exist only where
# DEBUG is on: a production start (DEBUG off) never creates them.
# bandit: a known password on purpose; these accounts exist only with DEBUG=1.
DEMO_PASSWORD = "mattran-demo-2024"  # noqa: S105  # nosec B105
DEMO_ACCOUNTS = [
    # username, group, is_staff, is_superuser, who
    ("lanhdao", roles.LEADERS, False, False, "lãnh đạo: xem hồ sơ nội bộ trên trang công khai"),
    ("bientap", roles.EDITORS, True, False, "biên tập viên: viết tin, ghi hội nghị"),
    ("duyettin", roles.REVIEWERS, True, False, "duyệt tin: duyệt và xuất bản"),
    ("nhapsolieu", roles.DATA_ENTRY, True, False, "nhập số liệu: kết quả các cuộc vận động"),
    ("khupho1", roles.AREA_STAFF, True, False, "Ban công tác Mặt trận Khu phố 1: chỉ khu phố 1"),
    ("quantri", None, True, True, "quản trị: toàn quyền"),
]

# The area-scoped demo account and the residential area it works for.
DEMO_ACCOUNT_AREAS = {"khupho1": "Khu phố 1"}


def load_accounts(stdout):
    if not settings.DEBUG:
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
        if username in DEMO_ACCOUNT_AREAS:
            assignment, _ = StaffAreas.objects.get_or_create(user=user)
            assignment.areas.add(ResidentialArea.objects.get(name=DEMO_ACCOUNT_AREAS[username]))
        stdout.write(f"    {username:<9} {who}")
