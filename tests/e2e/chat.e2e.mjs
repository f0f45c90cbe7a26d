// The chat page in a real browser, as a candidate uses it: start a two-question interview, answer,
// get a score with step bars, credited evidence and gaps, answer the follow-up, take a hint on the
// timed question, skip its follow-up, open the report, download it, and come back to the link;
// then a second interview whose first answer declines.
// Usage: node chat.e2e.mjs PATH/TO/interview-bot
import { readFileSync } from 'node:fs';
import { check, checkEqual, guardedPage, postJson, probeAnswer, run, shot } from './harness.mjs';

const binary = process.argv[2] || process.env.INTERVIEW_BOT;
if (!binary) throw new Error('usage: node chat.e2e.mjs PATH/TO/interview-bot');

const strong = probeAnswer('04-payment-race-condition.jsonl', 'plain-strong');
const vague = probeAnswer('08-fifteen-minute-production-fire.jsonl', 'vague');

async function messagesOfKind(page, kind) {
  return page.locator(`[data-testid="message"][data-kind="${kind}"]`);
}

await run('chat interview in Chromium', binary, async ({ server, browser }) => {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1200, height: 900 } });
  const page = await guardedPage(context);
  await page.goto(server.base + '/');
  await page.getByTestId('name-input').fill('Ada');
  await page.getByTestId('track-kind').selectOption('custom');
  await page.locator('#pick-payment-race-condition').check();
  await page.locator('#pick-fifteen-minute-production-fire').check();
  await shot(page, '01-start');
  await page.getByTestId('start-button').click();

  await page.waitForURL(/\/s\/[A-Za-z0-9_-]{22,}$/);
  const sessionUrl = page.url();
  const question = (await messagesOfKind(page, 'question')).first();
  await question.waitFor();
  check((await question.innerText()).includes('payment'), 'the first question is the payment one');
  check(await page.getByTestId('countdown').isHidden(), 'no countdown on an untimed question');

  // A strong answer: its score must be the rubric engine's, with bars, evidence and gaps.
  await page.getByTestId('answer-input').fill(strong);
  await page.getByTestId('send-button').click();
  const score = page.getByTestId('score-value').first();
  await score.waitFor();
  const expected = await postJson(server.base + '/api/score', { question: 'payment-race-condition', answer: strong });
  checkEqual(expected.status, 200, 'POST /api/score status');
  checkEqual(parseFloat(await score.innerText()), expected.body.score, 'score shown for the first answer');
  // The rubric's detail is folded under the summary and the breakdown: open it.
  await page.getByTestId('rubric-detail').first().locator('> summary').click();
  const bars = page.locator('[data-testid="step-bar"]');
  checkEqual(await bars.count(), expected.body.steps.length, 'one step bar per framework step');
  const statuses = await bars.evaluateAll((els) => els.map((e) => e.dataset.status));
  checkEqual(statuses, expected.body.steps.map((s) => s.status), 'step bar statuses');
  const marks = page.locator('mark[data-testid="evidence"]');
  check(await marks.count() > 0, 'credited evidence is highlighted');
  const firstMark = await marks.first().innerText();
  check(strong.toLowerCase().includes(firstMark.toLowerCase().trim()),
        `evidence "${firstMark}" quotes the candidate's own words`);
  check((await page.getByTestId('gaps').first().innerText()).trim().length > 0, 'gaps are listed');

  // The follow-up probes a gap; answering it updates the question's score.
  const followUp = (await messagesOfKind(page, 'follow_up')).first();
  await followUp.waitFor();
  await shot(page, '02-scored');
  await page.getByTestId('answer-input').fill(
    'I would verify it with a load test that fires duplicate requests concurrently and check that ' +
    'exactly one charge is recorded, then monitor the duplicate-charge rate on a dashboard with an alert.');
  await page.getByTestId('send-button').click();
  await (await messagesOfKind(page, 'follow_up_score')).first().waitFor();

  // Question 8 is timed: the countdown shows. A hint is recorded; a weak answer scores low.
  const second = (await messagesOfKind(page, 'question')).nth(1);
  await second.waitFor();
  check(await page.getByTestId('countdown').isVisible(), 'the 15-minute question shows a countdown');
  check(/\d{1,2}:\d{2}/.test(await page.getByTestId('countdown').innerText()), 'countdown shows mm:ss');
  await page.getByTestId('cmd-hint').click();
  await (await messagesOfKind(page, 'hint')).first().waitFor();
  await page.getByTestId('answer-input').fill(vague);
  await page.getByTestId('send-button').click();
  const secondScore = (await messagesOfKind(page, 'score')).nth(1).getByTestId('score-value');
  await secondScore.waitFor();
  const weak = parseFloat(await secondScore.innerText());
  check(weak < 5, `a vague answer scores below 5 (got ${weak})`);
  await (await messagesOfKind(page, 'follow_up')).nth(1).waitFor();
  // Skipping the last question's follow-up ends the interview: the page asks first.
  await page.getByTestId('cmd-skip').click();
  await page.getByTestId('dialog-confirm').click();

  // The end: a link to the report, which shows the overall score and the competency chart.
  const reportLink = page.getByTestId('report-link').first();
  await reportLink.waitFor();
  await shot(page, '03-finished');
  await reportLink.click();
  await page.waitForURL(/\/report$/);
  await page.getByTestId('report-overall').waitFor();
  await page.getByTestId('competency-chart').waitFor();
  const report = await (await fetch(sessionUrl.replace('/s/', '/api/sessions/') + '/report.json')).json();
  checkEqual(report.questions.length, 2, 'questions in the report');
  check((await page.getByTestId('report-overall').innerText()).includes(report.overall.toFixed(1)),
        `the page shows the overall score ${report.overall}`);
  await shot(page, '04-report');

  const [md] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-md').click()]);
  const markdown = readFileSync(await md.path(), 'utf8');
  check(markdown.startsWith('# '), 'the Markdown report opens with a heading');
  check(markdown.includes(strong.slice(0, 60)), 'the Markdown report has the transcript');
  const [js] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-json').click()]);
  checkEqual(JSON.parse(readFileSync(await js.path(), 'utf8')).overall, report.overall, 'overall in the JSON download');

  // Coming back to the link shows the whole transcript, and the start page lists the past interview.
  await page.goto(sessionUrl);
  await (await messagesOfKind(page, 'answer')).nth(1).waitFor();
  checkEqual(await (await messagesOfKind(page, 'score')).count(), 2, 'scored answers after a reload');
  await page.goto(server.base + '/');
  await page.locator('.history-item').first().waitFor();
  check((await page.locator('.history-item').first().innerText()).includes('Ada'), 'history lists the interview');
  await shot(page, '05-history');

  // "I don't know" scores 0 and the next question follows at once, with no follow-up.
  await page.getByTestId('name-input').fill('Grace');
  await page.getByTestId('track-kind').selectOption('custom');
  await page.locator('#pick-payment-race-condition').check();
  await page.locator('#pick-fifteen-minute-production-fire').check();
  await page.getByTestId('start-button').click();
  await page.waitForURL((url) => url.href !== sessionUrl && /\/s\/[A-Za-z0-9_-]{22,}$/.test(url.href));
  await (await messagesOfKind(page, 'question')).first().waitFor();
  await page.getByTestId('answer-input').fill("I don't know.");
  await page.getByTestId('send-button').click();
  await (await messagesOfKind(page, 'question')).nth(1).waitFor();
  checkEqual(parseFloat(await page.getByTestId('score-value').first().innerText()), 0, 'a declined answer scores 0');
  checkEqual(await (await messagesOfKind(page, 'follow_up')).count(), 0, 'no follow-up after a declined answer');
  check((await page.getByTestId('progress').innerText()).includes('Question 2 of 2'), 'progress moves to question 2');
  page.assertClean();
});
