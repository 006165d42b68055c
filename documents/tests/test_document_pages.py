import datetime

import pytest

from documents.models import Document
from documents.tests.documents import make_document
from mattran.lib.text import fold

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan():
    return make_document(
        number="12/KH-MTTQ",
        summary="Kế hoạch tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2024",
        kind=Document.Kind.PLAN,
        issuer="Ban Thường trực Ủy ban MTTQ phường",
        issued_on=datetime.date(2024, 8, 20),
    )


@pytest.fixture
def report():
    return make_document(
        number="05/BC-BCTMT",
        summary="Báo cáo kết quả cuộc vận động xây dựng nhà Đại đoàn kết",
        kind=Document.Kind.REPORT,
        issuer="Ban công tác Mặt trận khu phố 1",
        issued_on=datetime.date(2023, 12, 1),
    )


def titles(response):
    return [document.summary for document in response.context["page_obj"].object_list]


def test_list_shows_documents_newest_first(client, plan, report):
    response = client.get("/van-ban/")

    assert response.status_code == 200
    assert titles(response) == [plan.summary, report.summary]
    page = response.content.decode()
    assert "12/KH-MTTQ" in page and "Thứ Ba, 20/08/2024" in page
    assert plan.get_absolute_url() in page


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("loai=bao-cao", ["report"]),
        ("loai=ke-hoach", ["plan"]),
        ("nam=2023", ["report"]),
        ("nam=2024", ["plan"]),
        ("co_quan=Ban công tác Mặt trận khu phố 1", ["report"]),
        ("loai=ke-hoach&nam=2023", []),
    ],
)
def test_list_filters_by_kind_year_and_issuer(client, plan, report, query, expected):
    wanted = {"plan": plan, "report": report}

    response = client.get(f"/van-ban/?{query}")

    assert titles(response) == [wanted[name].summary for name in expected]


def test_search_without_diacritics_finds_the_plan(client, plan, report):
    response = client.get("/van-ban/", {"q": "ke hoach"})

    assert titles(response) == [plan.summary]


def test_search_matches_the_number_and_every_word(client, plan, report):
    assert titles(client.get("/van-ban/", {"q": "05/BC"})) == [report.summary]
    assert titles(client.get("/van-ban/", {"q": "dai doan ket nha"})) == [report.summary]
    assert titles(client.get("/van-ban/", {"q": "đại đoàn kết"})) == [plan.summary, report.summary]


def test_filters_stay_on_the_pagination_links(client):
    for number in range(25):
        make_document(number=f"{number}/KH-MTTQ", summary=f"Kế hoạch {number}", kind="ke-hoach")

    page = client.get("/van-ban/", {"loai": "ke-hoach"}).content.decode()

    assert "?loai=ke-hoach&amp;page=2" in page
    assert len(titles(client.get("/van-ban/", {"loai": "ke-hoach", "page": 2}))) == 5


def test_a_new_year_and_issuer_reach_the_filters_at_once(client, plan):
    client.get("/van-ban/")  # the choices are cached
    make_document(
        number="01/TB-BCTMT",
        issuer="Ban công tác Mặt trận khóm Tân An",
        issued_on=datetime.date(2025, 1, 6),
    )

    form = client.get("/van-ban/").context["form"]

    assert [value for value, _ in form.fields["nam"].choices] == ["", "2025", "2024"]
    assert "Ban công tác Mặt trận khóm Tân An" in dict(form.fields["co_quan"].choices)


def test_a_bad_filter_value_shows_everything_rather_than_failing(client, plan):
    response = client.get("/van-ban/", {"nam": "abc", "loai": "khong-co"})

    assert response.status_code == 200
    assert titles(response) == [plan.summary]


def test_document_page_shows_its_particulars_and_download_link(client, plan):
    response = client.get(plan.get_absolute_url())

    assert response.status_code == 200
    page = response.content.decode()
    for text in ["12/KH-MTTQ", "Kế hoạch", "Ban Thường trực Ủy ban MTTQ phường", plan.summary]:
        assert text in page
    assert "Thứ Ba, 20/08/2024" in page
    assert plan.get_download_url() in page
    assert "PDF" in page


def test_slug_keeps_the_number_and_vietnamese_letters(plan):
    assert plan.slug.startswith("12-kh-mttq-ke-hoach-to-chuc-ngay-hoi-dai-doan-ket")


def test_same_number_and_subject_get_distinct_slugs(plan):
    twin = make_document(number=plan.number, summary=plan.summary)

    assert twin.slug == f"{plan.slug}-2"
    # subject | number and kind | issuer, folded into whole words
    assert twin.search_text == (
        "ke hoach to chuc ngay hoi dai doan ket toan dan toc nam 2024"
        " | 12 kh mttq thong bao | ban thuong truc uy ban mttq phuong"
    )


def test_unknown_document_is_404(client):
    assert client.get("/van-ban/khong-co/").status_code == 404
    assert client.get("/van-ban/khong-co/tai-ve/").status_code == 404


def test_sitemap_lists_public_documents(client, plan):
    index = client.get("/sitemap.xml").content.decode()
    section = client.get("/sitemap-van-ban.xml").content.decode()

    assert "sitemap-van-ban.xml" in index
    assert plan.get_absolute_url() in section


def bulk_documents(count):
    """`count` public documents in one insert, sharing one stored file name (the pages
    under test never open the file)."""
    kinds = list(Document.Kind.values)
    documents = []
    for n in range(count):
        document = Document(
            number=f"{n}/TB-MTTQ",
            kind=kinds[n % len(kinds)],
            issuer=f"Cơ quan {n % 7}",
            issued_on=datetime.date(2015 + n % 10, 1 + n % 12, 1 + n % 28),
            summary=f"Văn bản thử số {n}",
            file="van-ban/thu.pdf",
            file_type="pdf",
            size=1000,
            slug=f"van-ban-thu-{n}",
        )
        document.search_text = fold(f"{document.number} {document.summary}")
        documents.append(document)
    Document.objects.bulk_create(documents)


@pytest.mark.parametrize("count", [5, 200])
def test_list_queries_do_not_grow_with_documents(client, django_assert_num_queries, count):
    bulk_documents(count)
    client.get("/")  # the ward record is cached from here on, as on a live site

    # years for the filter, issuers for the filter, count, the page's rows
    with django_assert_num_queries(4):
        response = client.get("/van-ban/")
    assert response.status_code == 200
    # the filter choices are cached now: count, the page's rows
    with django_assert_num_queries(2):
        response = client.get("/van-ban/")
    assert response.status_code == 200
    # the same with a search and every filter set
    with django_assert_num_queries(2):
        response = client.get(
            "/van-ban/", {"q": "van ban", "loai": "nghi-quyet", "nam": 2015, "co_quan": "Cơ quan 0"}
        )
    assert response.status_code == 200


@pytest.mark.parametrize("count", [5, 200])
def test_document_page_queries_do_not_grow_with_documents(client, django_assert_num_queries, count):
    bulk_documents(count)
    document = Document.objects.first()
    client.get("/")

    # the document
    with django_assert_num_queries(1):
        response = client.get(document.get_absolute_url())
    assert response.status_code == 200


@pytest.mark.parametrize("count", [5, 200])
def test_sitemap_queries_do_not_grow_with_documents(client, django_assert_num_queries, count):
    bulk_documents(count)
    client.get("/")

    # the paginator's count, the page of slugs
    with django_assert_num_queries(2):
        response = client.get("/sitemap-van-ban.xml")
    assert response.content.decode().count("<url>") == count
