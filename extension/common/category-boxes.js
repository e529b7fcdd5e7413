// Category checkboxes, shared by the popup and the options page. A category that agency policy
// switches off is shown unticked and locked.
(() => {
  function renderCategoryBoxes(box, settings, policy, lang, onChange) {
    const { categoryLabel } = globalThis.BijakI18n;
    box.replaceChildren();
    for (const id of globalThis.BijakSettings.CATEGORIES) {
      const label = document.createElement("label");
      const input = document.createElement("input");
      input.type = "checkbox";
      input.dataset.category = id;
      const lockedOff = policy.config?.categories?.[id] === false;
      input.checked = !lockedOff && settings.categories[id] !== false;
      input.disabled = lockedOff;
      if (onChange) input.addEventListener("change", () => onChange(id, input.checked));
      label.append(input, categoryLabel(id, lang));
      box.append(label);
    }
  }
  globalThis.BijakCategoryBoxes = { renderCategoryBoxes };
})();
