"""Demo links: the government and Front sites ward portals link to, and social pages."""

from links.models import Link
from mattran.models import WardSettings

LINKS = [
    ("Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn/", Link.Placement.BLOCK),
    ("Ủy ban Trung ương MTTQ Việt Nam", "https://mattran.org.vn/", Link.Placement.BLOCK),
    ("Báo Đại Đoàn Kết", "https://daidoanket.vn/", Link.Placement.BLOCK),
    ("Cổng thông tin điện tử Chính phủ", "https://chinhphu.vn/", Link.Placement.FOOTER),
]


def load(stdout):
    ward = WardSettings.current()
    for order, (title, url, placement) in enumerate(LINKS, start=1):
        Link.objects.get_or_create(
            title=title, defaults={"url": url, "placement": placement, "order": order}
        )
    if not ward.facebook_url:
        ward.facebook_url = "https://www.facebook.com/mattran.anhoa.example"
        ward.zalo_url = "https://zalo.me/mattran.anhoa.example"
        ward.youtube_url = "https://www.youtube.com/@mattran.anhoa.example"
        ward.save()
    stdout.write(f"  Liên kết: {len(LINKS)}, mạng xã hội: Facebook, Zalo, YouTube")
