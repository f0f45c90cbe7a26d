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

    // Top gaps.
    const gaps = Array.isArray(report.top_gaps) ? report.top_gaps : [];
    page.appendChild(el('section', { class: 'card', 'aria-labelledby': 'gaps-title' },
      el('h2', { id: 'gaps-title', class: 'card-title' }, 'Top gaps to study'),
      gaps.length ? el('ol', { class: 'top-gaps' }, gaps.map((g) => el('li', null,
        el('div', { class: 'gap-head' },
          el('span', { class: 'gap-name' }, g.name),
          IB.num(g.points_lost) ? el('span', { class: 'gap-points' }, '−' + IB.points(g.points_lost) + ' pts') : null),
        g.hint ? el('p', { class: 'gap-hint' }, g.hint) : null,
        Array.isArray(g.questions) && g.questions.length
          ? el('p', { class: 'gap-questions' }, 'In: ' + Array.from(new Set(g.questions)).join(', ')) : null)))
        : el('p', { class: 'muted' }, 'No gaps recorded.')));

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
