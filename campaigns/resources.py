"""The entries table as a spreadsheet: Vietnamese headers, dd/mm/yyyy dates, plain numbers.

The same resource exports (public links, admin) and imports (admin), so a file exported
and imported again changes nothing. Figures typed by staff are read by
`mattran.lib.money`, which refuses ambiguous ones instead of guessing; every refusal is
reported with its spreadsheet line ("Dòng 7: số tiền không hợp lệ …").
"""

from decimal import Decimal

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from import_export import fields, resources, widgets

from campaigns.models import Campaign, Entry, Indicator, Target
from mattran.lib.money import AmountError, parse_money, parse_number
from mattran.lib.spreadsheet import EscapedExport, codepoints, control_characters, unescape
from mattran.models import ResidentialArea

COLUMNS = {
    "id": "Mã",
    "campaign": "Cuộc vận động",
    "indicator": "Chỉ tiêu",
    "unit": "Đơn vị tính",
    "date": "Ngày",
    "period_start": "Từ ngày",
    "period_label": "Tên kỳ",
    "area": "Khu dân cư",
    "quantity": "Số lượng",
    "money": "Số tiền (đồng)",
    "participants": "Lượt người",
    "as_printed": "Như bản gốc",
    "source": "Nguồn",
    "doubtful": "Cần xác minh",
    "doubt_note": "Lý do nghi vấn",
}
# How a bad value is named in the row's message.
LABELS = {
    "id": "mã",
    "indicator": "chỉ tiêu",
    "date": "ngày",
    "period_start": "từ ngày",
    "area": "khu dân cư",
    "quantity": "số lượng",
    "money": "số tiền",
    "participants": "lượt người",
    "doubtful": "cần xác minh",
    "period_label": "tên kỳ",
    "as_printed": "như bản gốc",
    "source": "nguồn",
    "doubt_note": "lý do nghi vấn",
}
DATE_FORMAT = "%d/%m/%Y"
YES = "Có"


def plain_number(number):
    """A number for a CSV cell: digits only, a decimal comma if there is a fraction."""
    if number is None:
        return ""
    if isinstance(number, Decimal) and number != number.to_integral_value():
        return format(number.normalize(), "f").replace(".", ",")
    return str(int(number))


class NumberWidget(widgets.Widget):
    """Reads Vietnamese-typed numbers with `parse_number`; writes plain numbers."""

    places = 0

    def clean(self, value, row=None, **kwargs):
        return parse_number(value, places=self.places)

    def render(self, value, obj=None, **kwargs):
        if kwargs.get("force_native_type"):
            return value
        return plain_number(value)


class QuantityWidget(NumberWidget):
    places = 2

    def clean(self, value, row=None, **kwargs):
        number = super().clean(value, row, **kwargs)
        return None if number is None else Decimal(number)


class MoneyWidget(NumberWidget):
    def clean(self, value, row=None, **kwargs):
        return parse_money(value)


class YesWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        text = str(value or "").strip().casefold()
        if text in ("", "không", "0", "false"):
            return False
        if text in ("có", "x", "1", "true"):
            return True
        raise ValueError(f"“{value}”: ghi “Có” hoặc để trống.")

    def render(self, value, obj=None, **kwargs):
        return YES if value else ""


class TextWidget(widgets.CharWidget):
    """Text as typed, without control characters: a stray `\\x0b` pasted from another program
    would end up in every XLSX download. Multi-line text keeps its line breaks and tabs.
    A quote that the export put before a formula-like text is taken off again."""

    def __init__(self, multiline=False):
        super().__init__(allow_blank=True)
        self.multiline = multiline

    def clean(self, value, row=None, **kwargs):
        text = super().clean(value, row, **kwargs)
        found = control_characters(text, multiline=self.multiline)
        if found:
            raise ValueError(
                f"có ký tự điều khiển ({codepoints(found)}), không được phép trong ô này; "
                "hãy xóa ký tự đó trong tệp rồi nhập lại."
            )
        return unescape(text)


class IndicatorWidget(widgets.ForeignKeyWidget):
    """An indicator named inside its campaign: two campaigns may both count "Nhà"."""

    def __init__(self):
        super().__init__(Indicator, field="name")

    def get_queryset(self, value, row, *args, **kwargs):
        return Indicator.objects.filter(campaign__name=str(row.get(COLUMNS["campaign"]) or ""))

    def clean(self, value, row=None, **kwargs):
        if not str(value or "").strip():
            raise ValueError("thiếu tên chỉ tiêu.")
        try:
            return super().clean(str(value).strip(), row, **kwargs)
        except ObjectDoesNotExist:
            raise ValueError(
                f"không có chỉ tiêu “{value}” trong cuộc vận động “{row.get(COLUMNS['campaign'])}”."
            ) from None


class AreaWidget(widgets.ForeignKeyWidget):
    def __init__(self):
        super().__init__(ResidentialArea, field="name")

    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(str(value or "").strip(), row, **kwargs)
        except ObjectDoesNotExist:
            raise ValueError(f"không có khu dân cư “{value}”.") from None


class DateWidget(widgets.DateWidget):
    def __init__(self):
        super().__init__(format=DATE_FORMAT)

    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row, **kwargs)
        except ValueError:
            raise ValueError(f"“{value}” không phải ngày dạng dd/mm/yyyy.") from None

    def render(self, value, obj=None, **kwargs):
        return value.strftime(DATE_FORMAT) if value else ""


def _field(name, widget=None, **extra):
    attribute = extra.pop("attribute", name)
    return fields.Field(attribute=attribute, column_name=COLUMNS[name], widget=widget, **extra)


class EntryResource(EscapedExport, resources.ModelResource):
    # Read only: "Mã" finds an entry exported earlier; a file never chooses new ids.
    id = _field("id", NumberWidget(), readonly=True)
    campaign = _field(
        "campaign", widgets.Widget(), attribute="indicator__campaign__name", readonly=True
    )
    indicator = _field("indicator", IndicatorWidget())
    unit = _field("unit", widgets.Widget(), attribute="indicator__get_unit_display", readonly=True)
    date = _field("date", DateWidget())
    period_start = _field("period_start", DateWidget())
    period_label = _field("period_label", TextWidget())
    area = _field("area", AreaWidget())
    quantity = _field("quantity", QuantityWidget())
    money = _field("money", MoneyWidget())
    participants = _field("participants", NumberWidget())
    as_printed = _field("as_printed", TextWidget())
    source = _field("source", TextWidget())
    doubtful = _field("doubtful", YesWidget())
    doubt_note = _field("doubt_note", TextWidget(multiline=True))

    class Meta:
        model = Entry
        name = "Kết quả đạt được"
        fields = tuple(COLUMNS)
        import_id_fields = ["id"]
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        use_transactions = True

    def __init__(self, areas=None, **kwargs):
        """`areas`: the ids of the residential areas an area's board may write (None: the
        whole ward). A row of another area, or of none, is refused; "Mã" finds only
        entries of those areas, so a row never reaches another area's figure."""
        super().__init__(**kwargs)
        self.areas = areas

    def get_queryset(self):
        entries = Entry.objects.select_related("indicator__campaign", "area")
        if self.areas is not None:
            entries = entries.filter(area__in=self.areas)
        return entries

    def import_data(self, dataset, *args, **kwargs):
        # One bad row undoes the whole file, at the preview and at the final import alike.
        kwargs["use_transactions"] = True
        kwargs["rollback_on_validation_errors"] = True
        return super().import_data(dataset, *args, **kwargs)

    def filter_export(self, queryset, **kwargs):
        return queryset.select_related("indicator__campaign", "area").order_by(
            "indicator__campaign__name", "indicator__order", "date", "pk"
        )

    def get_instance(self, instance_loader, row):
        # A blank "Mã" is a new entry; a number is an entry exported earlier.
        if not str(row.get(COLUMNS["id"]) or "").strip():
            return None
        try:
            instance = super().get_instance(instance_loader, row)
        except AmountError as error:
            raise ValidationError(f"{self._line()}: mã không hợp lệ: {error}") from None
        if instance is None:
            raise ValidationError(
                f"{self._line()}: không có số liệu mã {row[COLUMNS['id']]}; "
                "để trống cột “Mã” để thêm số liệu mới."
            )
        return instance

    def before_import_row(self, row, **kwargs):
        self._row_number = kwargs.get("row_number")
        request = kwargs.get("request")
        self._user = kwargs.get("user") or getattr(request, "user", None)

    def _line(self):
        # Line 1 of the spreadsheet holds the headers, so data row 1 is on line 2.
        return f"Dòng {self._row_number + 1}"

    def import_instance(self, instance, row, **kwargs):
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            raise self._named(error, name_the_field=True) from None
        self._check_area(instance)

    def _check_area(self, entry):
        if self.areas is None or entry.area_id in self.areas:
            return
        own = ", ".join(
            ResidentialArea.objects.filter(pk__in=self.areas).values_list("name", flat=True)
        )
        if entry.area_id is None:
            problem = "chưa ghi khu dân cư"
        else:
            problem = f"khu dân cư “{entry.area}” không thuộc phạm vi của bạn"
        allowed = (
            f"bạn chỉ được nhập số liệu của: {own}" if own else "bạn chưa được giao khu dân cư nào"
        )
        raise ValidationError({"area": f"{self._line()}: {problem}; {allowed}."})

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        try:
            super().validate_instance(instance, import_validation_errors, validate_unique)
        except ValidationError as error:
            raise self._named(error) from None

    def _named(self, error, name_the_field=False):
        """The row's errors, each prefixed with its line: "Dòng 7: số tiền không hợp lệ: …".

        Errors from reading a cell name the column; the model's own rules are already
        whole sentences and only get the line.
        """
        if not hasattr(error, "error_dict"):
            return ValidationError([self._prefixed(message) for message in error.messages])
        named = {}
        for name, errors in error.error_dict.items():
            label = LABELS.get(name, name) if name_the_field else None
            named[name] = [
                self._prefixed(message, label) for message in ValidationError(errors).messages
            ]
        return ValidationError(named)

    def _prefixed(self, message, label=None):
        if message.startswith("Dòng "):
            return message
        invalid = f"{label} không hợp lệ" if label else None
        if invalid and message.casefold().startswith(invalid.casefold()):
            message = message[len(invalid) :].lstrip(": ")
        return f"{self._line()}: {invalid}: {message}" if invalid else f"{self._line()}: {message}"

    def save_instance(self, instance, is_create, row, **kwargs):
        if is_create and self._user is not None and self._user.is_authenticated:
            instance.entered_by = self._user
        if not is_create:
            # As an admin save does: a change form opened before the import is refused
            # instead of silently writing its older figures over the imported ones.
            instance.version += 1
        super().save_instance(instance, is_create, row, **kwargs)


class CampaignResource(EscapedExport, resources.ModelResource):
    name = fields.Field(attribute="name", column_name="Tên")
    kind = fields.Field(attribute="get_kind_display", column_name="Loại", readonly=True)
    body = fields.Field(attribute="body__name", column_name="Đơn vị chủ trì", readonly=True)
    start = fields.Field(attribute="start", column_name="Bắt đầu", widget=DateWidget())
    end = fields.Field(attribute="end", column_name="Kết thúc", widget=DateWidget())
    description = fields.Field(attribute="description", column_name="Giới thiệu")

    class Meta:
        model = Campaign
        name = "Cuộc vận động"
        fields = ("name", "kind", "body", "start", "end", "description")

    def filter_export(self, queryset, **kwargs):
        return queryset.select_related("body")


class IndicatorResource(EscapedExport, resources.ModelResource):
    campaign = fields.Field(attribute="campaign__name", column_name="Cuộc vận động")
    name = fields.Field(attribute="name", column_name="Chỉ tiêu")
    unit = fields.Field(attribute="get_unit_display", column_name="Đơn vị tính")
    kind = fields.Field(attribute="get_kind_display", column_name="Loại số liệu")
    order = fields.Field(attribute="order", column_name="Thứ tự")

    class Meta:
        model = Indicator
        name = "Chỉ tiêu"
        fields = ("campaign", "name", "unit", "kind", "order")

    def filter_export(self, queryset, **kwargs):
        return queryset.select_related("campaign")


class TargetResource(EscapedExport, resources.ModelResource):
    campaign = fields.Field(attribute="indicator__campaign__name", column_name="Cuộc vận động")
    indicator = fields.Field(attribute="indicator__name", column_name="Chỉ tiêu")
    period_start = fields.Field(
        attribute="period_start", column_name="Từ ngày", widget=DateWidget()
    )
    period_end = fields.Field(attribute="period_end", column_name="Đến ngày", widget=DateWidget())
    area = fields.Field(attribute="area__name", column_name="Khu dân cư")
    value = fields.Field(attribute="value", column_name="Mức chỉ tiêu", widget=QuantityWidget())
    note = fields.Field(attribute="note", column_name="Ghi chú")

    class Meta:
        model = Target
        name = "Mức chỉ tiêu"
        fields = ("campaign", "indicator", "period_start", "period_end", "area", "value", "note")

    def filter_export(self, queryset, **kwargs):
        return queryset.select_related("indicator__campaign", "area")
