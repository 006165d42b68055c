"""Demo "Giới thiệu" pages: general facts about the Front, the ward's own contact details.

Nothing here invents the ward's own history: where a page would need the ward's records
it says so, for the editors to fill in.
"""

from urllib.parse import quote

from django.urls import reverse

from mattran.models import WardSettings
from pages.models import Page

HISTORY = """
<p>Ngày 18/11/1930, Ban Thường vụ Trung ương Đảng Cộng sản Đông Dương ra Chỉ thị thành lập
Hội Phản đế Đồng minh, hình thức đầu tiên của Mặt trận dân tộc thống nhất Việt Nam. Từ đó,
ngày 18/11 hằng năm là Ngày truyền thống Mặt trận Tổ quốc Việt Nam và từ năm 2003 là
Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư.</p>
<p>Qua các thời kỳ, Mặt trận mang nhiều tên gọi: Mặt trận Việt Minh (1941), Hội Liên hiệp
quốc dân Việt Nam (Liên Việt, 1946), Mặt trận Tổ quốc Việt Nam (1955). Năm 1977, các tổ chức
mặt trận ở hai miền hợp nhất thành Mặt trận Tổ quốc Việt Nam thống nhất.</p>
<h2>Ủy ban Mặt trận Tổ quốc Việt Nam phường</h2>
<p>Ủy ban Mặt trận Tổ quốc Việt Nam phường được hiệp thương cử tại Đại hội đại biểu Mặt trận
Tổ quốc Việt Nam phường qua từng nhiệm kỳ, cùng các Ban công tác Mặt trận ở khu dân cư.</p>
<p><em>Các mốc lịch sử riêng của phường (năm thành lập, các kỳ đại hội, phần thưởng) được
biên tập viên bổ sung theo hồ sơ lưu trữ của Ủy ban.</em></p>
"""

DUTIES = """
<p>Theo Hiến pháp năm 2013 (Điều 9) và Luật Mặt trận Tổ quốc Việt Nam năm 2015, Mặt trận
Tổ quốc Việt Nam là tổ chức liên minh chính trị, liên hiệp tự nguyện của tổ chức chính trị,
các tổ chức chính trị - xã hội, tổ chức xã hội và các cá nhân tiêu biểu trong các giai cấp,
tầng lớp xã hội, dân tộc, tôn giáo và người Việt Nam định cư ở nước ngoài.</p>
<h2>Chức năng</h2>
<ul>
<li>Tập hợp, xây dựng khối đại đoàn kết toàn dân tộc.</li>
<li>Đại diện, bảo vệ quyền và lợi ích hợp pháp, chính đáng của Nhân dân.</li>
<li>Giám sát và phản biện xã hội; tham gia xây dựng Đảng, chính quyền.</li>
</ul>
<h2>Nhiệm vụ ở phường</h2>
<ul>
<li>Tuyên truyền, vận động Nhân dân thực hiện chủ trương của Đảng, chính sách, pháp luật
của Nhà nước.</li>
<li>Tổ chức các cuộc vận động, phong trào thi đua như “Toàn dân đoàn kết xây dựng đời sống
văn hóa”, Quỹ “Vì người nghèo”, chăm lo nhà ở cho hộ khó khăn.</li>
<li>Tổ chức tiếp xúc cử tri, tập hợp ý kiến, kiến nghị của cử tri và Nhân dân để phản ánh
với cấp có thẩm quyền.</li>
<li>Hướng dẫn Ban công tác Mặt trận ở các khu dân cư tổ chức sinh hoạt và Ngày hội Đại đoàn
kết toàn dân tộc.</li>
</ul>
"""


def _organisation():
    return f"""
<p>Ủy ban Mặt trận Tổ quốc Việt Nam phường gồm các vị đại diện tổ chức thành viên, cá nhân
tiêu biểu được hiệp thương cử tại Đại hội. Ủy ban cử Ban Thường trực (Chủ tịch, các Phó Chủ
tịch, Ủy viên Thường trực) điều hành công việc giữa hai kỳ họp.</p>
<p>Ở mỗi khu phố, khóm, ấp có Ban công tác Mặt trận do Trưởng ban phụ trách, là cầu nối giữa
Ủy ban với Nhân dân trong khu dân cư.</p>
<ul>
<li><a href="{reverse("committee:index")}">Danh sách Ban Thường trực, Ủy ban và các Ban công
tác Mặt trận nhiệm kỳ hiện tại</a></li>
<li><a href="{reverse("areas:index")}">Các khu dân cư và Ban công tác Mặt trận từng khu</a></li>
</ul>
"""


def _contact(ward):
    return f"""
<p>Người dân có thể liên hệ với {ward.committee_name} để phản ánh, kiến nghị, đăng ký giúp đỡ
hộ khó khăn hoặc đóng góp Quỹ “Vì người nghèo”.</p>
<p>Ủy ban tiếp người dân trong giờ hành chính, từ Thứ Hai đến Thứ Sáu, tại trụ sở ghi dưới
đây.</p>
"""


def map_link(ward):
    """A search for the ward's address on OpenStreetMap: no key, no tracker."""
    return "https://www.openstreetmap.org/search?query=" + quote(ward.address or ward.ward_name)


def load(stdout):
    ward = WardSettings.current()
    pages = [
        ("Lịch sử", "lich-su", HISTORY, {}),
        ("Chức năng, nhiệm vụ", "chuc-nang-nhiem-vu", DUTIES, {}),
        ("Cơ cấu tổ chức", "co-cau-to-chuc", _organisation(), {}),
        (
            "Liên hệ",
            "lien-he",
            _contact(ward),
            {"show_contact": True, "map_url": map_link(ward)},
        ),
    ]
    for order, (title, slug, body, extra) in enumerate(pages, start=1):
        Page.objects.get_or_create(
            slug=slug,
            defaults={
                "title": title,
                "body": body.strip(),
                "menu_order": order * 10,
                "is_published": True,
                **extra,
            },
        )
    stdout.write(f"  Trang giới thiệu: {len(pages)} trang")
