"""Admin form fields that read figures typed the Vietnamese way ("438.000.000", "21.090")."""

from decimal import Decimal

from django import forms

from campaigns.models import Entry
from mattran.lib.money import AmountError, parse_money, parse_number
from mattran.lib.text import format_number_vi


class VietnameseNumberField(forms.CharField):
    """A number typed with dots between thousands; ambiguous figures are refused."""

    places = 0

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def parse(self, text):
        return parse_number(text, places=self.places)

    def prepare_value(self, value):
        if isinstance(value, int | Decimal):
            return format_number_vi(value)
        return value

    def to_python(self, value):
        try:
            return self.parse(super().to_python(value))
        except AmountError as error:
            raise forms.ValidationError(str(error), code="invalid") from None


class MoneyField(VietnameseNumberField):
    def parse(self, text):
        return parse_money(text)


class QuantityField(VietnameseNumberField):
    places = 2

    def parse(self, text):
        number = super().parse(text)
        return None if number is None else Decimal(number)


class EntryForm(forms.ModelForm):
    quantity = QuantityField(label="Số lượng", help_text="Ví dụ: 21.090 hoặc 12,5.")
    money = MoneyField(
        label="Số tiền (đồng)", help_text="Số nguyên, ví dụ: 438.000.000 hoặc 214 triệu."
    )
    participants = VietnameseNumberField(label="Lượt người tham gia")

    class Meta:
        model = Entry
        fields = [
            "indicator",
            "date",
            "period_start",
            "period_label",
            "area",
            "quantity",
            "money",
            "participants",
            "as_printed",
            "source",
            "doubtful",
            "doubt_note",
        ]
