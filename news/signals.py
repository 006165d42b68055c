"""Tag slugs like every other slug of the portal: "Đại đoàn kết" -> "dai-doan-ket".

django-taggit would keep Vietnamese letters in the URL (/the/đại-đoàn-kết/) and
drops "đ" when told to strip them without `unidecode`; our own slugify_vi does it right.
"""

from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.utils.text import slugify
from taggit.models import Tag

from mattran.lib.text import slugify_vi


@receiver(pre_save, sender=Tag)
def ascii_tag_slug(sender, instance, **kwargs):
    # Only taggit's first choice is replaced; its "_1" fallbacks after a clash stay.
    if instance._state.adding and instance.slug == slugify(instance.name, allow_unicode=True):
        instance.slug = slugify_vi(instance.name) or instance.slug
