"""Media on an S3-compatible object store (MEDIA_STORAGE=s3), through django-storages.

Imported only when settings choose it, so disk deployments need no boto3 at import.
Public media (covers, editor photos, the ward logo) go to a bucket the web can read;
private papers (documents, meeting papers) go to another bucket whose objects are
private and are only ever read by our views, which check who asks and stream the file.
"""

from storages.backends.s3 import S3Storage

from mattran.lib.storage import remember_written


class _Tracked:
    def _save(self, name, content):
        name = super()._save(name, content)
        remember_written(self, name)
        return name


class PublicMediaStorage(_Tracked, S3Storage):
    pass


class PrivateMediaStorage(_Tracked, S3Storage):
    """Never a public URL: objects are private and URLs are not handed out."""

    def url(self, name, *args, **kwargs):
        raise NotImplementedError("Private media is served only through the portal's views.")
