"""{% load site_menu %}{% page_menu as about_pages %}: the header's "Giới thiệu" entries.

A tag rather than a context processor, so only the templates that show the menu ask for
it; the list is cached (pages.models), so a page pays no query for it.
"""

from django import template

from pages.models import Page

register = template.Library()


@register.simple_tag
def page_menu():
    """Published pages staff chose to show in the menu, in their order: MenuItem(title, url)."""
    return Page.objects.menu()
