# The model moved from the core app ("mattran") with its table: state only, no SQL.

import django.core.validators
import links.models
import mattran.lib.fields
import mattran.lib.images
from django.db import migrations, models

from mattran.lib.moved_models import move_content_type


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("mattran", "0013_content_version"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Link",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("title", models.CharField(max_length=200, verbose_name="tiêu đề")),
                        (
                            "url",
                            mattran.lib.fields.WebURLField(
                                help_text="Bắt đầu bằng http:// hoặc https://, ví dụ https://dichvucong.gov.vn",
                                max_length=500,
                                validators=[
                                    django.core.validators.URLValidator(
                                        message="Xin nhập một địa chỉ web đầy đủ, bắt đầu bằng http:// hoặc https://",
                                        schemes=["http", "https"],
                                    )
                                ],
                                verbose_name="địa chỉ liên kết",
                            ),
                        ),
                        (
                            "image",
                            models.ImageField(
                                blank=True,
                                help_text="Không bắt buộc. Ảnh JPEG, PNG, WebP hoặc GIF; banner nên rộng 1200 điểm ảnh.",
                                upload_to="links/%Y/%m/",
                                validators=[mattran.lib.images.validate_image],
                                verbose_name="ảnh",
                            ),
                        ),
                        (
                            "image_renditions",
                            models.JSONField(blank=True, default=dict, editable=False),
                        ),
                        (
                            "placement",
                            models.CharField(
                                choices=[
                                    ("banner", "Banner trên trang chủ"),
                                    ("block", "Khối liên kết trên trang chủ"),
                                    ("footer", "Chân trang"),
                                ],
                                default="block",
                                max_length=10,
                                verbose_name="vị trí",
                            ),
                        ),
                        (
                            "order",
                            models.PositiveSmallIntegerField(
                                default=0, help_text="Số nhỏ đứng trước.", verbose_name="thứ tự"
                            ),
                        ),
                        (
                            "starts_on",
                            models.DateField(
                                blank=True,
                                help_text="Để trống để hiện ngay.",
                                null=True,
                                verbose_name="hiện từ ngày",
                            ),
                        ),
                        (
                            "ends_on",
                            models.DateField(
                                blank=True,
                                help_text="Để trống để hiện mãi.",
                                null=True,
                                verbose_name="hiện đến hết ngày",
                            ),
                        ),
                        ("is_active", models.BooleanField(default=True, verbose_name="đang bật")),
                    ],
                    options={
                        "verbose_name": "liên kết / banner",
                        "verbose_name_plural": "liên kết và banner",
                        "db_table": "mattran_link",
                        "ordering": ["placement", "order", "title", "pk"],
                        "permissions": [("publish_link", "Bật hoặc tắt liên kết / banner")],
                        "constraints": [
                            models.CheckConstraint(
                                condition=models.Q(
                                    ("ends_on__isnull", True),
                                    ("starts_on__isnull", True),
                                    ("ends_on__gte", models.F("starts_on")),
                                    _connector="OR",
                                ),
                                name="link_ends_after_start",
                            )
                        ],
                    },
                ),
            ],
        ),
        move_content_type("link", "mattran", "links"),
    ]
