"""Generated meetings for load tests (`manage.py generate_data --meetings N`).

Each meeting has a host body, a term, a place and a summary, five to twelve attendees
(people already on record, or guests named as printed), sometimes groups present, and
most have a resolution with its targets. A few are for leaders only. `search_text`
holds the attendees' names and titles, as `Meeting.update_search_text()` writes it.
"""

import datetime

from django.utils import timezone

from mattran.generate import (
    TITLES,
    SlugAllocator,
    bulk_insert,
    make_people,
    moment_between,
    person_name,
    years_back,
)
from mattran.lib import names
from mattran.lib.text import nfc
from mattran.models import Body, Person, Term
from mattran.visibility import Visibility
from meetings.models import Attendance, AttendingGroup, Meeting, Resolution, ResolutionTarget
from meetings.models.meeting import RESERVED_SLUGS, meeting_search_key

YEARS = 15
KINDS = [
    (Meeting.Kind.CONFERENCE, "Hội nghị {topic}"),
    (Meeting.Kind.CONGRESS, "Đại hội đại biểu Mặt trận {body_name} nhiệm kỳ {term}"),
    (Meeting.Kind.ROUND_TABLE, "Tọa đàm {topic}"),
    (Meeting.Kind.UNITY_SPACE, "Sinh hoạt “Không gian đại đoàn kết” {quarter}"),
    (Meeting.Kind.VOTERS, "Tiếp xúc cử tri trước kỳ họp HĐND, {quarter}"),
]
TOPICS = [
    "sơ kết công tác Mặt trận 6 tháng đầu năm {year}",
    "tổng kết công tác Mặt trận năm {year}",
    "triển khai chương trình phối hợp thống nhất hành động năm {year}",
    "giám sát thực hiện chính sách an sinh xã hội năm {year}",
    "bàn giải pháp xây dựng nhà đại đoàn kết năm {year}",
    "lấy ý kiến nhân dân về chỉnh trang đô thị",
    "phát huy vai trò Ban Thanh tra nhân dân",
]
PLACES = [
    "Hội trường Ủy ban MTTQ phường",
    "Hội trường UBND phường",
    "Nhà văn hóa {area}",
    "Trụ sở Ban công tác Mặt trận {area}",
]
TARGETS = [
    ("Xây dựng và sửa chữa nhà đại đoàn kết", "căn"),
    ("Vận động Quỹ “Vì người nghèo”", "đồng"),
    ("Trao quà cho hộ nghèo, cận nghèo dịp Tết", "phần"),
    ("Tổ chức sinh hoạt “Không gian đại đoàn kết” ở các khu dân cư", "cuộc"),
    ("Vận động người dân tham gia bảo hiểm y tế", "người"),
    ("Giám sát việc thực hiện chính sách đối với người có công", "cuộc"),
]
GROUPS = [
    "Thành viên Ban công tác Mặt trận các khu dân cư",
    "Đại diện các tổ chức thành viên",
    "Trưởng các khu phố, khóm",
    "Đông đảo cử tri trên địa bàn",
]


def _term(year):
    # Ward terms of five years: 2004–2009, 2009–2014, … 2024–2029.
    start = 2004 + (year - 2004) // 5 * 5
    term, _ = Term.objects.get_or_create(start_year=start, end_year=start + 5)
    return term


def _title(rng, kind_template, body, starts):
    quarter = f"quý {(starts.month - 1) // 3 + 1}/{starts.year}"
    term = _term(starts.year).label
    topic = rng.choice(TOPICS).format(year=starts.year)
    return nfc(kind_template.format(topic=topic, body_name=body.name, term=term, quarter=quarter))


def _meeting(rng, bodies, slugs, start, end):
    starts = timezone.localtime(moment_between(rng, start, end))
    kind, template = rng.choice(KINDS)
    body = rng.choice(bodies)
    area = f"khu phố {rng.randint(1, 10)}"
    title = _title(rng, template, body, starts)
    summary = nfc(
        f"{title}. Hội nghị đánh giá kết quả thực hiện nhiệm vụ, thảo luận và thống nhất "
        f"phương hướng thời gian tới; có {rng.randint(20, 200)} đại biểu tham dự."
    )
    return Meeting(
        kind=kind,
        title=title,
        slug=slugs(title, "hoi-nghi"),
        starts_at=starts,
        time_of_day=rng.choice(list(Meeting.TimeOfDay.values)),
        place=nfc(rng.choice(PLACES).format(area=area)),
        body=body,
        term=_term(starts.year),
        summary=summary,
        visibility=Visibility.LEADERS if rng.random() < 0.05 else Visibility.PUBLIC,
    )


def _attendances(rng, meeting, people):
    rows = []
    for order in range(1, rng.randint(5, 12) + 1):
        role = rng.choices(list(Attendance.Role.values), weights=[2, 2, 1, 8, 3])[0]
        if rng.random() < 0.8:
            person = rng.choice(people)
            name, guest, person_id, title = person.full_name, "", person.pk, person.title
        else:
            name = guest = nfc(person_name(rng))
            person_id, title = None, rng.choice(TITLES)
        rows.append(
            Attendance(
                meeting=meeting,
                person_id=person_id,
                guest_name=guest,
                title_as_printed=title,
                role=role,
                order=order,
                sort_key=names.sort_key(name),
            )
        )
    return rows


def _search_text(meeting, attendances, people_by_pk):
    """What Meeting._search_text() reads back: title, summary, place, then each
    attendee's name and printed title in the attendances' own order."""
    people = []
    for row in sorted(attendances, key=lambda a: (a.role, a.order, a.sort_key)):
        name = people_by_pk[row.person_id].full_name if row.person_id else row.guest_name
        people += [name, row.title_as_printed]
    return meeting_search_key(meeting.title, meeting.summary, meeting.place, people)


def generate(rng, count, stdout=None):
    """Add `count` meetings with attendees, groups, resolutions and targets."""
    bodies = list(Body.objects.order_by("pk"))
    if not bodies:
        bodies = [Body.objects.create(name="Ủy ban MTTQ Việt Nam phường", kind="committee")]
    people = list(Person.objects.all()) + make_people(rng, max(50, count // 10))
    people_by_pk = {person.pk: person for person in people}
    slugs = SlugAllocator(Meeting, reserved=RESERVED_SLUGS)
    # Most in the past fifteen years, a handful still to come.
    start, end = years_back(YEARS), timezone.now() + datetime.timedelta(days=60)
    done = 0
    while done < count:
        size = min(1000, count - done)
        meetings = [_meeting(rng, bodies, slugs, start, end) for _ in range(size)]
        attendances = {id(m): _attendances(rng, m, people) for m in meetings}
        for meeting in meetings:
            meeting.search_text = _search_text(meeting, attendances[id(meeting)], people_by_pk)
        meetings = bulk_insert(Meeting, meetings)
        bulk_insert(Attendance, (row for m in meetings for row in attendances[id(m)]))
        bulk_insert(
            AttendingGroup,
            (
                AttendingGroup(meeting=m, description=g, headcount=rng.randint(10, 120), order=n)
                for m in meetings
                if rng.random() < 0.4
                for n, g in enumerate(rng.sample(GROUPS, rng.randint(1, 2)), start=1)
            ),
        )
        _resolutions(rng, meetings)
        done += size
        if stdout:
            stdout.write(f"  Hội nghị: {done}/{count}")
    return done


def _resolutions(rng, meetings):
    with_resolution = [m for m in meetings if rng.random() < 0.6]
    resolutions = bulk_insert(
        Resolution,
        (
            Resolution(
                meeting=m,
                title=nfc(f"Nghị quyết {m.title}"),
                number=f"{rng.randint(1, 99)}/NQ-MTTQ",
            )
            for m in with_resolution
        ),
    )
    today = timezone.localdate()
    rows = []
    for resolution in resolutions:
        held = timezone.localtime(resolution.meeting.starts_at).date()
        for order, (text, unit) in enumerate(rng.sample(TARGETS, rng.randint(2, 4)), start=1):
            deadline = held + datetime.timedelta(days=rng.randint(90, 400))
            if deadline < today:
                status = rng.choices(list(ResolutionTarget.Status.values), weights=[1, 2, 12])[0]
            else:
                status = rng.choice([ResolutionTarget.Status.NOT_STARTED, "dang-thuc-hien"])
            rows.append(
                ResolutionTarget(
                    resolution=resolution,
                    text=nfc(text),
                    number=rng.randint(1, 50) * (1_000_000 if unit == "đồng" else 1),
                    unit=unit,
                    deadline=deadline,
                    status=status,
                    order=order,
                )
            )
    bulk_insert(ResolutionTarget, rows)
