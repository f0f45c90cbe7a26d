// A minimal stand-in for the browser DOM, enough for web/markdown.js: elements, text nodes and
// fragments (appending a fragment moves its children, as in a browser), textContent, attributes,
// and the properties the renderer sets. serialize() writes a node as HTML with text escaped, so
// tests compare whole documents. No dependencies: node:vm runs the page's script against it.
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

class Text {
  constructor(text) { this.text = String(text); }
}

class Element {
  constructor(tag) {
    this.tagName = tag;
    this.children = [];
    this.attributes = new Map();
    this.className = '';
  }
  appendChild(node) {
    if (node instanceof Fragment) {
      this.children.push(...node.children);
      node.children = [];
    } else {
      this.children.push(node);
    }
    return node;
  }
  set textContent(text) { this.children = [new Text(text)]; }
  setAttribute(name, value) { this.attributes.set(name, String(value)); }
}

class Fragment extends Element {
  constructor() { super('#fragment'); }
}

export const document = {
  createElement: (tag) => new Element(tag),
  createTextNode: (text) => new Text(text),
  createDocumentFragment: () => new Fragment(),
};

function escape(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function serialize(node) {
  if (node instanceof Text) return escape(node.text);
  const inner = node.children.map(serialize).join('');
  if (node instanceof Fragment) return inner;
  const attrs = [];
  if (node.className) attrs.push(['class', node.className]);
  if (node.start !== undefined) attrs.push(['start', node.start]);
  if (node.tabIndex !== undefined) attrs.push(['tabindex', node.tabIndex]);
  for (const [name, value] of node.attributes) attrs.push([name, value]);
  const open = node.tagName + attrs.map(([n, v]) => ` ${n}="${escape(String(v))}"`).join('');
  return node.tagName === 'br' ? `<${open}>` : `<${open}>${inner}</${node.tagName}>`;
}

// Runs web/<file> as the page would, with `window` and `document`; returns window.IB.
export function loadPageScript(file) {
  const url = new URL(`../../web/${file}`, import.meta.url);
  const window = {};
  vm.runInNewContext(readFileSync(url, 'utf8'), { window, document }, { filename: url.pathname });
  return window.IB;
}
