// interview-bot page: voice answers, where the browser has speech recognition (Chrome, Edge,
// Safari). A microphone button dictates into the answer box; the page shows words per minute and
// filler words of what was spoken. Where the browser lacks it, nothing is shown. The candidate can
// turn voice off (remembered in localStorage); the page says where the audio goes.
'use strict';

(function () {
  const IB = window.IB;
  const { el } = IB;
  const KEY = 'interview-bot.voice';
  const FILLERS = ['um', 'uh', 'erm', 'er', 'hmm', 'you know', 'i mean', 'basically', 'literally', 'sort of', 'kind of'];

  function recognitionClass() {
    return window.SpeechRecognition || window.webkitSpeechRecognition || null;
  }

  // Filler words and phrases in spoken text, as [[word, count], ...] in list order.
  function fillers(text) {
    const words = ' ' + String(text).toLowerCase().replace(/[^a-z' ]+/g, ' ').replace(/\s+/g, ' ') + ' ';
    const found = [];
    for (const f of FILLERS) {
      const n = words.split(' ' + f + ' ').length - 1;
      if (n) found.push([f, n]);
    }
    return found;
  }

  function wordCount(text) {
    return (String(text).match(/\S+/g) || []).length;
  }

  // opts: {textarea, after (the element the voice bar follows), onText()}. Null without support.
  function attach({ textarea, after, onText }) {
    const Recognition = recognitionClass();
    if (!Recognition) return null;
    let recognition = null;
    let spoken = '';
    let speakingMs = 0;
    let startedAt = 0;

    const mic = el('button', { type: 'button', class: 'button button--small mic', 'data-testid': 'mic-button',
                               'aria-pressed': 'false', title: 'Dictate your answer' },
      el('span', { class: 'mic-icon', 'aria-hidden': 'true' }, '🎤'), el('span', { class: 'mic-label' }, 'Dictate'));
    const toggle = el('button', { type: 'button', class: 'button button--small button--ghost', 'data-testid': 'voice-toggle' });
    const stats = el('p', { class: 'voice-stats', 'data-testid': 'voice-stats', 'aria-live': 'polite', hidden: true });
    const privacy = el('p', { class: 'voice-privacy', 'data-testid': 'voice-privacy' },
      'Dictation uses your browser’s speech service: your voice is sent to the browser’s maker ' +
      '(Google for Chrome, Apple for Safari, Microsoft for Edge) to be turned into text. ' +
      'interview-bot itself only receives the text.');
    const bar = el('div', { class: 'voice-bar', 'data-testid': 'voice-bar' },
      el('div', { class: 'voice-controls' }, mic, toggle), stats, privacy);
    after.insertAdjacentElement('afterend', bar);

    function enabled() { return IB.store.get(KEY) !== 'off'; }
    function render() {
      const on = enabled();
      mic.hidden = !on;
      privacy.hidden = !on;
      stats.hidden = !on || !spoken;
      toggle.textContent = on ? 'Turn voice off' : 'Turn voice on';
      toggle.setAttribute('aria-pressed', on ? 'true' : 'false');
    }
    toggle.addEventListener('click', () => {
      if (enabled()) {
        stop();
        IB.store.set(KEY, 'off');
      } else {
        IB.store.remove(KEY);
      }
      render();
    });

    function showStats() {
      const words = wordCount(spoken);
      const minutes = speakingMs / 60000;
      const wpm = minutes > 0 ? Math.round(words / minutes) : 0;
      const found = fillers(spoken);
      stats.textContent = 'Spoken: ' + IB.plural(words, 'word') + (wpm ? ' · ' + wpm + ' words per minute' : '') +
        ' · filler words: ' + (found.length ? found.map(([w, n]) => w + ' ×' + n).join(', ') : 'none');
      stats.hidden = !spoken;
    }

    function listening(on) {
      mic.setAttribute('aria-pressed', on ? 'true' : 'false');
      mic.classList.toggle('mic--on', on);
      mic.querySelector('.mic-label').textContent = on ? 'Stop dictating' : 'Dictate';
    }

    function start() {
      recognition = new Recognition();
      recognition.lang = document.documentElement.lang || 'en';
      recognition.continuous = true;
      recognition.interimResults = false;
      startedAt = Date.now();
      recognition.onresult = (event) => {
        for (let i = event.resultIndex; i < event.results.length; i++) {
          const result = event.results[i];
          if (!result.isFinal) continue;
          const text = String(result[0] && result[0].transcript || '').trim();
          if (!text) continue;
          const sep = textarea.value && !/\s$/.test(textarea.value) ? ' ' : '';
          textarea.value += sep + text;
          spoken += (spoken ? ' ' : '') + text;
        }
        speakingMs += Date.now() - startedAt;
        startedAt = Date.now();
        showStats();
        onText();
      };
      recognition.onend = () => {
        recognition = null;
        listening(false);
      };
      recognition.onerror = () => {
        stats.hidden = false;
        stats.textContent = 'Dictation stopped: the browser’s speech service is not available.';
      };
      recognition.start();
      listening(true);
    }

    function stop() {
      if (recognition) recognition.stop();
    }

    mic.addEventListener('click', () => (recognition ? stop() : start()));
    render();
    return {
      stop,
      // A sent answer starts the next one's figures afresh.
      reset() {
        spoken = '';
        speakingMs = 0;
        stats.hidden = true;
      },
    };
  }

  IB.voice = { attach, fillers };
})();
