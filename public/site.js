// The only script every page loads (deferred). Reading never needs it: it powers the
// display toggles (大字 / 高对比度), the 复制引用 and 分享 buttons. The
// saved display settings are applied earlier, before first paint, by a tiny
// inline script in <head> (see src/components/DisplayScript.astro).
(function () {
  'use strict';
  var root = document.documentElement;
  var status = document.getElementById('live-status');

  function announce(message) {
    if (!status) return;
    // Clear first so the same message is announced again on a second click.
    status.textContent = '';
    setTimeout(function () { status.textContent = message; }, 50);
  }

  // Display toggles: <button data-display="text" data-value="large" aria-pressed>.
  var toggles = document.querySelectorAll('button[data-display]');
  function sync() {
    for (var i = 0; i < toggles.length; i++) {
      var b = toggles[i];
      b.setAttribute('aria-pressed', String(root.getAttribute('data-' + b.dataset.display) === b.dataset.value));
    }
  }
  for (var i = 0; i < toggles.length; i++) {
    toggles[i].addEventListener('click', function (event) {
      var b = event.currentTarget;
      var attr = 'data-' + b.dataset.display;
      var on = root.getAttribute(attr) !== b.dataset.value;
      if (on) root.setAttribute(attr, b.dataset.value);
      else root.removeAttribute(attr);
      try {
        if (on) localStorage.setItem('display-' + b.dataset.display, b.dataset.value);
        else localStorage.removeItem('display-' + b.dataset.display);
      } catch (e) { /* private mode: the setting lasts for this page only */ }
      sync();
    });
  }
  sync();

  // 菜单 (phones): a disclosure for the navigation and display settings. Escape closes it
  // and puts focus back on the button.
  var menuButton = document.querySelector('[data-menu-button]');
  var menu = document.getElementById('site-menu');
  function setMenu(open, focusButton) {
    if (!menuButton || !menu) return;
    menuButton.setAttribute('aria-expanded', String(open));
    menu.classList.toggle('is-open', open);
    if (focusButton) menuButton.focus();
  }
  if (menuButton && menu) {
    menuButton.addEventListener('click', function () {
      setMenu(menuButton.getAttribute('aria-expanded') !== 'true', false);
    });
    document.addEventListener('keydown', function (event) {
      if (event.key !== 'Escape' || menuButton.getAttribute('aria-expanded') !== 'true') return;
      // In 大字 on a phone the header's search box folds with the menu (site.css), so it counts as inside.
      var headerSearch = menuButton.parentElement.querySelector('.search-form');
      var inside = menu.contains(document.activeElement) || (headerSearch && headerSearch.contains(document.activeElement));
      if (inside || document.activeElement === menuButton) setMenu(false, true);
    });
  }

  // Shows a short confirmation on the button itself (seen) while announce() says it (heard).
  function confirmOnButton(button, text) {
    var label = button.getAttribute('data-label') || button.textContent;
    button.setAttribute('data-label', label);
    button.textContent = text;
    clearTimeout(button._restore);
    button._restore = setTimeout(function () { button.textContent = label; }, 2000);
  }

  // 分享: the system share sheet where the browser has one (most phones), else the link is
  // copied. A clause shares its permalink with its citation; 分享本页 shares the page
  // (its query kept, so a finder link keeps the answers).
  function shareData(button) {
    var holder = button.closest('[data-citation-holder]');
    var citation = holder && holder.querySelector('.citation');
    var link = holder && holder.querySelector('a.permalink');
    if (citation && link) {
      var cited = citation.textContent.trim();
      return { title: cited, text: cited, url: new URL(link.getAttribute('href'), location.href).href };
    }
    return { title: document.title, url: location.href.split('#')[0] };
  }
  function copyLink(button, url) {
    function failed() {
      announce('无法自动复制。请复制这个链接：' + url);
      confirmOnButton(button, '无法复制');
    }
    if (!navigator.clipboard || !navigator.clipboard.writeText) return failed();
    navigator.clipboard.writeText(url).then(function () {
      confirmOnButton(button, '已复制链接');
      announce('已复制链接，可以粘贴到聊天或短信里：' + url);
    }, failed);
  }
  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('button[data-share]');
    if (!button) return;
    var data = shareData(button);
    if (navigator.share) {
      navigator.share(data).catch(function (error) {
        // The reader closed the share sheet: nothing to do. Any other refusal: copy instead.
        if (!error || error.name !== 'AbortError') copyLink(button, data.url);
      });
    } else {
      copyLink(button, data.url);
    }
  });

  // Arriving at a clause (#c3s2-5, also with :~:text=): say where it sits in the plan in a
  // visible 你在：《plan》 › chapter › section line above it, bring that line into view, and move
  // focus to the clause so a screen reader starts reading there.
  // An area page's heading holds chapter and section (or 专栏 and group): two .heading-parts.
  function headingParts(h) {
    var parts = h.querySelectorAll('.heading-part');
    return parts.length ? Array.prototype.map.call(parts, function (p) { return p.textContent.trim(); }) : [h.textContent.trim()];
  }
  function headingsBefore(el) {
    var chapter = null;
    var section = null;
    var headings = document.querySelectorAll('main h2[id], main h3[id]');
    for (var i = 0; i < headings.length; i++) {
      var h = headings[i];
      if (!(h.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)) break;
      if (h.tagName === 'H2') {
        chapter = h;
        section = null;
      } else {
        section = h;
      }
    }
    return [chapter, section].filter(Boolean).reduce(function (path, h) { return path.concat(headingParts(h)); }, []);
  }
  function arrive() {
    var id = decodeURIComponent(location.hash.slice(1));
    var clause = id && document.getElementById(id);
    if (!clause || !clause.hasAttribute('data-clause')) return;
    var article = clause.closest('article');
    var citation = article && article.querySelector('.citation');
    var line = article && article.querySelector('.you-are-here');
    if (article && !line) {
      var plan = citation ? (/^《[^》]*》/.exec(citation.textContent.trim()) || [''])[0] : '';
      var parts = [plan].concat(headingsBefore(clause)).filter(Boolean);
      if (parts.length) {
        line = document.createElement('p');
        line.className = 'you-are-here';
        line.textContent = '你在：' + parts.join(' › ');
        line.id = id + '-here';
        article.insertBefore(line, article.firstChild);
        clause.setAttribute('aria-describedby', line.id);
      }
    }
    // Room above the clause for the line, whether the browser or this script scrolls to it.
    if (line) clause.style.scrollMarginTop = line.offsetHeight + 24 + 'px';
    clause.setAttribute('tabindex', '-1');
    clause.focus({ preventScroll: true });
    clause.scrollIntoView({ block: 'start' });
  }
  window.addEventListener('hashchange', arrive);
  // After the other deferred scripts (listen.js adds buttons that move the clause down).
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', arrive);
  else arrive();

  // 复制引用: citation + full URL of the clause's permalink.
  function selectText(el) {
    var range = document.createRange();
    range.selectNodeContents(el);
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }
  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('button[data-copy-citation]');
    if (!button) return;
    var holder = button.closest('[data-citation-holder]');
    var citation = holder && holder.querySelector('.citation');
    var link = holder && holder.querySelector('a.permalink');
    if (!citation || !link) return;
    var text = citation.textContent.trim() + ' ' + new URL(link.getAttribute('href'), location.href).href;
    function fallback() {
      selectText(citation);
      announce('无法自动复制。出处已选中，请按 Ctrl+C（手机上长按）复制。');
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () {
        button.textContent = '已复制';
        announce('已复制引用：' + text);
        setTimeout(function () { button.textContent = '复制引用'; }, 2000);
      }, fallback);
    } else {
      fallback();
    }
  });
})();
