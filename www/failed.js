// When the WebAssembly cannot start (an old browser, or a policy without 'wasm-unsafe-eval')
// on a page with prerendered screens (index.html, embed.html): the questions stay readable,
// and the note in the page's language says why there is no result. Its text is prerendered
// from the catalog (src/bin/prerender.rs: the hidden `.mc-failed` notes), so it is not copied
// here. Used by boot.js and embed.js.
export function showFailed(host, error) {
  console.error("messenger-check could not start:", error);
  if (!host) return;
  const notes = [...host.querySelectorAll(":scope > .mc-failed")];
  const note = notes.find((n) => n.lang === document.documentElement.lang) || notes[0];
  const p = document.createElement("p");
  p.className = "mc-error";
  p.setAttribute("role", "alert");
  if (note) {
    // Before the screens, which stay: the visitor can still read the questions.
    p.lang = note.lang;
    p.textContent = note.textContent;
    host.insertBefore(p, host.querySelector(":scope > .mc-pre"));
  } else {
    p.textContent =
      "Der Messenger-Check konnte nicht starten. Bitte laden Sie die Seite neu. / " + "The messenger check could not start. Please reload the page.";
    host.replaceChildren(p);
  }
}

/** Resolves after the first paint (or after a short wait in a hidden tab, where frames do not come). */
export function afterFirstPaint() {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 500);
  });
}
