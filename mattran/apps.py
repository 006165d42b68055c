from django.apps import AppConfig
from django.db.models.signals import post_migrate


class MattranConfig(AppConfig):
    name = "mattran"
    verbose_name = "Mặt trận phường"

    def ready(self):
        from mattran import checks  # noqa: F401  (registers the deployment checks)
        from mattran.roles import grant_group_permissions

        # Sent once per app after its permissions exist; the grant is idempotent, so
        # by the last app every right named in roles.GROUP_PERMISSIONS is given.
        post_migrate.connect(grant_group_permissions, dispatch_uid="grant_group_permissions")
