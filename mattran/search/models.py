from django.contrib.postgres.search import SearchVectorField
from django.db import models

from mattran.search import fulltext


class Searchable(models.Model):
    """A row residents find by words: `search_text` holds its sections folded
    (mattran.search.text, written by the model's save()); PostgreSQL keeps a weighted
    tsvector of it in `search_vector` itself."""

    search_text = models.TextField(editable=False, default="")
    search_vector = models.GeneratedField(
        expression=fulltext.SectionsVector(),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    class Meta:
        abstract = True
