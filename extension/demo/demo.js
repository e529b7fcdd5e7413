// The demo page's own behaviour: posting adds the text to a list (nothing leaves the page).
(() => {
  const textOf = (el) => (el.value ?? el.innerText).replace(/\u00a0/g, " ").trim();
  const reset = (el) => {
    if ("value" in el) el.value = "";
    else el.innerHTML = "<p><br></p>";
  };
  const post = (field, list) => {
    const text = textOf(field);
    if (!text) return;
    const item = document.createElement("li");
    item.textContent = text;
    document.getElementById(list).append(item);
    reset(field);
  };
  const composer = document.querySelector(".fb-composer");
  const comment = document.querySelector(".fb-comment");
  const caption = document.querySelector(".ig-caption");
  const igComment = document.querySelector(".ig-comment-form textarea");
  document.getElementById("fb-post").addEventListener("click", () => post(composer, "fb-posted"));
  document.getElementById("ig-share").addEventListener("click", () => post(caption, "ig-posted"));
  comment.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      post(comment, "fb-posted");
    }
  });
  document.getElementById("ig-comment-form").addEventListener("submit", (event) => {
    event.preventDefault();
    post(igComment, "ig-posted");
  });
  igComment.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      event.target.form.requestSubmit();
    }
  });
})();
