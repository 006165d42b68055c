"""Uploads that fail leave nothing behind.

A storage error in the middle of an upload (a full disk, an unreachable object store)
must not leave a half-written file, nor the files already written for the same save (a
photo written, one of its renditions not). Two pieces:

- `CleanFileSystemStorage` removes its own half-written file when `_save()` fails: Django's
  FileSystemStorage leaves it on disk.
- `discard_new_files_on_error()` remembers every file any storage of ours writes inside it
  and deletes them if the block raises: the database transaction around the same save is
  rolled back, so those files would be referenced by nothing.

What escapes both (a process killed between the write and the commit) is found later by
`manage.py remove_orphan_files`.
"""

import contextlib
import contextvars
import logging
import os

from django.core.files.storage import FileSystemStorage

logger = logging.getLogger(__name__)

_written = contextvars.ContextVar("files_written_in_block", default=None)

# What a storage raises when it cannot write: the OS's errors for disk storage, and the
# S3 client's when django-storages talks to an object store.
STORAGE_ERRORS = (OSError,)
try:  # pragma: no cover - only when the S3 extra is installed
    from botocore.exceptions import BotoCoreError, ClientError

    STORAGE_ERRORS = (OSError, BotoCoreError, ClientError)
except ImportError:  # pragma: no cover
    pass


def remember_written(storage, name):
    """Called by a storage after a successful write, or by code writing through a storage
    it does not own (e.g. S3); a no-op outside `discard_new_files_on_error()`."""
    written = _written.get()
    if written is not None:
        written.append((storage, name))


@contextlib.contextmanager
def discard_new_files_on_error():
    """Delete every file written inside the block when the block raises."""
    token = _written.set([])
    try:
        yield
    except BaseException:
        for storage, name in reversed(_written.get()):
            try:
                storage.delete(name)
            except Exception:  # noqa: BLE001 - best effort; the orphan command finishes the job
                logger.warning("Could not remove %s after a failed save", name, exc_info=True)
        raise
    finally:
        _written.reset(token)


class CleanFileSystemStorage(FileSystemStorage):
    """FileSystemStorage that never leaves a partial file and reports what it wrote."""

    def _save(self, name, content):
        full_path = self.path(name)
        existed = os.path.lexists(full_path)
        try:
            name = super()._save(name, content)
        except BaseException:
            # get_available_name() chose a free name, so a file there now is ours, half-written.
            if not existed and os.path.lexists(full_path):
                with contextlib.suppress(OSError):
                    os.remove(full_path)
            raise
        remember_written(self, name)
        return name
