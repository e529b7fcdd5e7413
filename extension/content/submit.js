// Pause-and-confirm: when the user presses Post/Kirim/Bagikan (or Enter in a comment box) while
// the field has findings at the enforcement level, hold that one event and ask. "Tetap kirim"
// replays it; "Kembali menyunting" returns to the field.
(() => {
  const { isSubmitControl, controlOwnsField, submitsOnEnter } = globalThis.BijakAdapters;

  // hooks: {activeField(), site, blocking(field) -> findings[], confirm(findings, anchor, onSend)}
  function installSubmitGuard(hooks) {
    let bypass = false;

    function hold(event, field, replay, anchorEl) {
      if (bypass) {
        bypass = false;
        return;
      }
      const findings = hooks.blocking(field);
      if (!findings.length) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      hooks.confirm(findings, anchorEl.getBoundingClientRect(), () => {
        bypass = true;
        replay();
        bypass = false;
      });
    }

    function onKeydown(event) {
      if (event.key !== "Enter" || event.shiftKey || event.isComposing || event.keyCode === 229) return;
      const field = hooks.activeField();
      if (!field || !field.contains(event.target) && event.target !== field) return;
      if (!submitsOnEnter(field, hooks.site)) return;
      const init = { key: "Enter", code: "Enter", keyCode: 13, which: 13, bubbles: true,
        cancelable: true, composed: true };
      hold(event, field, () => {
        field.focus();
        field.dispatchEvent(new KeyboardEvent("keydown", init));
        field.dispatchEvent(new KeyboardEvent("keyup", init));
      }, field);
    }

    function onClick(event) {
      if (!event.isTrusted) return;
      const control = isSubmitControl(event.target);
      const field = hooks.activeField();
      if (!control || !field || !controlOwnsField(control, field)) return;
      hold(event, field, () => control.click(), control);
    }

    function onSubmit(event) {
      const field = hooks.activeField();
      if (!field || !event.target.contains(field)) return;
      hold(event, field, () => event.target.requestSubmit(), field);
    }

    window.addEventListener("keydown", onKeydown, true);
    window.addEventListener("click", onClick, true);
    window.addEventListener("submit", onSubmit, true);
  }

  globalThis.BijakSubmit = { installSubmitGuard };
})();
