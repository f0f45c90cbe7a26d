// interview-bot page: the start view (tracks, question picker, past interviews).
'use strict';

(function () {
  const IB = window.IB;
  const { el, clear, api, score1, plural } = IB;
  const { main, navigate, setTitle, errorBox, safePath } = IB.page;

  const TRACKS = [
    ['all', 'All questions, in order'],
    ['random', 'A random selection'],
    ['difficulty', 'By difficulty'],
    ['role', 'By role'],
    ['level', 'By level'],
    ['custom', 'Pick the questions myself'],
  ];

  function startView() {
    setTitle('');
    const errors = errorBox();
    const nameInput = el('input', {
      id: 'name', type: 'text', name: 'name', maxlength: '80', autocomplete: 'given-name',
      'data-testid': 'name-input', placeholder: 'e.g. Ada', spellcheck: 'false',
    });
    nameInput.value = IB.store.get('interview-bot.name') || '';
    const kind = el('select', { id: 'track-kind', name: 'track', 'data-testid': 'track-kind',
                                'aria-describedby': 'track-summary' },
      TRACKS.map(([value, label]) => el('option', { value }, label)));
    const options = el('div', { class: 'track-options' });
    const summary = el('p', { id: 'track-summary', class: 'field-help', 'aria-live': 'polite' });
    const startButton = el('button', { type: 'submit', class: 'button button--primary button--large',
                                       'data-testid': 'start-button' }, 'Start interview');

    let bank = { questions: [], difficulties: [], roles: [], levels: [] };
    let countInput = null;
    let valueSelect = null;
    let checks = [];

    function matching(k, value) {
      const field = { difficulty: 'difficulty', role: 'role', level: 'level' }[k];
      return bank.questions.filter((q) => q[field] === value).length;
    }

    function renderOptions() {
      clear(options);
      countInput = null;
      valueSelect = null;
      checks = [];
      const k = kind.value;
      if (k === 'random') {
        const max = bank.questions.length || 50;
        countInput = el('input', { id: 'track-count', type: 'number', min: '1', max: String(max),
                                   inputmode: 'numeric', class: 'input-narrow' });
        countInput.value = String(Math.min(3, max));
        countInput.addEventListener('input', updateSummary);
        options.appendChild(el('div', { class: 'field' },
          el('label', { for: 'track-count' }, 'How many questions'), countInput));
      } else if (k === 'difficulty' || k === 'role' || k === 'level') {
        const values = { difficulty: bank.difficulties, role: bank.roles, level: bank.levels }[k] || [];
        const label = { difficulty: 'Difficulty', role: 'Role', level: 'Level' }[k];
        valueSelect = el('select', { id: 'track-value' },
          values.map((v) => el('option', { value: v }, v + ' (' + matching(k, v) + ')')));
        valueSelect.addEventListener('change', updateSummary);
        options.appendChild(el('div', { class: 'field' },
          el('label', { for: 'track-value' }, label), valueSelect));
        if (!values.length) options.appendChild(el('p', { class: 'field-help' }, 'The question list could not be loaded.'));
      } else if (k === 'custom') {
        const list = el('ul', { class: 'question-picks' });
        for (const q of bank.questions) {
          const id = 'pick-' + q.id;
          const box = el('input', { type: 'checkbox', id, value: q.id });
          box.addEventListener('change', updateSummary);
          checks.push(box);
          list.appendChild(el('li', null, box, el('label', { for: id },
            el('span', { class: 'pick-number' }, String(q.number)),
            el('span', { class: 'pick-title' }, q.title),
            el('span', { class: 'pick-meta' }, [q.difficulty, q.time_limit_minutes ? q.time_limit_minutes + ' min' : null]
              .filter(Boolean).join(' · ')))));
        }
        const all = el('button', { type: 'button', class: 'button button--small button--ghost' }, 'Select all');
        const none = el('button', { type: 'button', class: 'button button--small button--ghost' }, 'Clear');
        all.addEventListener('click', () => { checks.forEach((c) => { c.checked = true; }); updateSummary(); });
        none.addEventListener('click', () => { checks.forEach((c) => { c.checked = false; }); updateSummary(); });
        options.appendChild(el('fieldset', { class: 'picks' },
          el('legend', null, 'Questions to ask'),
          el('div', { class: 'picks-tools' }, el('span', { class: 'field-help' }, 'Asked in the order shown.'), all, none),
          bank.questions.length ? list : el('p', { class: 'field-help' }, 'The question list could not be loaded.')));
      }
      updateSummary();
    }

    function updateSummary() {
      const total = bank.questions.length;
      const k = kind.value;
      let text = '';
      if (k === 'all') text = total ? plural(total, 'question') + ', in the bank’s order.' : 'Every question in the bank, in order.';
      else if (k === 'random') {
        const n = parseInt(countInput && countInput.value, 10);
        text = n > 0 ? plural(n, 'question') + ' picked at random.' : 'Choose how many questions.';
      } else if (k === 'custom') {
        const n = checks.filter((c) => c.checked).length;
        text = n ? plural(n, 'question') + ' selected.' : 'Select at least one question.';
      } else if (valueSelect && valueSelect.value) {
        text = plural(matching(k, valueSelect.value), 'question') + ' match.';
      }
      summary.textContent = text;
    }

    kind.addEventListener('change', renderOptions);

    const form = el('form', { class: 'card start-card', 'data-testid': 'start-form', 'aria-labelledby': 'start-title', novalidate: true },
      el('h2', { id: 'start-title', class: 'card-title' }, 'Start an interview'),
      el('div', { class: 'field' },
        el('label', { for: 'name' }, 'Your name ', el('span', { class: 'optional' }, '(optional)')), nameInput),
      el('div', { class: 'field' }, el('label', { for: 'track-kind' }, 'Questions'), kind),
      options,
      summary,
      errors.node,
      el('div', { class: 'form-actions' }, startButton),
      el('p', { class: 'fine-print' }, 'Your interview gets a private link. Anyone with the link can read it, so share it only if you mean to.'));

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      errors.hide();
      const body = { client_id: IB.clientId() };
      const name = nameInput.value.trim();
      if (name) body.name = name;
      const k = kind.value;
      if (k === 'random') {
        const n = parseInt(countInput.value, 10);
        const max = bank.questions.length || 1000;
        if (!(n >= 1 && n <= max)) {
          errors.show('Choose between 1 and ' + max + ' questions.');
          countInput.focus();
          return;
        }
        body.track = { kind: 'random', count: n };
      } else if (k === 'difficulty' || k === 'role' || k === 'level') {
        if (!valueSelect || !valueSelect.value) {
          errors.show('The question list is not available, so this option cannot be used right now.');
          return;
        }
        body.track = { kind: k, value: valueSelect.value };
      } else if (k === 'custom') {
        const ids = checks.filter((c) => c.checked).map((c) => c.value);
        if (!ids.length) {
          errors.show('Select at least one question to ask.');
          if (checks[0]) checks[0].focus();
          return;
        }
        body.track = { kind: 'custom', questions: ids };
      } else {
        body.track = { kind: 'all' };
      }
      IB.store.set('interview-bot.name', name);
      startButton.disabled = true;
      startButton.textContent = 'Starting…';
      try {
        const view = await api('POST', '/api/sessions', body);
        navigate('/s/' + view.id, view);
      } catch (e) {
        errors.show(e);
        startButton.disabled = false;
        startButton.textContent = 'Start interview';
      }
    });

    const how = el('aside', { class: 'how', 'aria-labelledby': 'how-title' },
      el('h2', { id: 'how-title', class: 'card-title' }, 'How it works'),
      el('ol', { class: 'how-steps' },
        el('li', null, el('strong', null, 'Read the scenario.'), ' Real production and architecture problems asked in senior interviews.'),
        el('li', null, el('strong', null, 'Answer in writing,'), ' the way you would talk it through: root cause, options, trade-offs, numbers, how you would verify.'),
        el('li', null, el('strong', null, 'Get scored out of 10'), ' against the question’s framework, with the passages that earned credit highlighted and the gaps to study.'),
        el('li', null, el('strong', null, 'Answer a follow-up'), ' on your biggest gap, then move on. A full report waits at the end.')),
      el('p', { class: 'fine-print' }, 'Commands at any time: Hint (caps the question at 7/10), Skip, Repeat, Model answer (after scoring) and End.'));

    const historyList = el('ul', { class: 'history-list' });
    const historySection = el('section', { class: 'history', 'aria-labelledby': 'history-title', hidden: true },
      el('h2', { id: 'history-title', class: 'section-heading' }, 'Your past interviews'), historyList);
    const missedList = el('ul', { class: 'missed-list' });
    const missedSection = el('section', { class: 'missed', 'aria-labelledby': 'missed-title', hidden: true },
      el('h2', { id: 'missed-title', class: 'section-heading' }, 'Concepts you keep missing'),
      el('p', { class: 'section-lead' }, 'Ideas the rubric looked for in more than one of your answers and did not find.'),
      missedList);

    main.appendChild(el('div', { class: 'page page--start' },
      el('section', { class: 'hero' },
        el('h1', null, 'Practice the senior engineering interview'),
        el('p', { class: 'lead' }, 'Work through real production and architecture scenarios. Every answer is scored against a rubric, with the evidence it credited and the gaps to close before the real thing.')),
      el('div', { class: 'start-grid' }, form, how),
      historySection,
      missedSection));

    renderOptions();

    api('GET', '/api/questions').then((data) => {
      bank = {
        questions: Array.isArray(data.questions) ? data.questions : [],
        difficulties: data.difficulties || [],
        roles: data.roles || [],
        levels: data.levels || [],
      };
      const allOption = kind.querySelector('option[value="all"]');
      if (allOption && bank.questions.length) allOption.textContent = 'All questions, in order (' + bank.questions.length + ')';
      renderOptions();
    }).catch((e) => errors.show(e));

    api('GET', '/api/history?client_id=' + encodeURIComponent(IB.clientId())).then((data) => {
      const sessions = Array.isArray(data.sessions) ? data.sessions : [];
      const SHOWN = 5;
      sessions.forEach((s, i) => {
        const item = historyItem(s);
        if (i >= SHOWN) item.hidden = true;
        historyList.appendChild(item);
      });
      if (sessions.length > SHOWN) {
        const more = el('button', { type: 'button', class: 'button button--small button--ghost history-more' },
          'Show all ' + sessions.length + ' interviews');
        more.addEventListener('click', () => {
          for (const item of historyList.children) item.hidden = false;
          more.remove();
          const first = historyList.children[SHOWN] && historyList.children[SHOWN].querySelector('a');
          if (first) first.focus();
        });
        historySection.appendChild(more);
      }
      historySection.hidden = sessions.length === 0;
      const missed = Array.isArray(data.missed_concepts) ? data.missed_concepts : [];
      for (const c of missed) {
        missedList.appendChild(el('li', null,
          el('span', { class: 'missed-concept' }, c.concept),
          el('span', { class: 'missed-meta' }, [c.question, c.times ? 'missed ' + c.times + ' times' : null].filter(Boolean).join(' · '))));
      }
      missedSection.hidden = missed.length === 0;
    }).catch(() => { /* history is optional */ });
  }

  function historyItem(s) {
    const links = s.links || {};
    const finished = s.state === 'finished';
    const overall = IB.num(s.overall) ? s.overall : null;
    const band = IB.bandOf(overall);
    const count = IB.num(s.questions) ? s.questions : Array.isArray(s.questions) ? s.questions.length : null;
    return el('li', { class: 'history-item' },
      el('div', { class: ['history-score', band ? 'band-bg--' + band : 'band-bg--none'] },
        overall === null ? '–' : score1(overall),
        el('span', { class: 'visually-hidden' }, overall === null ? ' no score yet' : ' out of 10')),
      el('div', { class: 'history-main' },
        el('p', { class: 'history-title' }, s.name ? s.name + '’s interview' : 'Interview'),
        el('p', { class: 'history-meta' },
          [IB.fmtDate(s.created_at), count !== null ? plural(count, 'question') : null].filter(Boolean).join(' · '),
          ' ',
          el('span', { class: ['state', 'state--' + (finished ? 'finished' : 'open')] }, finished ? 'Finished' : 'In progress'))),
      el('div', { class: 'history-links' },
        el('a', { href: safePath(links.self, '/s/' + encodeURIComponent(s.id)), class: 'button button--small' }, finished ? 'Transcript' : 'Continue'),
        el('a', { href: safePath(links.report, '/s/' + encodeURIComponent(s.id) + '/report'), class: 'button button--small button--ghost' }, 'Report')));
  }

  IB.views = IB.views || {};
  IB.views.start = startView;
})();
