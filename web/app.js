// interview-bot page: the router and the three views (start, chat, report).
'use strict';

(function () {
  const IB = window.IB;
  const { el, svg, clear, api, describeError, score1, plural, capitalize } = IB;
  const main = document.getElementById('main');

  // ---------------------------------------------------------------- routing
  let cleanups = [];
  function onLeave(fn) { cleanups.push(fn); }
  function leave() {
    for (const fn of cleanups) {
      try { fn(); } catch (e) { /* ignore */ }
    }
    cleanups = [];
  }

  function route(initial) {
    leave();
    clear(main);
    const path = location.pathname;
    let m;
    if ((m = /^\/s\/([A-Za-z0-9_-]+)\/report\/?$/.exec(path))) return reportView(m[1]);
    if ((m = /^\/s\/([A-Za-z0-9_-]+)\/?$/.exec(path))) return chatView(m[1], initial);
    return startView();
  }

  function navigate(path, initial) {
    if (path !== location.pathname) history.pushState(null, '', path);
    route(initial);
    window.scrollTo(0, 0);
    focusHeading();
  }

  function focusHeading() {
    // Keep focus a view has already placed (the chat focuses its answer box).
    if (document.activeElement && document.activeElement !== document.body && main.contains(document.activeElement)) return;
    const h = main.querySelector('h1');
    if (h) {
      h.tabIndex = -1;
      h.focus({ preventScroll: true });
    }
  }

  window.addEventListener('popstate', () => route());

  // Same-origin page links navigate without a reload.
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey ||
        event.shiftKey || event.altKey) return;
    const a = event.target.closest && event.target.closest('a[href]');
    if (!a || a.hasAttribute('download') || (a.target && a.target !== '_self')) return;
    const url = new URL(a.href, location.href);
    if (url.origin !== location.origin) return;
    if (!/^\/(s\/[A-Za-z0-9_-]+(\/report)?\/?)?$/.test(url.pathname)) return;
    if (url.hash && url.pathname === location.pathname) return;
    event.preventDefault();
    navigate(url.pathname);
  });

  function setTitle(text) {
    document.title = text ? text + ' · interview-bot' : 'interview-bot';
  }

  // An error alert (role="alert", data-testid="error"), hidden while empty.
  function errorBox() {
    const box = el('div', { class: 'alert', role: 'alert', 'data-testid': 'error', hidden: true });
    return {
      node: box,
      show(error) {
        clear(box);
        const text = typeof error === 'string' ? error : describeError(error);
        box.appendChild(el('span', { class: 'alert-icon', 'aria-hidden': 'true' }, '!'));
        box.appendChild(el('span', { class: 'alert-text' }, text));
        box.hidden = false;
      },
      hide() {
        box.hidden = true;
        clear(box);
      },
    };
  }

  // Only same-origin absolute paths from the server become link targets.
  function safePath(path, fallback) {
    return typeof path === 'string' && /^\/(?![\/\\])[^\s]*$/.test(path) ? path : fallback;
  }

  function linkButton(href, text, attrs) {
    return el('a', Object.assign({ href, class: 'button' }, attrs || {}), text);
  }

  // ---------------------------------------------------------------- start view
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

  // ---------------------------------------------------------------- chat view
  function clockIcon() {
    return svg('svg', { class: 'icon', viewBox: '0 0 16 16', width: '16', height: '16', 'aria-hidden': 'true', focusable: 'false' },
      svg('circle', { cx: '8', cy: '9', r: '5.75', fill: 'none', stroke: 'currentColor', 'stroke-width': '1.5' }),
      svg('path', { d: 'M8 6v3.2l2 1.3M6.5 1.75h3', fill: 'none', stroke: 'currentColor', 'stroke-width': '1.5', 'stroke-linecap': 'round', 'stroke-linejoin': 'round' }));
  }

  const ANSWER_PLACEHOLDER = 'Type your answer…';

  function chatView(id, initial) {
    setTitle('Interview');
    const ctx = { sessionId: id };
    let session = null;
    let lastSeq = 0;
    let busy = false;
    let timer = null;
    let expiredAnnounced = false;

    const errors = errorBox();
    const announcer = el('p', { class: 'visually-hidden', role: 'status' });

    // Header: title, progress, countdown.
    const title = el('h1', { class: 'chat-title' }, 'Interview');
    const progressText = el('span', { class: 'progress-text' }, 'Loading…');
    const progressFill = el('span', { class: 'bar-fill' });
    const progress = el('div', { class: 'progress', 'data-testid': 'progress', role: 'progressbar',
                                 'aria-valuemin': '0', 'aria-valuemax': '1', 'aria-valuenow': '0',
                                 'aria-label': 'Interview progress' },
      progressText, el('span', { class: 'bar bar--progress', 'aria-hidden': 'true' }, progressFill));
    const stateTag = el('span', { class: 'tag tag--followup', hidden: true }, 'Follow-up');
    const countdownLabel = el('span', { class: 'countdown-label' }, 'Time left');
    const countdownValue = el('span', { class: 'countdown-value' }, '--:--');
    const countdown = el('div', { class: 'countdown', role: 'timer', 'data-testid': 'countdown', hidden: true,
                                  'aria-label': 'Time left for this question' },
      clockIcon(), countdownLabel, ' ', countdownValue);
    const header = el('div', { class: 'session-bar' },
      el('div', { class: 'session-bar-inner wrap' },
        el('div', { class: 'session-heading' }, title, stateTag),
        el('div', { class: 'session-status' }, progress, countdown)));

    const list = el('ol', { class: 'messages', 'data-testid': 'messages', 'aria-live': 'polite',
                            'aria-relevant': 'additions', 'aria-label': 'Interview transcript' });
    const typing = el('div', { class: 'typing', hidden: true, 'aria-hidden': 'true' },
      el('span', { class: 'dots' }, el('span'), el('span'), el('span')),
      el('span', { class: 'typing-text' }, 'Thinking…'));

    // Composer.
    const textarea = el('textarea', {
      id: 'answer', name: 'answer', rows: '3', 'data-testid': 'answer-input',
      'aria-describedby': 'answer-help answer-count', spellcheck: 'true',
      placeholder: ANSWER_PLACEHOLDER,
    });
    const counter = el('span', { id: 'answer-count', class: 'counter' });
    const sendButton = el('button', { type: 'submit', class: 'button button--primary send', 'data-testid': 'send-button' },
      'Send');
    const cmd = (name, label, testid, help, extraClass) => {
      const b = el('button', { type: 'button', class: ['button', 'button--small', 'cmd', extraClass], 'data-testid': testid,
                               title: help }, label);
      if (name === 'model') {
        clear(b);
        b.append('Model', el('span', { class: 'cmd-extra' }, ' answer'));
      }
      b.addEventListener('click', () => send({ command: name }, label));
      return b;
    };
    const commands = [
      cmd('hint', 'Hint', 'cmd-hint', 'Show the framework for this question (caps its score at 7/10)'),
      cmd('skip', 'Skip', 'cmd-skip', 'Skip this question or follow-up (a skipped question scores 0)'),
      cmd('repeat', 'Repeat', 'cmd-repeat', 'Show the current question again'),
      cmd('model', 'Model answer', 'cmd-model', 'Show the model answer (after your answer is scored)'),
      cmd('end', 'End', 'cmd-end', 'End the interview now and see the report', 'cmd--end'),
    ];
    const composerForm = el('form', { class: 'composer-form', 'aria-label': 'Your answer', novalidate: true },
      el('label', { for: 'answer', class: 'visually-hidden' }, 'Your answer'),
      el('div', { class: 'composer-main' }, textarea, sendButton),
      el('div', { class: 'composer-actions' },
        el('div', { class: 'commands', role: 'group', 'aria-label': 'Commands' }, commands),
        el('p', { class: 'composer-meta' },
          counter,
          el('span', { id: 'answer-help', class: 'composer-help' },
            el('kbd', null, 'Enter'), ' to send · ', el('kbd', null, 'Shift'), '+', el('kbd', null, 'Enter'), ' new line'))));
    const probeText = el('span', { class: 'dock-probe-text' });
    const probeButton = el('button', { type: 'button', class: 'dock-probe', hidden: true,
                                       title: 'Show the follow-up question in the transcript' },
      el('span', { class: 'dock-probe-inner' }, el('span', { class: 'tag tag--followup' }, 'Follow-up'), ' ', probeText));
    let probeNode = null;
    probeButton.addEventListener('click', () => {
      if (probeNode) probeNode.scrollIntoView({ block: 'center', behavior: IB.reducedMotion() ? 'auto' : 'smooth' });
      textarea.focus({ preventScroll: true });
    });
    const composer = el('div', { class: 'composer' }, probeButton, composerForm);
    const finished = el('div', { class: 'finished-panel', hidden: true });
    const dock = el('div', { class: 'dock' }, el('div', { class: 'dock-inner wrap' }, errors.node, composer, finished));

    main.appendChild(el('div', { class: 'page--chat' }, header, el('div', { class: 'chat-body wrap' }, list, typing), dock, announcer));

    // Draft persistence: an answer in progress survives a reload.
    const draftKey = 'interview-bot.draft.' + id;
    textarea.value = IB.store.get(draftKey) || '';
    textarea.addEventListener('input', () => {
      if (textarea.value) IB.store.set(draftKey, textarea.value);
      else IB.store.remove(draftKey);
      updateCounter();
      autosize();
    });
    textarea.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
        event.preventDefault();
        composerForm.requestSubmit ? composerForm.requestSubmit() : submitAnswer();
      }
    });
    composerForm.addEventListener('submit', (event) => {
      event.preventDefault();
      submitAnswer();
    });

    function autosize() {
      textarea.style.height = 'auto';
      const max = Math.max(120, Math.round(window.innerHeight * 0.35));
      textarea.style.height = Math.min(max, textarea.scrollHeight + 2) + 'px';
    }

    function updateCounter() {
      const n = IB.codePoints(textarea.value);
      const left = IB.MAX_ANSWER_CHARS - n;
      counter.classList.toggle('counter--over', left < 0);
      counter.classList.toggle('counter--near', left >= 0 && left <= 2000);
      if (left < 0) counter.textContent = (-left).toLocaleString() + ' characters over the limit';
      else if (left <= 2000) counter.textContent = left.toLocaleString() + ' characters left';
      else counter.textContent = '';
    }

    function setBusy(value, label) {
      busy = value;
      textarea.disabled = value;
      sendButton.disabled = value;
      for (const b of commands) b.disabled = value;
      composer.classList.toggle('is-busy', value);
      list.setAttribute('aria-busy', value ? 'true' : 'false');
      typing.hidden = !value;
      typing.querySelector('.typing-text').textContent = label || 'Thinking…';
      if (value) announcer.textContent = label || '';
    }

    function submitAnswer() {
      if (busy) return;
      const text = textarea.value;
      if (!text.trim()) {
        errors.show('Type your answer first, or use one of the commands below.');
        textarea.focus();
        return;
      }
      const over = IB.codePoints(text) - IB.MAX_ANSWER_CHARS;
      if (over > 0) {
        errors.show('Your answer is ' + over.toLocaleString() + ' characters over the 20,000-character limit. Please shorten it; nothing was sent.');
        textarea.focus();
        return;
      }
      send({ text }, null);
    }

    function pendingBubble(body, label) {
      const isText = body.text !== undefined;
      return el('li', { class: ['msg', 'msg--candidate', 'msg--pending', isText ? 'msg--answer' : 'msg--command'], 'aria-hidden': 'true' },
        el('p', { class: 'msg-meta' }, el('span', { class: 'msg-who' }, 'You'), el('span', null, 'sending…')),
        el('div', { class: 'bubble' }, isText ? el('p', { class: 'answer-plain' }, body.text)
          : el('span', { class: 'command-chip' }, label)));
    }

    async function send(body, label) {
      if (busy || !session || session.state === 'finished') return;
      errors.hide();
      const pending = pendingBubble(body, label);
      list.appendChild(pending);
      const scoring = body.text !== undefined;
      // The answer moves into the pending bubble; it comes back to the box if the send fails
      // (the draft in localStorage is only dropped once the server has the answer).
      if (scoring) {
        textarea.value = '';
        updateCounter();
        autosize();
      }
      setBusy(true, scoring ? 'Scoring your answer…' : 'One moment…');
      // The dock is sticky at the end of the page: scrolled to the bottom, the pending
      // bubble and the typing indicator sit just above it.
      window.scrollTo({ top: document.documentElement.scrollHeight, behavior: IB.reducedMotion() ? 'auto' : 'smooth' });
      let added = [];
      try {
        const res = await api('POST', '/api/sessions/' + encodeURIComponent(id) + '/messages', body);
        pending.remove();
        added = appendMessages(res.messages || [], true);
        if (res.session) applySession(res.session);
        if (scoring) IB.store.remove(draftKey);
      } catch (e) {
        pending.remove();
        if (scoring && !textarea.value) textarea.value = body.text;
        updateCounter();
        autosize();
        errors.show(e);
        if (e.code === 'interview_ended' || e.code === 'unknown_session') reload();
      } finally {
        setBusy(false);
        announcer.textContent = '';
      }
      const firstBot = added.find((n) => n.classList.contains('msg--bot'));
      if (firstBot) firstBot.scrollIntoView({ block: 'start', behavior: IB.reducedMotion() ? 'auto' : 'smooth' });
      focusInput();
    }

    function focusInput() {
      if (session && session.state === 'finished') {
        const link = finished.querySelector('[data-testid="report-link"]');
        if (link) link.focus({ preventScroll: true });
      } else {
        textarea.focus({ preventScroll: true });
      }
    }

    function appendMessages(messages, animate) {
      const nodes = [];
      for (const m of messages) {
        if (IB.num(m.seq) && m.seq <= lastSeq) continue;
        if (IB.num(m.seq)) lastSeq = m.seq;
        const node = IB.renderMessage(m, ctx);
        if (animate) node.classList.add('msg--new');
        list.appendChild(node);
        if (m.kind === 'follow_up') {
          probeNode = node;
          probeText.textContent = m.text || '';
        }
        nodes.push(node);
      }
      return nodes;
    }

    function applySession(s) {
      session = Object.assign({}, session || {}, s);
      const name = session.name ? String(session.name) : '';
      title.textContent = name ? name + '’s interview' : 'Interview';
      setTitle(name ? name + '’s interview' : 'Interview');
      const p = session.progress || {};
      const total = IB.num(p.total) ? p.total : 0;
      const answered = IB.num(p.answered) ? p.answered : 0;
      const index = IB.num(p.index) ? p.index : 0;
      const done = session.state === 'finished';
      progressText.textContent = done
        ? 'Finished · ' + answered + ' of ' + total + ' done'
        : 'Question ' + Math.min(index + 1, Math.max(total, 1)) + ' of ' + total;
      progressFill.style.width = (total ? (answered / total) * 100 : 0).toFixed(1) + '%';
      progress.setAttribute('aria-valuemax', String(Math.max(total, 1)));
      progress.setAttribute('aria-valuenow', String(answered));
      progress.setAttribute('aria-valuetext', progressText.textContent + ', ' + answered + ' answered');
      stateTag.hidden = session.state !== 'follow_up';
      probeButton.hidden = session.state !== 'follow_up' || !probeText.textContent;
      for (const b of commands) {
        if (b.dataset.testid === 'cmd-skip') {
          b.title = session.state === 'follow_up' ? 'Skip the follow-up and move on' : 'Skip this question (it scores 0)';
        }
      }
      textarea.placeholder = session.state === 'follow_up'
        ? 'Answer the follow-up, or press Skip to move on…'
        : ANSWER_PLACEHOLDER;
      updateCountdown();
      if (done) showFinished();
    }

    function showFinished() {
      composer.hidden = true;
      stopTimer();
      countdown.hidden = true;
      const links = session.links || {};
      const overall = IB.num(session.overall) ? session.overall : null;
      clear(finished);
      finished.appendChild(el('div', { class: 'finished-text' },
        el('p', { class: 'finished-title' }, 'This interview is finished.'),
        el('p', { class: 'finished-sub' }, overall !== null
          ? 'Overall score ' + score1(overall) + '/10. The report has every score, the gaps to study and the full transcript.'
          : 'No question was answered. The report still has the transcript.')));
      finished.appendChild(el('div', { class: 'finished-actions' },
        linkButton(safePath(links.report, '/s/' + id + '/report'), 'View your report',
          { class: 'button button--primary', 'data-testid': 'report-link' }),
        linkButton('/', 'New interview', { class: 'button button--ghost' })));
      finished.hidden = false;
    }

    // ---- countdown ----
    function stopTimer() {
      if (timer) clearInterval(timer);
      timer = null;
    }
    onLeave(stopTimer);

    function updateCountdown() {
      const cur = session && session.current;
      const limit = cur && IB.num(cur.time_limit_minutes) ? cur.time_limit_minutes : 0;
      const askedAt = cur ? Date.parse(cur.asked_at) : NaN;
      if (!limit || Number.isNaN(askedAt) || session.state !== 'answering') {
        countdown.hidden = true;
        stopTimer();
        return;
      }
      countdown.hidden = false;
      const deadline = askedAt + limit * 60000;
      const key = cur.id + '@' + cur.asked_at;
      if (countdown.dataset.key !== key) {
        countdown.dataset.key = key;
        expiredAnnounced = false;
      }
      const tick = () => {
        const left = deadline - IB.now();
        const expired = left <= 0;
        countdownValue.textContent = IB.mmss(left);
        countdownLabel.textContent = expired ? 'Time’s up' : 'Time left';
        countdown.classList.toggle('countdown--expired', expired);
        countdown.classList.toggle('countdown--low', !expired && left <= 60000);
        countdown.setAttribute('data-expired', expired ? 'true' : 'false');
        countdown.title = expired ? 'The time limit has passed. You can still send your answer.' : '';
        if (expired && !expiredAnnounced) {
          expiredAnnounced = true;
          announcer.textContent = 'Time is up for this question. You can still send your answer.';
        }
        if (expired) stopTimer();
      };
      tick();
      if (!timer && deadline - IB.now() > 0) timer = setInterval(tick, 1000);
    }

    // ---- load ----
    function load(view) {
      applySession(view);
      clear(list);
      lastSeq = 0;
      appendMessages(view.messages || []);
      list.hidden = false;
      updateCounter();
      autosize();
      if (session.state !== 'finished') textarea.focus({ preventScroll: true });
      // Show the latest exchange: the last question, or the end of the transcript.
      const items = Array.from(list.children);
      const lastItem = items[items.length - 1];
      const lastQuestion = items.filter((n) => n.classList.contains('msg--question')).pop();
      if (lastItem && lastQuestion && lastItem === lastQuestion && items.length > 3) {
        lastQuestion.scrollIntoView({ block: 'start' });
      } else if (lastItem && items.length > 3) {
        window.scrollTo(0, document.documentElement.scrollHeight);
      }
    }

    function reload() {
      return api('GET', '/api/sessions/' + encodeURIComponent(id)).then((view) => {
        load(view);
      });
    }

    if (initial && initial.id === id && Array.isArray(initial.messages)) {
      load(initial);
    } else {
      setBusy(true, 'Loading the interview…');
      typing.hidden = true;
      reload().catch((e) => {
        header.hidden = true;
        dock.hidden = true;
        list.hidden = true;
        main.querySelector('.page--chat').prepend(notFound(e));
      }).finally(() => {
        setBusy(false);
        if (session && session.state !== 'finished') textarea.focus({ preventScroll: true });
      });
    }

    const onResize = () => autosize();
    window.addEventListener('resize', onResize);
    onLeave(() => window.removeEventListener('resize', onResize));
  }

  function notFound(e) {
    const box = errorBox();
    box.show(e);
    const missing = e && (e.status === 404);
    return el('section', { class: 'card empty-state' },
      el('h1', null, missing ? 'We could not find that interview' : 'The interview could not be loaded'),
      box.node,
      el('div', { class: 'form-actions' },
        missing ? null : el('button', { type: 'button', class: 'button', on: { click: () => route() } }, 'Try again'),
        linkButton('/', 'Start a new interview', { class: 'button button--primary' })));
  }

  // ---------------------------------------------------------------- report view
  const STATUS_LABEL = { scored: 'Scored', skipped: 'Skipped', pending: 'Not reached', asked: 'Not answered' };

  function reportView(id) {
    setTitle('Report');
    const page = el('div', { class: 'page page--report' },
      el('p', { class: 'loading' }, 'Loading the report…'));
    main.appendChild(page);
    const base = '/api/sessions/' + encodeURIComponent(id);
    api('GET', base + '/report.json').then((report) => {
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

  route();
})();
