// The coach's features in Chromium, as a candidate uses them: Enter makes a new line and
// Ctrl+Enter sends; the score card's breakdown adds up to the score shown, with the too-short cap
// named; the model answer is closed to an open follow-up and, once open, cannot raise the score (a
// retry pasting it is kept as its own attempt); the last skip asks first; the report lists the
// skipped question's gaps, each attempt and the study plan, and the Markdown has absolute links;
// evidence shows its concept on focus and tap; axe-core finds no serious or critical violation on
// the start page, a scored chat and the report, light and dark; voice input through a fake
// SpeechRecognition, and no microphone where the browser has none.
// Usage: node coach.e2e.mjs PATH/TO/interview-bot
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, checkEqual, guardedPage, here, postJson, run, screenshots, shot } from './harness.mjs';

const binary = process.argv[2] || process.env.INTERVIEW_BOT;
if (!binary) throw new Error('usage: node coach.e2e.mjs PATH/TO/interview-bot');

const axeSource = readFileSync(join(here, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

// axe-core's serious and critical violations on the page as it is, in both colour schemes.
async function checkAxe(page, where) {
  for (const scheme of ['light', 'dark']) {
    // Reduced motion: no colour transition is caught half-way when the scheme switches.
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    // Evaluated through DevTools, so the page's CSP (no inline scripts) is left as it is.
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ['violations'] });
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ' ' + n.failureSummary).join(' | ')}`);
    });
    check(violations.length === 0, `axe on ${where} (${scheme}): ${violations.join('\n')}`);
    console.log(`axe ${where} ${scheme}: 0 serious or critical`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

const messages = (page, kind) => page.locator(`[data-testid="message"][data-kind="${kind}"]`);

async function startInterview(page, base, name) {
  await page.goto(base + '/');
  await page.getByTestId('name-input').fill(name);
  await page.getByTestId('track-kind').selectOption('custom');
  await page.locator('#pick-payment-race-condition').check();
  await page.locator('#pick-fifteen-minute-production-fire').check();
  await page.getByTestId('start-button').click();
  await page.waitForURL(/\/s\/[A-Za-z0-9_-]{22,}$/);
  await messages(page, 'question').first().waitFor();
  return page.url().split('/s/')[1];
}

// The lines of a score card's breakdown add up to the score it shows, at one decimal.
async function checkBreakdown(card, what) {
  const shown = parseFloat(await card.getByTestId('score-value').innerText());
  const lines = await card.locator('[data-testid="breakdown-line"]').evaluateAll(
    (els) => els.map((e) => parseFloat(e.dataset.points)));
  check(lines.length > 1, `${what}: the breakdown has lines`);
  const sum = Math.round(lines.reduce((a, b) => a + b, 0) * 10) / 10;
  checkEqual(sum, shown, `${what}: the breakdown's lines add up to the score shown`);
  checkEqual(parseFloat(await card.getByTestId('breakdown-total').innerText()), shown, `${what}: breakdown total`);
  return lines;
}

await run('coach features in Chromium', binary, async ({ server, browser }) => {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1100, height: 900 } });
  const page = await guardedPage(context);
  await page.goto(server.base + '/');
  await page.getByTestId('start-button').waitFor();
  await checkAxe(page, 'the start page');
  const id = await startInterview(page, server.base, 'Ada');
  const api = server.base + '/api/sessions/' + id;

  // Enter inserts a newline and sends nothing; Ctrl+Enter sends.
  const box = page.getByTestId('answer-input');
  check((await page.getByTestId('answer-help').innerText()).includes('to send'), 'the box says how to send');
  await box.click();
  await page.keyboard.type('We add an idempotency key to each charge.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('And a unique constraint so a retry cannot charge twice.');
  const typed = await box.inputValue();
  checkEqual(typed, 'We add an idempotency key to each charge.\nAnd a unique constraint so a retry cannot charge twice.',
             'Enter inserted a newline');
  checkEqual(await messages(page, 'answer').count(), 0, 'Enter sent nothing');
  await page.keyboard.press('Control+Enter');
  const card = messages(page, 'score').first();
  await card.getByTestId('score-value').waitFor();

  // The card opens with the coach's summary, then the breakdown, the rubric folded underneath.
  const expected = await postJson(server.base + '/api/score', { question: 'payment-race-condition', answer: typed });
  checkEqual(parseFloat(await card.getByTestId('score-value').innerText()), expected.body.score, 'the score shown');
  const summary = await card.getByTestId('coach-summary').innerText();
  check(summary.includes('What to fix next'), 'the summary has fixes');
  check(/"[^"]*idempotency[^"]*"/.test(summary), `the summary quotes the answer: ${summary}`);
  check(summary.includes('too short'), `the summary names shortness first: ${summary}`);
  await checkBreakdown(card, 'the first answer');
  // Shortness is named as the cause, with what the length line (and a too-short cap) took off.
  check(expected.body.flags.includes('too-short'), 'a two-sentence answer is flagged as too short');
  const short = expected.body.breakdown.filter((p) => p.kind === 'length' || (p.kind === 'cap' && p.id === 'too-short'))
    .reduce((sum, p) => sum - p.points, 0);
  const cause = await card.getByTestId('breakdown-cause').innerText();
  check(cause.startsWith('Too short') && cause.includes(short.toFixed(1) + ' points off'), `the cause: ${cause}`);
  check(!(await card.getByTestId('rubric-detail').evaluate((d) => d.open)), 'the rubric detail is folded');
  await shot(page, 'coach-01-chat');
  // The card alone for docs/ (the sticky composer would cover its end).
  await page.evaluate(() => { document.querySelector('.dock').style.visibility = 'hidden'; });
  await card.screenshot({ path: join(screenshots, 'coach-card.png') });
  await page.evaluate(() => { document.querySelector('.dock').style.visibility = ''; });

  // The follow-up is open: no model answer button, and the API refuses the model answer too.
  await messages(page, 'follow_up').first().waitFor();
  check(await page.getByTestId('cmd-model').isHidden(), 'no model answer while the follow-up is open');
  const refused = await postJson(api + '/messages', { command: 'model' });
  checkEqual(refused.body.messages.map((m) => m.kind), ['command', 'info'], 'the API refuses the model answer');
  await page.reload();
  await messages(page, 'follow_up').first().waitFor();

  // Evidence: keyboard focus and a tap show the concept (no hover tooltip).
  await card.getByTestId('rubric-detail').locator('> summary').click();
  const mark = card.locator('mark[data-testid="evidence"]').first();
  await mark.focus();
  const concepts = await mark.getAttribute('data-concepts');
  checkEqual(await card.getByTestId('evidence-caption').innerText(), 'Credited: ' + concepts, 'focus shows the concept');
  await card.getByTestId('evidence-caption').evaluate((c) => { c.textContent = ''; });
  await mark.tap().catch(() => mark.click());
  checkEqual(await card.getByTestId('evidence-caption').innerText(), 'Credited: ' + concepts, 'a tap shows the concept');
  await checkAxe(page, 'a scored chat');

  // Skip the follow-up: the question closes with its score.
  await page.getByTestId('cmd-skip').click();
  await messages(page, 'question').nth(1).waitFor();
  const closed = (await (await fetch(api)).json()).questions[0].score;
  checkEqual(closed, expected.body.score, 'the closed question keeps its score');

  // Now the model answer opens, led by key points, the full text folded.
  await page.getByTestId('cmd-model').click();
  const model = messages(page, 'model_answer').first();
  await model.waitFor();
  check(await model.getByTestId('key-points').locator('li').count() >= 3, 'key points lead the model answer');
  check(!(await model.getByTestId('model-full').evaluate((d) => d.open)), 'the full model answer is collapsed');
  const modelText = await model.getByTestId('model-full').locator('.md').evaluate((e) => e.textContent);

  // A retry pasting the model answer is scored on its own; the question's score does not move.
  await page.getByTestId('cmd-retry').click();
  await page.locator('.tag--retry').first().waitFor();
  await box.fill(modelText.slice(0, 15000));
  await page.keyboard.press('Control+Enter');
  const retryCard = messages(page, 'score').nth(1);
  await retryCard.getByTestId('score-value').waitFor();
  const retryScore = parseFloat(await retryCard.getByTestId('score-value').innerText());
  check(retryScore > closed, `the pasted model answer scores higher on its own (${retryScore} > ${closed})`);
  check((await retryCard.innerText()).includes('after the model answer'), 'the retry is marked as after the model answer');
  await checkBreakdown(retryCard, 'the retry');
  const view = await (await fetch(api)).json();
  checkEqual(view.questions[0].score, closed, 'the model answer did not raise the question score');
  checkEqual(view.retrying, null, 'the retry is over');
  await messages(page, 'question').nth(3).waitFor();  // back to question 2

  // Skipping the last question asks first; Escape keeps the interview going.
  await page.getByTestId('cmd-skip').click();
  const dialog = page.getByTestId('confirm-dialog');
  await dialog.waitFor();
  check(await page.getByTestId('dialog-cancel').evaluate((b) => b === document.activeElement), 'the dialog takes focus');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  checkEqual(await messages(page, 'skip').count(), 1, 'Escape skipped nothing');
  await page.getByTestId('cmd-skip').click();
  await page.getByTestId('dialog-confirm').click();
  await page.getByTestId('report-link').first().waitFor();

  // The report: the skipped question's gaps, both attempts, the study plan.
  const report = await (await fetch(api + '/report.json')).json();
  const skipped = report.questions[1];
  checkEqual(skipped.status, 'skipped', 'question 2 was skipped');
  check(skipped.gaps.length >= 3, 'a skipped question has a gap per step');
  checkEqual(report.questions[0].attempts.map((a) => a.after_model_answer), [false, true], 'both attempts kept');
  checkEqual(report.study_plan.length, 3, 'three study items');
  // A second interview from this browser, through the API, gives the report a trend.
  const clientId = await page.evaluate(() => localStorage.getItem('interview-bot.client-id'));
  const second = await postJson(server.base + '/api/sessions',
    { name: 'Ada', client_id: clientId, track: { kind: 'custom', questions: ['payment-race-condition'] } });
  checkEqual(second.status, 201, 'a second interview starts');
  const secondApi = server.base + '/api/sessions/' + second.body.id + '/messages';
  await postJson(secondApi, { text: 'I would add an idempotency key to every charge and reconcile with Stripe every night.' });
  await postJson(secondApi, { command: 'end' });
  await page.getByTestId('report-link').first().click();
  await page.getByTestId('study-plan').waitFor();
  await page.getByTestId('trend-chart').waitFor();
  checkEqual(await page.getByTestId('trend-chart').locator('circle').count(), 2, 'a point per past interview');
  check(await page.getByTestId('concept-progress').locator('li').count() > 0, 'per-concept progress');
  const plans = page.getByTestId('question-plan');
  checkEqual(await plans.count(), 2, 'a plan per question');
  const skippedPlan = await plans.nth(1).innerText();
  for (const g of skipped.gaps) check(skippedPlan.includes(g.name), `the report lists the skipped gap "${g.name}"`);
  checkEqual(await plans.nth(0).getByTestId('attempt').count(), 2, 'the report shows each attempt');
  check((await plans.nth(0).innerText()).includes('after the model answer'), 'the retry is marked in the report');
  await shot(page, 'coach-02-report');
  await checkAxe(page, 'the report');

  const [md] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-md').click()]);
  const markdown = readFileSync(await md.path(), 'utf8');
  check(markdown.includes(server.base + '/s/' + id + '/report'), 'the Markdown links to the report absolutely');
  check(markdown.includes('## Study next') && markdown.includes(skipped.gaps[0].name), 'the Markdown has the plan and the skipped gaps');
  checkEqual(report.links.report, server.base + '/s/' + id + '/report', 'the JSON links absolutely');
  page.assertClean();
});

await run('voice answers in Chromium', binary, async ({ server, browser }) => {
  // A fake SpeechRecognition: the test plays what the candidate "says".
  const context = await browser.newContext();
  await context.addInitScript(() => {
    class FakeRecognition {
      constructor() { window.__recognition = this; this.started = false; }
      start() { this.started = true; }
      stop() { this.started = false; if (this.onend) this.onend(); }
    }
    window.SpeechRecognition = FakeRecognition;
    window.__say = (text) => {
      const result = [{ transcript: text }];
      result.isFinal = true;
      window.__recognition.onresult({ resultIndex: 0, results: [result] });
    };
  });
  const page = await guardedPage(context);
  await startInterview(page, server.base, 'Vee');
  const mic = page.getByTestId('mic-button');
  await mic.waitFor();
  check((await page.getByTestId('voice-privacy').innerText()).includes('sent to the browser'), 'the page says where audio goes');
  await mic.click();
  checkEqual(await mic.getAttribute('aria-pressed'), 'true', 'the microphone is on');
  await page.waitForTimeout(600);
  await page.evaluate(() => window.__say('um so I would add an idempotency key um to every charge'));
  checkEqual(await page.getByTestId('answer-input').inputValue(),
             'um so I would add an idempotency key um to every charge', 'dictation fills the answer box');
  const stats = await page.getByTestId('voice-stats').innerText();
  check(/\d+ words per minute/.test(stats) && stats.includes('um ×2'), `words per minute and fillers: ${stats}`);
  await mic.click();
  checkEqual(await mic.getAttribute('aria-pressed'), 'false', 'the microphone is off');
  await page.getByTestId('voice-toggle').click();
  check(await mic.isHidden(), 'voice turned off hides the microphone');
  await page.reload();
  await page.getByTestId('voice-toggle').waitFor();
  check(await page.getByTestId('mic-button').isHidden(), 'voice stays off after a reload');
  page.assertClean();

  // A browser without speech recognition shows no microphone.
  const plain = await browser.newContext();
  await plain.addInitScript(() => {
    delete window.SpeechRecognition;
    delete window.webkitSpeechRecognition;
  });
  const other = await guardedPage(plain);
  await startInterview(other, server.base, 'Noa');
  checkEqual(await other.getByTestId('mic-button').count(), 0, 'no microphone without speech recognition');
  checkEqual(await other.getByTestId('voice-bar').count(), 0, 'no voice controls without speech recognition');
  other.assertClean();
});
