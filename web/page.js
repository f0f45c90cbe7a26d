// interview-bot page: what every view shares (the main element, leaving a view, navigation,
// titles, error boxes, safe links). Views register in IB.views; app.js routes between them.
'use strict';

(function () {
  const IB = window.IB;
  const { el, clear, describeError } = IB;
  const main = document.getElementById('main');

  let cleanups = [];
  function onLeave(fn) { cleanups.push(fn); }
  function leave() {
    for (const fn of cleanups) {
      try { fn(); } catch (e) { /* ignore */ }
    }
    cleanups = [];
  }

  function navigate(path, initial) {
    if (path !== location.pathname) history.pushState(null, '', path);
    IB.route(initial);
    window.scrollTo(0, 0);
    focusHeading();
  }

  function focusHeading() {
    // Keep focus a view has already placed (the chat focuses its answer box).
    if (document.activeElement && document.activeElement !== document.body && main.contains(document.activeElement)) return;
    const h = main.querySelector('h1');
    if (h) {
      h.tabIndex = -1;
      h.focus({ preventScroll: true });
    }
  }

  function setTitle(text) {
    document.title = text ? text + ' · interview-bot' : 'interview-bot';
  }

  // An error alert (role="alert", data-testid="error"), hidden while empty.
  function errorBox() {
    const box = el('div', { class: 'alert', role: 'alert', 'data-testid': 'error', hidden: true });
    return {
      node: box,
      show(error) {
        clear(box);
        const text = typeof error === 'string' ? error : describeError(error);
        box.appendChild(el('span', { class: 'alert-icon', 'aria-hidden': 'true' }, '!'));
        box.appendChild(el('span', { class: 'alert-text' }, text));
        box.hidden = false;
      },
      hide() {
        box.hidden = true;
        clear(box);
      },
    };
  }

  // Only same-origin absolute paths from the server become link targets.
  function safePath(path, fallback) {
    return typeof path === 'string' && /^\/(?![\/\\])[^\s]*$/.test(path) ? path : fallback;
  }

  function linkButton(href, text, attrs) {
    return el('a', Object.assign({ href, class: 'button' }, attrs || {}), text);
  }

  function notFound(e) {
    const box = errorBox();
    box.show(e);
    const missing = e && (e.status === 404);
    return el('section', { class: 'card empty-state' },
      el('h1', null, missing ? 'We could not find that interview' : 'The interview could not be loaded'),
      box.node,
      el('div', { class: 'form-actions' },
        missing ? null : el('button', { type: 'button', class: 'button', on: { click: () => IB.route() } }, 'Try again'),
        linkButton('/', 'Start a new interview', { class: 'button button--primary' })));
  }

  IB.page = { main, onLeave, leave, navigate, focusHeading, setTitle, errorBox, safePath, linkButton, notFound };
})();
