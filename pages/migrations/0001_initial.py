# The model moved from the core app ("mattran") with its table: state only, no SQL.

import django.core.validators
import pages.models
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
                    name="Page",
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
                            "slug",
                            models.SlugField(
                                blank=True,
                                help_text="Để trống để tạo tự động từ tiêu đề, ví dụ “lich-su”.",
                                max_length=200,
                                unique=True,
                                verbose_name="đường dẫn",
                            ),
                        ),
                        ("body", models.TextField(blank=True, verbose_name="nội dung")),
                        (
                            "menu_order",
                            models.PositiveSmallIntegerField(
                                default=0,
                                help_text="Số nhỏ đứng trước.",
                                verbose_name="thứ tự trong menu",
                            ),
                        ),
                        (
                            "show_in_menu",
                            models.BooleanField(
                                default=True, verbose_name="hiện trên menu đầu trang"
                            ),
                        ),
                        (
                            "is_published",
                            models.BooleanField(
                                default=False,
                                help_text="Bỏ chọn để ẩn trang khỏi người xem.",
                                verbose_name="công khai",
                            ),
                        ),
                        (
                            "show_contact",
                            models.BooleanField(
                                default=False,
                                help_text="Hiện địa chỉ, điện thoại, thư điện tử của phường (lấy từ “Thông tin phường”).",
                                verbose_name="hiện thông tin liên hệ",
                            ),
                        ),
                        (
                            "map_url",
                            pages.models.HttpsURLField(
                                blank=True,
                                help_text="Ví dụ đường dẫn Google Maps hoặc OpenStreetMap, bắt đầu bằng https://",
                                max_length=500,
                                validators=[django.core.validators.URLValidator(schemes=["https"])],
                                verbose_name="đường dẫn bản đồ",
                            ),
                        ),
                        (
                            "updated_at",
                            models.DateTimeField(auto_now=True, verbose_name="cập nhật lúc"),
                        ),
                        (
                            "version",
                            models.PositiveIntegerField(
                                default=1, editable=False, verbose_name="phiên bản"
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "trang giới thiệu",
                        "verbose_name_plural": "trang giới thiệu",
                        "db_table": "mattran_page",
                        "ordering": ["menu_order", "title", "pk"],
                        "permissions": [("publish_page", "Xuất bản hoặc gỡ trang giới thiệu")],
                    },
                ),
            ],
        ),
        move_content_type("page", "mattran", "pages"),
    ]
