"""{% load site_links %}{% site_links "footer" as links %}: links staff placed somewhere.

A tag, so only the templates that show links ask for them; they come from the cache
(links.models.current_links), so a page pays no query once it is warm.
"""

from django import template

from links.models import current_links

register = template.Library()


@register.simple_tag
def site_links(placement):
    """The ShownLinks of `placement` ("banner", "block", "footer") that show today."""
    return current_links().get(placement, [])
