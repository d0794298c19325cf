// annotate reading view: layer toggles. No network, no dependencies.
document.querySelectorAll('input[data-layer]').forEach(function (box) {
  box.addEventListener('change', function () {
    document.body.classList.toggle('hide-' + box.getAttribute('data-layer'), !box.checked);
  });
});
