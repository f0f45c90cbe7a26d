// XSS through Slack: a Slack user whose name and answers carry markup is interviewed through
// signed slash commands and message.im events (the server talks to a fake Slack API here), then
// the report link the bot gives is opened in Chromium (the web shows a Slack interview nowhere else). No script may run and the
// answers must show as the candidate typed them; the Block Kit posts must carry them escaped.
// Usage: node slack_xss.e2e.mjs PATH/TO/interview-bot
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import { check, guardedPage, run, shot } from './harness.mjs';
import { payloads } from './xss_payloads.mjs';

const binary = process.argv[2] || process.env.INTERVIEW_BOT;
if (!binary) throw new Error('usage: node slack_xss.e2e.mjs PATH/TO/interview-bot');
const secret = 'e2e-signing-secret';

// The fake Slack Web API and response_url endpoint: answers ok and records every post.
const posts = [];
const slack = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => { body += c; });
  req.on('end', () => {
    posts.push({ path: req.url, body });
    res.setHeader('Content-Type', 'application/json');
    if (req.url.endsWith('/auth.test')) return res.end('{"ok":true,"user_id":"UBOT","bot_id":"BBOT"}');
    return res.end('{"ok":true,"ts":"1.1"}');
  });
});
await new Promise((resolve) => slack.listen(0, '127.0.0.1', resolve));
const slackBase = `http://127.0.0.1:${slack.address().port}`;

// Slack's escaping of what a person typed: only &, < and > become entities.
const slackEscape = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

async function signedPost(base, path, body, contentType) {
  const ts = Math.floor(Date.now() / 1000);
  const signature = 'v0=' + createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex');
  const res = await fetch(base + path, {
    method: 'POST', body,
    headers: { 'Content-Type': contentType, 'X-Slack-Request-Timestamp': String(ts), 'X-Slack-Signature': signature },
  });
  check(res.status === 200, `${path}: status ${res.status} ${await res.text()}`);
}

const command = (base, text, n) => signedPost(base, '/slack/commands', new URLSearchParams({
  token: 'x', team_id: 'T1', user_id: 'U1', user_name: payloads[0], command: '/interview', text,
  channel_id: 'D1', channel_name: 'directmessage', response_url: `${slackBase}/response/${n}`,
  trigger_id: `trigger-${n}`,
}).toString(), 'application/x-www-form-urlencoded');

const message = (base, text, n) => signedPost(base, '/slack/events', JSON.stringify({
  type: 'event_callback', team_id: 'T1', event_id: `Ev${n}`, event_time: Math.floor(Date.now() / 1000),
  event: { type: 'message', channel_type: 'im', channel: 'D1', user: 'U1', text: slackEscape(text), ts: `${n}.0` },
}), 'application/json');

async function until(what, predicate, ms = 20000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const value = await predicate();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out waiting for ' + what);
}

try {
  await run('XSS through Slack in Chromium', binary, async ({ server, browser }) => {
    await command(server.base, 'start random 3', 1);
    const answers = payloads.slice(1, 4);
    for (const [i, text] of answers.entries()) {
      const scored = posts.filter((p) => p.body.includes('"text"')).length;
      await message(server.base, text + ' We would add an idempotency key and a lock.', 10 + i);
      await until('the reply to answer ' + i, () => posts.filter((p) => p.body.includes('"text"')).length > scored);
    }
    await command(server.base, 'end', 2);
    // The web shows a Slack interview only through the report link the bot gave its owner.
    const report = await until('the report link', () => {
      const m = /\/s\/[0-9a-f]{32}\/report\?t=[0-9a-f]{64}/.exec(posts.filter((p) => p.path === '/response/2').map((p) => p.body).join(''));
      return m && m[0];
    });
    // Slack gets the candidate's markup escaped, never raw.
    for (const p of posts) {
      check(!p.body.includes('<script') && !p.body.includes('<img'), `raw markup posted to Slack: ${p.body.slice(0, 200)}`);
    }

    const page = await guardedPage(await browser.newContext());
    for (const path of [report]) {
      await page.goto(server.base + path);
      await page.locator('[data-testid="report-overall"]').first().waitFor();
      await page.locator('details').evaluateAll((ds) => ds.forEach((d) => { d.open = true; }));
      const shown = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
      for (const text of [payloads[0], ...answers]) {
        check(shown.includes(text.replace(/\s+/g, ' ')), `${path}: "${text}" is not shown literally`);
      }
      const injected = await page.evaluate(() => [...document.querySelectorAll('main *')]
        .filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name)) || ['SCRIPT', 'IFRAME'].includes(e.tagName)).length);
      check(injected === 0, `${path}: ${injected} injected elements`);
      await shot(page, 'slack-xss-report');
    }
    page.assertClean();
  }, { SLACK_SIGNING_SECRET: secret, SLACK_BOT_TOKEN: 'xoxb-e2e', SLACK_API_BASE_URL: slackBase });
} finally {
  slack.close();
}
