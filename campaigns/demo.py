"""Demo campaigns with the figures read from the seed articles (mattran/demo_data/facts.json).

Figures are entered as printed. Where the print is doubtful ("1.151.800đ" for a whole
year's total, less than the houses alone), the entry keeps the printed text and is
flagged for checking instead of being silently corrected. Running it twice changes nothing.
"""

import datetime
from decimal import Decimal

from campaigns.models import Campaign, Entry, Indicator, Target
from mattran.lib.text import slugify_vi
from mattran.models import Body
from meetings.models import ResolutionTarget
from news.models import Article

Unit, Kind = Indicator.Unit, Indicator.Kind

YEAR_2019 = {
    "date": datetime.date(2019, 12, 31),
    "period_start": datetime.date(2019, 1, 1),
    "period_label": "Năm 2019",
}
FIRST_HALF_2024 = {
    "date": datetime.date(2024, 6, 30),
    "period_start": datetime.date(2024, 1, 1),
    "period_label": "6 tháng đầu năm 2024",
}
REPORT_2019 = "Hội nghị tổng kết công tác dân vận năm 2019 (13/01/2020)"
REPORT_2024 = "Hội nghị Ủy ban MTTQ lần thứ II, sơ kết 6 tháng đầu năm 2024 (08/7/2024)"

ARTICLE_2019 = (
    "HỘI NGHỊ TỔNG KẾT CÔNG TÁC DÂN VẬN CỦA ĐẢNG CÔNG TÁC MẶT TRẬN VÀ CÁC TỔ CHỨC "
    "CHÍNH TRỊ - XÃ HỘI PHƯỜNG 1, NĂM 2019."
)
ARTICLE_2024 = "HỘI NGHỊ ỦY BAN MTTQ PHƯỜNG 2 LẦN THỨ II NHIỆM KỲ 2024 - 2029"

# campaign -> (kind, description, article titles, indicators)
# indicator -> (name, unit, kind, entries, targets)
CAMPAIGNS = [
    (
        "Ngày vì người nghèo",
        Campaign.Kind.CAMPAIGN,
        "Cuộc vận động chăm lo cho hộ nghèo, cận nghèo, hộ khó khăn: xây, sửa nhà tình "
        "thương, vận động gạo và nhu yếu phẩm, khám bệnh, cấp thuốc, trao học bổng.",
        [ARTICLE_2019],
        [
            (
                "Nhà tình thương cất mới",
                Unit.HOUSE,
                Kind.COUNT,
                [
                    {
                        **YEAR_2019,
                        "quantity": Decimal(10),
                        "money": 438_000_000,
                        "as_printed": "cất mới 10 căn nhà tình thương, sửa chữa 03 căn với "
                        "tổng trị giá là 438.000.000đ",
                        "source": f"{REPORT_2019}; trị giá gồm cả 03 căn sửa chữa",
                    }
                ],
                [],
            ),
            (
                "Nhà tình thương sửa chữa",
                Unit.HOUSE,
                Kind.COUNT,
                [
                    {
                        **YEAR_2019,
                        "quantity": Decimal(3),
                        "as_printed": "sửa chữa 03 căn",
                        "source": f"{REPORT_2019}; trị giá đã tính chung với nhà cất mới",
                    }
                ],
                [],
            ),
            (
                "Gạo tiếp nhận",
                Unit.KG,
                Kind.WEIGHT,
                [
                    {
                        **YEAR_2019,
                        "quantity": Decimal(21090),
                        "as_printed": "21.090 kg gạo",
                        "source": REPORT_2019,
                    }
                ],
                [],
            ),
            (
                "Tổng giá trị vận động trong năm",
                Unit.DONG,
                Kind.MONEY,
                [
                    {
                        **YEAR_2019,
                        "money": 1_151_800,
                        "as_printed": "1.151.800đ",
                        "source": REPORT_2019,
                        "doubtful": True,
                        "doubt_note": "Nhỏ hơn cả trị giá nhà tình thương (438.000.000đ); "
                        "nhiều khả năng in thiếu, đúng ra là 1.151.800.000đ. Cần đối chiếu "
                        "báo cáo gốc.",
                    }
                ],
                [],
            ),
        ],
    ),
    (
        "Quỹ “Vì người nghèo”",
        Campaign.Kind.FUND,
        "Vận động cán bộ, đoàn viên, hội viên và Nhân dân đóng góp Quỹ “Vì người nghèo”.",
        [ARTICLE_2024],
        [
            (
                "Vận động Quỹ “Vì người nghèo”",
                Unit.DONG,
                Kind.MONEY,
                [
                    {
                        **FIRST_HALF_2024,
                        "money": 8_000_000,
                        "as_printed": "8.000.000/21.000.000 đồng",
                        "source": REPORT_2024,
                    }
                ],
                [(2024, Decimal(21_000_000))],
            ),
        ],
    ),
    (
        "Cả nước chung tay vì người nghèo – Không để ai bị bỏ lại phía sau",
        Campaign.Kind.MOVEMENT,
        "Chăm lo Tết và hỗ trợ sinh kế cho hộ nghèo, hộ cận nghèo, hộ có hoàn cảnh khó "
        "khăn, gia đình chính sách; giảm nghèo bền vững.",
        [ARTICLE_2024],
        [
            (
                "Quà Tết cho hộ nghèo, cận nghèo, hộ khó khăn, gia đình chính sách",
                Unit.GIFT,
                Kind.COUNT,
                [
                    {
                        **FIRST_HALF_2024,
                        "quantity": Decimal(607),
                        "money": 214_000_000,
                        "as_printed": "607 phần quà trị giá trên 214 triệu đồng",
                        "source": f"{REPORT_2024}; trị giá in là “trên 214 triệu đồng”",
                    }
                ],
                [],
            ),
            (
                "Hỗ trợ phương tiện sinh kế cho hộ nghèo, cận nghèo",
                Unit.DONG,
                Kind.MONEY,
                [
                    {
                        **FIRST_HALF_2024,
                        "money": 3_000_000,
                        "as_printed": "tổng trị giá 3 triệu đồng",
                        "source": REPORT_2024,
                    }
                ],
                [],
            ),
        ],
    ),
    (
        "Tuyên truyền, vận động Nhân dân",
        Campaign.Kind.MOVEMENT,
        "Tuyên truyền chủ trương của Đảng, chính sách pháp luật của Nhà nước; tiếp xúc cử "
        "tri; góp ý xây dựng Đảng, xây dựng chính quyền.",
        [ARTICLE_2024],
        [
            (
                "Tuyên truyền chủ trương, chính sách",
                Unit.SESSION,
                Kind.COUNT,
                [
                    {
                        **FIRST_HALF_2024,
                        "quantity": Decimal(77),
                        "participants": 2288,
                        "as_printed": "77 cuộc/2288 lượt người tham dự",
                        "source": REPORT_2024,
                    }
                ],
                [],
            ),
            (
                "Tuyên truyền phổ biến giáo dục pháp luật",
                Unit.SESSION,
                Kind.COUNT,
                [
                    {
                        **FIRST_HALF_2024,
                        "quantity": Decimal(8),
                        "participants": 296,
                        "as_printed": "08 cuộc/296 lượt người dự",
                        "source": REPORT_2024,
                    }
                ],
                [],
            ),
            (
                "Hội nghị tiếp xúc cử tri",
                Unit.SESSION,
                Kind.COUNT,
                [
                    {
                        **FIRST_HALF_2024,
                        "quantity": Decimal(5),
                        "participants": 300,
                        "as_printed": "5 cuộc/300 lượt người dự, tổng hợp được 38 ý kiến",
                        "source": f"{REPORT_2024}; 38 ý kiến đóng góp",
                    }
                ],
                [],
            ),
            (
                "Góp ý xây dựng Đảng, xây dựng chính quyền",
                Unit.OPINION,
                Kind.COUNT,
                [
                    {
                        **FIRST_HALF_2024,
                        "quantity": Decimal(10),
                        "as_printed": "trên 10 lượt ý kiến",
                        "source": REPORT_2024,
                    }
                ],
                [],
            ),
        ],
    ),
]


def _committee():
    existing = Body.objects.filter(kind=Body.Kind.COMMITTEE).first()
    if existing:
        return existing
    body, _ = Body.objects.get_or_create(
        slug="uy-ban-mttq-viet-nam-phuong-an-hoa",
        defaults={"name": "Ủy ban MTTQ Việt Nam phường An Hòa", "kind": Body.Kind.COMMITTEE},
    )
    return body


def _articles(titles):
    """News articles of the seed, found by slug; none when the news demo has not run."""
    found = []
    for title in titles:
        slug = slugify_vi(title)
        match = Article.objects.filter(slug=slug).first()
        if match is None:
            # news may cut long slugs; a long shared start is still the same article.
            match = Article.objects.filter(slug__startswith=slug[:60]).first()
        if match is not None:
            found.append(match)
    return found


def load(stdout):
    body = _committee()
    entries = 0
    for order, (name, kind, description, titles, indicators) in enumerate(CAMPAIGNS, 1):
        campaign, _ = Campaign.objects.get_or_create(
            name=name,
            defaults={"kind": kind, "description": description, "body": body, "order": order},
        )
        campaign.articles.add(*_articles(titles))
        for position, (label, unit, indicator_kind, rows, targets) in enumerate(indicators, 1):
            indicator, _ = Indicator.objects.get_or_create(
                campaign=campaign,
                name=label,
                defaults={"unit": unit, "kind": indicator_kind, "order": position},
            )
            for year, value in targets:
                start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
                Target.objects.get_or_create(
                    indicator=indicator,
                    area=None,
                    period_start=start,
                    period_end=end,
                    defaults={"value": value, "note": "Chỉ tiêu năm theo báo cáo sơ kết"},
                )
            for row in rows:
                fields = dict(row)
                key = {name: fields.pop(name) for name in ("date", "period_start")}
                Entry.objects.update_or_create(
                    indicator=indicator, area=None, **key, defaults=fields
                )
                entries += 1
    linked = _link_resolution_target()
    stdout.write(
        f"  Cuộc vận động: {len(CAMPAIGNS)} cuộc, {entries} số liệu"
        + (", 1 mức chỉ tiêu gắn với nghị quyết" if linked else "")
    )


# The report of 08/7/2024 gives the fund's 21.000.000 đ target for 2024 and, in the same
# meeting's programme for the second half, the drive for poverty reduction it serves.
LINKED_RESOLUTION_TARGET = "giảm nghèo bền vững"
LINKED_INDICATOR = "Vận động Quỹ “Vì người nghèo”"


def _link_resolution_target():
    """Tie the fund's 2024 target to that resolution target, so the leaders' page shows
    its progress. Does nothing when the meetings demo has not run; never relinks."""
    resolution_target = (
        ResolutionTarget.objects.filter(
            text__icontains=LINKED_RESOLUTION_TARGET, resolution__meeting__starts_at__year=2024
        )
        .order_by("pk")
        .first()
    )
    if resolution_target is None:
        return False
    target = Target.objects.filter(
        indicator__name=LINKED_INDICATOR, area=None, period_start=datetime.date(2024, 1, 1)
    ).first()
    if target is None:
        return False
    if target.resolution_target_id is None:
        target.resolution_target = resolution_target
        target.save(update_fields=["resolution_target"])
    return True
