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
// A "select all" box ticks, or clears, every checkbox of the form it names (data-select-all), on this page.
document.addEventListener('change', function (event) {
    var all = event.target;
    if (!all.matches || !all.matches('input[data-select-all]')) {
        return;
    }
    document.querySelectorAll('input[type="checkbox"][form="' + all.dataset.selectAll + '"]').forEach(function (box) {
        box.checked = all.checked;
    });
});
