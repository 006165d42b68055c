"""Restore an archive made by backup_site into an empty database and empty media folders."""

from django.core.management.base import BaseCommand, CommandError

from ops.backup import BackupError, read_manifest, restore_backup


class Command(BaseCommand):
    help = (
        "Restore a backup archive into an EMPTY database and empty media folders, then "
        "compare the row counts with the archive's manifest."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Path of a mattran-*.tar.gz archive.")
        parser.add_argument("--database", default="default", help="Database alias.")
        parser.add_argument(
            "--verify-only",
            action="store_true",
            help="Only check the archive (every member against its sha256); change nothing.",
        )

    def handle(self, *args, **options):
        try:
            if options["verify_only"]:
                manifest = read_manifest(options["archive"])
                self.stdout.write(
                    self.style.SUCCESS(
                        f"Archive OK: made {manifest['created_at']}, "
                        f"{manifest['database']['vendor']}, "
                        f"{sum(manifest['row_counts'].values())} rows, "
                        f"{len(manifest['members'])} members checked."
                    )
                )
                return
            manifest, result = restore_backup(options["archive"], using=options["database"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored backup of {manifest['created_at']}: row counts of "
                f"{len(result.found)} tables match the manifest "
                f"({sum(result.found.values())} rows)."
            )
        )
