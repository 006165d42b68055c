/* The portal's only script: small enhancements; every page works without it. */
(function () {
    "use strict";

    // Count one view of an article without making the page itself uncacheable.
    var article = document.querySelector("[data-view-beacon]");
    if (article) {
        var url = article.getAttribute("data-view-beacon");
        if (navigator.sendBeacon) {
            navigator.sendBeacon(url);
        } else if (window.fetch) {
            fetch(url, { method: "POST", keepalive: true, credentials: "omit" });
        }
    }

    var status = document.querySelector(".share__status");
    function say(message) {
        if (status) { status.textContent = message; }
    }

    function copy(text, done) {
        if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(text).then(done, function () {
                window.prompt("Chép liên kết này:", text);
            });
        } else {
            window.prompt("Chép liên kết này:", text);
        }
    }

    document.querySelectorAll("[data-copy-link]").forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", function () {
            copy(button.getAttribute("data-copy-link"), function () {
                say("Đã chép liên kết.");
            });
        });
    });

    // Zalo has no share address that works without its SDK; the phone's share
    // sheet lists Zalo, and elsewhere the link is copied for pasting into Zalo.
    document.querySelectorAll("[data-share-zalo]").forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", function () {
            var url = button.getAttribute("data-url");
            if (navigator.share) {
                navigator.share({ title: button.getAttribute("data-title"), url: url }).catch(function () {});
            } else {
                copy(url, function () {
                    say("Đã chép liên kết, hãy dán vào Zalo để chia sẻ.");
                });
            }
        });
    });

    document.querySelectorAll("[data-print]").forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", function () { window.print(); });
    });
    // Visitor statistics: fetched, not rendered, because the footer is in cached pages.
    var stats = document.querySelector("[data-visitor-stats]");
    if (stats && window.fetch) {
        fetch(stats.getAttribute("data-visitor-stats"), { credentials: "omit" })
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (figures) {
                if (!figures) { return; }
                stats.querySelectorAll("[data-stat]").forEach(function (cell) {
                    var value = figures[cell.getAttribute("data-stat")];
                    if (value !== undefined) { cell.textContent = value; }
                });
                stats.hidden = false;
            })
            .catch(function () {});
    }
})();
