// interview-bot page: the report view (overall, competency chart, per-question results, downloads).
'use strict';

(function () {
  const IB = window.IB;
  const { el, svg, clear, api, score1, plural, capitalize } = IB;
  const { main, onLeave, setTitle, safePath, focusHeading, notFound } = IB.page;

  const STATUS_LABEL = { scored: 'Scored', skipped: 'Skipped', pending: 'Not reached', asked: 'Not answered' };

  function reportView(id) {
    setTitle('Report');
    const page = el('div', { class: 'page page--report' },
      el('p', { class: 'loading' }, 'Loading the report…'));
    main.appendChild(page);
    const base = '/api/sessions/' + encodeURIComponent(id);
    // A Slack interview's report opens only with the token of the bot's link (docs/api.md).
    const token = new URLSearchParams(location.search).get('t');
    api('GET', base + '/report.json' + (token ? '?t=' + encodeURIComponent(token) : '')).then((report) => {
      clear(page);
      renderReport(page, id, report, base);
      focusHeading();
    }).catch((e) => {
      clear(page);
      page.appendChild(notFound(e));
    });
  }

  function renderReport(page, id, report, base) {
    const s = report.session || {};
    const links = s.links || {};
    const name = s.name ? String(s.name) : '';
    setTitle(name ? name + '’s report' : 'Interview report');
    const overall = IB.num(report.overall) ? report.overall : null;
    const band = IB.bandOf(overall);
    const questions = Array.isArray(report.questions) ? report.questions : [];
    const scored = questions.filter((q) => q.status === 'scored').length;
    const skipped = questions.filter((q) => q.status === 'skipped').length;
    const hints = questions.reduce((n, q) => n + (IB.num(q.hints) ? q.hints : 0), 0);
    const finished = s.state === 'finished';
    const short = String(id).slice(0, 8);

    const facts = [plural(questions.length, 'question'), scored + ' answered'];
    if (skipped) facts.push(skipped + ' skipped');
    if (hints) facts.push(plural(hints, 'hint') + ' used');

    page.appendChild(el('header', { class: 'report-head' },
      el('div', null,
        el('p', { class: 'eyebrow' }, 'Interview report'),
        el('h1', null, name ? name + '’s interview' : 'Your interview'),
        el('p', { class: 'report-meta' },
          [IB.fmtDate(s.created_at), finished ? (report.ended_early ? 'Ended early' : 'Finished') : 'In progress']
            .filter(Boolean).join(' · '))),
      el('div', { class: 'report-actions' },
        el('a', { href: safePath(links.report_md, base + '/report.md'), download: 'interview-' + short + '.md',
                  class: 'button button--small', 'data-testid': 'download-md' }, 'Download Markdown'),
        el('a', { href: safePath(links.report_json, base + '/report.json'), download: 'interview-' + short + '.json',
                  class: 'button button--small', 'data-testid': 'download-json' }, 'Download JSON'),
        el('a', { href: safePath(links.self, '/s/' + id), class: 'button button--small button--ghost' },
          finished ? 'Back to the chat' : 'Continue the interview'))));

    if (!finished) {
      page.appendChild(el('p', { class: 'notice' },
        'This interview is still in progress: the report covers the questions answered so far.'));
    }

    page.appendChild(el('section', { class: 'card overall', 'aria-labelledby': 'overall-title' },
      el('h2', { id: 'overall-title', class: 'visually-hidden' }, 'Overall score'),
      el('div', { class: ['overall-score', band ? 'band-text--' + band : null] },
        el('span', { class: 'overall-value', 'data-testid': 'report-overall' }, overall === null ? '–' : score1(overall)),
        el('span', { class: 'score-max' }, '/10')),
      el('div', { class: 'overall-side' },
        el('p', { class: 'overall-label' }, 'Overall score'),
        band ? el('span', { class: ['band', 'band--' + band] }, capitalize(band)) : el('span', { class: 'muted' }, 'No answered questions yet'),
        el('p', { class: 'overall-facts' }, facts.join(' · ')))));

    page.appendChild(strengthsCard(Array.isArray(report.strengths) ? report.strengths : []));
    page.appendChild(studyPlanCard(Array.isArray(report.study_plan) ? report.study_plan : []));

    // Questions table.
    const table = el('table', { class: 'report-table' },
      el('caption', { class: 'visually-hidden' }, 'Score per question'),
      el('thead', null, el('tr', null,
        ['#', 'Question', 'Score', 'Status', 'Hints', 'Time to answer', 'Follow-up'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', null, questions.map((q, i) => {
        const qBand = q.band || (q.status === 'scored' ? IB.bandOf(q.score) : '');
        return el('tr', null,
          el('td', { 'data-label': '#' }, String(q.number || i + 1)),
          el('th', { scope: 'row', 'data-label': 'Question' }, q.title || q.id),
          el('td', { 'data-label': 'Score', class: 'num' },
            IB.num(q.score) ? el('span', { class: ['score-pill', qBand ? 'band-bg--' + qBand : 'band-bg--none'] }, score1(q.score)) : '–',
            qBand ? el('span', { class: 'band-word' }, ' ' + capitalize(qBand)) : null),
          el('td', { 'data-label': 'Status' }, el('span', { class: ['state', 'state--' + (q.status || 'pending')] }, STATUS_LABEL[q.status] || capitalize(q.status))),
          el('td', { 'data-label': 'Hints', class: 'num' }, String(IB.num(q.hints) ? q.hints : 0)),
          el('td', { 'data-label': 'Time to answer', class: 'num' }, IB.num(q.time_to_answer_seconds) ? IB.fmtDuration(q.time_to_answer_seconds) : '–'),
          el('td', { 'data-label': 'Follow-up' }, q.follow_up ? 'Answered' : '–'));
      })));
    page.appendChild(el('section', { class: 'card', 'aria-labelledby': 'questions-title' },
      el('h2', { id: 'questions-title', class: 'card-title' }, 'Questions'),
      el('div', { class: 'table-wrap' }, table)));

    // Competencies chart.
    const competencies = Array.isArray(report.competencies) ? report.competencies : [];
    const chartBox = el('div', { class: 'chart-box' });
    page.appendChild(el('section', { class: 'card', 'aria-labelledby': 'competencies-title' },
      el('h2', { id: 'competencies-title', class: 'card-title' }, 'Competencies'),
      el('p', { class: 'section-lead' }, 'Share of each competency’s concepts your answers covered, averaged over the questions that test it.'),
      competencies.length ? chartBox : el('p', { class: 'muted' }, 'Answer a question to see your competencies.')));
    if (competencies.length) {
      const draw = () => competencyChart(chartBox, competencies);
      draw();
      let pending = 0;
      const onResize = () => {
        cancelAnimationFrame(pending);
        pending = requestAnimationFrame(draw);
      };
      window.addEventListener('resize', onResize);
      onLeave(() => window.removeEventListener('resize', onResize));
    }

    page.appendChild(questionPlans(questions));

    const progress = el('section', { class: 'card', 'aria-labelledby': 'progress-title', 'data-testid': 'progress-card' },
      el('h2', { id: 'progress-title', class: 'card-title' }, 'Your progress'),
      el('p', { class: 'muted' }, 'Loading your past interviews…'));
    page.appendChild(progress);
    api('GET', '/api/history?client_id=' + encodeURIComponent(IB.clientId()))
      .then((history) => renderProgress(progress, history, id))
      .catch(() => {
        progress.lastChild.textContent = 'Your past interviews could not be loaded.';
      });

    // Transcript.
    const transcript = Array.isArray(report.transcript) ? report.transcript : [];
    const tList = el('ol', { class: 'messages messages--transcript', 'aria-label': 'Transcript' });
    let rendered = false;
    const details = el('details', { class: 'card transcript' },
      el('summary', null, el('span', { class: 'card-title' }, 'Full transcript'),
        el('span', { class: 'muted' }, ' ' + plural(transcript.length, 'message'))),
      tList);
    details.addEventListener('toggle', () => {
      if (details.open && !rendered) {
        rendered = true;
        for (const m of transcript) tList.appendChild(IB.renderMessage(m, { sessionId: id }));
      }
    });
    page.appendChild(details);
  }

  function strengthsCard(strengths) {
    return el('section', { class: 'card', 'aria-labelledby': 'strengths-title', 'data-testid': 'report-strengths' },
      el('h2', { id: 'strengths-title', class: 'card-title' }, 'What you did well'),
      strengths.length
        ? el('ul', { class: 'plan-strengths' }, strengths.map((st) => el('li', null, String(st.text || ''),
          st.question ? el('span', { class: 'muted' }, ' — ' + st.question) : null)))
        : el('p', { class: 'muted' }, 'Nothing credited yet: answer a question to see your strengths.'));
  }

  function studyPlanCard(plan) {
    return el('section', { class: 'card', 'aria-labelledby': 'plan-title', 'data-testid': 'study-plan' },
      el('h2', { id: 'plan-title', class: 'card-title' }, 'Study next'),
      el('p', { class: 'section-lead' }, 'The three topics that would gain you the most points across this interview.'),
      plan.length ? el('ol', { class: 'top-gaps' }, plan.map((g) => el('li', null,
        el('div', { class: 'gap-head' },
          el('span', { class: 'gap-name' }, String(g.name || '')),
          IB.num(g.points) ? el('span', { class: 'gap-points' }, 'up to ' + IB.points(g.points) + ' pts') : null),
        g.hint ? el('p', { class: 'gap-hint' }, String(g.hint)) : null,
        Array.isArray(g.questions) && g.questions.length
          ? el('p', { class: 'gap-questions' }, 'In: ' + Array.from(new Set(g.questions)).join(', ')) : null)))
        : el('p', { class: 'muted' }, 'No gaps recorded.'));
  }

  // Every question: its attempts (retries marked when after the model answer), what earned
  // credit in the candidate's words, and every gap; a skipped question's gaps are all its steps.
  function questionPlans(questions) {
    const items = questions.filter((q) => Array.isArray(q.attempts) && q.attempts.length);
    return el('section', { class: 'card', 'aria-labelledby': 'plans-title' },
      el('h2', { id: 'plans-title', class: 'card-title' }, 'Question by question'),
      items.length ? el('ol', { class: 'question-plans' }, items.map((q) => el('li', {
        class: 'question-plan', 'data-testid': 'question-plan', 'data-status': q.status,
      },
      el('h3', { class: 'plan-title' }, String(q.title || q.id),
        q.status === 'skipped' ? el('span', { class: 'state state--skipped' }, ' Skipped') : null),
      el('ul', { class: 'attempts', 'data-testid': 'attempts' }, q.attempts.map((a) => el('li', { 'data-testid': 'attempt' },
        'Attempt ' + a.attempt + ': ' + (a.skipped ? 'skipped (0.0)' : score1(a.score) + '/10'),
        a.attempt === 1 && q.attempts.length > 1 ? ' (the score kept)' : '',
        a.after_model_answer ? el('span', { class: 'tag tag--retry' }, ' after the model answer') : null))),
      Array.isArray(q.fixes) && q.fixes.length
        ? el('ul', { class: 'coach-list coach-list--fix' }, q.fixes.map((f) => el('li', null, String(f)))) : null,
      Array.isArray(q.evidence) && q.evidence.length ? el('details', { class: 'plan-evidence' },
        el('summary', null, 'Credited, in your words (' + q.evidence.length + ')'),
        el('ul', null, q.evidence.map((e) => el('li', null, el('strong', null, String(e.concept || '')), ': “' + String(e.quote || '') + '”'))))
        : null,
      Array.isArray(q.gaps) && q.gaps.length ? el('ul', { class: 'plan-gaps', 'data-testid': 'plan-gaps' },
        q.gaps.map((g) => el('li', null, el('span', { class: 'gap-name' }, String(g.name || '')),
          IB.num(g.points_lost) ? el('span', { class: 'gap-points' }, ' −' + IB.points(g.points_lost) + ' pts') : null,
          g.hint ? el('span', { class: 'gap-hint' }, ' ' + String(g.hint)) : null)))
        : el('p', { class: 'muted' }, 'No gaps.'))))
        : el('p', { class: 'muted' }, 'No question answered or skipped yet.'));
  }

  // Past interviews of this browser (oldest first) as a line of overall scores, and each
  // concept's credit over the interviews that asked about it.
  function renderProgress(card, history, id) {
    clear(card);
    card.appendChild(el('h2', { id: 'progress-title', class: 'card-title' }, 'Your progress'));
    const sessions = (Array.isArray(history.sessions) ? history.sessions : [])
      .filter((s) => IB.num(s.overall)).slice().reverse();
    if (sessions.length < 2) {
      card.appendChild(el('p', { class: 'muted' }, 'Your trend appears here after two interviews in this browser.'));
    } else {
      card.appendChild(trendChart(sessions, id));
    }
    const concepts = Array.isArray(history.concept_progress) ? history.concept_progress : [];
    if (concepts.length) {
      card.appendChild(el('h3', { class: 'section-title' }, 'Concepts over your interviews'));
      card.appendChild(el('ul', { class: 'concept-progress', 'data-testid': 'concept-progress' }, concepts.map((c) => {
        const credits = Array.isArray(c.credits) ? c.credits : [];
        const text = credits.map((x) => (x > 0 ? 'credited' : 'missed')).join(', then ');
        return el('li', null,
          el('span', { class: 'concept-name' }, String(c.concept || '')),
          el('span', { class: 'muted' }, ' (' + String(c.question || '') + ') '),
          el('span', { class: 'concept-dots', role: 'img', 'aria-label': text },
            credits.map((x) => el('span', { class: ['dot', x > 0 ? 'dot--on' : 'dot--off'], 'aria-hidden': 'true' }, x > 0 ? '●' : '○'))));
      })));
    }
  }

  function trendChart(sessions, id) {
    const w = 600, h = 180, padX = 36, padY = 18;
    const x = (i) => padX + (sessions.length === 1 ? 0 : (i * (w - 2 * padX)) / (sessions.length - 1));
    const y = (v) => h - padY - (Math.max(0, Math.min(10, v)) / 10) * (h - 2 * padY);
    const titleId = IB.nextId('trend-title');
    const descId = IB.nextId('trend-desc');
    const summary = sessions.map((s) => IB.fmtDate(s.created_at) + ': ' + score1(s.overall)).join('; ');
    const chart = svg('svg', { class: 'trend-chart', 'data-testid': 'trend-chart', role: 'img', viewBox: '0 0 ' + w + ' ' + h,
                                'aria-labelledby': titleId + ' ' + descId },
      svg('title', { id: titleId }, 'Overall score over your interviews'),
      svg('desc', { id: descId }, summary));
    for (const v of [0, 5, 10]) {
      chart.appendChild(svg('line', { x1: String(padX), x2: String(w - padX), y1: String(y(v)), y2: String(y(v)), class: 'trend-grid' }));
      chart.appendChild(svg('text', { x: '4', y: String(y(v) + 4), class: 'trend-axis' }, String(v)));
    }
    chart.appendChild(svg('polyline', { class: 'trend-line', fill: 'none',
      points: sessions.map((s, i) => x(i).toFixed(1) + ',' + y(s.overall).toFixed(1)).join(' ') }));
    sessions.forEach((s, i) => {
      chart.appendChild(svg('circle', { cx: x(i).toFixed(1), cy: y(s.overall).toFixed(1), r: s.id === id ? '6' : '4',
                                        class: s.id === id ? 'trend-point trend-point--this' : 'trend-point' }));
    });
    return chart;
  }

  // Horizontal bar chart in inline SVG. Lengths in % so it fits any width without scaling text.
  function competencyChart(box, competencies) {
    clear(box);
    const rowH = 52;
    const height = competencies.length * rowH;
    const titleId = IB.nextId('chart-title');
    const descId = IB.nextId('chart-desc');
    const summary = competencies.map((c) => c.name + ': ' + IB.percent(c.coverage) +
      (IB.num(c.questions) ? ' (' + plural(c.questions, 'question') + ')' : '')).join('; ');
    const chart = svg('svg', {
      class: 'competency-chart', 'data-testid': 'competency-chart', role: 'img',
      width: '100%', height: String(height), 'aria-labelledby': titleId + ' ' + descId,
    },
    svg('title', { id: titleId }, 'Coverage per competency'),
    svg('desc', { id: descId }, summary));
    const labels = [];
    competencies.forEach((c, i) => {
      const y = i * rowH;
      const cov = IB.num(c.coverage) ? Math.max(0, Math.min(1, c.coverage)) : 0;
      const level = cov >= 0.75 ? 'high' : cov >= 0.4 ? 'mid' : 'low';
      const label = svg('text', { x: '0', y: String(y + 17), class: 'chart-label' }, c.name);
      labels.push(label);
      const group = svg('g', { class: 'chart-row chart-row--' + level },
        svg('title', null, c.name + ': ' + IB.percent(cov)),
        label,
        svg('text', { x: '100%', y: String(y + 17), class: 'chart-value', 'text-anchor': 'end' },
          IB.percent(cov)),
        svg('rect', { x: '0', y: String(y + 26), width: '100%', height: '12', rx: '6', class: 'chart-track' }),
        cov > 0 ? svg('rect', { x: '0', y: String(y + 26), width: (cov * 100).toFixed(2) + '%', height: '12', rx: '6', class: 'chart-fill' }) : null);
      chart.appendChild(group);
    });
    box.appendChild(chart);
    // Shorten labels that would run into the value on narrow screens (full text stays in <title>).
    const width = chart.getBoundingClientRect().width;
    if (width > 0) {
      labels.forEach((label) => {
        const value = label.nextSibling;
        const room = width - (value.getComputedTextLength ? value.getComputedTextLength() : 60) - 16;
        const full = label.textContent;
        let text = full;
        while (text.length > 4 && label.getComputedTextLength() > room) {
          text = text.slice(0, -1);
          label.textContent = text.trimEnd() + '…';
        }
      });
    }
  }

  IB.views = IB.views || {};
  IB.views.report = reportView;
})();
