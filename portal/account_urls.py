"""Leaders sign in here, not in the admin."""

from django.contrib.auth import views as auth_views
from django.urls import path

from mattran.login_forms import LoginForm

app_name = "accounts"

urlpatterns = [
    path(
        "dang-nhap/",
        auth_views.LoginView.as_view(
            template_name="portal/login.html",
            authentication_form=LoginForm,
            redirect_authenticated_user=True,
        ),
        name="login",
    ),
    # Back to the home page, not the admin's English "logged out" screen.
    path("dang-xuat/", auth_views.LogoutView.as_view(next_page="home"), name="logout"),
]
