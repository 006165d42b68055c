"""Demo documents of the ward, tied to the meetings in facts.json (the resolution of the
08/07/2024 conference, the plan of the 17/05/2024 gathering, the election notice of
Khu phố 1), with small generated files. Running it twice changes nothing: a document is
found by its number and issuer."""

import datetime
import io
import zipfile
from xml.sax.saxutils import escape  # nosec B406  # writes XML text; parses none

from django.core.files.base import ContentFile

from documents.models import Document
from mattran.lib import files

COMMITTEE = "Ủy ban MTTQ Việt Nam phường An Hòa"
STANDING = "Ban Thường trực Ủy ban MTTQ Việt Nam phường An Hòa"
KP1 = "Ban công tác Mặt trận khu phố 1"
K = Document.Kind
PUBLIC = Document.Visibility.PUBLIC

DOCUMENTS = [
    # number, kind, issuer, issued on, subject, visibility, format, body lines
    (
        "15/NQ-MTTQ",
        K.RESOLUTION,
        COMMITTEE,
        datetime.date(2024, 7, 8),
        "Nghị quyết Hội nghị Ủy ban MTTQ Việt Nam phường lần thứ II, nhiệm kỳ 2024 – 2029 "
        "về chương trình thống nhất hành động 6 tháng cuối năm 2024",
        PUBLIC,
        files.PDF,
        [
            "Tập trung thực hiện các chỉ tiêu thi đua năm 2024.",
            "Nâng cao chất lượng, hiệu quả công tác giám sát giải quyết",
            "các ý kiến, kiến nghị của cử tri và nhân dân.",
        ],
    ),
    (
        "20/BC-MTTQ",
        K.REPORT,
        COMMITTEE,
        datetime.date(2024, 7, 5),
        "Báo cáo sơ kết công tác Mặt trận 6 tháng đầu năm, phương hướng nhiệm vụ "
        "6 tháng cuối năm 2024",
        PUBLIC,
        files.PDF,
        ["Trình Hội nghị Ủy ban MTTQ Việt Nam phường lần thứ II ngày 08/07/2024."],
    ),
    (
        "12/KH-MTTQ",
        K.PLAN,
        STANDING,
        datetime.date(2024, 5, 2),
        "Kế hoạch tổ chức sinh hoạt “Không gian đại đoàn kết” triển khai các chỉ tiêu "
        "Nghị quyết Đại hội MTTQ Việt Nam phường lần thứ V, nhiệm kỳ 2024 – 2029",
        PUBLIC,
        files.PDF,
        ["Thời gian: buổi sáng ngày 17/05/2024.", "Thành phần: đại diện các khu dân cư."],
    ),
    (
        "03/TB-BCTMT",
        K.NOTICE,
        KP1,
        datetime.date(2024, 1, 19),
        "Thông báo kết quả hiệp thương cử Ban công tác Mặt trận khu phố 1, nhiệm kỳ 2024 – 2026",
        PUBLIC,
        files.PDF,
        ["Hiệp thương cử 08 thành viên; bà Lê Thuý Lan làm Trưởng Ban công tác Mặt trận."],
    ),
    (
        "25/HD-MTTQ",
        K.GUIDANCE,
        STANDING,
        datetime.date(2024, 9, 10),
        "Hướng dẫn vận động ủng hộ Quỹ “Vì người nghèo” năm 2024 tại các khu dân cư",
        PUBLIC,
        files.DOCX,
        ["Mẫu sổ theo dõi đóng góp đính kèm.", "Nộp kết quả về Ban Thường trực trước 30/11."],
    ),
    (
        "08/CV-BTT",
        K.OFFICIAL_LETTER,
        STANDING,
        datetime.date(2024, 7, 15),
        "Công văn phân công thành viên Ban Thường trực phụ trách từng khu dân cư",
        Document.Visibility.LEADERS,
        files.PDF,
        ["Tài liệu nội bộ: chỉ lưu hành trong Ban Thường trực."],
    ),
]


def load(stdout):
    made = 0
    for number, kind, issuer, issued_on, summary, visibility, file_type, body in DOCUMENTS:
        if Document.objects.filter(number=number, issuer=issuer).exists():
            continue
        document = Document(
            number=number,
            kind=kind,
            issuer=issuer,
            issued_on=issued_on,
            summary=summary,
            visibility=visibility,
            file_type=file_type,
        )
        content = render_file(document, body)
        document.file.save(f"van-ban.{file_type}", ContentFile(content), save=False)
        document.save()
        made += 1
    stdout.write(f"  Văn bản: {len(DOCUMENTS)} ({made} mới)")


def render_file(document, body):
    lines = [
        document.issuer.upper(),
        f"Số: {document.number}",
        f"An Hòa, ngày {document.issued_on:%d} tháng {document.issued_on:%m} năm "
        f"{document.issued_on:%Y}",
        "",
        document.get_kind_display().upper(),
        *wrap(document.summary, 70),
        "",
        *body,
        "",
        "(Dữ liệu minh họa)",
    ]
    if document.file_type == files.DOCX:
        return docx(lines)
    return pdf(lines)


def wrap(text, width):
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line]


def pdf(lines):
    """A one-page PDF drawn with Pillow, so the Vietnamese letters show."""
    from PIL import Image, ImageDraw, ImageFont

    try:
        font = ImageFont.truetype("DejaVuSans.ttf", 20)
    except OSError:
        font = ImageFont.load_default(size=20)
    page = Image.new("L", (1240, 1754), "white")  # A4 at 150 dpi
    draw = ImageDraw.Draw(page)
    for n, text in enumerate(lines):
        draw.text((100, 120 + n * 40), text, fill="black", font=font)
    buffer = io.BytesIO()
    page.save(buffer, format="PDF", resolution=150)
    return buffer.getvalue()


def docx(lines):
    """The smallest Word document that Word and LibreOffice open."""
    paragraphs = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>' for line in lines
    )
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/officeDocument" Target="word/document.xml"/>'
            "</Relationships>"
        ),
        "word/document.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f"<w:body>{paragraphs}</w:body></w:document>"
        ),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return buffer.getvalue()
