"""The two login forms (leaders' page and admin), refusing a username no account can have.

Django's AuthenticationForm shows the username's max length in the input but does not
check it, so a 5,000-character name went on to `authenticate()`, and django-axes then
failed to store it in its varchar(255) (a 500 on PostgreSQL).
"""

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm


class UsernameLengthMixin:
    def clean_username(self):
        username = self.cleaned_data["username"]
        longest = self.username_field.max_length
        if len(username) > longest:
            raise forms.ValidationError(
                f"Tên đăng nhập dài tối đa {longest} ký tự; hãy kiểm tra lại.",
                code="max_length",
            )
        return username


class LoginForm(UsernameLengthMixin, AuthenticationForm):
    pass


class AdminLoginForm(UsernameLengthMixin, AdminAuthenticationForm):
    pass
