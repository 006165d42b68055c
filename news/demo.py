"""Demo news: the five seed articles, cleaned of what the scraper picked up.

Each seed file is the text of a real post from a ward Front website. What belongs to
the article (title, date, credits) is taken out of the text and stored in its own
field; what belonged to the old site around it (related-news lists, rating widgets,
advertisements, visitor counters, navigation) is dropped, and so are paragraphs
the scraper repeated. Running `load_demo` twice changes nothing.
"""

import datetime
import re
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.utils.html import escape
from taggit.models import Tag

from mattran.demo import DATA_DIR
from mattran.lib.text import nfc, slugify_vi
from news.models import Article, Category

SEEDS = DATA_DIR
WARD_TIME = ZoneInfo("Asia/Ho_Chi_Minh")

CATEGORIES = [
    (
        "Hoạt động Mặt trận",
        "Hoạt động của Ủy ban Mặt trận Tổ quốc phường và các tổ chức thành viên.",
    ),
    ("Hội nghị – Đại hội", "Hội nghị, đại hội của Mặt trận Tổ quốc các cấp trên địa bàn."),
    ("Khu dân cư", "Hoạt động của Ban công tác Mặt trận ở khu phố, khóm, khu dân cư."),
]

# Where the old page's own article ends and its surroundings begin.
TAIL_MARKERS = (
    "Thông tin khác",
    "Tin liên quan",
    "Tin đã đưa",
    "THỐNG KÊ TRUY CẬP",
    "Lượt xem:",
    "Mời bạn là người đầu tiên",
)
NOISE_LINES = re.compile(
    r"^(image (banner|advertisement)|\(\d+\)|Loading\.\.\.|\d{2}/\d{2}/\d{4} \d{2}:\d{2})$"
)


@dataclass
class Seed:
    file: str
    category: str
    published_at: datetime.datetime
    sapo: str
    author: str
    tags: list[str]
    photo_credit: str = ""
    featured: bool = False
    view_count: int = 0
    credit_lines: list[str] = field(default_factory=list)


def _at(year, month, day, hour=8, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=WARD_TIME)


SEED_ARTICLES = [
    Seed(
        file="000_c62c67b94ee7d68b.txt",
        category="Hoạt động Mặt trận",
        published_at=_at(2024, 5, 17, 16, 30),
        sapo=(
            "Sáng 17/5/2024, phường An Hòa tổ chức sinh hoạt “Không gian Đại đoàn kết” "
            "triển khai các chỉ tiêu của Nghị quyết Đại hội Mặt trận Tổ quốc Việt Nam "
            "phường lần thứ V, nhiệm kỳ 2024 – 2029."
        ),
        author="",
        tags=["Không gian đại đoàn kết", "Nghị quyết Đại hội", "Nhà đại đoàn kết"],
        featured=True,
    ),
    Seed(
        file="001_98305c7516377432.txt",
        category="Hội nghị – Đại hội",
        published_at=_at(2020, 1, 13, 15, 0),
        sapo=(
            "Sáng 13/01/2020, Đảng ủy – Ủy ban Mặt trận Tổ quốc Việt Nam phường 1 tổng kết "
            "công tác khối vận năm 2019: 10 căn nhà tình thương được cất mới, 03 căn được "
            "sửa chữa."
        ),
        author="Việt Thắng",
        photo_credit="Thanh An",
        tags=["Công tác dân vận", "Nhà tình thương", "Vì người nghèo"],
        credit_lines=["Tin: Việt Thắng, Ảnh: Thanh An."],
    ),
    Seed(
        file="002_0c8cf19a6beb1e4d.txt",
        category="Hội nghị – Đại hội",
        published_at=_at(2024, 7, 8, 17, 0),
        sapo=(
            "Ủy ban MTTQ Phường 2 sơ kết công tác Mặt trận 6 tháng đầu năm và đề ra chương "
            "trình thống nhất hành động 6 tháng cuối năm 2024."
        ),
        author="Thúy An",
        tags=["Sơ kết 6 tháng", "Vì người nghèo", "Hội nghị Ủy ban MTTQ"],
        featured=True,
        credit_lines=["Thúy An"],
    ),
    Seed(
        file="003_df2023ce79b5ab17.txt",
        category="Khu dân cư",
        published_at=_at(2024, 1, 18, 21, 58),
        sapo=(
            "Ngày 18/01/2024, Ban công tác Mặt trận khu phố 1 tổ chức Hội nghị nhiệm kỳ "
            "2024 – 2026, hiệp thương cử 8 vị vào Ban công tác Mặt trận khu phố."
        ),
        author="Đặng Văn Cao",
        tags=["Ban công tác Mặt trận", "Hiệp thương"],
        credit_lines=["Đặng Văn Cao"],
    ),
    Seed(
        file="004_25910b8eda50ab56.txt",
        category="Khu dân cư",
        published_at=_at(2022, 6, 17, 10, 0),
        sapo=(
            "Ban Thường trực Ủy ban MTTQ Việt Nam phường Cửa Đại tổ chức Tọa đàm bàn giải "
            "pháp nâng cao chất lượng, hiệu quả hoạt động của Ban công tác Mặt trận khu dân cư."
        ),
        author="Trần Ngọc Thanh - CT. UBMTTQVN phường",
        tags=["Ban công tác Mặt trận", "Tọa đàm"],
        view_count=198,
        credit_lines=["Trần Ngọc Thanh - CT. UBMTTQVN phường"],
    ),
]


def read_seed(seed):
    """(title, [paragraphs]) of one seed file, cleaned of scrape noise."""
    lines = [nfc(line).strip() for line in (SEEDS / seed.file).read_text("utf-8").splitlines()]
    lines = [line for line in lines if line and not NOISE_LINES.match(line)]
    title, rest = lines[0], lines[1:]
    paragraphs, seen = [], set()
    for line in rest:
        if line.startswith(TAIL_MARKERS):
            break
        if line.startswith(title) or line in seed.credit_lines or line in seen:
            continue  # the title repeated with its date, a credit line, a repeated paragraph
        seen.add(line)
        paragraphs.append(re.sub(r"\s+", " ", line))
    # A teaser the page printed before the paragraph it begins is said once.
    followers = [*paragraphs[1:], ""]
    kept = [p for p, after in zip(paragraphs, followers, strict=True) if not after.startswith(p)]
    return title, kept


def load_categories():
    categories = {}
    for order, (name, description) in enumerate(CATEGORIES, start=1):
        categories[name], _ = Category.objects.get_or_create(
            slug=slugify_vi(name),
            defaults={"name": name, "description": description, "order": order},
        )
    return categories


def get_tags(names):
    # Tags made here keep an ASCII slug ("nha-tinh-thuong"), as our other slugs do.
    return [
        Tag.objects.get_or_create(slug=slugify_vi(name), defaults={"name": name})[0]
        for name in names
    ]


def load(stdout):
    categories = load_categories()
    created = 0
    for seed in SEED_ARTICLES:
        title, paragraphs = read_seed(seed)
        slug = slugify_vi(title)
        if Article.objects.filter(slug=slug).exists():
            continue  # loaded before; staff may have edited it since
        article = Article.objects.create(
            title=title,
            slug=slug,
            category=categories[seed.category],
            sapo=seed.sapo,
            body="".join(f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs),
            author=seed.author,
            photo_credit=seed.photo_credit,
            status=Article.Status.PUBLISHED,
            published_at=seed.published_at,
            featured=seed.featured,
        )
        Article.objects.filter(pk=article.pk).update(view_count=seed.view_count)
        article.tags.set(get_tags(seed.tags))
        created += 1
    stdout.write(f"  Tin tức: {created} bài mới, {len(SEED_ARTICLES)} bài mẫu")
