# The model moved from the core app ("mattran") with its table: state only, no SQL.

import django.contrib.postgres.search
import documents.models
import mattran.lib.files
import mattran.search.fulltext
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
                    name="Document",
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
                        (
                            "number",
                            models.CharField(
                                help_text="Ví dụ: 45/TB-MTTQ hoặc 12/NQ-UBMTTQ.",
                                max_length=60,
                                verbose_name="số ký hiệu",
                            ),
                        ),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("nghi-quyet", "Nghị quyết"),
                                    ("quyet-dinh", "Quyết định"),
                                    ("ke-hoach", "Kế hoạch"),
                                    ("thong-bao", "Thông báo"),
                                    ("bao-cao", "Báo cáo"),
                                    ("cong-van", "Công văn"),
                                    ("huong-dan", "Hướng dẫn"),
                                    ("khac", "Khác"),
                                ],
                                max_length=20,
                                verbose_name="loại văn bản",
                            ),
                        ),
                        (
                            "issuer",
                            models.CharField(
                                help_text="Ví dụ: Ban Thường trực Ủy ban MTTQ phường.",
                                max_length=200,
                                verbose_name="cơ quan ban hành",
                            ),
                        ),
                        ("issued_on", models.DateField(verbose_name="ngày ban hành")),
                        ("summary", models.CharField(max_length=500, verbose_name="trích yếu")),
                        (
                            "file",
                            models.FileField(
                                help_text="PDF hoặc Word (DOCX); tệp được kiểm tra theo nội dung.",
                                max_length=200,
                                storage=mattran.lib.files.private_storage,
                                upload_to=documents.models.document_path,
                                validators=[
                                    mattran.lib.files.FileCheck(
                                        ["pdf", "docx"], "DOCUMENT_MAX_BYTES"
                                    )
                                ],
                                verbose_name="tệp văn bản",
                            ),
                        ),
                        (
                            "file_type",
                            models.CharField(
                                default="", editable=False, max_length=10, verbose_name="định dạng"
                            ),
                        ),
                        (
                            "size",
                            models.PositiveIntegerField(
                                default=0, editable=False, verbose_name="dung lượng (byte)"
                            ),
                        ),
                        (
                            "visibility",
                            models.CharField(
                                choices=[("public", "Công khai"), ("leaders", "Chỉ lãnh đạo")],
                                default="public",
                                help_text="Văn bản “Chỉ lãnh đạo” không hiện với người dân, kể cả khi tìm kiếm.",
                                max_length=10,
                                verbose_name="hiển thị",
                            ),
                        ),
                        (
                            "is_published",
                            models.BooleanField(
                                default=True,
                                help_text="Chỉ người duyệt tin được công bố văn bản; văn bản chưa công bố không hiện trên trang.",
                                verbose_name="đã công bố",
                            ),
                        ),
                        (
                            "slug",
                            models.SlugField(
                                blank=True, max_length=130, unique=True, verbose_name="đường dẫn"
                            ),
                        ),
                        (
                            "download_count",
                            models.PositiveIntegerField(
                                default=0, editable=False, verbose_name="lượt tải"
                            ),
                        ),
                        ("search_text", models.TextField(default="", editable=False)),
                        (
                            "search_vector",
                            models.GeneratedField(
                                db_persist=True,
                                expression=mattran.search.fulltext.SectionsVector(),
                                output_field=django.contrib.postgres.search.SearchVectorField(),
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(auto_now_add=True, verbose_name="ngày tạo"),
                        ),
                        (
                            "updated_at",
                            models.DateTimeField(auto_now=True, verbose_name="cập nhật"),
                        ),
                        (
                            "version",
                            models.PositiveIntegerField(
                                default=1, editable=False, verbose_name="phiên bản"
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "văn bản",
                        "verbose_name_plural": "văn bản",
                        "db_table": "mattran_document",
                        "ordering": ["-issued_on", "-pk"],
                        "permissions": [("publish_document", "Công bố hoặc gỡ văn bản")],
                        "indexes": [
                            models.Index(
                                fields=["visibility", "-issued_on", "-id"], name="document_listing"
                            ),
                            models.Index(fields=["kind", "-issued_on"], name="document_kind"),
                            models.Index(fields=["issuer"], name="document_issuer"),
                        ],
                    },
                ),
            ],
        ),
        move_content_type("document", "mattran", "documents"),
    ]
