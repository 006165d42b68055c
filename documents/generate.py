"""Generated documents (văn bản) for load tests (`manage.py generate_data --documents N`).

Numbers, kinds, issuers and subjects as a ward Front issues them, over fifteen years;
a few for leaders only. They all point at one small generated PDF (stored once), so
their pages and downloads work without thousands of files.
"""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from documents.demo import pdf
from documents.models import SLUG_LENGTH, Document, document_search_key
from mattran.generate import SlugAllocator, bulk_insert
from mattran.lib import files
from mattran.lib.text import nfc
from mattran.visibility import Visibility

YEARS = 15
SHARED_FILE = "van-ban/du-lieu-sinh-tu-dong.pdf"
KINDS = {
    Document.Kind.RESOLUTION: "NQ",
    Document.Kind.DECISION: "QĐ",
    Document.Kind.PLAN: "KH",
    Document.Kind.NOTICE: "TB",
    Document.Kind.REPORT: "BC",
    Document.Kind.OFFICIAL_LETTER: "CV",
    Document.Kind.GUIDANCE: "HD",
}
ISSUERS = [
    "Ủy ban MTTQ Việt Nam phường",
    "Ban Thường trực Ủy ban MTTQ Việt Nam phường",
    "Ban vận động Quỹ “Vì người nghèo” phường",
    "Ban công tác Mặt trận khu phố {n}",
]
SUBJECTS = [
    "về việc tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm {year}",
    "về việc vận động ủng hộ Quỹ “Vì người nghèo” năm {year}",
    "về kết quả giám sát thực hiện chính sách an sinh xã hội năm {year}",
    "về việc xây dựng nhà đại đoàn kết cho hộ nghèo năm {year}",
    "hướng dẫn tổ chức hội nghị tiếp xúc cử tri năm {year}",
    "về chương trình phối hợp thống nhất hành động năm {year}",
    "về việc khen thưởng tập thể, cá nhân tiêu biểu năm {year}",
]


def _shared_file():
    storage = files.private_storage()
    if not storage.exists(SHARED_FILE):
        content = pdf(["VĂN BẢN MINH HỌA", "(Dữ liệu sinh tự động cho đo tải)"])
        storage.save(SHARED_FILE, ContentFile(content))
    return SHARED_FILE, storage.size(SHARED_FILE)


def _document(rng, slugs, shared, size, first_day, days):
    kind, code = rng.choice(list(KINDS.items()))
    issued_on = first_day + datetime.timedelta(days=rng.randrange(days))
    issuer = nfc(rng.choice(ISSUERS).format(n=rng.randint(1, 10)))
    number = f"{rng.randint(1, 150)}/{code}-MTTQ"
    summary = nfc(f"{kind.label} {rng.choice(SUBJECTS).format(year=issued_on.year)}")
    document = Document(
        number=number,
        kind=kind,
        issuer=issuer,
        issued_on=issued_on,
        summary=summary,
        file=shared,
        file_type=files.PDF,
        size=size,
        visibility=Visibility.LEADERS if rng.random() < 0.05 else Visibility.PUBLIC,
        download_count=rng.randint(0, 500),
    )
    # As Document._unique_slug: number and subject, cut at a word.
    base = f"{number.replace('/', ' ')} {summary}"
    document.slug = slugs(base, "van-ban")
    document.search_text = document_search_key(summary, number, document.get_kind_display(), issuer)
    return document


def generate(rng, count, stdout=None):
    shared, size = _shared_file()
    slugs = SlugAllocator(Document, max_length=SLUG_LENGTH)
    today = timezone.localdate()
    first_day = today - datetime.timedelta(days=round(365.25 * YEARS))
    days = (today - first_day).days + 1
    bulk_insert(
        Document, (_document(rng, slugs, shared, size, first_day, days) for _ in range(count))
    )
    if stdout:
        stdout.write(f"  Văn bản: {count}")
    return count
