// interview-bot page: small DOM, API and formatting helpers shared by the views.
// Every piece of data reaches the page through textContent or attribute values, never as HTML.
'use strict';

(function () {
  const IB = (window.IB = window.IB || {});
  const SVG_NS = 'http://www.w3.org/2000/svg';

  function append(parent, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) {
      for (const c of child) append(parent, c);
    } else if (child instanceof Node) {
      parent.appendChild(child);
    } else {
      parent.appendChild(document.createTextNode(String(child)));
    }
  }

  function setAttrs(node, attrs) {
    if (!attrs) return;
    for (const key of Object.keys(attrs)) {
      const value = attrs[key];
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') {
        node.setAttribute('class', Array.isArray(value) ? value.filter(Boolean).join(' ') : value);
      } else if (key === 'text') {
        node.textContent = String(value);
      } else if (key === 'on') {
        for (const type of Object.keys(value)) node.addEventListener(type, value[type]);
      } else if (key === 'style' || key === 'innerHTML' || key === 'outerHTML' || /^on/i.test(key)) {
        throw new Error('el(): refusing to set ' + key);
      } else if (key === 'hidden' || key === 'disabled' || key === 'checked' || key === 'open' ||
                 key === 'required' || key === 'selected' || key === 'readOnly') {
        node[key] = !!value;
      } else if (key === 'value' || key === 'tabIndex') {
        node[key] = value;
      } else {
        node.setAttribute(key, value === true ? '' : String(value));
      }
    }
  }

  // el('p', {class: 'x', 'data-testid': 'y'}, 'text', child, [more]) -> HTMLElement
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  // The same for SVG elements (createElementNS).
  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG_NS, tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  let uid = 0;
  function nextId(prefix) {
    uid += 1;
    return (prefix || 'id') + '-' + uid;
  }

  // ---- storage (localStorage may be unavailable: private mode, disabled cookies) ----
  const memory = {};
  const store = {
    get(key) {
      try {
        const v = window.localStorage.getItem(key);
        return v === null ? memory[key] || null : v;
      } catch (e) {
        return memory[key] || null;
      }
    },
    set(key, value) {
      memory[key] = value;
      try { window.localStorage.setItem(key, value); } catch (e) { /* memory only */ }
    },
    remove(key) {
      delete memory[key];
      try { window.localStorage.removeItem(key); } catch (e) { /* ignore */ }
    },
  };

  function randomHex(bytes) {
    const a = new Uint8Array(bytes);
    window.crypto.getRandomValues(a);
    return Array.from(a, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  // The browser's anonymous id for "Your past interviews" (docs/api.md: <= 64 of [A-Za-z0-9_-]).
  function clientId() {
    const key = 'interview-bot.client-id';
    let id = store.get(key);
    if (!id || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) {
      id = randomHex(16);
      store.set(key, id);
    }
    return id;
  }

  // ---- API ----
  class ApiError extends Error {
    constructor(status, code, message, field, retryAfter) {
      super(message);
      this.status = status;
      this.code = code;
      this.field = field || '';
      this.retryAfter = retryAfter || null;
    }
  }

  // Server clock minus local clock, from the Date header; used only by the countdown.
  let serverOffsetMs = 0;
  function noteServerTime(res) {
    const header = res.headers.get('Date');
    if (!header) return;
    const server = Date.parse(header);
    if (Number.isNaN(server)) return;
    const offset = server - Date.now();
    // The header has one-second resolution: only correct clocks that are clearly off.
    serverOffsetMs = Math.abs(offset) > 5000 ? offset : 0;
  }
  function now() { return Date.now() + serverOffsetMs; }

  function fallbackMessage(status) {
    if (status === 404) return 'Not found.';
    if (status === 429) return 'Too many requests.';
    if (status >= 500) return 'The server had a problem. Please try again.';
    return 'The request failed (HTTP ' + status + ').';
  }

  async function api(method, path, body) {
    const options = { method, headers: { Accept: 'application/json' }, cache: 'no-store',
                      credentials: 'same-origin' };
    if (body !== undefined) {
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    let res;
    try {
      res = await fetch(path, options);
    } catch (e) {
      throw new ApiError(0, 'network',
        'Could not reach the interview server. Check your connection and try again.', '');
    }
    noteServerTime(res);
    let data = null;
    try {
      const text = await res.text();
      data = text ? JSON.parse(text) : null;
    } catch (e) {
      data = null;
    }
    if (!res.ok) {
      const err = (data && data.error) || {};
      throw new ApiError(res.status, err.code || 'http_' + res.status,
        err.message || fallbackMessage(res.status), err.field || '', res.headers.get('Retry-After'));
    }
    if (data === null || typeof data !== 'object') {
      throw new ApiError(res.status, 'bad_response', 'The server sent a response the page cannot read.', '');
    }
    return data;
  }

  // A sentence for the error alert.
  function describeError(e) {
    if (!(e instanceof ApiError)) return 'Something went wrong on this page. Please reload and try again.';
    let msg = String(e.message || '').trim();
    if (msg) msg = msg.charAt(0).toUpperCase() + msg.slice(1);
    if (!/[.!?]$/.test(msg)) msg += '.';
    switch (e.code) {
      case 'rate_limited': {
        const secs = parseInt(e.retryAfter, 10);
        return 'You are sending requests too quickly.' +
          (secs > 0 ? ' Try again in ' + secs + ' second' + (secs === 1 ? '' : 's') + '.' : ' Try again in a moment.');
      }
      case 'interview_ended':
        return 'This interview has already ended. Your report is ready.';
      case 'unknown_session':
        return 'This interview link does not match any interview. Check the link, or start a new interview.';
      case 'answer_too_long':
        return msg + ' Please shorten your answer; your text is still in the box.';
      case 'internal':
        return 'The server had a problem handling that. Your text is still here; please try again.';
      default:
        return msg;
    }
  }

  // ---- formatting ----
  function num(x) { return typeof x === 'number' && Number.isFinite(x); }
  function score1(x) { return num(x) ? x.toFixed(1) : '–'; }
  function points(x) {
    if (!num(x)) return '';
    return x >= 0.095 || x === 0 ? x.toFixed(1) : x.toFixed(2);
  }
  function percent(x) { return num(x) ? Math.round(x * 100) + '%' : '–'; }
  function bandOf(score) {
    if (!num(score)) return '';
    if (score >= 8.5) return 'excellent';
    if (score >= 7) return 'strong';
    if (score >= 5) return 'fair';
    if (score >= 3) return 'weak';
    return 'poor';
  }
  function capitalize(s) {
    s = String(s || '');
    return s.charAt(0).toUpperCase() + s.slice(1);
  }
  function plural(n, one, many) { return n + ' ' + (n === 1 ? one : many || one + 's'); }

  function parseTime(iso) {
    const t = Date.parse(iso);
    return Number.isNaN(t) ? null : t;
  }
  const dateFmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  const timeFmt = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
  function fmtDate(iso) { const t = parseTime(iso); return t === null ? '' : dateFmt.format(t); }
  function fmtTime(iso) { const t = parseTime(iso); return t === null ? '' : timeFmt.format(t); }
  function fmtDuration(seconds) {
    if (!num(seconds) || seconds < 0) return '–';
    seconds = Math.round(seconds);
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = seconds % 60;
    if (h) return h + ' h ' + m + ' min';
    if (m) return m + ' min ' + (s ? s + ' s' : '');
    return s + ' s';
  }
  function mmss(ms) {
    const total = Math.max(0, Math.ceil(ms / 1000));
    const m = Math.floor(total / 60);
    const s = total % 60;
    return String(m).padStart(2, '0') + ':' + String(s).padStart(2, '0');
  }
  // Characters as the server counts them (code points).
  function codePoints(s) {
    let n = 0;
    for (const _ of s) n++; // eslint-disable-line no-unused-vars
    return n;
  }

  const reducedMotion = () =>
    window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  Object.assign(IB, {
    el, svg, clear, append, nextId, store, clientId, api, ApiError, describeError, now,
    num, score1, points, percent, bandOf, capitalize, plural, fmtDate, fmtTime, fmtDuration,
    mmss, codePoints, reducedMotion, MAX_ANSWER_CHARS: 20000,
  });
})();
