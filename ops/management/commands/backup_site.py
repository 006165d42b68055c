"""Write a checked archive of the database and both media folders (see ops/backup.py)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ops.backup import BackupError, make_backup


class Command(BaseCommand):
    help = "Back up the database and the media folders into one checked archive."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir",
            default=str(settings.BASE_DIR / "backups"),
            help="Folder for the archive (default: backups/ in the project).",
        )
        parser.add_argument("--database", default="default", help="Database alias.")

    def handle(self, *args, **options):
        try:
            path, manifest = make_backup(options["output_dir"], using=options["database"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["row_counts"].values())
        files = len(manifest["members"]) - 1
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written: {path} ({manifest['database']['vendor']}, "
                f"{rows} rows in {len(manifest['row_counts'])} tables, {files} media files)"
            )
        )
