from django import forms
from django.utils.http import urlencode

from meetings.models import Meeting


class MeetingFilterForm(forms.Form):
    """The filters above /hoi-nghi/: kind, body and year, all optional."""

    loai = forms.ChoiceField(label="Loại", required=False)
    to_chuc = forms.ChoiceField(label="Tổ chức", required=False)
    nam = forms.TypedChoiceField(label="Năm", required=False, coerce=int, empty_value=None)

    def __init__(self, *args, bodies=(), years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["loai"].choices = [("", "Tất cả")] + list(Meeting.Kind.choices)
        self.fields["to_chuc"].choices = [("", "Tất cả")] + [(b.slug, b.name) for b in bodies]
        self.fields["nam"].choices = [("", "Tất cả")] + [(str(y), str(y)) for y in years]

    def filter(self, meetings):
        if not self.is_bound or not self.is_valid():
            return meetings
        data = self.cleaned_data
        if data["loai"]:
            meetings = meetings.filter(kind=data["loai"])
        if data["to_chuc"]:
            meetings = meetings.filter(body__slug=data["to_chuc"])
        if data["nam"]:
            meetings = meetings.filter(starts_at__year=data["nam"])
        return meetings

    def query_string(self):
        """The active filters, to keep them on the pagination links."""
        if not self.is_bound or not self.is_valid():
            return ""
        return urlencode({k: v for k, v in self.cleaned_data.items() if v})
