// XSS catalogue in a real browser: names and answers carrying script, event-handler attributes,
// javascript: links and HTML entities go in through the page and through the API, then the chat,
// the report and the history are viewed in Chromium. No script may run (a dialog, a page error or a
// console error such as a CSP refusal fails the test), no element may carry an event-handler
// attribute, and each payload must show literally as text.
// Usage: node xss.e2e.mjs PATH/TO/interview-bot
import { check, guardedPage, postJson, run, shot } from './harness.mjs';
import { payloads } from './xss_payloads.mjs';

const binary = process.argv[2] || process.env.INTERVIEW_BOT;
if (!binary) throw new Error('usage: node xss.e2e.mjs PATH/TO/interview-bot');


// Every payload still shows as typed: the page's text contains it whole.
async function checkLiteral(page, where, texts) {
  const shown = await page.locator('main').innerText();
  const squash = (t) => t.replace(/\s+/g, ' ').trim();
  for (const text of texts) {
    check(squash(shown).includes(squash(text)), `${where}: "${text}" is not shown literally`);
  }
}

async function checkNoHandlers(page, where) {
  const found = await page.evaluate(() => {
    const bad = [];
    for (const e of document.querySelectorAll('*')) {
      for (const a of e.attributes) {
        if (/^on/i.test(a.name)) bad.push(`${e.tagName} ${a.name}`);
        if (/^\s*javascript:/i.test(a.value)) bad.push(`${e.tagName} ${a.name}=${a.value}`);
      }
      if (['SCRIPT', 'IFRAME', 'STYLE'].includes(e.tagName) && e.closest('main')) bad.push(e.tagName);
    }
    return bad;
  });
  check(found.length === 0, `${where}: injected markup in the DOM: ${found.join(', ')}`);
}

await run('XSS catalogue in Chromium', binary, async ({ server, browser }) => {
  const context = await browser.newContext();
  const page = await guardedPage(context);

  // Through the page: the name field and every payload as an answer or follow-up answer.
  await page.goto(server.base + '/');
  await page.getByTestId('name-input').fill(payloads[0]);
  await page.getByTestId('track-kind').selectOption('custom');
  for (const id of ['payment-race-condition', 'graphql-n-plus-one', 'cache-invalidation', 'api-versioning']) {
    await page.locator('#pick-' + id).check();
  }
  await page.getByTestId('start-button').click();
  await page.waitForURL(/\/s\/[A-Za-z0-9_-]+$/);
  const sessionUrl = page.url();
  let sent = 0;
  for (const text of payloads.slice(1)) {
    const before = await page.locator('[data-testid="message"][data-kind^="follow_up_answer"], [data-testid="message"][data-kind="answer"]').count();
    await page.getByTestId('answer-input').fill(text + ' We would add an idempotency key and a lock.');
    await page.getByTestId('send-button').click();
    await page.locator('[data-testid="message"][data-kind^="follow_up_answer"], [data-testid="message"][data-kind="answer"]')
      .nth(before).waitFor();
    sent++;
    if (await page.getByTestId('report-link').count()) break;
  }
  check(sent >= 6, `only ${sent} payloads were sent`);
  await page.waitForLoadState('networkidle');
  await checkNoHandlers(page, 'chat');
  await checkLiteral(page, 'chat', [payloads[0], ...payloads.slice(1, sent + 1)]);
  await shot(page, 'xss-chat');

  // The report page, reached from the link.
  await page.goto(sessionUrl + '/report');
  await page.getByTestId('report-overall').waitFor();
  await page.locator('details').evaluateAll((ds) => ds.forEach((d) => { d.open = true; }));
  await checkNoHandlers(page, 'report');
  await checkLiteral(page, 'report', [payloads[0], ...payloads.slice(1, sent + 1)]);
  await shot(page, 'xss-report');

  // Through the API: a session named with each payload, listed in the browser's history.
  const clientId = await page.evaluate(() => window.IB.clientId());
  for (const name of payloads.slice(1, 4)) {
    const created = await postJson(server.base + '/api/sessions',
                                   { name: name.slice(0, 80), client_id: clientId, track: { kind: 'random', count: 1 } });
    check(created.status === 201, `API session with payload name: status ${created.status}`);
  }
  await page.goto(server.base + '/');
  await page.locator('.history-item').nth(3).waitFor();
  await checkNoHandlers(page, 'history');
  await shot(page, 'xss-history');
  page.assertClean();
});
