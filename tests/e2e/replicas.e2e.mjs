// A browser interview through two replicas on one PostgreSQL database behind nginx (round robin):
// the page's requests alternate between the replicas and the interview still runs start to report,
// and the transcript reloads whole. Needs the throwaway cluster of scripts/with-postgres
// (INTERVIEW_BOT_TEST_PG) and Debian's nginx; fails, never skips, without them.
// Usage: node replicas.e2e.mjs PATH/TO/interview-bot
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check, checkEqual, guardedPage, launchBrowser, probeAnswer, shot, startServer } from './harness.mjs';

const binary = process.argv[2] || process.env.INTERVIEW_BOT;
if (!binary) throw new Error('usage: node replicas.e2e.mjs PATH/TO/interview-bot');
const cluster = process.env.INTERVIEW_BOT_TEST_PG;
check(cluster, 'INTERVIEW_BOT_TEST_PG is not set: run under scripts/with-postgres (./scripts/test does)');

async function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

// nginx in front of `ports`, round robin; X-Replica names the replica that answered.
async function startNginx(ports) {
  const dir = mkdtempSync(join(tmpdir(), 'interview-bot-nginx-'));
  const port = await freePort();
  writeFileSync(join(dir, 'nginx.conf'), `${process.getuid() === 0 ? 'user root;' : ''}
worker_processes 1; pid ${dir}/nginx.pid; error_log ${dir}/error.log;
events { worker_connections 256; }
http {
  access_log off; client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy;
  upstream replicas { ${ports.map((p) => `server 127.0.0.1:${p};`).join(' ')} }
  server { listen 127.0.0.1:${port};
    location / { proxy_pass http://replicas; add_header X-Replica $upstream_addr always; } }
}`);
  const child = spawn('/usr/sbin/nginx', ['-e', join(dir, 'startup.log'), '-p', dir, '-c', join(dir, 'nginx.conf'),
                                          '-g', 'daemon off;'], { stdio: 'inherit' });
  for (let i = 0; i < 100; i++) {
    if (await fetch(`http://127.0.0.1:${port}/healthz`).then(() => true, () => false)) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    base: `http://127.0.0.1:${port}`,
    async stop() {
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const database = `browser_${process.pid}`;
execFileSync('psql', ['-q', `${cluster}/postgres`, '-c', `CREATE DATABASE ${database}`]);
const env = { DATABASE_URL: `${cluster}/${database}` };
const replicas = [await startServer(binary, env), await startServer(binary, env)];
const front = await startNginx(replicas.map((r) => new URL(r.base).port));
const browser = await launchBrowser();
const started = Date.now();
try {
  const page = await guardedPage(await browser.newContext({ viewport: { width: 1200, height: 900 } }));
  const served = [];  // the replica of each API request, in order
  page.on('response', (res) => {
    if (new URL(res.url()).pathname.startsWith('/api/')) served.push(res.headers()['x-replica']);
  });
  const strong = probeAnswer('04-payment-race-condition.jsonl', 'plain-strong');
  await page.goto(front.base + '/');
  await page.getByTestId('name-input').fill('Ada');
  await page.getByTestId('track-kind').selectOption('custom');
  await page.locator('#pick-payment-race-condition').check();
  await page.locator('#pick-fifteen-minute-production-fire').check();
  await page.getByTestId('start-button').click();
  await page.waitForURL(/\/s\/[A-Za-z0-9_-]{22,}$/);
  const sessionUrl = page.url();
  const kind = (k) => page.locator(`[data-testid="message"][data-kind="${k}"]`);
  await kind('question').first().waitFor();
  await page.getByTestId('answer-input').fill(strong);
  await page.getByTestId('send-button').click();
  await kind('follow_up').first().waitFor();
  await page.getByTestId('answer-input').fill('A load test firing duplicate requests at once, then a dashboard alert.');
  await page.getByTestId('send-button').click();
  await kind('question').nth(1).waitFor();
  await page.getByTestId('answer-input').fill('Roll back first, then look at the dashboards and tell the team.');
  await page.getByTestId('send-button').click();
  await kind('follow_up').nth(1).waitFor();
  // Skipping the last question's follow-up ends the interview: the page asks first.
  await page.getByTestId('cmd-skip').click();
  await page.getByTestId('dialog-confirm').click();
  await page.getByTestId('report-link').first().waitFor();
  await shot(page, 'replicas-finished');

  // The same transcript from either replica after a reload.
  await page.goto(sessionUrl);
  await kind('follow_up_answer').first().waitFor();
  checkEqual(await kind('answer').count(), 2, 'answers after a reload');
  checkEqual(await kind('score').count(), 2, 'scored answers after a reload');
  const report = await (await fetch(sessionUrl.replace('/s/', '/api/sessions/') + '/report.json')).json();
  checkEqual(report.questions.length, 2, 'questions in the report');

  const ports = replicas.map((r) => `127.0.0.1:${new URL(r.base).port}`).sort();
  checkEqual([...new Set(served)].sort(), ports, 'replicas that answered the page');
  check(served.length >= 6, `the page made its API requests through nginx (${served.length})`);
  page.assertClean();
  console.log(`PASS browser interview through two replicas (${Date.now() - started} ms, ${served.length} API requests)`);
} finally {
  await browser.close();
  await front.stop();
  for (const r of replicas) check(await r.stop() === 0, 'replica exit code after SIGTERM');
}
