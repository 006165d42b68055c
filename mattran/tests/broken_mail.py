"""A mail backend whose server never answers, for the tests of notices."""

from django.core.mail.backends.base import BaseEmailBackend


class BrokenBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise TimeoutError("the mail server did not answer")
