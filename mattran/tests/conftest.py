import pytest


@pytest.fixture(autouse=True)
def _private_media_in_tmp(settings, tmp_path):
    # Documents are stored outside MEDIA_ROOT; never in the checkout during tests.
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
