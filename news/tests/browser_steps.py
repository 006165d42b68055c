"""What a person does in the admin, as steps the browser tests share: log in, pick a
section, write in CKEditor 5, upload a photo through the editor, watch for CSP trouble."""

from mattran.tests.accounts import PASSWORD

UPLOAD_PATH = "/bien-tap/anh/"

# Runs in every document before the page's own scripts (Playwright injects it past the
# CSP): the browser reports each blocked resource or script as this DOM event.
_REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
    window.reportCspViolation(`${event.violatedDirective} blocked ${event.blockedURI}`);
});
"""


def log_in(page, live_server, user, next_path=""):
    """Through the admin's own login form, so django-axes sees a real request."""
    suffix = f"?next={next_path}" if next_path else ""
    page.goto(f"{live_server.url}/quan-tri/login/{suffix}")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector("#user-tools")


def watch_for_csp_trouble(page):
    """A list that fills with every CSP violation, console error and uncaught script
    error on `page` (and its later navigations) from now on."""
    problems = []
    page.context.expose_function("reportCspViolation", lambda text: problems.append(text))
    page.add_init_script(_REPORT_CSP_VIOLATIONS)
    page.on("console", lambda m: _is_trouble(m) and problems.append(m.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    return problems


def _is_trouble(message):
    # The browser asks for /favicon.ico by itself and the site has none yet: that 404
    # is no page's doing.
    return message.type == "error" and not message.location.get("url", "").endswith("/favicon.ico")


def choose_section(page, typed, name):
    """A plain select while the sections are few; beyond that an autocomplete (select2):
    open it, type, pick the match."""
    if page.locator("#id_category + .select2").count() == 0:
        page.select_option("#id_category", label=name)
        return
    page.click("#id_category + .select2 .select2-selection")
    page.fill(".select2-search__field", typed)
    page.click(f".select2-results__option:has-text('{name}')")


def write_heading_and_list(page, heading, items):
    """A level-2 heading from the toolbar, then a bulleted list started the way word
    processors do ("- " autoformats), leaving the caret in a new paragraph after it."""
    page.locator(".ck-editor__editable").click()
    page.click(".ck-heading-dropdown .ck-dropdown__button")
    page.click(".ck-heading_heading2")
    page.keyboard.type(heading)
    page.keyboard.press("Enter")
    page.keyboard.type(f"- {items[0]}")
    for item in items[1:]:
        page.keyboard.press("Enter")
        page.keyboard.type(item)
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")


def upload_photo(page, path):
    """The toolbar's "upload image" button opens this file input; returns the upload's
    JSON once the editor shows the photo."""
    with page.expect_response(lambda r: UPLOAD_PATH in r.url) as uploaded:
        page.set_input_files(".ck-toolbar input[type=file]", str(path))
    assert uploaded.value.status == 200, uploaded.value.text()
    page.wait_for_selector(".ck-editor__editable figure.image img[srcset]")
    return uploaded.value.json()


def caption_photo(page, caption):
    """The image's own toolbar shows a caption field; type the caption in it."""
    page.click(".ck-balloon-panel [data-cke-tooltip-text='Hiện chú thích']")
    page.keyboard.type(caption)
