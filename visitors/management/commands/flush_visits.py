"""Move visitor counts pending in the cache to the database (run from cron, e.g. each minute)."""

from django.core.management.base import BaseCommand

from visitors.models import flush_visits


class Command(BaseCommand):
    help = "Chuyển số lượt truy cập đang đếm trong bộ nhớ đệm vào cơ sở dữ liệu."

    def handle(self, *args, **options):
        moved = flush_visits()
        self.stdout.write(f"Đã ghi {moved} lượt truy cập.")
