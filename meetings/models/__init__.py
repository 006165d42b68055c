"""Meetings of the Front and what they record: who attended, what was resolved, who was
elected, and the papers. Split by topic; import from here."""

from meetings.models.attachment import Attachment
from meetings.models.attendance import Attendance, AttendingGroup
from meetings.models.election import ElectedMember, Election
from meetings.models.meeting import Meeting, Visibility
from meetings.models.resolution import Resolution, ResolutionTarget

__all__ = [
    "Attachment",
    "Attendance",
    "AttendingGroup",
    "ElectedMember",
    "Election",
    "Meeting",
    "Resolution",
    "ResolutionTarget",
    "Visibility",
]
