// A province select that filters a list of plans in place (src/components/RegionFilter.astro):
// the children of #<data-target> with data-province are shown or hidden, the count goes to
// the filter's status line, and the choice is kept in the address (?province=…) so a shared
// link keeps it. Loaded, deferred, only on pages with such a filter; without it every plan
// stays listed.
(function () {
  'use strict';
  var PARAM = 'province';
  var boxes = document.querySelectorAll('[data-region-filter]');
  for (var i = 0; i < boxes.length; i++) setUp(boxes[i]);

  function setUp(box) {
    var select = box.querySelector('select');
    var count = box.querySelector('[data-region-count]');
    var list = document.getElementById(box.getAttribute('data-target'));
    if (!select || !count || !list) return;
    var items = Array.prototype.filter.call(list.children, function (el) { return el.hasAttribute('data-province'); });
    function apply(province, announce) {
      var shown = 0;
      items.forEach(function (item) {
        item.hidden = province !== '' && item.getAttribute('data-province') !== province;
        if (!item.hidden) shown++;
      });
      var text = (province || '全部省份') + '：' + shown + ' ' + box.getAttribute('data-what');
      // The status line speaks when the reader changes the choice (or arrives filtered), not on every page load.
      if (announce || count.textContent) count.textContent = text;
    }
    var wanted = new URLSearchParams(location.search).get(PARAM) || '';
    if (Array.prototype.some.call(select.options, function (o) { return o.value === wanted; })) select.value = wanted;
    apply(select.value, select.value !== '');
    select.addEventListener('change', function () {
      apply(select.value, true);
      var url = new URL(location.href);
      if (select.value) url.searchParams.set(PARAM, select.value);
      else url.searchParams.delete(PARAM);
      history.replaceState(null, '', url);
    });
  }
})();
