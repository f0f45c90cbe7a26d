// web/markdown.js, the chat page's Markdown renderer, run by node --test against a fake DOM
// (fake_dom.mjs): each source and the whole document it renders. Raw HTML and links must stay text.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { loadPageScript, serialize } from './fake_dom.mjs';

const IB = loadPageScript('markdown.js');
const render = (source, options = { headingLevel: 3 }) => serialize(IB.markdown(source, options));

const cases = [
  // Paragraphs: blank lines split them, single newlines are line breaks; CRLF is a newline.
  ['paragraphs', 'a\nb\n\nc', '<p>a<br>b</p><p>c</p>'],
  ['CRLF', 'a\r\nb', '<p>a<br>b</p>'],
  ['null', null, ''],
  // Inline: bold, code, bold around code; nothing inside code is markup.
  ['bold and code', '**bold** and `code`', '<p><strong>bold</strong> and <code>code</code></p>'],
  ['code inside bold', '**use `x`**', '<p><strong>use <code>x</code></strong></p>'],
  ['bold inside code', '`**not bold**`', '<p><code>**not bold**</code></p>'],
  ['double backticks', '``a ` b``', '<p><code>a ` b</code></p>'],
  ['bold needs a word after **', '** not bold**', '<p>** not bold**</p>'],
  // Never markup from the source: raw HTML and links are text.
  ['raw HTML', '<script>alert(1)</script> & "q"',
   '<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;</p>'],
  ['HTML in code', '`<img src=x onerror=alert(1)>`', '<p><code>&lt;img src=x onerror=alert(1)&gt;</code></p>'],
  ['link', '[x](javascript:alert(1))', '<p>[x](javascript:alert(1))</p>'],
  // Lists: bullets, numbers (keeping the first number), nesting by indentation, continuations.
  ['bullets', '* star\n• bullet\n- dash', '<ul class="md-list"><li>star</li><li>bullet</li><li>dash</li></ul>'],
  ['numbered from 3', '3. a\n4) b', '<ol class="md-list" start="3"><li>a</li><li>b</li></ol>'],
  ['nested', '- a\n  - b\n- c', '<ul class="md-list"><li>a<ul class="md-list"><li>b</li></ul></li><li>c</li></ul>'],
  ['continued item', '- item\n  continued', '<ul class="md-list"><li>item<br>continued</li></ul>'],
  ['bullets then numbers', '- a\n1. b', '<ul class="md-list"><li>a</li></ul><ol class="md-list"><li>b</li></ol>'],
  ['text then list', 'text\n- item', '<p>text</p><ul class="md-list"><li>item</li></ul>'],
  // Blocks: fenced code (language, common indentation, unclosed), headings, quotes.
  ['fence with a language', '```js\nlet a = 1;\n```',
   '<pre class="md-code" tabindex="0" aria-label="Code sample (js)"><code data-lang="js">let a = 1;</code></pre>'],
  ['fence keeps relative indentation', '```\n    a\n      b\n```',
   '<pre class="md-code" tabindex="0" aria-label="Code sample"><code>a\n  b</code></pre>'],
  ['unclosed fence', '```\n**code** <b>', '<pre class="md-code" tabindex="0" aria-label="Code sample"><code>**code** &lt;b&gt;</code></pre>'],
  ['headings from the base level', '# Title\n## Sub\n### Third',
   '<h3 class="md-heading">Title</h3><h4 class="md-heading">Sub</h4><h5 class="md-heading">Third</h5>'],
  ['quote', '> quoted\n> **more**', '<blockquote class="md-quote"><p>quoted<br><strong>more</strong></p></blockquote>'],
];

for (const [name, source, html] of cases) {
  test(name, () => assert.equal(render(source), html));
}

test('the heading level is clamped to h1..h6 and defaults to 3', () => {
  assert.equal(render('# T', { headingLevel: 9 }), '<h6 class="md-heading">T</h6>');
  assert.equal(render('# T', { headingLevel: 0 }), '<h3 class="md-heading">T</h3>');
  assert.equal(render('# T', undefined), '<h3 class="md-heading">T</h3>');
  assert.equal(render('### T', { headingLevel: 5 }), '<h6 class="md-heading">T</h6>');
});
