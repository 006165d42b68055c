"""Load the demo content made from the seed articles; running it twice changes nothing."""

from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import module_has_submodule


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu (tin tức, hội nghị, cuộc vận động) từ các bài viết gốc."

    def handle(self, *args, **options):
        # Each app owns its demo in `<app>/demo.py`; INSTALLED_APPS order is the
        # dependency order (core, news, meetings, campaigns).
        with transaction.atomic():
            for app in apps.get_app_configs():
                if module_has_submodule(app.module, "demo"):
                    import_module(f"{app.name}.demo").load(self.stdout)
        self.stdout.write(self.style.SUCCESS("Đã nạp dữ liệu mẫu."))
