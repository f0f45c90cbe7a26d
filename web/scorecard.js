// interview-bot page: the parts of a score card a candidate reads first: the coach's summary (two
// strengths and two fixes in their own words), how the score was built (the result's breakdown,
// whose lines add up to the score shown), and the model answer led by its key points.
'use strict';

(function () {
  const IB = (window.IB = window.IB || {});
  const { el, num } = IB;

  const CAP_TEXT = {
    'too-short': 'too short',
    'hint-used': 'a hint was used',
    'keyword-salad': 'a list of keywords',
    'off-topic': 'off topic',
    negated: 'the key idea was negated',
    'red-flag': 'a red flag',
    denial: 'the answer denies what it names',
    dismissed: 'the right tools were dismissed',
    'wrong-conclusion': 'a wrong conclusion for this scenario',
    hedged: 'every statement hedged',
  };

  function signed(x) {
    const v = Math.round(x * 10) / 10;
    return (v < 0 ? '−' : '+') + Math.abs(v).toFixed(1);
  }

  // data.coach: {strengths: [...], fixes: [...]}
  function coachBlock(coach) {
    if (!coach || typeof coach !== 'object') return null;
    const strengths = Array.isArray(coach.strengths) ? coach.strengths : [];
    const fixes = Array.isArray(coach.fixes) ? coach.fixes : [];
    if (!strengths.length && !fixes.length) return null;
    const list = (items, cls) => el('ul', { class: ['coach-list', cls] }, items.map((t) => el('li', null, String(t))));
    return el('section', { class: 'coach', 'data-testid': 'coach-summary', 'aria-label': 'Summary' },
      strengths.length ? el('div', { class: 'coach-part' },
        el('h3', { class: 'coach-title coach-title--good' }, 'What worked'), list(strengths, 'coach-list--good')) : null,
      fixes.length ? el('div', { class: 'coach-part' },
        el('h3', { class: 'coach-title coach-title--fix' }, 'What to fix next'), list(fixes, 'coach-list--fix')) : null);
  }

  function lineLabel(part) {
    switch (part.kind) {
      case 'step': return 'Coverage: ' + (part.label || part.id);
      case 'cap': {
        const why = CAP_TEXT[part.id] || String(part.id || '').replace(/-/g, ' ');
        return 'Cap: ' + why;
      }
      case 'penalty': return part.label || 'Red flag';
      default: return part.label || part.kind;
    }
  }

  // The breakdown's lines, each with its points, and the total: the score shown.
  function breakdownBlock(result) {
    const parts = Array.isArray(result && result.breakdown) ? result.breakdown : [];
    if (!parts.length) return null;
    const caps = parts.filter((p) => p.kind === 'cap');
    const binding = caps.length ? caps.reduce((a, b) => (b.points < a.points ? b : a)) : null;
    const rows = parts.map((p) => el('li', {
      class: ['breakdown-line', 'breakdown-line--' + (p.kind || 'other'), p.points < 0 ? 'is-minus' : 'is-plus'],
      'data-testid': 'breakdown-line', 'data-kind': p.kind, 'data-points': String(p.points),
    },
    el('span', { class: 'breakdown-label' }, lineLabel(p)),
    el('span', { class: 'breakdown-points' }, signed(p.points))));
    // Name what held the score down: a cap other than shortness, and shortness itself (the
    // length line, plus the too-short cap when it bound).
    const causes = [];
    if (binding && binding.id !== 'too-short') {
      causes.push('A cap set this score: ' + lineLabel(binding) + ' (' + signed(binding.points) + ').');
    }
    const short = parts.filter((p) => p.kind === 'length' || (p.kind === 'cap' && p.id === 'too-short'))
      .reduce((sum, p) => sum - p.points, 0);
    if ((result.flags || []).includes('too-short') && short > 0) {
      causes.push('Too short: at ' + IB.plural(num(result.words) ? result.words : 0, 'word') +
        ', the answer’s length took ' + signed(-short).slice(1) + ' points off' +
        (binding && binding.id === 'too-short' ? ', the too-short cap included' : '') +
        '. Say more to earn what your ideas are worth.');
    }
    return el('section', { class: 'card-section breakdown', 'data-testid': 'breakdown' },
      el('h3', { class: 'section-title' }, 'How this score was built'),
      el('ol', { class: 'breakdown-lines' }, rows,
        el('li', { class: 'breakdown-line breakdown-total' },
          el('span', { class: 'breakdown-label' }, 'Score'),
          el('span', { class: 'breakdown-points', 'data-testid': 'breakdown-total' }, IB.score1(result.score)))),
      causes.map((text) => el('p', { class: 'breakdown-cause', 'data-testid': 'breakdown-cause' }, text)));
  }

  // Strengths from data.coach.rubric_strengths: each concept once, under the first step naming it.
  function rubricStrengths(coach) {
    const items = coach && Array.isArray(coach.rubric_strengths) ? coach.rubric_strengths : [];
    if (!items.length) return null;
    return el('section', { class: 'card-section' }, el('h3', { class: 'section-title' }, 'Strengths'),
      el('ul', { class: 'strengths', 'data-testid': 'strengths' }, items.map((s) => el('li', null,
        el('strong', null, String(s.step || '')),
        Array.isArray(s.concepts) && s.concepts.length ? ': ' + s.concepts.join(', ') : null))));
  }

  // The model answer of a closed question: key points first, the full answer folded.
  function modelAnswerBody(m, body) {
    const d = m.data || {};
    IB.append(body, el('p', { class: 'eyebrow' }, 'Model answer' + (d.title ? ' · ' + d.title : '') +
      (num(d.reference_score) && d.reference_score >= 0 ? ' · reference score ' + d.reference_score + '/10' : '')));
    const points = Array.isArray(d.key_points) ? d.key_points : [];
    if (points.length) {
      IB.append(body, el('h3', { class: 'section-title' }, 'Key points'));
      IB.append(body, el('ul', { class: 'key-points', 'data-testid': 'key-points' }, points.map((p) => el('li', null, String(p)))));
    }
    IB.append(body, el('details', { class: 'model-full', 'data-testid': 'model-full' },
      el('summary', null, 'Read the full model answer'),
      el('div', { class: 'md' }, IB.markdown(d.model_answer || m.text, { headingLevel: 4 }))));
    IB.append(body, el('p', { class: 'note' }, 'Your score for this question is fixed. Retry it to practise; a retry is scored on its own.'));
  }

  IB.scorecard = { coachBlock, breakdownBlock, rubricStrengths, modelAnswerBody };
})();
