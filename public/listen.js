// 朗读: reads a clause, 专栏 item or topic summary aloud with the browser's own speech
// (speechSynthesis, a Chinese voice; nothing is sent anywhere). Loaded, deferred, only on
// pages with text to read. Without it, or without JavaScript, the page reads as before.
//
// What can be read: each clause's data-clause element (its controls go beside 复制引用 and
// 分享), and any [data-listen] element (its controls go in a line after it). The text is
// spoken one sentence at a time, and the sentence being spoken is highlighted with the CSS
// Custom Highlight API, so the page's text and what copying it gives never change.
(function () {
  'use strict';
  var synth = window.speechSynthesis;
  var status = document.getElementById('live-status');
  var HIGHLIGHT = 'listen-sentence';
  var NO_VOICE = '本浏览器没有中文语音';
  var VOICE_WAIT_MS = 1500;

  function announce(message) {
    if (!status) return;
    status.textContent = '';
    setTimeout(function () { status.textContent = message; }, 50);
  }

  // ---------- Sentences: ranges over the element's text nodes, cut after 。！？； ----------

  // A sentence ends at 。！？； and takes any closing quotes or brackets that follow.
  var SENTENCE = /[^。！？；]*[。！？；]+[”’」』）)]*|[^。！？；]+$/g;

  function sentencesOf(el) {
    var nodes = [];
    var text = '';
    var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (var n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push({ node: n, start: text.length });
      text += n.data;
    }
    function point(offset) {
      for (var i = nodes.length - 1; i >= 0; i--) {
        if (nodes[i].start <= offset) return { node: nodes[i].node, offset: offset - nodes[i].start };
      }
      return { node: nodes[0].node, offset: 0 };
    }
    var out = [];
    var m;
    SENTENCE.lastIndex = 0;
    while ((m = SENTENCE.exec(text)) && m[0].length > 0) {
      var spoken = m[0].trim();
      // The highlight covers the sentence itself, not the spaces between list items.
      var lead = m[0].length - m[0].replace(/^\s+/, '').length;
      if (spoken) out.push({ text: spoken, start: m.index + lead, end: m.index + m[0].replace(/\s+$/, '').length, point: point });
      if (SENTENCE.lastIndex >= text.length) break;
    }
    return out;
  }

  function highlight(sentence) {
    if (!window.CSS || !CSS.highlights || typeof Highlight !== 'function') return;
    if (!sentence) return CSS.highlights.delete(HIGHLIGHT);
    var range = document.createRange();
    var a = sentence.point(sentence.start);
    var b = sentence.point(sentence.end);
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    CSS.highlights.set(HIGHLIGHT, new Highlight(range));
  }

  // ---------- A Chinese voice, once the browser has listed its voices ----------

  function isChinese(v) {
    return /^(zh|cmn)\b/i.test(String(v.lang).replace('_', '-'));
  }
  function rank(v) {
    var lang = String(v.lang).replace('_', '-').toLowerCase();
    return lang === 'zh-cn' ? 0 : /hans|cmn/.test(lang) ? 1 : 2;
  }
  function pickVoice(voices) {
    var zh = voices.filter(isChinese);
    zh.sort(function (a, b) { return rank(a) - rank(b); });
    return zh[0] || null;
  }
  // Browsers fill the list late (Chrome after voiceschanged); give up after a moment.
  function chineseVoice(callback) {
    if (!synth) return callback(null);
    var voices = synth.getVoices();
    if (voices.length) return callback(pickVoice(voices));
    var done = false;
    function finish() {
      if (done) return;
      done = true;
      synth.removeEventListener('voiceschanged', finish);
      callback(pickVoice(synth.getVoices()));
    }
    synth.addEventListener('voiceschanged', finish);
    setTimeout(finish, VOICE_WAIT_MS);
  }

  // ---------- Controls: 朗读 → 暂停 / 继续, and 停止 while reading ----------

  var current = null; // { controls, sentences, index, paused, token }
  var token = 0;

  function makeControls(describedBy) {
    var main = document.createElement('button');
    main.type = 'button';
    main.className = 'secondary listen-button';
    main.textContent = '朗读';
    var stop = document.createElement('button');
    stop.type = 'button';
    stop.className = 'secondary listen-stop';
    stop.textContent = '停止';
    stop.hidden = true;
    if (describedBy) {
      main.setAttribute('aria-describedby', describedBy);
      stop.setAttribute('aria-describedby', describedBy);
    }
    return { main: main, stop: stop };
  }

  function reset(controls) {
    var stopHadFocus = document.activeElement === controls.stop;
    controls.main.textContent = '朗读';
    controls.stop.hidden = true;
    if (stopHadFocus) controls.main.focus();
  }

  function stop() {
    if (!current) return;
    var was = current;
    current = null;
    token++;
    if (synth) synth.cancel();
    highlight(null);
    reset(was.controls);
  }

  function speakFrom(reading) {
    if (reading !== current) return;
    var sentence = reading.sentences[reading.index];
    if (!sentence) {
      stop();
      return;
    }
    var mine = reading.token;
    var u = new SpeechSynthesisUtterance(sentence.text);
    u.lang = 'zh-CN';
    // Some browsers refuse a voice object they did not list themselves; lang alone still
    // asks for a Chinese voice.
    try {
      u.voice = reading.voice;
    } catch (e) { /* keep the lang */ }
    u.onstart = function () {
      if (mine === token) highlight(sentence);
    };
    u.onend = function () {
      if (mine !== token) return;
      reading.index++;
      speakFrom(reading);
    };
    u.onerror = function (event) {
      // cancel() from 停止 or another 朗读 also ends here; only a real failure stops.
      if (mine === token && event && event.error !== 'interrupted' && event.error !== 'canceled') stop();
    };
    highlight(sentence);
    synth.speak(u);
  }

  function start(controls, el) {
    stop();
    controls.main.textContent = '朗读';
    chineseVoice(function (voice) {
      if (!voice) {
        controls.main.textContent = NO_VOICE;
        announce(NO_VOICE + '，不能朗读。');
        return;
      }
      var sentences = sentencesOf(el);
      if (!sentences.length) return;
      // A queue left paused (Chrome keeps the flag after cancel) would never speak.
      if (synth.paused) synth.resume();
      current = { controls: controls, sentences: sentences, index: 0, voice: voice, token: ++token };
      controls.main.textContent = '暂停';
      controls.stop.hidden = false;
      speakFrom(current);
    });
  }

  function attach(el, place, describedBy) {
    var controls = makeControls(describedBy);
    place(controls);
    controls.main.addEventListener('click', function () {
      if (!current || current.controls !== controls) return start(controls, el);
      if (current.paused) {
        current.paused = false;
        synth.resume();
        controls.main.textContent = '暂停';
      } else {
        current.paused = true;
        synth.pause();
        controls.main.textContent = '继续';
      }
    });
    controls.stop.addEventListener('click', stop);
  }

  // Clauses and 专栏 items: beside the article's other actions.
  var clauses = document.querySelectorAll('article [data-clause]');
  for (var i = 0; i < clauses.length; i++) {
    (function (el) {
      var article = el.closest('article');
      var actions = article && article.querySelector('.actions');
      if (!actions) return;
      var citation = article.querySelector('.citation');
      attach(el, function (c) { actions.appendChild(c.main); actions.appendChild(c.stop); }, citation && citation.id);
    })(clauses[i]);
  }
  // Other text to read (a topic's summary): on its own line after it.
  var others = document.querySelectorAll('[data-listen]');
  for (var j = 0; j < others.length; j++) {
    (function (el) {
      attach(el, function (c) {
        var line = document.createElement('p');
        line.className = 'listen-controls no-print';
        line.appendChild(c.main);
        line.appendChild(c.stop);
        el.insertAdjacentElement('afterend', line);
      }, el.getAttribute('data-listen-described-by'));
    })(others[j]);
  }
  // Leaving the page stops the voice.
  window.addEventListener('pagehide', stop);
})();
