"""Two staff members with one record open in the admin: open, change, save, as browsers do.

The form's values, its hidden version included, are read from the page itself
(meetings/tests/admin_forms.py), so each test client posts what its page showed.
"""

import html
import re

from django.test import Client

from meetings.tests.admin_forms import form_values

_ROW = re.compile(
    r'<tr>\s*<th scope="row">(.*?)</th>\s*<td>(.*?)</td>\s*<td>(.*?)</td>\s*</tr>', re.S
)


def staff_client(user):
    client = Client()
    client.force_login(user)
    return client


def open_form(client, url, form_id):
    """What the change form holds when `client` opens it."""
    return form_values(client, url, form_id)


def conflict_table(response):
    """The refused page's table: {label: (their saved value, the value typed here)}."""
    page = response.content.decode()
    table = page.split('class="edit-conflict"', 1)[1] if 'class="edit-conflict"' in page else ""
    return {
        html.unescape(label): (html.unescape(theirs), html.unescape(yours))
        for label, theirs, yours in _ROW.findall(table)
    }


def hidden_version(response):
    """The version the re-rendered form now carries."""
    found = re.search(r'name="edit_version" value="([^"]*)"', response.content.decode())
    return html.unescape(found.group(1)) if found else None
