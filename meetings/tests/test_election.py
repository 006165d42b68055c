import pytest
from django.core.exceptions import ValidationError

from mattran.models import Body, Membership, Person, ResidentialArea, Term
from meetings.models import ElectedMember, Election
from meetings.services import confirm_election
from meetings.tests.factories import at, make_meeting


@pytest.fixture
def election(db):
    area = ResidentialArea.objects.create(name="Khu phố 1")
    board = Body.objects.create(
        name="Ban công tác Mặt trận khu phố 1", kind=Body.Kind.AREA_BOARD, area=area
    )
    meeting = make_meeting(board, "Hội nghị Ban công tác Mặt trận khu phố 1", at(2024, 1, 18))
    election = Election.objects.create(
        meeting=meeting,
        body=board,
        term=Term.objects.create(start_year=2024, end_year=2026),
        seats=8,
    )
    ElectedMember.objects.create(
        election=election,
        person=Person.objects.create(full_name="Lê Thuý Lan"),
        position=Membership.Position.HEAD,
        order=2,
    )
    ElectedMember.objects.create(
        election=election,
        person=Person.objects.create(full_name="Trần Văn Bình"),
        position=Membership.Position.BOARD_MEMBER,
        order=1,  # confirmed first, so a failure on the head must undo it
    )
    return election


def test_confirming_twice_makes_one_set_of_memberships(election):
    assert confirm_election(election) == 2
    assert confirm_election(election) == 0

    memberships = Membership.objects.filter(body=election.body, term=election.term)
    assert memberships.count() == 2
    head = memberships.get(position=Membership.Position.HEAD)
    assert head.person.full_name == "Lê Thuý Lan"
    assert str(head.started_on) == "2024-01-18"
    election.refresh_from_db()
    assert election.confirmed_at is not None


def test_confirming_more_members_than_seats_creates_nothing(election):
    election.seats = 1
    election.save()

    with pytest.raises(ValidationError) as error:
        confirm_election(election)

    assert "chỉ có 1 thành viên" in " ".join(error.value.messages)
    assert not Membership.objects.exists()


def test_confirming_is_all_or_nothing_when_a_seat_is_taken(election):
    Membership.objects.create(
        person=Person.objects.create(full_name="Ngô Thị Hoa"),
        body=election.body,
        term=election.term,
        position=Membership.Position.HEAD,
    )

    with pytest.raises(ValidationError) as error:
        confirm_election(election)

    assert "đã do Ngô Thị Hoa đảm nhiệm" in " ".join(error.value.messages)
    # The board member, confirmed before the head failed, was rolled back.
    assert Membership.objects.count() == 1
    election.refresh_from_db()
    assert election.confirmed_at is None
