"""Photos: only real images get in, they are stored clean, and renditions are cut once."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from PIL import Image

from mattran.lib.images import check_image, clean_upload, make_renditions, picture
from mattran.tests import photos


def test_a_text_file_named_jpg_is_refused_in_vietnamese():
    with pytest.raises(ValidationError) as refused:
        check_image(photos.fake_photo())
    assert refused.value.messages == [
        "Tệp này không phải là ảnh hợp lệ. Hãy chọn ảnh JPEG, PNG, WebP hoặc GIF."
    ]


def test_svg_is_refused_whatever_its_name():
    with pytest.raises(ValidationError) as refused:
        check_image(photos.svg_photo())
    assert "không phải là ảnh hợp lệ" in refused.value.messages[0]


def test_a_format_outside_the_list_is_refused():
    out = io.BytesIO()
    Image.new("RGB", (10, 10)).save(out, "BMP")
    with pytest.raises(ValidationError) as refused:
        check_image(photos.upload("anh.jpg", out.getvalue()))
    assert refused.value.messages == [
        "Chỉ nhận ảnh JPEG, PNG, WebP hoặc GIF (không nhận SVG hay định dạng khác)."
    ]


def test_a_decompression_bomb_is_refused_before_decoding():
    with pytest.raises(ValidationError) as refused:
        check_image(photos.bomb_photo())
    assert refused.value.code == "bomb"
    assert refused.value.messages == [
        "Ảnh có kích thước quá lớn (quá 40 triệu điểm ảnh) hoặc là một tệp «bom giải nén». "
        "Hãy thu nhỏ ảnh rồi tải lên lại."
    ]


def test_a_picture_just_over_the_cap_is_refused_too(settings):
    settings.PHOTO_MAX_PIXELS = 1_000_000
    with pytest.raises(ValidationError) as refused:
        check_image(photos.photo(width=1001, height=1000))
    assert refused.value.code == "bomb"


def test_a_file_over_the_size_limit_is_refused(settings):
    settings.PHOTO_MAX_BYTES = 100_000
    with pytest.raises(ValidationError) as refused:
        check_image(photos.oversize_photo(100_000))
    assert refused.value.code == "too_big"
    assert refused.value.messages[0].startswith("Tệp ảnh quá lớn (")
    assert "Dung lượng tối đa là 97,7\xa0KB." in refused.value.messages[0]


def test_reencoding_drops_gps_and_every_exif_tag():
    original = photos.jpeg_bytes(gps=True)
    exif, _ = photos.exif_of(original)
    assert exif.get_ifd(photos.GPS_IFD)  # the test photo really carries a position
    cleaned = clean_upload(photos.upload("anh.jpg", original)).read()
    exif, info = photos.exif_of(cleaned)
    assert dict(exif) == {}
    assert "exif" not in info
    assert "xmp" not in info


def test_reencoding_applies_the_exif_orientation():
    # Orientation 6: the camera was turned; the stored photo must stand upright.
    cleaned = clean_upload(photos.photo(width=1600, height=1000, orientation=6))
    with Image.open(cleaned) as image:
        assert image.size == (1000, 1600)


def test_reencoded_file_has_a_random_name_and_a_type_from_its_bytes():
    first = clean_upload(photos.photo(name="../../etc/passwd.jpg"))
    second = clean_upload(photos.photo(name="../../etc/passwd.jpg"))
    assert first.name != second.name
    assert first.name.endswith(".jpg")
    assert len(first.name) == len("0123456789abcdef0123456789abcdef.jpg")
    assert clean_upload(photos.upload("a.jpg", photos.png_bytes())).name.endswith(".png")


def test_renditions_are_cut_once_with_their_real_widths(db):
    name = default_storage.save("test/anh.jpg", clean_upload(photos.photo(width=1600, height=1000)))
    renditions = make_renditions(name)
    assert renditions["width"] == 1600
    assert [(s["width"], s["height"]) for s in renditions["sizes"]] == [
        (400, 250),
        (800, 500),
        (1200, 750),
    ]
    for size in renditions["sizes"]:
        with default_storage.open(size["name"]) as stored, Image.open(stored) as image:
            assert image.size == (size["width"], size["height"])


def test_a_small_photo_is_never_enlarged(db):
    name = default_storage.save("test/nho.jpg", clean_upload(photos.photo(width=500, height=300)))
    assert [s["width"] for s in make_renditions(name)["sizes"]] == [400, 500]


def test_picture_reads_only_stored_data(db, django_assert_num_queries):
    renditions = {
        "sizes": [
            {"name": "a.jpg.400.jpg", "width": 400, "height": 250},
            {"name": "a.jpg.800.jpg", "width": 800, "height": 500},
            {"name": "a.jpg.1200.jpg", "width": 1200, "height": 750},
        ]
    }
    with django_assert_num_queries(0):
        data = picture(renditions)
    assert data == {
        "src": "/media/a.jpg.800.jpg",
        "srcset": (
            "/media/a.jpg.400.jpg 400w, /media/a.jpg.800.jpg 800w, /media/a.jpg.1200.jpg 1200w"
        ),
        "width": 800,
        "height": 500,
    }


def test_a_large_photo_is_stored_at_most_2400_pixels_on_its_longest_side():
    cleaned = clean_upload(photos.photo(width=4000, height=3000))
    with Image.open(cleaned) as image:
        assert image.size == (2400, 1800)
