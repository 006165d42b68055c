"""The residential areas a staff account works for (Ban công tác Mặt trận khu dân cư).

An account with areas here is area-scoped: the admin shows it only the rows of those
areas and offers only those areas to choose (mattran/area_scope.py). Ward staff have no
row here and see the whole ward. Edited inline on the account's admin page.
"""

from django.conf import settings
from django.db import models

from mattran.models import ResidentialArea


class StaffAreas(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="tài khoản",
        on_delete=models.CASCADE,
        related_name="staff_areas",
    )
    areas = models.ManyToManyField(
        ResidentialArea,
        verbose_name="khu dân cư phụ trách",
        blank=True,
        related_name="staff_assignments",
        help_text="Tài khoản chỉ thấy và nhập số liệu, hội nghị, tin bài của các khu dân cư "
        "này. Để trống với cán bộ phường.",
    )

    class Meta:
        verbose_name = "khu dân cư phụ trách"
        verbose_name_plural = "khu dân cư phụ trách"

    def __str__(self):
        return f"Khu dân cư phụ trách của {self.user}"
