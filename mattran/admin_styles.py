"""The staff's stylesheet for the admin screens they live in (static/css/admin.css):
list columns sized for Vietnamese titles, coloured status labels, forms that fit 1280 px."""

from django import forms

STAFF_CSS = forms.Media(css={"all": ["css/admin.css"]})


class StaffStylesAdmin:
    """Mixed into a ModelAdmin: its list and form pages load the stylesheet, and its list
    takes the page's whole width.

    At 1280 px the menu down the left (300 px) and the filters on the right left a list
    about 600 px: the title column shrank to 81 px and the status and date columns slid
    out of sight. The menu repeats the home page's list of sections, so a list goes without
    it; the breadcrumbs lead back.
    """

    @property
    def media(self):
        return super().media + STAFF_CSS

    def changelist_view(self, request, extra_context=None):
        extra_context = {"is_nav_sidebar_enabled": False, **(extra_context or {})}
        return super().changelist_view(request, extra_context)
