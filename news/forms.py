from django import forms


class DateForm(forms.Form):
    """ "Xem theo ngày": the date picker's GET form."""

    ngay = forms.DateField(
        label="Xem theo ngày",
        input_formats=["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": "Xin chọn một ngày.",
            "invalid": "Ngày không hợp lệ. Xin nhập theo dạng ngày/tháng/năm, ví dụ 17/05/2024.",
        },
    )
