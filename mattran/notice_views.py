"""/quan-tri/thong-bao/: a staff member turns their own e-mail notices on or off."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from mattran.notices import NoticePreference


class NoticePreferenceForm(forms.ModelForm):
    class Meta:
        model = NoticePreference
        fields = ["by_email"]


def notice_preference(request, admin_site):
    preference = NoticePreference.objects.filter(user=request.user).first() or NoticePreference(
        user=request.user
    )
    # An unticked box posts nothing: an empty POST is still a choice.
    data = request.POST if request.method == "POST" else None
    form = NoticePreferenceForm(data, instance=preference)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Đã lưu cách nhận thông báo của bạn.")
        return redirect("admin:notice_preference")
    context = {
        **admin_site.each_context(request),
        "title": "Thông báo qua thư điện tử",
        "form": form,
        "has_email": bool(request.user.email),
    }
    return TemplateResponse(request, "admin/notice_preference.html", context)
