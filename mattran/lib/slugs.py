"""A slug no other row holds: `base`, else `base-2`, `base-3`…"""


def unique_slug(base, others, refused=None):
    """The first of `base`, `base-2`, `base-3`… that no row of `others` (a queryset of the
    other rows) holds and that `refused(slug)` does not turn down (a site path, an old
    address kept for another row)."""
    slug, n = base, 2
    while (refused is not None and refused(slug)) or others.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug
