from django import forms
from django.utils.http import urlencode

from documents.models import Document


class DocumentFilterForm(forms.Form):
    """The filters above /van-ban/: words, kind, year and issuer, all optional."""

    q = forms.CharField(label="Từ khóa", required=False, max_length=200)
    loai = forms.ChoiceField(label="Loại văn bản", required=False)
    nam = forms.TypedChoiceField(label="Năm", required=False, coerce=int, empty_value=None)
    co_quan = forms.ChoiceField(label="Cơ quan ban hành", required=False)

    def __init__(self, *args, years=(), issuers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.attrs.update(
            {"type": "search", "placeholder": "Số ký hiệu, trích yếu… (gõ không dấu được)"}
        )
        self.fields["loai"].choices = [("", "Tất cả")] + list(Document.Kind.choices)
        self.fields["nam"].choices = [("", "Tất cả")] + [(str(y), str(y)) for y in years]
        self.fields["co_quan"].choices = [("", "Tất cả")] + [(i, i) for i in issuers]

    def filter(self, documents):
        if not self.is_bound or not self.is_valid():
            return documents
        data = self.cleaned_data
        if data["q"].strip():
            documents = documents.search(data["q"])
        if data["loai"]:
            documents = documents.filter(kind=data["loai"])
        if data["nam"]:
            documents = documents.filter(issued_on__year=data["nam"])
        if data["co_quan"]:
            documents = documents.filter(issuer=data["co_quan"])
        return documents

    def query_string(self):
        """The active filters, to keep them on the pagination links."""
        if not self.is_bound or not self.is_valid():
            return ""
        return urlencode({k: v for k, v in self.cleaned_data.items() if v})
