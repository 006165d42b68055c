from django.urls import reverse

from meetings.models import Meeting

KP1_TITLE = "Hội nghị Ban công tác Mặt trận khu phố 1, nhiệm kỳ 2024 - 2026"


def test_khu_pho_1_page_shows_its_election_and_le_thuy_lan_as_truong_ban(client, demo):
    meeting = Meeting.objects.get(title=KP1_TITLE)

    page = client.get(meeting.get_absolute_url()).content.decode()

    assert "Thứ Năm, 18/01/2024" in page
    assert "Hiệp thương cử Ban công tác Mặt trận khu phố 1, nhiệm kỳ 2024–2026" in page
    assert "hiệp thương cử 8 vị" in page
    row = page.split("<td>Lê Thuý Lan</td>", 1)[1].split("</tr>", 1)[0]
    assert "Trưởng ban" in row
    assert "Hoàng Xuân Dĩa" in page
    assert "Phó Chủ tịch Ủy ban MTTQ Việt Nam phường" in page


def test_meeting_page_groups_attendees_by_role_with_titles_as_printed(client, demo):
    meeting = Meeting.objects.get(kind=Meeting.Kind.UNITY_SPACE)

    page = client.get(meeting.get_absolute_url()).content.decode()

    assert "Thứ Sáu, 17/05/2024, buổi sáng" in page
    chair = page.split("<dt>Chủ trì</dt>", 1)[1].split("</dd>", 1)[0]
    assert "Nguyễn Lê Bích Nga" in chair
    directing = page.split("Phát biểu chỉ đạo</h3>", 1)[1].split("</ul>", 1)[0]
    assert "Nguyễn Văn Thuận" in directing
    assert "Ủy viên Ban Thường vụ Thành ủy, Chủ tịch Ủy ban MTTQ Việt Nam thành phố Sa Đéc" in (
        directing
    )
    guests = page.split("Khách mời</h3>", 1)[1].split("</ul>", 1)[0]
    assert "Nguyễn Thanh Hồng" in guests and "Phan Trần Hậu" in guests
    assert "Xóa trắng nhà tạm bợ cho hộ nghèo, hộ cận nghèo đủ điều kiện" in page
    assert "Tổ sản xuất và cung ứng hoa kiểng khóm Tân An" in page


def test_print_view_shows_the_same_record_without_site_navigation(client, demo):
    meeting = Meeting.objects.get(title=KP1_TITLE)

    response = client.get(meeting.get_print_url())

    page = response.content.decode()
    assert response.status_code == 200
    assert "Lê Thuý Lan" in page
    assert "site-nav" not in page


def test_list_filters_by_kind_and_year(client, demo):
    page = client.get(reverse("meetings:index"), {"loai": "toa-dam"}).content.decode()
    assert "Tọa đàm bàn giải pháp" in page
    assert "Khu phố 1" not in page.split("Đã diễn ra", 1)[1]

    page = client.get(reverse("meetings:index"), {"nam": "2020"}).content.decode()
    past = page.split("Đã diễn ra", 1)[1]
    assert "năm 2019" in past
    assert "Tọa đàm" not in past.split("meeting-list", 1)[1]


def test_list_filters_by_body(client, demo):
    page = client.get(
        reverse("meetings:index"), {"to_chuc": "ban-cong-tac-mat-tran-khu-pho-1"}
    ).content.decode()
    past = page.split("Đã diễn ra", 1)[1]
    assert KP1_TITLE in past
    assert "Tọa đàm bàn giải pháp" not in past


def test_meeting_links_to_its_published_article_only(client, public_meeting):
    from news.models import Article, Category

    category = Category.objects.create(name="Hoạt động Mặt trận")
    article = Article.objects.create(
        title="Hội nghị lần thứ II", category=category, status=Article.Status.DRAFT
    )
    public_meeting.article = article
    public_meeting.save()

    assert (
        article.get_absolute_url()
        not in client.get(public_meeting.get_absolute_url()).content.decode()
    )

    article.status = Article.Status.PUBLISHED
    article.save()
    assert (
        article.get_absolute_url() in client.get(public_meeting.get_absolute_url()).content.decode()
    )


def test_unknown_meeting_is_404(client, db):
    assert client.get("/hoi-nghi/khong-co-hoi-nghi-nay/").status_code == 404
