// Renders one interview message (docs/api.md "A message") as a list item.
// Shared by the chat view and the report's transcript.
'use strict';

(function () {
  const IB = (window.IB = window.IB || {});
  const { el, num, score1, points, percent, capitalize } = IB;
  const add = (parent, ...children) => IB.append(parent, children);

  const STATUS_TEXT = { covered: 'Covered', partial: 'Partial', missing: 'Missing' };
  const STATUS_ICON = { covered: '✓', partial: '◐', missing: '○' };
  const FLAG_TEXT = {
    'keyword-salad': 'Keyword list',
    negated: 'Negated idea',
    'off-topic': 'Off topic',
    'too-short': 'Too short',
    'red-flag': 'Red flag',
    'hint-used': 'Hint used',
    denial: 'Denial',
    dismissed: 'Right tools dismissed',
    'wrong-conclusion': 'Wrong conclusion',
    hedged: 'Hedged throughout',
    unfocused: 'Points buried',
  };
  const COMMAND_TEXT = {
    hint: 'Asked for a hint',
    skip: 'Skipped',
    repeat: 'Asked to repeat the question',
    model: 'Asked for the model answer',
    retry: 'Retried a question',
    end: 'Ended the interview',
  };

  // ---------- evidence highlighting ----------
  // Evidence offsets are UTF-8 byte offsets into `answer`. Works on the encoded bytes, snaps
  // offsets that fall inside a multi-byte character outwards, merges overlapping or touching
  // spans (the rubric often credits overlapping quotes) and decodes each slice back to text.
  function highlight(container, answer, evidence) {
    const text = String(answer == null ? '' : answer);
    const bytes = new TextEncoder().encode(text);
    const n = bytes.length;
    const inside = (i) => i > 0 && i < n && (bytes[i] & 0xc0) === 0x80;
    const spans = [];
    for (const e of evidence || []) {
      let s = Number(e && e.start);
      let t = Number(e && e.end);
      if (!Number.isFinite(s) || !Number.isFinite(t)) continue;
      s = Math.max(0, Math.min(n, Math.floor(s)));
      t = Math.max(0, Math.min(n, Math.ceil(t)));
      while (inside(s)) s--;
      while (inside(t)) t++;
      if (t <= s) continue;
      const name = String(e.concept_name || e.concept || '').trim();
      spans.push({ s, t, names: name ? [name] : [] });
    }
    spans.sort((a, b) => a.s - b.s || b.t - a.t);
    const merged = [];
    for (const sp of spans) {
      const last = merged[merged.length - 1];
      if (last && sp.s <= last.t) {
        last.t = Math.max(last.t, sp.t);
        for (const name of sp.names) if (!last.names.includes(name)) last.names.push(name);
      } else {
        merged.push({ s: sp.s, t: sp.t, names: sp.names.slice() });
      }
    }
    const decoder = new TextDecoder();
    const slice = (a, b) => decoder.decode(bytes.subarray(a, b));
    let pos = 0;
    for (const m of merged) {
      if (m.s > pos) container.appendChild(document.createTextNode(slice(pos, m.s)));
      // Focusable and tappable: the concept shows in the caption below the answer (a live region,
      // so screen readers hear it too), never in a hover-only tooltip.
      container.appendChild(el('mark', {
        class: 'evidence',
        'data-testid': 'evidence',
        'data-concepts': m.names.length ? m.names.join('; ') : 'a rubric concept',
        tabindex: '0',
      }, slice(m.s, m.t)));
      pos = m.t;
    }
    if (pos < n) container.appendChild(document.createTextNode(slice(pos, n)));
    return merged.length;
  }

  // ---------- small building blocks ----------
  function plainText(text) {
    // Paragraphs split on blank lines; single newlines kept (CSS pre-line).
    const parts = String(text || '').split(/\n{2,}/).filter((p) => p.trim());
    return parts.map((p) => el('p', { class: 'plain' }, p));
  }

  function section(title, ...children) {
    return el('section', { class: 'card-section' }, el('h3', { class: 'section-title' }, title), children);
  }

  function bandBadge(band) {
    if (!band) return null;
    return el('span', { class: ['band', 'band--' + band] }, capitalize(band));
  }

  function stepBars(steps) {
    const list = el('ul', { class: 'steps', 'aria-label': 'Framework steps' });
    for (const step of steps || []) {
      const status = STATUS_TEXT[step.status] ? step.status : 'missing';
      const coverage = num(step.coverage) ? Math.max(0, Math.min(1, step.coverage)) : 0;
      const fill = el('span', { class: 'bar-fill' });
      fill.style.width = (coverage * 100).toFixed(1) + '%';
      list.appendChild(el('li', {
        class: ['step', 'step--' + status],
        'data-testid': 'step-bar',
        'data-status': status,
        'data-coverage': String(coverage),
      },
      el('span', { class: 'step-name' }, step.name || step.id || 'Step'),
      el('span', { class: ['status', 'status--' + status] },
        el('span', { class: 'status-icon', 'aria-hidden': 'true' }, STATUS_ICON[status]),
        ' ' + STATUS_TEXT[status]),
      el('span', { class: 'step-pct' }, percent(coverage)),
      el('span', { class: 'bar', 'aria-hidden': 'true' }, fill)));
    }
    return list;
  }

  function evidenceOf(result, source) {
    const out = [];
    for (const step of (result && result.steps) || []) {
      for (const e of step.evidence || []) {
        if ((e.source || 'answer') === source) out.push(e);
      }
    }
    return out;
  }

  // The answer box scrolls, so it is focusable itself; a focused or tapped passage names its
  // concept in the caption under it.
  function answerBlock(answer, evidence, label) {
    const box = el('div', { class: 'answer-text', tabindex: '0', role: 'region', 'aria-label': label });
    const count = highlight(box, answer, evidence);
    const caption = el('p', { class: 'evidence-caption', 'data-testid': 'evidence-caption', 'aria-live': 'polite' },
      count ? 'Tap or focus a highlighted passage to see what it earned.' : '');
    const show = (event) => {
      const mark = event.target.closest && event.target.closest('mark.evidence');
      if (!mark) return;
      for (const other of box.querySelectorAll('mark.is-active')) other.classList.remove('is-active');
      mark.classList.add('is-active');
      caption.textContent = 'Credited: ' + mark.dataset.concepts;
    };
    box.addEventListener('focusin', show);
    box.addEventListener('click', show);
    return section(label,
      el('p', { class: 'section-note' }, count
        ? 'Highlighted passages earned credit.'
        : 'Nothing in this answer matched the rubric.'),
      box, count ? caption : null);
  }

  function flagsBlock(result) {
    const details = (result && result.flag_details) || [];
    const flags = (result && result.flags) || [];
    const items = details.length ? details : flags.map((f) => ({ flag: f, message: '', quote: '' }));
    if (!items.length) return null;
    return el('div', { class: 'flags', role: 'note', 'aria-label': 'Flags' },
      items.map((f) => el('div', { class: ['flag', 'flag--' + (f.flag || 'other')] },
        el('span', { class: 'flag-name' }, FLAG_TEXT[f.flag] || capitalize(String(f.flag || 'Flag').replace(/-/g, ' '))),
        el('span', { class: 'flag-message' }, f.message || ''),
        f.quote ? el('q', { class: 'flag-quote' }, f.quote) : null)));
  }

  function strengthsBlock(result) {
    const strengths = (result && result.strengths) || [];
    if (!strengths.length) return null;
    return section('Strengths', el('ul', { class: 'strengths' }, strengths.map((s) => {
      const str = String(s);
      const cut = str.indexOf(': ');
      if (cut > 0 && cut < 60) {
        return el('li', null, el('strong', null, str.slice(0, cut)), ': ' + str.slice(cut + 2));
      }
      return el('li', null, str);
    })));
  }

  function gapsBlock(result, ctx, seq) {
    const gaps = (result && result.gaps) || [];
    if (!gaps.length) {
      return section('Gaps', el('p', { class: 'section-note' }, 'No gaps: every part of the framework was covered.'));
    }
    const list = el('ul', { class: 'gaps', 'data-testid': 'gaps' });
    for (const gap of gaps) {
      const key = 'interview-bot.gap.' + (ctx.sessionId || '') + '.' + seq + '.' + (gap.id || gap.name);
      const id = IB.nextId('gap');
      const box = el('input', { type: 'checkbox', id, class: 'gap-check' });
      box.checked = IB.store.get(key) === '1';
      box.addEventListener('change', () => {
        if (box.checked) IB.store.set(key, '1');
        else IB.store.remove(key);
      });
      list.appendChild(el('li', { class: 'gap' }, box,
        el('label', { for: id, class: 'gap-label' },
          el('span', { class: 'gap-head' },
            el('span', { class: 'gap-name' }, gap.name || gap.id || 'Gap'),
            num(gap.points_lost) && gap.points_lost > 0
              ? el('span', { class: 'gap-points' }, '−' + points(gap.points_lost) + ' pts') : null),
          gap.hint ? el('span', { class: 'gap-hint' }, gap.hint) : null)));
    }
    return section('Gaps to study', el('p', { class: 'section-note' }, 'Tick them off as you study them.'), list);
  }

  function phraseChips(pairs) {
    if (!pairs || !pairs.length) return el('span', { class: 'muted' }, 'none');
    return el('span', { class: 'chips' }, pairs.map((p) => {
      const word = Array.isArray(p) ? p[0] : String(p);
      const count = Array.isArray(p) ? p[1] : null;
      return el('span', { class: 'chip' }, word, count > 1 ? el('span', { class: 'chip-count' }, ' ×' + count) : null);
    }));
  }

  function insightsBlock(insights) {
    if (!insights || typeof insights !== 'object') return null;
    const rows = [
      ['Words', el('span', null, String(num(insights.words) ? insights.words : '–'))],
      ['Hedging', phraseChips(insights.hedging)],
      ['Filler', phraseChips(insights.filler)],
      ['Job terms', (insights.job_terms || []).length
        ? el('ul', { class: 'terms' }, insights.job_terms.map((t) => el('li', null, t)))
        : el('span', { class: 'muted' }, 'none credited')],
      ['Top words', phraseChips(insights.top_words)],
    ];
    return el('details', { class: 'insights' },
      el('summary', null, 'Language insights'),
      el('dl', { class: 'insight-list' }, rows.map(([k, v]) => [el('dt', null, k), el('dd', null, v)])));
  }

  // ---------- per kind ----------
  function renderQuestion(m, body) {
    const d = m.data || {};
    const q = d.question || {};
    const meta = [];
    if (q.difficulty) meta.push(el('span', { class: 'chip chip--quiet' }, q.difficulty));
    if (q.level) meta.push(el('span', { class: 'chip chip--quiet' }, q.level));
    if (num(q.time_limit_minutes) && q.time_limit_minutes > 0) {
      meta.push(el('span', { class: 'chip chip--time' }, q.time_limit_minutes + ' min limit'));
    }
    const eyebrow = num(d.index) && num(d.total) ? 'Question ' + (d.index + 1) + ' of ' + d.total : 'Question';
    const retry = d.retry && typeof d.retry === 'object' ? d.retry : null;
    add(body, el('p', { class: 'eyebrow' }, retry ? el('span', { class: 'tag tag--retry' }, 'Retry') : null,
      retry ? ' ' : null, eyebrow, retry && num(retry.attempt) ? ' · attempt ' + retry.attempt : ''));
    if (retry && num(retry.first_score)) {
      add(body, el('p', { class: 'note' }, 'This attempt is scored on its own; the question keeps its first score, ' +
        score1(retry.first_score) + '.' + (retry.after_model_answer ? ' You have seen the model answer.' : '')));
    }
    add(body, el('h2', { class: 'question-title' }, q.title || 'Question'));
    if (meta.length) add(body, el('p', { class: 'chips question-meta' }, meta));
    if (q.question) add(body, el('p', { class: 'question-lead' }, q.question));
    if (q.scenario) add(body, el('div', { class: 'md' }, IB.markdown(q.scenario, { headingLevel: 3 })));
    if (q.constraints && q.constraints.length) {
      add(body, section('Constraints',
        el('ul', { class: 'constraints' }, q.constraints.map((c) => el('li', null, c)))));
    }
    if (!q.title && !q.question) body.append(...plainText(m.text));
  }

  function scoreHead(result, extra) {
    const score = result.score;
    const band = result.band || IB.bandOf(score);
    return el('div', { class: 'score-head' },
      el('div', { class: ['score-big', 'band-text--' + band] },
        extra && extra.previous !== undefined
          ? [el('span', { class: 'score-prev' }, el('span', { class: 'visually-hidden' }, 'from '), score1(extra.previous)),
            el('span', { class: 'score-arrow', 'aria-hidden': 'true' }, '→'),
            el('span', { class: 'visually-hidden' }, ' to ')]
          : null,
        el('span', { class: 'score-value', 'data-testid': 'score-value' }, score1(score)),
        el('span', { class: 'score-max' }, '/10')),
      el('div', { class: 'score-side' },
        bandBadge(band),
        el('p', { class: 'score-sub' }, extra && extra.sub ? extra.sub : null)));
  }

  // The rubric's detail, folded under the summary and the breakdown.
  function rubricDetail(...children) {
    return el('details', { class: 'rubric-detail', 'data-testid': 'rubric-detail' },
      el('summary', null, 'Rubric detail: coverage, your answer, strengths and gaps'), children);
  }

  function renderScore(m, body, ctx) {
    const d = m.data || {};
    const r = d.result || {};
    const subs = [];
    if (num(r.words)) subs.push(IB.plural(r.words, 'word'));
    const capFlag = (r.flag_details || []).some((f) => f && f.flag === 'hint-used');
    if (num(d.ceiling) && d.ceiling < 10 && !capFlag) subs.push('hint used: capped at ' + score1(d.ceiling));
    const attempt = num(d.attempt) ? d.attempt : 0;
    if (attempt) {
      subs.push('the question keeps its first score, ' + score1(d.first_score));
      if (d.after_model_answer) subs.push('after the model answer');
    }
    add(body, el('p', { class: 'eyebrow' }, attempt ? 'Attempt ' + attempt + ' · scored on its own' : 'Your score'));
    add(body, scoreHead(r, { sub: subs.join(' · ') }));
    add(body, IB.scorecard.coachBlock(d.coach));
    add(body, IB.scorecard.breakdownBlock(r));
    add(body, rubricDetail(
      flagsBlock(r),
      section('Framework coverage', stepBars(r.steps)),
      answerBlock(d.answer, evidenceOf(r, 'answer'), 'Your answer'),
      d.coach ? IB.scorecard.rubricStrengths(d.coach) : strengthsBlock(r),
      gapsBlock(r, ctx, m.seq),
      insightsBlock(d.insights)));
  }

  function renderFollowUpScore(m, body, ctx) {
    const d = m.data || {};
    const r = d.result || {};
    const prev = num(d.previous_score) ? d.previous_score : undefined;
    let sub = '';
    if (prev !== undefined && num(r.score)) {
      const delta = Math.round((r.score - prev) * 10) / 10;
      sub = delta > 0 ? '+' + delta.toFixed(1) + ' from your follow-up'
        : delta < 0 ? delta.toFixed(1) + ' after your follow-up' : 'Unchanged by your follow-up';
    }
    add(body, el('p', { class: 'eyebrow' }, 'Updated score'));
    add(body, scoreHead(r, { previous: prev, sub }));
    add(body, IB.scorecard.coachBlock(d.coach));
    add(body, IB.scorecard.breakdownBlock(r));
    const earlier = [];
    for (const e of evidenceOf(r, 'answer')) {
      const name = e.concept_name || e.concept;
      if (name && !earlier.includes(name)) earlier.push(name);
    }
    add(body, rubricDetail(
      flagsBlock(r),
      section('Framework coverage', stepBars(r.steps)),
      answerBlock(d.answer, evidenceOf(r, 'follow_up'), 'Your follow-up answer'),
      earlier.length ? section('Still credited from your first answer',
        el('ul', { class: 'earlier' }, earlier.map((n) => el('li', null, n)))) : null,
      (r.gaps || []).length ? gapsBlock(r, ctx, m.seq) : null));
  }

  function renderHint(m, body) {
    const d = m.data || {};
    add(body, el('p', { class: 'eyebrow' }, 'Hint'));
    add(body, el('h3', { class: 'hint-title' }, d.framework || 'Framework'));
    if (d.steps && d.steps.length) {
      add(body, el('ol', { class: 'hint-steps' }, d.steps.map((s) => el('li', null,
        el('strong', null, s.name || s.id || ''),
        s.description ? el('span', { class: 'hint-desc' }, s.description) : null))));
    } else {
      body.append(...plainText(m.text));
    }
    if (/\bcap/i.test(m.text || '') && num(d.ceiling)) {
      add(body, el('p', { class: 'note' }, 'Using a hint caps this question at ' + score1(d.ceiling) + '/10.'));
    }
  }

  function renderFollowUp(m, body) {
    const d = m.data || {};
    add(body, el('p', { class: 'eyebrow eyebrow--followup' },
      el('span', { class: 'tag tag--followup' }, 'Follow-up'),
      d.gap && d.gap.name ? ' on ' + d.gap.name : d.repeat ? ' (repeated)' : null));
    add(body, el('p', { class: 'followup-text' }, m.text || ''));
    add(body, el('p', { class: 'note' }, 'Answer below to earn back some of the points, or skip it.'));
  }

  // The closing message names the report's path in its text: show that path as a link.
  function renderReportMessage(m, body, ctx) {
    const text = String(m.text || '');
    const path = ctx.sessionId ? '/s/' + ctx.sessionId + '/report' : '';
    const at = path ? text.indexOf(path) : -1;
    if (at < 0) {
      body.append(...plainText(text));
      return;
    }
    const before = text.slice(0, at).replace(/\s+$/, '');
    const after = text.slice(at + path.length);
    add(body, el('p', { class: 'plain' }, before + ' ', el('a', { href: path, class: 'inline-link' }, 'view the report'),
      after.trim() ? after : '.'));
  }

  // ---------- entry point ----------
  // ctx: {sessionId}
  function renderMessage(m, ctx) {
    ctx = ctx || {};
    const kind = String(m.kind || 'info');
    const role = m.role === 'candidate' ? 'candidate' : 'bot';
    const item = el('li', {
      class: ['msg', 'msg--' + role, 'msg--' + kind],
      'data-testid': 'message',
      'data-kind': kind,
      'data-seq': num(m.seq) ? String(m.seq) : null,
    });
    const time = IB.fmtTime(m.at);
    item.appendChild(el('p', { class: 'msg-meta' },
      el('span', { class: 'msg-who' }, role === 'bot' ? 'Interviewer' : 'You'),
      time ? el('time', { datetime: m.at }, time) : null));
    const body = el('div', { class: ['bubble', 'bubble--' + kind] });
    item.appendChild(body);
    switch (kind) {
      case 'question': renderQuestion(m, body); break;
      case 'score': renderScore(m, body, ctx); break;
      case 'follow_up_score': renderFollowUpScore(m, body, ctx); break;
      case 'follow_up': renderFollowUp(m, body); break;
      case 'hint': renderHint(m, body); break;
      case 'model_answer': IB.scorecard.modelAnswerBody(m, body); break;
      case 'command': {
        const c = (m.data && m.data.command) || String(m.text || '').replace(/^\//, '');
        add(body, el('span', { class: 'command-chip' }, COMMAND_TEXT[c] || ('/' + c)));
        break;
      }
      case 'answer':
      case 'follow_up_answer':
        if (kind === 'follow_up_answer') add(body, el('p', { class: 'eyebrow' }, 'Follow-up answer'));
        if (m.data && num(m.data.attempt)) add(body, el('p', { class: 'eyebrow' }, 'Attempt ' + m.data.attempt));
        add(body, el('p', { class: 'answer-plain' }, m.text || ''));
        break;
      case 'report':
        renderReportMessage(m, body, ctx);
        break;
      default:
        body.append(...plainText(m.text));
    }
    return item;
  }

  IB.renderMessage = renderMessage;
  IB.highlight = highlight;
})();
