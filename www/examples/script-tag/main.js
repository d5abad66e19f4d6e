// The widget from a plain <script type="module">. Path: where the npm package is served.
import { mount } from "../../node_modules/messenger-check/index.js";

const status = document.getElementById("status");

const widget = await mount(document.getElementById("check"), {
  lang: "de",
  // Prefilled answers: question id -> option id (a list for `audience` and `content`).
  answers: { sector: "health", audience: ["customers"] },
  // Overrides: own wording, which alternatives to recommend, a call to action.
  catalog: {
    texts: { de: { "ui.title": "Unser Messenger-Check für Praxen" } },
    alternatives: { recommend: ["threema_work", "wire"] },
    call_to_action: { label: { de: "Beratung anfragen", en: "Ask for advice" }, url: "/kontakt" },
  },
  // scheme "auto": light or dark as this page's color-scheme says (it declares none: light).
  theme: { scheme: "auto", accent: "#16324f", radius: "4px", font: "Georgia, serif" },
  onChange(assessment) {
    status.textContent = `${assessment.score} / 100 (${assessment.band_label})`;
  },
});

// The handle, for the page's own controls or for a test.
window.messengerCheck = widget;
