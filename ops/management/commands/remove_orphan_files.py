"""Remove uploaded files that no record references (run from cron, e.g. each night).

`--dry-run` lists them and deletes nothing; only files older than `--older-than-hours`
(24 by default) are touched, so an upload being saved right now is never taken.
What counts as a reference: ops/orphans.py.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError

from ops import orphans


class Command(BaseCommand):
    help = (
        "Tìm và xóa các tệp tải lên không còn bản ghi nào dùng đến (cũ hơn 24 giờ). "
        "Dùng --dry-run để chỉ liệt kê."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Chỉ liệt kê, không xóa tệp nào."
        )
        parser.add_argument(
            "--older-than-hours",
            type=int,
            default=24,
            help="Chỉ xét các tệp cũ hơn số giờ này (mặc định 24).",
        )

    def handle(self, *args, dry_run, older_than_hours, **options):
        if older_than_hours < 1:
            raise CommandError("--older-than-hours phải từ 1 trở lên.")
        found = orphans.find_orphans(datetime.timedelta(hours=older_than_hours))
        for orphan in found:
            self.stdout.write(f"{orphan.storage_label}:{orphan.name}")
        if dry_run:
            self.stdout.write(f"Tìm thấy {len(found)} tệp mồ côi (chạy thử, chưa xóa tệp nào).")
            return
        orphans.remove(found)
        self.stdout.write(f"Đã xóa {len(found)} tệp mồ côi.")
