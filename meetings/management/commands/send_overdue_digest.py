"""Mail each leader the resolution targets past their deadline: run daily from cron
(docs/deploy.md). Nothing is sent when no target is overdue; an account that turned
notices off (mattran.NoticePreference) is skipped."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.urls import reverse
from django.utils import timezone

from mattran import roles
from mattran.notices import recipients, send_now
from meetings.queues import overdue_targets_of


class Command(BaseCommand):
    help = "Gửi thư tổng hợp chỉ tiêu nghị quyết quá hạn cho lãnh đạo (chạy hằng ngày)."

    def handle(self, *args, **options):
        today = timezone.localdate()
        leaders = recipients(
            get_user_model().objects.with_perm(
                roles.SEE_INTERNAL, backend="django.contrib.auth.backends.ModelBackend"
            )
        )
        link = settings.SITE_URL.rstrip("/") + reverse("admin:index")
        sent = 0
        for leader in leaders:
            targets = list(overdue_targets_of(leader, today))
            if not targets:
                continue
            lines = [
                f"- {t.text} ({t.resolution.title}, {t.resolution.meeting.title}): "
                f"hạn {t.deadline:%d/%m/%Y}, quá {(today - t.deadline).days} ngày"
                for t in targets
            ]
            body = (
                f"Ngày {today:%d/%m/%Y} có {len(targets)} chỉ tiêu nghị quyết quá hạn:\n\n"
                + "\n".join(lines)
                + f"\n\nXem trong trang quản trị: {link}\n"
            )
            send_now([leader.email], f"{len(targets)} chỉ tiêu nghị quyết quá hạn", body)
            sent += 1
        self.stdout.write(f"Đã gửi thư tổng hợp cho {sent} người.")
