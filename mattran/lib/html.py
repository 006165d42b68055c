"""Sanitising of rich text, the one gate every stored body passes through.

Article.save() calls sanitize_html() whatever the path (admin, editor, import, shell), so
the rules live here once: what CKEditor 5 writes for a news story survives (headings,
lists, tables, captioned images, links, block quotes, text alignment); scripts, event
handlers, `javascript:`/`data:` URLs, foreign iframes and layout-breaking styles do not.
Cleaning is idempotent: sanitising a clean body returns it unchanged.
"""

import html
import re
from urllib.parse import urlsplit

import nh3

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s", "sub", "sup",
    "a", "ul", "ol", "li", "blockquote", "hr", "figure", "figcaption", "img",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "span",
    "iframe",
}  # fmt: skip

# Dropped together with everything inside them: their content is code or markup, not text.
DROPPED_WITH_CONTENT = {
    "script", "style", "svg", "math", "object", "noscript", "template",
    "textarea", "select", "title", "xmp", "noembed", "noframes",
}  # fmt: skip

ALIGNABLE = {"p", "h2", "h3", "h4", "li", "td", "th"}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "target"},
    "img": {"src", "alt", "width", "height", "srcset", "sizes"},
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "scope", "style"},
    "iframe": {"src", "width", "height", "title", "allow", "allowfullscreen"},
    **{tag: {"style"} for tag in ALIGNABLE - {"td", "th"}},
}
# CKEditor 5's figure classes for images (with their styles) and tables.
ALLOWED_CLASSES = {
    "figure": {
        "image", "table", "image-style-side", "image-style-align-left",
        "image-style-align-right", "image-style-align-center",
        "image-style-block-align-left", "image-style-block-align-right",
    },
}  # fmt: skip
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}
TEXT_ALIGN_VALUES = {"left", "right", "center", "justify"}

# Video players a body may embed: host -> path prefix of their embeddable player.
VIDEO_EMBEDS = {
    "www.youtube.com": "/embed/",
    "youtube.com": "/embed/",
    "www.youtube-nocookie.com": "/embed/",
    "youtube-nocookie.com": "/embed/",
    "player.vimeo.com": "/video/",
    "www.facebook.com": "/plugins/video.php",
    "web.facebook.com": "/plugins/video.php",
}
IFRAME_ALLOW = {
    "accelerometer", "autoplay", "clipboard-write", "encrypted-media", "fullscreen",
    "gyroscope", "picture-in-picture", "web-share",
}  # fmt: skip
NUMBER = re.compile(r"^\d{1,4}%?$")
# nh3's output is serialised by html5ever: attribute values double-quoted with `>` and `"`
# escaped, and an iframe's content kept as raw text up to the first `</iframe>`.
IFRAME = re.compile(r"<iframe([^>]*)>.*?</iframe>", re.DOTALL)


def is_video_embed(url):
    """True for an https URL of a known video player (YouTube, Vimeo, Facebook video)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    prefix = VIDEO_EMBEDS.get((parts.hostname or "").lower())
    return (
        parts.scheme == "https"
        and prefix is not None
        and parts.port is None
        and parts.username is None
        and parts.path.startswith(prefix)
    )


def _text_align(value):
    """Keep only `text-align` with a plain keyword; anything else is dropped."""
    kept = []
    for declaration in value.split(";"):
        name, _, setting = declaration.partition(":")
        if name.strip().lower() == "text-align" and setting.strip().lower() in TEXT_ALIGN_VALUES:
            kept.append(f"text-align:{setting.strip().lower()}")
    return ";".join(kept[-1:]) or None


def _srcset(value):
    """Only site-relative or https candidates; srcset is not covered by url_schemes."""
    for candidate in value.split(","):
        url = candidate.strip().split(" ")[0]
        if not (url.startswith("/") and not url.startswith("//")) and not url.startswith(
            "https://"
        ):
            return None
    return value


def _attribute_filter(tag, attribute, value):
    if attribute == "style":
        return _text_align(value)
    if tag == "iframe":
        if attribute == "src":
            return value if is_video_embed(value) else None
        if attribute == "allow":
            features = {feature.strip() for feature in value.split(";")} & IFRAME_ALLOW
            return "; ".join(sorted(features)) or None
        if attribute == "allowfullscreen":
            return ""
    if attribute in {"width", "height"}:
        return value if NUMBER.match(value.strip()) else None
    if attribute == "target":
        return "_blank" if value == "_blank" else None
    if attribute == "srcset":
        return _srcset(value)
    return value


def sanitize_html(value):
    """Keep what staff meant (headings, lists, tables, images, links), drop the rest."""
    cleaned = nh3.clean(
        value or "",
        tags=ALLOWED_TAGS,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_attribute_filter,
        allowed_classes=ALLOWED_CLASSES,
        filter_style_properties={"text-align"},
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
        # Photos and players below the fold wait until the reader scrolls to them. One
        # attribute per tag: ammonia adds several in no fixed order, breaking idempotence.
        set_tag_attribute_values={"img": {"loading": "lazy"}, "iframe": {"loading": "lazy"}},
    )
    return IFRAME.sub(_frame_without_content, cleaned)


def _frame_without_content(match):
    """A player keeps no inner text (raw, never parsed); a frame that lost its src goes."""
    attributes = match.group(1)
    return f"<iframe{attributes}></iframe>" if ' src="' in attributes else ""


def html_to_text(value):
    """Plain text of an HTML fragment, for search keys and descriptions."""
    # A space for every tag, so that "<p>a</p><p>b</p>" reads "a b", not "ab".
    spaced = (value or "").replace("<", " <")
    bare = nh3.clean(spaced, tags=set())
    return " ".join(html.unescape(bare).split())
