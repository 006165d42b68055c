"""`{{ image|picture }}`: the stored renditions of a photo field, ready for `<img>`.

A model keeps the renditions of its photo field `<name>` in `<name>_renditions`
(see mattran/lib/images.py), so a page shows a photo without a query or a file read.
"""

from django import template

from mattran.lib.images import picture as picture_data

register = template.Library()


@register.filter
def picture(image):
    """src, srcset, width and height for a photo field's file, or None."""
    if not image:
        return None
    instance = getattr(image, "instance", None)
    field = getattr(image, "field", None)
    renditions = getattr(instance, f"{field.name}_renditions", None) if field else None
    return picture_data(renditions, image.storage)
