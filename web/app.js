// interview-bot page: the router. Views (start.js, chat.js, report.js) register in IB.views;
// page.js holds what they share.
'use strict';

(function () {
  const IB = window.IB;
  const { main, leave, navigate } = IB.page;
  const { clear } = IB;

  function route(initial) {
    leave();
    clear(main);
    const path = location.pathname;
    let m;
    if ((m = /^\/s\/([A-Za-z0-9_-]+)\/report\/?$/.exec(path))) return IB.views.report(m[1]);
    if ((m = /^\/s\/([A-Za-z0-9_-]+)\/?$/.exec(path))) return IB.views.chat(m[1], initial);
    return IB.views.start();
  }
  IB.route = route;

  window.addEventListener('popstate', () => route());

  // Same-origin page links navigate without a reload.
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey ||
        event.shiftKey || event.altKey) return;
    const a = event.target.closest && event.target.closest('a[href]');
    if (!a || a.hasAttribute('download') || (a.target && a.target !== '_self')) return;
    const url = new URL(a.href, location.href);
    if (url.origin !== location.origin) return;
    if (!/^\/(s\/[A-Za-z0-9_-]+(\/report)?\/?)?$/.test(url.pathname)) return;
    if (url.hash && url.pathname === location.pathname) return;
    event.preventDefault();
    navigate(url.pathname);
  });

  route();
})();
