"""The rich-text editor's image upload, in place of django-ckeditor-5's own view.

The package's view trusts the file name when all types are allowed and stores under the
uploaded name. Ours lets in only active staff who may write news, checks the bytes with
Pillow, re-encodes them without metadata under a random name, cuts the renditions once
and answers CKEditor 5's simple upload adapter: `{"urls": {"default": ..., "<width>": ...}}`
so the editor writes `<img srcset>` itself; errors read `{"error": {"message": ...}}`.
"""

import logging

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import JsonResponse
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_POST

from mattran.lib.images import clean_upload, make_renditions
from mattran.lib.storage import STORAGE_ERRORS, discard_new_files_on_error

logger = logging.getLogger(__name__)

UPLOAD_FOLDER = "editor/%Y/%m/"
NEWS_PERMISSIONS = ("news.add_article", "news.change_article")

NOT_LOGGED_IN = "Bạn cần đăng nhập bằng tài khoản cán bộ để tải ảnh lên."
NOT_ALLOWED = "Tài khoản của bạn không có quyền tải ảnh lên cho bài viết."
NO_FILE = "Chưa có tệp ảnh nào được gửi lên."
STORAGE_FAILED = "Máy chủ không lưu được ảnh (lỗi lưu trữ). Xin thử lại sau ít phút."


def may_upload(user):
    """Active staff allowed to write or edit news."""
    return (
        user.is_authenticated
        and user.is_active
        and user.is_staff
        and any(user.has_perm(permission) for permission in NEWS_PERMISSIONS)
    )


def _error(message, status):
    return JsonResponse({"error": {"message": message}}, status=status)


@require_POST
def editor_image_upload(request):
    if not request.user.is_authenticated:
        return _error(NOT_LOGGED_IN, 403)
    if not may_upload(request.user):
        return _error(NOT_ALLOWED, 403)
    upload = request.FILES.get("upload")
    if upload is None:
        return _error(NO_FILE, 400)
    try:
        cleaned = clean_upload(upload)
    except ValidationError as error:
        return _error(" ".join(error.messages), 400)
    try:
        # The photo and its renditions are kept together or not at all.
        with discard_new_files_on_error():
            name = default_storage.save(
                timezone.now().strftime(UPLOAD_FOLDER) + cleaned.name, cleaned
            )
            renditions = make_renditions(name)
    except STORAGE_ERRORS:
        logger.exception("Editor upload: storage failed")
        return _error(STORAGE_FAILED, 503)
    urls = {str(size["width"]): default_storage.url(size["name"]) for size in renditions["sizes"]}
    largest = renditions["sizes"][-1]
    return JsonResponse({"urls": {"default": default_storage.url(largest["name"]), **urls}})


# Included at /bien-tap/anh/ by mattran/urls.py; the editor widget reverses this name
# through settings.CK_EDITOR_5_UPLOAD_FILE_VIEW_NAME.
urlpatterns = [path("", editor_image_upload, name="editor_image_upload")]
