// interview-bot page: the chat view (questions, answers, scores, follow-ups, timer).
'use strict';

(function () {
  const IB = window.IB;
  const { el, svg, clear, api, score1 } = IB;
  const { main, onLeave, setTitle, errorBox, safePath, linkButton, notFound } = IB.page;

  function clockIcon() {
    return svg('svg', { class: 'icon', viewBox: '0 0 16 16', width: '16', height: '16', 'aria-hidden': 'true', focusable: 'false' },
      svg('circle', { cx: '8', cy: '9', r: '5.75', fill: 'none', stroke: 'currentColor', 'stroke-width': '1.5' }),
      svg('path', { d: 'M8 6v3.2l2 1.3M6.5 1.75h3', fill: 'none', stroke: 'currentColor', 'stroke-width': '1.5', 'stroke-linecap': 'round', 'stroke-linejoin': 'round' }));
  }

  const ANSWER_PLACEHOLDER = 'Type your answer…';
  const MAC = /Mac|iPhone|iPad/.test(navigator.platform || '');
  const SEND_KEY = MAC ? '⌘' : 'Ctrl';

  // The bar above the transcript: the interview's title (also the page's), progress, the
  // follow-up tag and the question's countdown. `announce` speaks the time-up notice to screen readers.
  function sessionBar(announce) {
    let timer = null;
    let expiredAnnounced = false;
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
    onLeave(stop);

    function stop() {
      if (timer) clearInterval(timer);
      timer = null;
      countdown.hidden = true;
    }

    function updateCountdown(session) {
      const cur = session.current;
      const limit = cur && IB.num(cur.time_limit_minutes) ? cur.time_limit_minutes : 0;
      const askedAt = cur ? Date.parse(cur.asked_at) : NaN;
      if (!limit || Number.isNaN(askedAt) || session.state !== 'answering') {
        stop();
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
          announce('Time is up for this question. You can still send your answer.');
        }
        if (expired && timer) {
          clearInterval(timer);
          timer = null;
        }
      };
      tick();
      if (!timer && deadline - IB.now() > 0) timer = setInterval(tick, 1000);
    }

    function apply(session) {
      const name = session.name ? String(session.name) : '';
      title.textContent = name ? name + '’s interview' : 'Interview';
      setTitle(title.textContent);
      const p = session.progress || {};
      const total = IB.num(p.total) ? p.total : 0;
      const answered = IB.num(p.answered) ? p.answered : 0;
      const index = IB.num(p.index) ? p.index : 0;
      progressText.textContent = session.state === 'finished'
        ? 'Finished · ' + answered + ' of ' + total + ' done'
        : 'Question ' + Math.min(index + 1, Math.max(total, 1)) + ' of ' + total;
      progressFill.style.width = (total ? (answered / total) * 100 : 0).toFixed(1) + '%';
      progress.setAttribute('aria-valuemax', String(Math.max(total, 1)));
      progress.setAttribute('aria-valuenow', String(answered));
      progress.setAttribute('aria-valuetext', progressText.textContent + ', ' + answered + ' answered');
      stateTag.hidden = session.state !== 'follow_up';
      updateCountdown(session);
    }

    return { node: header, apply, stop };
  }

  function chatView(id, initial) {
    setTitle('Interview');
    const ctx = { sessionId: id };
    let session = null;
    let lastSeq = 0;
    let busy = false;

    const errors = errorBox();
    const announcer = el('p', { class: 'visually-hidden', role: 'status' });

    const bar = sessionBar((text) => { announcer.textContent = text; });

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
      b.addEventListener('click', async () => {
        if (!(await confirmCommand(name))) return;
        send({ command: name }, label);
      });
      return b;
    };
    const commands = [
      cmd('hint', 'Hint', 'cmd-hint', 'Show the framework for this question (caps its score at 7/10)'),
      cmd('skip', 'Skip', 'cmd-skip', 'Skip this question or follow-up (a skipped question scores 0)'),
      cmd('repeat', 'Repeat', 'cmd-repeat', 'Show the current question again'),
      cmd('model', 'Model answer', 'cmd-model', 'Show the model answer of the last question you closed'),
      cmd('retry', 'Retry', 'cmd-retry', 'Answer the last question you closed again; its score stays the first one'),
      cmd('end', 'End', 'cmd-end', 'End the interview now and see the report', 'cmd--end'),
    ];
    const composerForm = el('form', { class: 'composer-form', 'aria-label': 'Your answer', novalidate: true },
      el('label', { for: 'answer', class: 'visually-hidden' }, 'Your answer'),
      el('div', { class: 'composer-main' }, textarea, sendButton),
      el('div', { class: 'composer-actions' },
        el('div', { class: 'commands', role: 'group', 'aria-label': 'Commands' }, commands),
        el('p', { class: 'composer-meta' },
          counter,
          el('span', { id: 'answer-help', class: 'composer-help', 'data-testid': 'answer-help' },
            el('kbd', null, 'Enter'), ' new line · ', el('kbd', null, SEND_KEY), '+', el('kbd', null, 'Enter'), ' to send'))));
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

    main.appendChild(el('div', { class: 'page--chat' }, bar.node, el('div', { class: 'chat-body wrap' }, list, typing), dock, announcer));

    // Draft persistence: an answer in progress survives a reload.
    const draftKey = 'interview-bot.draft.' + id;
    textarea.value = IB.store.get(draftKey) || '';
    textarea.addEventListener('input', () => {
      if (textarea.value) IB.store.set(draftKey, textarea.value);
      else IB.store.remove(draftKey);
      updateCounter();
      autosize();
    });
    // Enter makes a new line, as in any text box; Ctrl+Enter (Cmd+Enter on a Mac) sends.
    textarea.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.isComposing) {
        event.preventDefault();
        composerForm.requestSubmit ? composerForm.requestSubmit() : submitAnswer();
      }
    });
    const voice = IB.voice ? IB.voice.attach({ textarea, after: composerForm, onText: () => {
      updateCounter();
      autosize();
      if (textarea.value) IB.store.set(draftKey, textarea.value);
    } }) : null;
    if (voice) onLeave(voice.stop);

    // End, and a skip that would end the interview, cannot be undone: ask first.
    function confirmCommand(name) {
      if (!session) return Promise.resolve(false);
      const p = session.progress || {};
      const last = IB.num(p.index) && IB.num(p.total) && p.index + 1 >= p.total;
      if (name === 'end') {
        return IB.confirmAction({ title: 'End the interview now?', danger: true,
          body: 'Questions you have not answered will not be scored. You will see your report.',
          confirmLabel: 'End interview', cancelLabel: 'Keep going' });
      }
      if (name === 'skip' && last && !session.retrying) {
        return IB.confirmAction({ title: 'Skip the last question?', danger: true,
          body: session.state === 'follow_up'
            ? 'Skipping this follow-up ends the interview.'
            : 'This is the last question: skipping it scores it 0 and ends the interview.',
          confirmLabel: 'Skip and finish', cancelLabel: 'Keep going' });
      }
      return Promise.resolve(true);
    }
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
      if (busy || !session) return;
      const afterEnd = body.command === 'model' || body.command === 'retry' || session.retrying;
      if (session.state === 'finished' && !afterEnd) return;
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
        if (scoring && voice) voice.reset();
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
      if (session && session.state === 'finished' && !session.retrying) {
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
      bar.apply(session);
      probeButton.hidden = session.state !== 'follow_up' || !probeText.textContent;
      for (const b of commands) {
        if (b.dataset.testid === 'cmd-skip') {
          b.title = session.state === 'follow_up' ? 'Skip the follow-up and move on' : 'Skip this question (it scores 0)';
        }
      }
      // The model answer and a retry are about a closed question: offered once there is one.
      const p = session.progress || {};
      const closed = (session.questions || []).some((q, i) => (q.status === 'scored' || q.status === 'skipped') &&
        !(session.state === 'follow_up' && i === p.index));
      for (const b of commands) {
        const name = b.dataset.testid;
        if (name === 'cmd-model') b.hidden = !closed;
        if (name === 'cmd-retry') b.hidden = !closed || !!session.retrying;
        if (name === 'cmd-hint' || name === 'cmd-end') b.hidden = session.state === 'finished';
      }
      textarea.placeholder = session.retrying ? 'Your new attempt at this question…'
        : session.state === 'follow_up' ? 'Answer the follow-up, or press Skip to move on…'
          : ANSWER_PLACEHOLDER;
      if (session.state === 'finished' && !session.retrying) showFinished();
      else if (session.state === 'finished') {
        finished.hidden = true;
        composer.hidden = false;
      }
    }

    function showFinished() {
      composer.hidden = true;
      bar.stop();
      const links = session.links || {};
      const overall = IB.num(session.overall) ? session.overall : null;
      clear(finished);
      finished.appendChild(el('div', { class: 'finished-text' },
        el('p', { class: 'finished-title' }, 'This interview is finished.'),
        el('p', { class: 'finished-sub' }, overall !== null
          ? 'Overall score ' + score1(overall) + '/10. The report has every score, the gaps to study and the full transcript.'
          : 'No question was answered. The report still has the transcript.')));
      const closed = (session.questions || []).some((q) => q.status === 'scored' || q.status === 'skipped');
      const after = (name, text, testid) => el('button', { type: 'button', class: 'button button--ghost', 'data-testid': testid,
                                                   on: { click: () => send({ command: name }, text) } }, text);
      finished.appendChild(el('div', { class: 'finished-actions' },
        linkButton(safePath(links.report, '/s/' + id + '/report'), 'View your report',
          { class: 'button button--primary', 'data-testid': 'report-link' }),
        closed ? after('model', 'Model answer', 'finished-model') : null,
        closed ? after('retry', 'Retry the last question', 'finished-retry') : null,
        linkButton('/', 'New interview', { class: 'button button--ghost' })));
      finished.hidden = false;
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
      if (session.state !== 'finished' || session.retrying) textarea.focus({ preventScroll: true });
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
        bar.node.hidden = true;
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

  IB.views = IB.views || {};
  IB.views.chat = chatView;
})();
