"""Photos staff upload: checked, cleaned and cut into renditions once, at upload.

Every photo (an article's cover, an image pasted into the editor, later a document's
image) passes through here:

1. `check_image()` trusts the bytes, not the name: Pillow must recognise a JPEG, PNG,
   WebP or GIF (SVG, a script or a text file renamed .jpg never are), the file must be
   under the size limit and the picture under the pixel cap (decompression bombs).
2. `reencode()` applies the EXIF orientation, shrinks to PHOTO_MAX_SIDE and writes
   fresh pixels without any metadata (GPS position, camera serial) under a random name.
3. `make_renditions()` has easy-thumbnails cut the widths of THUMBNAIL_ALIASES, and
   returns their names and sizes, so that pages render `<img srcset>` without opening a
   file or asking the database (the Wagtail pitfall: resizing on first view).
4. `size_body_images()` gives the editor's photos in a body their height, at save.
"""

import html
import io
import re
import uuid

from django import forms
from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.defaultfilters import filesizeformat
from easy_thumbnails.files import Thumbnailer
from PIL import Image, ImageOps, UnidentifiedImageError

DEFAULT_MAX_BYTES = 8 * 1024 * 1024
DEFAULT_MAX_PIXELS = 40_000_000
# Longest side of the stored photo: news pages show at most 1200 px (2400 on a sharp
# screen); a 12-megapixel original would only cost disk and seconds at every upload.
DEFAULT_MAX_SIDE = 2400
# Pillow's own guard for every image it opens anywhere (easy-thumbnails included).
Image.MAX_IMAGE_PIXELS = getattr(settings, "PHOTO_MAX_PIXELS", DEFAULT_MAX_PIXELS)
ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}

NOT_AN_IMAGE = "Tệp này không phải là ảnh hợp lệ. Hãy chọn ảnh JPEG, PNG, WebP hoặc GIF."
WRONG_FORMAT = "Chỉ nhận ảnh JPEG, PNG, WebP hoặc GIF (không nhận SVG hay định dạng khác)."
TOO_BIG = "Tệp ảnh quá lớn ({size}). Dung lượng tối đa là {limit}."
TOO_MANY_PIXELS = (
    "Ảnh có kích thước quá lớn (quá {megapixels} triệu điểm ảnh) hoặc là một tệp «bom giải nén». "
    "Hãy thu nhỏ ảnh rồi tải lên lại."
)


def max_bytes():
    return getattr(settings, "PHOTO_MAX_BYTES", DEFAULT_MAX_BYTES)


def max_pixels():
    return getattr(settings, "PHOTO_MAX_PIXELS", DEFAULT_MAX_PIXELS)


def _size_vi(n):
    # filesizeformat gives "8,0 MB" in Vietnamese; good enough and localised.
    return filesizeformat(n)


def check_image(upload):
    """Raise a Vietnamese ValidationError unless `upload` is a real, reasonable photo.

    Returns the decoded Pillow image so the caller need not read the file twice.
    """
    size = getattr(upload, "size", None)
    if size is not None and size > max_bytes():
        raise ValidationError(
            TOO_BIG.format(size=_size_vi(size), limit=_size_vi(max_bytes())), code="too_big"
        )
    upload.seek(0)
    data = upload.read(max_bytes() + 1)
    upload.seek(0)
    if len(data) > max_bytes():
        raise ValidationError(
            TOO_BIG.format(size=_size_vi(len(data)), limit=_size_vi(max_bytes())),
            code="too_big",
        )
    try:
        image = Image.open(io.BytesIO(data))  # reads the header only
        if image.format not in ACCEPTED_FORMATS:
            raise ValidationError(WRONG_FORMAT, code="format")
        width, height = image.size
        # Refuse before decoding: a bomb is a few kilobytes that unpack to gigabytes.
        if width * height > max_pixels():
            raise ValidationError(
                TOO_MANY_PIXELS.format(megapixels=max_pixels() // 1_000_000), code="bomb"
            )
        image.verify()
        # verify() leaves the image unusable; decode the pixels from a fresh open.
        image = Image.open(io.BytesIO(data))
        image.load()
    except Image.DecompressionBombError as error:  # Pillow's own cap, at twice ours
        raise ValidationError(
            TOO_MANY_PIXELS.format(megapixels=max_pixels() // 1_000_000),
            code="bomb",
        ) from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(NOT_AN_IMAGE, code="invalid") from error
    return image


def validate_image(upload):
    """Model/form field validator: a photo we would accept, or a Vietnamese error."""
    if upload and not getattr(upload, "_committed", False):
        check_image(upload)


def reencode(image):
    """Fresh pixels in the right orientation, no metadata, under a random name.

    The photo is shrunk to PHOTO_MAX_SIDE on its longest side, never enlarged.
    """
    image = ImageOps.exif_transpose(image)
    max_side = getattr(settings, "PHOTO_MAX_SIDE", DEFAULT_MAX_SIDE)
    image.thumbnail((max_side, max_side), reducing_gap=3.0)
    has_alpha = image.mode in {"RGBA", "LA", "PA"} or (
        image.mode == "P" and "transparency" in image.info
    )
    out = io.BytesIO()
    if has_alpha:
        clean = image.convert("RGBA")
        clean.info = {}
        clean.save(out, format="PNG", optimize=True)
        extension = "png"
    else:
        clean = image.convert("RGB")
        clean.info = {}
        clean.save(out, format="JPEG", quality=85, progressive=True)
        extension = "jpg"
    return ContentFile(out.getvalue(), name=f"{uuid.uuid4().hex}.{extension}")


def clean_upload(upload):
    """check_image() then reencode(): what is safe to store for an uploaded file."""
    image = check_image(upload)
    try:
        return reencode(image)
    except (OSError, ValueError) as error:  # an exotic mode Pillow cannot convert
        raise ValidationError(NOT_AN_IMAGE, code="invalid") from error


def make_renditions(name, storage=default_storage):
    """Cut every width of THUMBNAIL_ALIASES from the stored file `name`, once.

    Returns {"source": name, "width", "height", "sizes": [{"name", "width", "height"}]}
    ordered by width; a photo narrower than a rendition is never enlarged.
    """
    with storage.open(name) as stored, Image.open(stored) as original:
        width, height = original.size
    thumbnailer = Thumbnailer(
        name=name, source_storage=storage, thumbnail_storage=storage, remote_source=False
    )
    sizes, seen = [], set()
    for options in settings.THUMBNAIL_ALIASES[""].values():
        thumbnail = thumbnailer.get_thumbnail(options)
        if thumbnail.width in seen:
            continue
        seen.add(thumbnail.width)
        sizes.append({"name": thumbnail.name, "width": thumbnail.width, "height": thumbnail.height})
    sizes.sort(key=lambda size: size["width"])
    return {"source": name, "width": width, "height": height, "sizes": sizes}


def prepare_photo(fieldfile, renditions):
    """For a model's save(): clean a newly uploaded photo and return its renditions.

    `renditions` is what the model stored last time; it is returned as is when the
    photo did not change, so saving an article again costs no image work.
    """
    if not fieldfile:
        return {}
    if not fieldfile._committed:
        cleaned = clean_upload(fieldfile.file)
        fieldfile.save(cleaned.name, cleaned, save=False)
    if (renditions or {}).get("source") != fieldfile.name:
        try:
            renditions = make_renditions(fieldfile.name, fieldfile.storage)
        except FileNotFoundError:
            # A name set by hand to a file that is not there: the page shows no picture
            # rather than the save failing; the next upload cuts renditions again.
            return {}
    return renditions


# A sanitised body is serialised by html5ever: attributes always double-quoted, `"` escaped.
IMG_TAG = re.compile(r"<img\s[^>]*>")
IMG_ATTRIBUTE = re.compile(r'([a-z-]+)="([^"]*)"')


def size_body_images(body, storage=default_storage):
    """Give each of our photos in a sanitised body its height as well as its width.

    CKEditor 5 writes only `width` for an upload answered with a srcset, so the browser
    could not reserve the photo's space before it loads. Run at save, never per request:
    it reads the header of each stored photo that lacks a height.
    """

    def complete(match):
        tag = match.group(0)
        attributes = dict(IMG_ATTRIBUTE.findall(tag))
        src = html.unescape(attributes.get("src", ""))
        if "height" in attributes or not src.startswith(settings.MEDIA_URL):
            return tag
        try:
            name = src.removeprefix(settings.MEDIA_URL)
            with storage.open(name) as stored, Image.open(stored) as image:
                width, height = image.size
        except (OSError, ValueError, SuspiciousFileOperation, Image.DecompressionBombError):
            return tag
        shown = int(attributes["width"]) if attributes.get("width", "").isdigit() else width
        attributes["width"], attributes["height"] = str(shown), str(round(shown * height / width))
        return "<img " + " ".join(f'{key}="{value}"' for key, value in attributes.items()) + ">"

    return IMG_TAG.sub(complete, body or "")


def picture(renditions, storage=default_storage, preferred_width=800):
    """What `<img>` needs from stored renditions: src, srcset, width and height.

    Pure computation on stored data: no query, no file opened.
    """
    sizes = (renditions or {}).get("sizes") or []
    if not sizes:
        return None
    fitting = [size for size in sizes if size["width"] <= preferred_width]
    chosen = fitting[-1] if fitting else sizes[0]
    return {
        "src": storage.url(chosen["name"]),
        "srcset": ", ".join(f"{storage.url(size['name'])} {size['width']}w" for size in sizes),
        "width": chosen["width"],
        "height": chosen["height"],
    }


class PhotoFormField(forms.ImageField):
    """An ImageField whose refusals say why, in Vietnamese (size, type, bomb)."""

    def to_python(self, data):
        upload = forms.FileField.to_python(self, data)
        if upload is None:
            return None
        check_image(upload)
        return super().to_python(data)
