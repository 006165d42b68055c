/* Names for the admin's select2 boxes, which screen readers otherwise meet unnamed.
 *
 * select2 hides the real <select> and shows a combobox named by its current choice (empty
 * on a new row) and, for several choices, a search box with no label at all. Each gets the
 * name of its <select>: its aria-label (inline rows, mattran/admin_styles.py) or its
 * <label>. select2 builds and rebuilds these boxes (page load, a new inline row, each
 * choice), so the names are given again whenever the form's markup changes.
 */
(function () {
    "use strict";

    function nameOf(select) {
        var given = select.getAttribute("aria-label");
        if (given) {
            return given;
        }
        var label = select.id && document.querySelector('label[for="' + select.id + '"]');
        return label ? label.textContent.replace(/[:\s]+$/, "").trim() : "";
    }

    function name(element, text) {
        if (element.getAttribute("aria-label") !== text) {
            element.setAttribute("aria-label", text);
        }
    }

    function labelBoxes() {
        document.querySelectorAll("select.select2-hidden-accessible").forEach(function (select) {
            var box = select.nextElementSibling;
            var text = nameOf(select);
            if (!box || !box.classList.contains("select2") || !text) {
                return;
            }
            box.querySelectorAll(".select2-search__field, .select2-selection__rendered").forEach(
                function (element) {
                    name(element, text);
                }
            );
            box.querySelectorAll(".select2-selection[role=combobox]").forEach(function (combo) {
                var shown = box.querySelector(".select2-selection__rendered");
                // Named by the current choice when there is one, else by the field's name.
                if (!shown || !shown.textContent.trim()) {
                    combo.removeAttribute("aria-labelledby");
                }
                name(combo, text);
            });
        });
    }

    var pending = false;
    function soon() {
        if (!pending) {
            pending = true;
            window.requestAnimationFrame(function () {
                pending = false;
                labelBoxes();
            });
        }
    }

    document.addEventListener("DOMContentLoaded", function () {
        labelBoxes();
        new MutationObserver(soon).observe(document.body, {childList: true, subtree: true});
    });
})();
