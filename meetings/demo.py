"""Demo meetings: the five read out of the seed articles (mattran/demo_data/facts.json)
with their attendees as printed, plus one leaders-only meeting with internal minutes.

The seed articles come from several wards; the demo files them all under the demo ward.
Running it twice changes nothing: each meeting is found by its slug, and its record is
written only when the meeting is new.
"""

import datetime
import io
import json
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django.db import transaction

from mattran.demo import DATA_DIR
from mattran.lib.text import slugify_vi
from mattran.models import Body, Person, ResidentialArea, Term
from meetings.models import (
    Attachment,
    Attendance,
    AttendingGroup,
    ElectedMember,
    Election,
    Meeting,
    Resolution,
    ResolutionTarget,
    Visibility,
)
from meetings.services import confirm_election

WARD_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
Role = Attendance.Role
Kind = Meeting.Kind
TimeOfDay = Meeting.TimeOfDay

BODIES = {
    "committee": ("Ủy ban MTTQ Việt Nam phường An Hòa", Body.Kind.COMMITTEE, 1),
    "standing": ("Ban Thường trực Ủy ban MTTQ Việt Nam phường An Hòa", Body.Kind.STANDING_BOARD, 0),
    "kp1": ("Ban công tác Mặt trận khu phố 1", Body.Kind.AREA_BOARD, 10),
}

# Roles as the articles print them; the note keeps wording no role names exactly.
ROLES = {
    "phát biểu chỉ đạo": (Role.DIRECTING, ""),
    "khách mời": (Role.GUEST, ""),
    "báo cáo": (Role.REPORT, ""),
    "chủ trì": (Role.CHAIR, ""),
    "chủ trì, phát biểu tiếp thu": (Role.CHAIR, "phát biểu tiếp thu"),
    "quán triệt Kết luận số 01-KL/TW": (Role.DIRECTING, "quán triệt Kết luận số 01-KL/TW"),
}

# How each seed meeting is filed: title, kind, body, term, time, place.
MEETINGS = {
    "000_c62c67b94ee7d68b.txt": {
        "title": "Sinh hoạt “Không gian đại đoàn kết”: đưa Nghị quyết Đại hội MTTQ Việt Nam "
        "phường An Hòa vào cuộc sống",
        "kind": Kind.UNITY_SPACE,
        "body": "standing",
        "term": (2024, 2029),
        "time": TimeOfDay.MORNING,
    },
    "001_98305c7516377432.txt": {
        "title": "Hội nghị tổng kết công tác dân vận của Đảng, công tác Mặt trận và các tổ chức "
        "chính trị - xã hội phường 1, năm 2019",
        "kind": Kind.CONFERENCE,
        "body": "committee",
        "term": (2019, 2024),
        "time": TimeOfDay.MORNING,
        "summary_extra": "Ủy ban nhân dân phường 1 khen thưởng 12 tập thể và 45 cá nhân.",
    },
    "002_0c8cf19a6beb1e4d.txt": {
        "title": "Hội nghị Ủy ban MTTQ Phường 2 lần thứ II, nhiệm kỳ 2024 - 2029",
        "kind": Kind.CONFERENCE,
        "body": "committee",
        "term": (2024, 2029),
        "time": TimeOfDay.UNKNOWN,
        "resolution": "Chương trình thống nhất hành động 6 tháng cuối năm 2024",
        # "6 tháng cuối năm 2024": the article's own horizon for these directions.
        "deadline": datetime.date(2024, 12, 31),
    },
    "003_df2023ce79b5ab17.txt": {
        "title": "Hội nghị Ban công tác Mặt trận khu phố 1, nhiệm kỳ 2024 - 2026",
        "kind": Kind.CONFERENCE,
        "body": "kp1",
        "term": (2024, 2026),
        "time": TimeOfDay.UNKNOWN,
        "summary": "Đánh giá kết quả hoạt động Ban công tác Mặt trận Khu phố 1 nhiệm kỳ "
        "2021-2024 và hiệp thương cử Ban công tác Mặt trận khu phố nhiệm kỳ 2024 - 2026.",
    },
    "004_25910b8eda50ab56.txt": {
        "title": "Tọa đàm bàn giải pháp nâng cao chất lượng, hiệu quả hoạt động Ban công tác "
        "Mặt trận khu dân cư",
        "kind": Kind.ROUND_TABLE,
        "body": "standing",
        "term": (2019, 2024),
        "time": TimeOfDay.MORNING,
    },
}

POSITIONS = {"Trưởng Ban công tác Mặt trận khu phố": "truong-ban"}

INTERNAL_TITLE = "Họp Ban Thường trực: rà soát tiến độ thực hiện Nghị quyết Đại hội (nội bộ)"
INTERNAL_TARGETS = [
    # Demo figures, not from the seed articles: they give the leaders' page something to track.
    ("Hoàn thành khảo sát hộ nghèo, cận nghèo còn ở nhà tạm bợ", None, "", (2024, 10, 31)),
    ("Vận động Quỹ “Vì người nghèo” năm 2025", 50000000, "đồng", (2025, 12, 31)),
    ("Tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở các khu dân cư", 5, "khu", (2030, 11, 18)),
]


def load(stdout):
    facts = json.loads((DATA_DIR / "facts.json").read_text(encoding="utf-8"))
    bodies = _bodies()
    articles = {a["file"]: a["title"] for a in facts["articles"]}
    created = 0
    for record in facts["meetings"]:
        plan = MEETINGS[record["file"]]
        with transaction.atomic():
            created += _seed_meeting(record, plan, bodies, articles.get(record["file"], ""))
    created += _internal_meeting(bodies)
    _memberships(bodies)
    stdout.write(
        f"  Hội nghị: {Meeting.objects.count()} ({created} mới), trong đó "
        f"{Meeting.objects.filter(visibility=Visibility.LEADERS).count()} chỉ dành cho lãnh đạo"
    )


def _bodies():
    area, _ = ResidentialArea.objects.get_or_create(name="Khu phố 1")
    bodies = {}
    for key, (name, kind, order) in BODIES.items():
        bodies[key], _ = Body.objects.get_or_create(
            slug=slugify_vi(name),
            defaults={
                "name": name,
                "kind": kind,
                "order": order,
                "area": area if kind == Body.Kind.AREA_BOARD else None,
            },
        )
    return bodies


def _term(years):
    term, _ = Term.objects.get_or_create(start_year=years[0], end_year=years[1])
    return term


def _person(name, title=""):
    person = Person.objects.filter(full_name=name).first()
    if person is None:
        person = Person.objects.create(full_name=name, title=title)
    return person


def _article(title):
    """The news demo's article for this meeting, when that demo has made one."""
    from news.models import Article

    return Article.objects.filter(slug=slugify_vi(title)).first() if title else None


def _starts_at(day, time_of_day):
    # Only the part of the day is known: a typical starting hour keeps the order right.
    hours = {TimeOfDay.MORNING: 7, TimeOfDay.AFTERNOON: 14, TimeOfDay.EVENING: 19}
    hour = hours.get(time_of_day, 8)
    date = datetime.date.fromisoformat(day)
    return datetime.datetime(date.year, date.month, date.day, hour, 30, tzinfo=WARD_TZ)


def _seed_meeting(record, plan, bodies, article_title):
    slug = slugify_vi(plan["title"])
    meeting = Meeting.objects.filter(slug=slug).first()
    if meeting is not None:
        if meeting.article_id is None and (article := _article(article_title)):
            meeting.article = article  # the news demo may have run after us once
            meeting.save(update_fields=["article"])
        return 0
    summary = plan.get("summary") or record.get("purpose", "")
    if plan.get("summary_extra"):
        summary = f"{summary}. {plan['summary_extra']}"
    meeting = Meeting.objects.create(
        slug=slug,
        title=plan["title"],
        kind=plan["kind"],
        starts_at=_starts_at(record["date"], plan["time"]),
        time_of_day=plan["time"],
        place=record.get("venue", ""),
        body=bodies[plan["body"]],
        term=_term(plan["term"]),
        summary=summary,
        article=_article(article_title),
    )
    for order, attendee in enumerate(record["attendees"], start=1):
        role, note = ROLES[attendee["role"]]
        Attendance.objects.create(
            meeting=meeting,
            person=_person(attendee["name"], attendee["title"]),
            title_as_printed=attendee["title"],
            role=role,
            role_note=note,
            order=order,
        )
    meeting.update_search_text()
    for order, group in enumerate(record.get("attending_groups", []), start=1):
        AttendingGroup.objects.create(meeting=meeting, description=group, order=order)
    if "resolution" in record:
        _resolution(meeting, record["resolution"]["title"], record["resolution"]["targets"])
    if "directions_next_period" in record:
        _resolution(meeting, plan["resolution"], record["directions_next_period"], plan["deadline"])
    if "election" in record:
        _election(meeting, record["election"], bodies[plan["body"]])
    return 1


def _resolution(meeting, title, targets, deadline=None):
    resolution = Resolution.objects.create(meeting=meeting, title=title)
    for order, text in enumerate(targets, start=1):
        ResolutionTarget.objects.create(
            resolution=resolution, text=text, deadline=deadline, order=order
        )


def _election(meeting, facts, body):
    election = Election.objects.create(
        meeting=meeting,
        method=Election.Method.CONSULTATIVE,
        body=body,
        term=_term(tuple(int(y) for y in facts["term"].split("-"))),
        seats=facts["seats"],
    )
    for order, named in enumerate(facts["named"], start=1):
        ElectedMember.objects.create(
            election=election,
            person=_person(named["name"], named["position"]),
            position=POSITIONS[named["position"]],
            order=order,
        )
    confirm_election(election)


def _internal_meeting(bodies):
    slug = slugify_vi(INTERNAL_TITLE)
    if Meeting.objects.filter(slug=slug).exists():
        return 0
    with transaction.atomic():
        meeting = Meeting.objects.create(
            slug=slug,
            title=INTERNAL_TITLE,
            kind=Kind.CONFERENCE,
            starts_at=datetime.datetime(2024, 9, 10, 8, 0, tzinfo=WARD_TZ),
            place="Phòng họp Ủy ban MTTQ Việt Nam phường",
            body=bodies["standing"],
            term=_term((2024, 2029)),
            summary="Cuộc họp nội bộ (dữ liệu minh họa): rà soát tiến độ các chỉ tiêu Nghị "
            "quyết Đại hội, phân công thành viên Ban Thường trực phụ trách từng khu dân cư.",
            visibility=Visibility.LEADERS,
        )
        Attendance.objects.create(
            meeting=meeting,
            person=_person("Nguyễn Lê Bích Nga"),
            title_as_printed="Phó Bí thư Đảng ủy/Chủ tịch Ủy ban MTTQ Việt Nam phường",
            role=Role.CHAIR,
        )
        AttendingGroup.objects.create(
            meeting=meeting, description="Thành viên Ban Thường trực Ủy ban MTTQ phường"
        )
        resolution = Resolution.objects.create(meeting=meeting, title="Kết luận cuộc họp")
        for order, (text, number, unit, deadline) in enumerate(INTERNAL_TARGETS, start=1):
            ResolutionTarget.objects.create(
                resolution=resolution,
                text=text,
                number=number,
                unit=unit,
                deadline=datetime.date(*deadline),
                order=order,
            )
        attachment = Attachment(
            meeting=meeting,
            kind=Attachment.Kind.MINUTES,
            title="Biên bản họp Ban Thường trực ngày 10/09/2024",
            visibility=Visibility.LEADERS,
        )
        attachment.file.save("bien-ban.pdf", ContentFile(minutes_pdf(meeting)), save=False)
        attachment.save()
    return 1


def _memberships(bodies):
    """The roster's standing board: the chair named by the 2024 article."""
    from mattran.models import Membership

    Membership.objects.get_or_create(
        person=_person("Nguyễn Lê Bích Nga"),
        body=bodies["standing"],
        term=_term((2024, 2029)),
        position=Membership.Position.CHAIR,
        defaults={"order": 1},
    )


def minutes_pdf(meeting):
    """A one-page PDF of minutes, drawn with Pillow so the Vietnamese letters show."""
    from PIL import Image, ImageDraw, ImageFont

    try:
        font = ImageFont.truetype("DejaVuSans.ttf", 22)
        bold = ImageFont.truetype("DejaVuSans-Bold.ttf", 28)
    except OSError:
        font = bold = ImageFont.load_default(size=22)
    page = Image.new("RGB", (1240, 1754), "white")  # A4 at 150 dpi
    draw = ImageDraw.Draw(page)
    lines = [
        (bold, "BIÊN BẢN HỌP BAN THƯỜNG TRỰC"),
        (font, "Ủy ban MTTQ Việt Nam phường An Hòa"),
        (font, f"Thời gian: {meeting.local_start:%H:%M, ngày %d/%m/%Y}"),
        (font, f"Địa điểm: {meeting.place}"),
        (font, "Chủ trì: Nguyễn Lê Bích Nga, Chủ tịch Ủy ban MTTQ Việt Nam phường"),
        (font, ""),
        (font, "Nội dung: rà soát tiến độ các chỉ tiêu Nghị quyết Đại hội nhiệm kỳ 2024 – 2029."),
        (font, "Kết luận: phân công thành viên Ban Thường trực phụ trách từng khu dân cư;"),
        (font, "hoàn thành khảo sát nhà tạm bợ trước 31/10/2024."),
        (font, ""),
        (font, "(Tài liệu nội bộ — dữ liệu minh họa)"),
    ]
    y = 120
    for face, text in lines:
        draw.text((100, y), text, fill="black", font=face)
        y += 48
    buffer = io.BytesIO()
    page.save(buffer, format="PDF", resolution=150)
    return buffer.getvalue()
