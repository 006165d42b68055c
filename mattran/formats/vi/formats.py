"""Dates as the ward writes them, dd/mm/yyyy, on the site and in the admin alike.

Django's Vietnamese formats spell dates out ("Ngày 04 tháng 12 năm 2024") and shorten
them with dashes; the admin's lists and read-only fields use these instead. Input keeps
settings.DATE_INPUT_FORMATS (dd/mm/yyyy first), which the locale leaves unset; every
format not named here is still Django's Vietnamese one.
"""

DATE_FORMAT = "d/m/Y"
SHORT_DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "H:i d/m/Y"
SHORT_DATETIME_FORMAT = "H:i d/m/Y"
