// The portal's only script (no inline scripts: the pages' Content-Security-Policy forbids them).
// htmx requests carry the CSRF token like the forms do, and an upload shows its progress.
document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="csrf-token"]');
    var header = document.querySelector('meta[name="csrf-header"]');
    if (token && header) {
        event.detail.headers[header.content] = token.content;
    }
});
document.addEventListener('htmx:xhr:progress', function (event) {
    var bar = document.getElementById('upload-progress');
    if (bar && event.detail.lengthComputable) {
        bar.value = Math.round(event.detail.loaded / event.detail.total * 100);
    }
});
// A "select all" box ticks, or clears, every checkbox of the form it names (data-select-all), on this page;
// ticking rows by hand shows on it (ticked when all are, half-ticked when some are).
document.addEventListener('change', function (event) {
    var box = event.target;
    if (!box.matches) {
        return;
    }
    if (box.matches('input[data-select-all]')) {
        document.querySelectorAll('input[type="checkbox"][form="' + box.dataset.selectAll + '"]').forEach(function (row) {
            row.checked = box.checked;
        });
        return;
    }
    var form = box.getAttribute('form');
    var all = form && document.querySelector('input[data-select-all="' + form + '"]');
    if (all) {
        var rows = document.querySelectorAll('input[type="checkbox"][form="' + form + '"]');
        var ticked = document.querySelectorAll('input[type="checkbox"][form="' + form + '"]:checked').length;
        all.checked = ticked > 0 && ticked === rows.length;
        all.indeterminate = ticked > 0 && ticked < rows.length;
    }
});
// A table wider than its box scrolls inside .table-wrap, a long document inside its pre.payload: the box takes the
// keyboard focus (arrow keys scroll it) and a name, only while it overflows (a focus stop with nothing to scroll
// would be noise).
function focusableScrollBoxes() {
    document.querySelectorAll('.table-wrap, pre.payload').forEach(function (box) {
        if (box.scrollWidth > box.clientWidth || box.scrollHeight > box.clientHeight) {
            box.setAttribute('tabindex', '0');
            box.setAttribute('role', 'region');
            box.setAttribute('aria-label', scrollBoxName(box));
        } else if (box.getAttribute('tabindex') === '0') {
            box.removeAttribute('tabindex');
            box.removeAttribute('role');
            box.removeAttribute('aria-label');
        }
    });
}
// A table box is named after its caption; a document (pre.payload) after its own title, else "Document".
function scrollBoxName(box) {
    var caption = box.querySelector('caption');
    if (caption) {
        return caption.textContent.trim();
    }
    return box.getAttribute('title') || (box.tagName === 'PRE' ? 'Document' : 'Table, scrolls sideways');
}
document.addEventListener('DOMContentLoaded', focusableScrollBoxes);
document.addEventListener('htmx:afterSettle', focusableScrollBoxes);
window.addEventListener('resize', focusableScrollBoxes);
