"""Fill the database with a ward's archive for load tests.

    python manage.py generate_data --articles 100000 --meetings 2000 --entries 100000

Loads the demo first (sections, areas, bodies, campaigns; idempotent), then ADDS the
generated rows on top of whatever is there: running it twice doubles the generated
data, with slugs still unique. `--seed` makes a run reproducible on the same starting
database. Never point it at a ward's real database.
"""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from campaigns import generate as campaigns_generate
from documents import generate as documents_generate
from mattran import generate as core
from meetings import generate as meetings_generate
from news import generate as news_generate


class Command(BaseCommand):
    help = "Sinh dữ liệu thử (tin bài, hội nghị, kết quả vận động, văn bản) để đo tải."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=1000)
        parser.add_argument("--meetings", type=int, default=100)
        parser.add_argument("--entries", type=int, default=1000)
        parser.add_argument("--documents", type=int, default=None, help="mặc định: hội nghị")
        parser.add_argument("--seed", type=int, default=2024)
        parser.add_argument("--no-demo", action="store_true", help="không nạp dữ liệu mẫu trước")

    def handle(self, *args, **options):
        counts = {name: options[name] for name in ("articles", "meetings", "entries", "documents")}
        if counts["documents"] is None:
            counts["documents"] = counts["meetings"]
        if any(n < 0 for n in counts.values()):
            raise CommandError("Số lượng không được âm.")
        started = time.monotonic()
        if not options["no_demo"]:
            call_command("load_demo", stdout=self.stdout)
        seed = options["seed"]
        steps = [
            ("articles", news_generate.generate, "news"),
            ("meetings", meetings_generate.generate, "meetings"),
            ("entries", campaigns_generate.generate, "campaigns"),
            ("documents", documents_generate.generate, "documents"),
        ]
        with transaction.atomic():
            core.ensure_areas()
        for name, generate, salt in steps:
            if not counts[name]:
                continue
            step_started = time.monotonic()
            # One transaction per app: a failure leaves no half-written app behind.
            with transaction.atomic():
                generate(core.seeded(seed, salt), counts[name], self.stdout)
            self.stdout.write(f"    ({time.monotonic() - step_started:.1f} s)")
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            # Fresh statistics and visibility map, so plans (and index-only scans) are
            # the ones a settled database would get. (Not inside a caller's transaction,
            # where VACUUM cannot run: the tests'.)
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã sinh {counts['articles']} bài viết, {counts['meetings']} hội nghị, "
                f"{counts['entries']} kết quả, {counts['documents']} văn bản "
                f"trong {time.monotonic() - started:.1f} giây."
            )
        )
