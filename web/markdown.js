// A deliberately small Markdown renderer that builds DOM nodes (never HTML strings).
// Supports: paragraphs (single newlines kept as line breaks), "- " / "* " and "1." lists
// (nested by indentation), fenced code blocks, # / ## / ### headings, "> " quotes, **bold** and
// `inline code`.
// Links and raw HTML stay plain text: every character goes through textContent.
'use strict';

(function () {
  const IB = (window.IB = window.IB || {});

  const CODE_SPAN = /(`+)([\s\S]*?[^`])\1(?!`)/g;
  const BOLD = /\*\*(?=[^\s*])([\s\S]*?[^\s])\*\*/g;

  // `code` spans: their content is literal.
  function appendCode(parent, text) {
    const re = new RegExp(CODE_SPAN.source, 'g');
    let last = 0;
    let m;
    while ((m = re.exec(text)) !== null) {
      if (m.index > last) parent.appendChild(document.createTextNode(text.slice(last, m.index)));
      const code = document.createElement('code');
      let body = m[2];
      if (body.length > 2 && body.startsWith(' ') && body.endsWith(' ')) body = body.slice(1, -1);
      code.textContent = body;
      parent.appendChild(code);
      last = re.lastIndex;
    }
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
  }

  // **bold** (which may contain `code`), found outside code spans.
  function appendInline(parent, text) {
    const masked = text.replace(new RegExp(CODE_SPAN.source, 'g'), (m) => '\u0000'.repeat(m.length));
    const re = new RegExp(BOLD.source, 'g');
    let last = 0;
    let m;
    while ((m = re.exec(masked)) !== null) {
      if (m.index > last) appendCode(parent, text.slice(last, m.index));
      const strong = document.createElement('strong');
      appendCode(strong, text.slice(m.index + 2, m.index + m[0].length - 2));
      parent.appendChild(strong);
      last = re.lastIndex;
    }
    if (last < text.length) appendCode(parent, text.slice(last));
    return parent;
  }

  function indentOf(s) {
    return s.replace(/\t/g, '    ').length;
  }

  // render(text, {headingLevel: 3}) -> DocumentFragment. "#" maps to <h{headingLevel}>.
  function render(source, options) {
    const base = Math.max(1, Math.min(6, (options && options.headingLevel) || 3));
    const frag = document.createDocumentFragment();
    const lines = String(source == null ? '' : source).replace(/\r\n?/g, '\n').split('\n');
    let para = null; // array of lines
    let lists = []; // stack of {indent, ordered, el, lastItem}
    let lastWasBlank = false;

    function flushPara() {
      if (!para) return;
      const p = document.createElement('p');
      para.forEach((line, i) => {
        if (i > 0) p.appendChild(document.createElement('br'));
        appendInline(p, line);
      });
      frag.appendChild(p);
      para = null;
    }
    function closeLists() { lists = []; }

    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];

      const fence = /^\s*(`{3,}|~{3,})\s*([\w+#.-]*)[^`]*$/.exec(line);
      if (fence) {
        flushPara();
        closeLists();
        const marker = fence[1];
        const closing = new RegExp('^\\s*' + (marker[0] === '`' ? '`' : '~') + '{' + marker.length + ',}\\s*$');
        const body = [];
        i++;
        while (i < lines.length && !closing.test(lines[i])) {
          body.push(lines[i]);
          i++;
        }
        // Strip the common indentation of the block (fences nested in list text).
        const pad = Math.min(...body.filter((l) => l.trim()).map((l) => /^ */.exec(l)[0].length), 80);
        const pre = document.createElement('pre');
        pre.className = 'md-code';
        pre.tabIndex = 0; // scrollable: reachable by keyboard
        const code = document.createElement('code');
        code.textContent = body.map((l) => l.slice(Number.isFinite(pad) ? pad : 0)).join('\n');
        if (fence[2]) {
          code.setAttribute('data-lang', fence[2]);
          pre.setAttribute('aria-label', 'Code sample (' + fence[2] + ')');
        } else {
          pre.setAttribute('aria-label', 'Code sample');
        }
        pre.appendChild(code);
        frag.appendChild(pre);
        lastWasBlank = false;
        continue;
      }

      if (!line.trim()) {
        flushPara();
        lastWasBlank = true;
        continue;
      }

      if (/^\s{0,3}>/.test(line)) {
        flushPara();
        closeLists();
        const quoted = [];
        while (i < lines.length && /^\s{0,3}>/.test(lines[i])) {
          quoted.push(lines[i].replace(/^\s{0,3}> ?/, ''));
          i++;
        }
        i--;
        const quote = document.createElement('blockquote');
        quote.className = 'md-quote';
        quote.appendChild(render(quoted.join('\n'), options));
        frag.appendChild(quote);
        lastWasBlank = false;
        continue;
      }

      const heading = /^\s{0,3}(#{1,3})\s+(.+?)\s*#*\s*$/.exec(line);
      if (heading) {
        flushPara();
        closeLists();
        const h = document.createElement('h' + Math.min(6, base + heading[1].length - 1));
        h.className = 'md-heading';
        appendInline(h, heading[2]);
        frag.appendChild(h);
        lastWasBlank = false;
        continue;
      }

      const bullet = /^(\s*)[-*•]\s+(.*)$/.exec(line);
      const number = bullet ? null : /^(\s*)(\d{1,9})[.)]\s+(.*)$/.exec(line);
      if (bullet || number) {
        flushPara();
        const indent = indentOf((bullet || number)[1]);
        const ordered = !!number;
        const text = bullet ? bullet[2] : number[3];
        while (lists.length && indent < lists[lists.length - 1].indent) lists.pop();
        let top = lists[lists.length - 1];
        if (top && indent > top.indent && top.lastItem) {
          top = null; // nested list inside the previous item
        } else if (top && top.ordered !== ordered) {
          lists.pop();
          top = null;
        }
        if (!top) {
          const listEl = document.createElement(ordered ? 'ol' : 'ul');
          listEl.className = 'md-list';
          if (ordered && number[2] !== '1') listEl.start = parseInt(number[2], 10);
          const parent = lists.length && indent > lists[lists.length - 1].indent
            ? lists[lists.length - 1].lastItem : frag;
          parent.appendChild(listEl);
          top = { indent, ordered, el: listEl, lastItem: null };
          lists.push(top);
        }
        const li = document.createElement('li');
        appendInline(li, text);
        top.el.appendChild(li);
        top.lastItem = li;
        lastWasBlank = false;
        continue;
      }

      // An indented line right after a list item continues that item.
      if (lists.length && !lastWasBlank && /^\s+\S/.test(line)) {
        const item = lists[lists.length - 1].lastItem;
        item.appendChild(document.createElement('br'));
        appendInline(item, line.trim());
        continue;
      }

      closeLists();
      if (!para) para = [];
      para.push(line.trim());
      lastWasBlank = false;
    }
    flushPara();
    return frag;
  }

  IB.markdown = render;
})();
