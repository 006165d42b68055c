from django.contrib.admin.apps import AdminConfig


class PortalAdminConfig(AdminConfig):
    """django.contrib.admin with the portal's site (mattran.admin_site)."""

    default_site = "mattran.admin_site.PortalAdminSite"
