"""Demo identity of the ward: Phường An Hòa, whose gathering opens the seed articles."""

from pathlib import Path

from mattran import demo_accounts
from mattran.models import ResidentialArea, WardSettings

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
    demo_accounts.load(stdout)
