// interview-bot page: a confirmation dialog (a modal <dialog>: focus stays inside, Escape cancels,
// focus returns to where it was). IB.confirmAction({...}) resolves true only when confirmed.
'use strict';

(function () {
  const IB = window.IB;
  const { el } = IB;

  function confirmAction({ title, body, confirmLabel, cancelLabel, danger }) {
    return new Promise((resolve) => {
      const titleId = IB.nextId('dialog-title');
      const bodyId = IB.nextId('dialog-body');
      const returnTo = document.activeElement;
      const cancel = el('button', { type: 'button', class: 'button', 'data-testid': 'dialog-cancel' },
        cancelLabel || 'Cancel');
      const ok = el('button', { type: 'button', class: ['button', danger ? 'button--danger' : 'button--primary'],
                                'data-testid': 'dialog-confirm' }, confirmLabel || 'Confirm');
      const dialog = el('dialog', { class: 'confirm-dialog', 'aria-labelledby': titleId, 'aria-describedby': bodyId,
                                    'data-testid': 'confirm-dialog' },
        el('h2', { id: titleId, class: 'dialog-title' }, title),
        el('p', { id: bodyId, class: 'dialog-body' }, body),
        el('div', { class: 'dialog-actions' }, cancel, ok));
      let answered = false;
      const close = (value) => {
        if (answered) return;
        answered = true;
        if (dialog.open) dialog.close();
        dialog.remove();
        if (returnTo && returnTo.focus && document.contains(returnTo)) returnTo.focus({ preventScroll: true });
        resolve(value);
      };
      cancel.addEventListener('click', () => close(false));
      ok.addEventListener('click', () => close(true));
      dialog.addEventListener('cancel', (event) => { event.preventDefault(); close(false); });
      document.body.appendChild(dialog);
      dialog.showModal();
      cancel.focus();  // the safe choice first
    });
  }

  IB.confirmAction = confirmAction;
})();
