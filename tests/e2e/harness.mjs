// Shared pieces of the browser tests: a real interview-bot server on a free port and a temporary
// database, Debian's Chromium through playwright-core, and a page that fails the test on any script
// error, console error or dialog (a dialog is how an injected script would show itself).
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const here = dirname(fileURLToPath(import.meta.url));
export const repo = join(here, '..', '..');
export const screenshots = join(here, 'screenshots');

export function fail(message) {
  throw new Error(message);
}

export function check(condition, message) {
  if (!condition) fail(message);
}

export function checkEqual(actual, expected, what) {
  const a = JSON.stringify(actual), e = JSON.stringify(expected);
  if (a !== e) fail(`${what}: expected ${e}, got ${a}`);
}

// Starts `interview-bot serve --port 0` and resolves once it prints the address it listens on.
export async function startServer(binary, extraEnv = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'interview-bot-e2e-'));
  const child = spawn(binary, ['serve', '--port', '0', '--bind', '127.0.0.1', '--db', join(dir, 'e2e.db'),
                               '--content', join(repo, 'content', 'seed'), '--rate-limit', '0',
                               // Several browser contexts of one test share 127.0.0.1: lift the per-address cap.
                               '--connections-per-address', '64'],
                      { env: { ...process.env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const base = await new Promise((resolve, reject) => {
    // The seed bank compiles in about 2 s on an idle machine, far longer when builds share its cores.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');  // never leave a server behind a failed start
      reject(new Error('server did not start in 90 s:\n' + output));
    }, 90000);
    const onData = (chunk) => {
      output += chunk;
      const m = /Open http:\/\/[^:]+:(\d+)\//.exec(output);
      if (m) { clearTimeout(timer); resolve(`http://127.0.0.1:${m[1]}`); }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return {
    base,
    async stop() {
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      const code = await exited;
      rmSync(dir, { recursive: true, force: true });
      return code;
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
}

// A page whose problems are collected; call assertClean() to fail on any of them.
export async function guardedPage(context) {
  const page = await context.newPage();
  page.setDefaultTimeout(60000);  // a shared, loaded machine scores slowly
  const problems = [];
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push('console error: ' + m.text()); });
  page.on('dialog', async (d) => { problems.push(`dialog (${d.type()}): ${d.message()}`); await d.dismiss(); });
  page.assertClean = () => check(problems.length === 0, 'browser problems:\n' + problems.join('\n'));
  return page;
}

export async function shot(page, name) {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, name + '.png'), fullPage: true });
}

// The answer of one kind from the probe files (tests/data/probes), written for generality.
export function probeAnswer(file, kind) {
  for (const line of readFileSync(join(repo, 'tests', 'data', 'probes', file), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line);
    if (row.kind === kind) return row.answer;
  }
  return fail(`no ${kind} answer in ${file}`);
}

export async function postJson(url, body) {
  const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' },
                                 body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

// Runs one named test function with a server and a browser, reporting like a test runner.
export async function run(name, binary, body, env = {}) {
  const server = await startServer(binary, env);
  const browser = await launchBrowser();
  const started = Date.now();
  try {
    await body({ server, browser });
    console.log(`PASS ${name} (${Date.now() - started} ms)`);
  } finally {
    await browser.close();
    const code = await server.stop();
    check(code === 0, `server exit code after SIGTERM: ${code}`);
  }
}
