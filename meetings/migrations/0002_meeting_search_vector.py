"""Whole-word search: every meeting's search key rebuilt as "title | summary | place and
people" (mattran.search.text), then a weighted tsvector column generated from it and a GIN
index on it (PostgreSQL; the column is NULL on SQLite)."""

import django.contrib.postgres.search
from django.db import migrations, models

import mattran.search.fulltext
from mattran.search.schema import gin_index, rebuild_keys
from meetings.models.meeting import meeting_search_key


def key(meeting):
    people = []
    for attendance in meeting.attendances.all():
        name = attendance.person.full_name if attendance.person else attendance.guest_name
        people += [name, attendance.title_as_printed]
    return meeting_search_key(meeting.title, meeting.summary, meeting.place, people)


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0001_initial"),
        ("mattran", "0007_search_configuration"),
    ]

    operations = [
        rebuild_keys("meetings", "Meeting", key, related=["attendances__person"]),
        migrations.AddField(
            model_name="meeting",
            name="search_vector",
            field=models.GeneratedField(
                db_persist=True,
                expression=mattran.search.fulltext.SectionsVector(),
                output_field=django.contrib.postgres.search.SearchVectorField(),
            ),
        ),
        gin_index("meetings_meeting", "meeting_search_vector"),
    ]
