"""Generated articles for load tests (`manage.py generate_data --articles N`).

Titles, sapo and bodies are put together from the phrases a ward Front's news uses;
dates are spread over fifteen years, most articles are published, a few are drafts,
waiting for review or scheduled. Derived fields are filled as `Article.save()` fills
them (sanitised body, folded search text, unique slug), so a generated article is
indistinguishable from one saved by staff.
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.html import escape
from taggit.models import Tag, TaggedItem

from mattran.generate import SlugAllocator, bulk_insert, moment_between, person_name, years_back
from mattran.lib.html import html_to_text, sanitize_html
from mattran.lib.text import nfc
from mattran.search.text import search_key
from news import related
from news.models import RESERVED_SLUGS, Article, Category

YEARS = 15

ACTORS = [
    "Ủy ban MTTQ Việt Nam phường",
    "Ban Thường trực Ủy ban MTTQ phường",
    "Ban công tác Mặt trận {area}",
    "Hội Liên hiệp Phụ nữ phường",
    "Đoàn Thanh niên phường",
    "Hội Cựu chiến binh phường",
    "Hội Người cao tuổi phường",
    "Chi hội Chữ thập đỏ {area}",
]
ACTIONS = [
    ("trao {n} căn nhà đại đoàn kết cho hộ nghèo", "nhà tình thương"),
    ("bàn giao nhà tình thương cho hộ cận nghèo ở {area}", "nhà tình thương"),
    ("trao {n} phần quà cho hộ khó khăn dịp Tết Nguyên đán", "an sinh xã hội"),
    ("tổ chức Ngày hội Đại đoàn kết toàn dân tộc", "ngày hội đại đoàn kết"),
    ("ra quân dọn vệ sinh, trồng cây xanh tại {area}", "môi trường"),
    ("vận động Quỹ “Vì người nghèo” được {money} đồng", "vì người nghèo"),
    ("tổ chức hội nghị tiếp xúc cử tri trước kỳ họp", "tiếp xúc cử tri"),
    ("sơ kết công tác Mặt trận 6 tháng đầu năm", "sơ kết"),
    ("tổng kết công tác Mặt trận năm {year}", "tổng kết"),
    ("tặng {n} suất học bổng cho học sinh vượt khó", "khuyến học"),
    ("khám bệnh, cấp thuốc miễn phí cho {n} người cao tuổi", "chăm lo sức khỏe"),
    ("phát động phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa”", "đời sống văn hóa"),
    ("giám sát việc thực hiện chính sách an sinh xã hội ở {area}", "giám sát"),
    ("lấy ý kiến nhân dân về dự thảo sửa đổi Hiến pháp", "góp ý"),
    ("trao {n} tấn gạo hỗ trợ người dân gặp khó khăn", "an sinh xã hội"),
    ("tổ chức sinh hoạt “Không gian đại đoàn kết”", "không gian đại đoàn kết"),
    ("vận động người dân tham gia bảo hiểm y tế hộ gia đình", "bảo hiểm y tế"),
    ("tuyên truyền phòng, chống dịch bệnh tại {area}", "phòng chống dịch"),
    ("hiệp thương cử Ban công tác Mặt trận nhiệm kỳ mới", "hiệp thương"),
    ("gặp mặt kỷ niệm ngày truyền thống Mặt trận Tổ quốc Việt Nam 18/11", "ngày truyền thống"),
]
# Tags as staff write them: capitalised, like the demo's ("Nhà tình thương").
TAG_POOL = sorted(
    {tag[0].upper() + tag[1:] for _, tag in ACTIONS} | {"Đại đoàn kết", "Khu dân cư", "Tin phường"}
)
OPENINGS = [
    "Sáng ngày {date}, {actor} đã {action}.",
    "Chiều {date}, tại hội trường {area}, {actor} {action}.",
    "Thực hiện kế hoạch năm {year}, {actor} {action}.",
    "Nhằm chăm lo đời sống người dân, ngày {date} {actor} {action}.",
]
SENTENCES = [
    "Tham dự có đại diện lãnh đạo Đảng ủy, UBND phường và các đoàn thể chính trị – xã hội.",
    "Đây là hoạt động thiết thực, góp phần thực hiện tốt cuộc vận động “Toàn dân đoàn kết "
    "xây dựng nông thôn mới, đô thị văn minh”.",
    "Dịp này, các nhà hảo tâm đã đóng góp thêm {money} đồng cho Quỹ “Vì người nghèo” của phường.",
    "Người dân bày tỏ phấn khởi, cảm ơn sự quan tâm của cấp ủy, chính quyền và Mặt trận.",
    "Hoạt động thu hút hơn {n} lượt người dân trong khu phố tham gia.",
    "Ban công tác Mặt trận các khu dân cư đã chủ động rà soát, lập danh sách các hộ khó khăn.",
    "Kinh phí thực hiện được huy động từ nguồn xã hội hóa và Quỹ “Vì người nghèo” các cấp.",
    "Qua đó, phát huy tinh thần tương thân tương ái, “lá lành đùm lá rách” của nhân dân.",
    "Các đại biểu đã thảo luận, đóng góp nhiều ý kiến tâm huyết vào báo cáo.",
    "Ủy ban MTTQ phường sẽ tiếp tục phối hợp với các đoàn thể giám sát việc thực hiện.",
    "Ông {person}, Chủ tịch Ủy ban MTTQ Việt Nam phường, phát biểu ghi nhận kết quả đạt được.",
    "Bà {person}, Phó Chủ tịch UBND phường, đề nghị các khu phố nhân rộng mô hình hay.",
    "Đến nay, toàn phường đã xây dựng và sửa chữa {n} căn nhà đại đoàn kết.",
    "Các tổ chức thành viên cam kết thực hiện đạt và vượt các chỉ tiêu đề ra.",
    "Hội nghị cũng đã khen thưởng {n} tập thể, cá nhân có thành tích xuất sắc.",
]
SUBHEADS = [
    "Kết quả nổi bật",
    "Nhiệm vụ thời gian tới",
    "Ý kiến của người dân",
    "Phát huy sức mạnh đại đoàn kết",
]
AREAS = [f"khu phố {n}" for n in range(1, 11)] + ["khóm Tân An", "khóm Hòa Khánh"]


def _fill(rng, template, when):
    return template.format(
        area=rng.choice(AREAS),
        n=rng.randint(2, 300),
        money=f"{rng.randint(5, 900)}.{rng.randint(0, 999):03d}.000",
        year=when.year,
        date=f"{when:%d/%m/%Y}",
        person=person_name(rng),
        actor="{actor}",
        action="{action}",
    )


def _paragraph(rng, when):
    sentences = rng.sample(SENTENCES, rng.randint(2, 4))
    return "<p>" + escape(" ".join(_fill(rng, s, when) for s in sentences)) + "</p>"


def _article(rng, category_ids, slugs, now):
    status = rng.choices(
        [Article.Status.PUBLISHED, Article.Status.DRAFT, Article.Status.REVIEW, "scheduled"],
        weights=[95, 2, 2, 1],
    )[0]
    if status == "scheduled":
        status = Article.Status.PUBLISHED
        published_at = now + datetime.timedelta(days=rng.randint(1, 30), hours=rng.randint(0, 23))
    else:
        published_at = moment_between(rng, years_back(YEARS), now)
        if status == Article.Status.DRAFT and rng.random() < 0.5:
            published_at = None
    when = timezone.localtime(published_at or now)
    actor = _fill(rng, rng.choice(ACTORS), when)
    action_template, tag = rng.choice(ACTIONS)
    tag = tag[0].upper() + tag[1:]
    action = _fill(rng, action_template, when)
    title = nfc(f"{actor} {action}")
    title = title[0].upper() + title[1:]
    opening = rng.choice(OPENINGS).format(
        date=f"{when:%d/%m/%Y}", actor=actor, action=action, area=rng.choice(AREAS), year=when.year
    )
    paragraphs = [f"<p>{escape(opening)}</p>"]
    for n in range(rng.randint(2, 5)):
        if n == 2:
            paragraphs.append(f"<h2>{escape(rng.choice(SUBHEADS))}</h2>")
        paragraphs.append(_paragraph(rng, when))
    sapo = nfc(opening).strip()
    body = sanitize_html(nfc("".join(paragraphs)))
    article = Article(
        title=title,
        slug=slugs(title, "bai-viet"),
        category_id=rng.choice(category_ids),
        sapo=sapo,
        body=body,
        author=person_name(rng) if rng.random() < 0.7 else "",
        photo_credit=person_name(rng) if rng.random() < 0.3 else "",
        status=status,
        published_at=published_at,
        featured=rng.random() < 0.02,
        view_count=rng.randint(0, 5000),
        search_text=search_key(title, sapo, html_to_text(body)),
    )
    extra = rng.sample(TAG_POOL, rng.randint(0, 2))
    return article, {tag, *extra}


def _tag(name):
    """The tag staff already use under any capitalisation, else a new one."""
    return Tag.objects.filter(name__iexact=name).first() or Tag.objects.create(name=name)


def generate(rng, count, stdout=None):
    """Add `count` articles (with their tags) to the existing sections; returns the count."""
    category_ids = list(Category.objects.values_list("pk", flat=True))
    if not category_ids:
        category_ids = [Category.objects.create(name="Hoạt động Mặt trận").pk]
    reserved = RESERVED_SLUGS | set(Category.objects.values_list("slug", flat=True))
    slugs = SlugAllocator(Article, reserved=reserved)
    tags = {name: _tag(name) for name in TAG_POOL}
    content_type = ContentType.objects.get_for_model(Article)
    now = timezone.now()
    done = 0
    while done < count:
        size = min(5000, count - done)
        pairs = [_article(rng, category_ids, slugs, now) for _ in range(size)]
        articles = bulk_insert(Article, (article for article, _ in pairs))
        bulk_insert(
            TaggedItem,
            (
                TaggedItem(content_type=content_type, object_id=article.pk, tag=tags[name])
                for article, (_, names) in zip(articles, pairs, strict=True)
                for name in sorted(names)
            ),
        )
        done += size
        if stdout:
            stdout.write(f"  Bài viết: {done}/{count}")
    # Bulk inserts skip Article.save(): "Thông tin khác" is worked out for all at once.
    related.rebuild(Article, TaggedItem, content_type.pk)
    return done
