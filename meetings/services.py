"""Writes that touch several models at once."""

from django.db import transaction
from django.utils import timezone

from mattran.models import Membership
from meetings.models import Election


def confirm_election(election):
    """Turn an election's result into memberships of its body and term.

    One transaction: either every elected member gets their membership or nobody
    does. Confirming again creates nothing new (the memberships are found, not
    duplicated). Returns the number of memberships created.
    """
    with transaction.atomic():
        election = (
            Election.objects.select_for_update()
            .select_related("meeting", "body", "term")
            .get(pk=election.pk)
        )
        members = list(election.members.select_related("person"))
        election.check_seats(len(members))
        started_on = election.meeting.local_start.date()
        created = 0
        for order, member in enumerate(members, start=1):
            existing = Membership.objects.filter(
                person=member.person,
                body=election.body,
                term=election.term,
                position=member.position,
            ).first()
            if existing:
                continue
            membership = Membership(
                person=member.person,
                body=election.body,
                term=election.term,
                position=member.position,
                started_on=started_on,
                order=member.order or order,
            )
            membership.full_clean()
            membership.save()
            created += 1
        if election.confirmed_at is None:
            election.confirmed_at = timezone.now()
            election.save(update_fields=["confirmed_at"])
        return created
