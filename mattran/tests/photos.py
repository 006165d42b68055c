"""Photos made on the spot for tests: real JPEGs with GPS EXIF, fakes and bombs."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw

GPS_IFD = 0x8825
ORIENTATION = 0x0112
GPS_LATITUDE = 2


def jpeg_bytes(width=1600, height=1000, *, gps=False, orientation=None, colour=(200, 30, 40)):
    """A JPEG with a drawn mark, optionally with a GPS position and an EXIF orientation."""
    image = Image.new("RGB", (width, height), colour)
    ImageDraw.Draw(image).rectangle([0, 0, width // 4, height // 4], fill=(255, 255, 255))
    exif = Image.Exif()
    exif[0x010F] = "Camera X"  # make
    if orientation:
        exif[ORIENTATION] = orientation
    if gps:
        # Ha Noi, 21°01'42"N 105°50'03"E.
        exif[GPS_IFD] = {1: "N", 2: (21.0, 1.0, 42.0), 3: "E", 4: (105.0, 50.0, 3.0)}
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes(), quality=90)
    return out.getvalue()


def png_bytes(width=300, height=200, mode="RGBA"):
    out = io.BytesIO()
    Image.new(mode, (width, height), (0, 120, 0, 128) if mode == "RGBA" else 0).save(out, "PNG")
    return out.getvalue()


def bomb_png_bytes(side=12_000):
    """A few kilobytes that unpack to `side`² pixels (144 million by default)."""
    out = io.BytesIO()
    Image.new("1", (side, side), 0).save(out, "PNG", optimize=True)
    return out.getvalue()


def upload(name, data, content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def photo(name="anh-hoi-nghi.jpg", **options):
    return upload(name, jpeg_bytes(**options))


def fake_photo():
    """A text file renamed .jpg."""
    return upload("anh-that.jpg", "Đây là văn bản, không phải ảnh.".encode())


def svg_photo():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="5"/></svg>'
    return upload("logo.jpg", svg, content_type="image/svg+xml")


def bomb_photo():
    return upload("bom.png", bomb_png_bytes(), content_type="image/png")


def oversize_photo(limit):
    """A real JPEG padded past `limit` bytes (the padding sits after the end marker)."""
    return upload("anh-qua-lon.jpg", jpeg_bytes(400, 300) + b"\0" * (limit + 1))


def exif_of(data):
    with Image.open(io.BytesIO(data)) as image:
        return image.getexif(), image.info
