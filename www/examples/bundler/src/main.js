// An app that uses messenger-check through a bundler: the package from npm, bundled by esbuild.
import { mount, evaluate } from "messenger-check";
import "messenger-check/element";

const widget = await mount(document.getElementById("check"), {
  lang: "en",
  theme: { scheme: "light", accent: "#0b5d3b" },
  onChange: (assessment) => {
    document.getElementById("my-score").textContent = String(assessment.score);
  },
});

// evaluate() without a widget: e.g. to pre-compute a result for a landing page.
const worst = await evaluate(
  {
    sector: "trade",
    audience: ["customers"],
    messenger: "whatsapp",
    device: "private_phone",
    contact_access: "granted",
    address_book: "mixed",
    consent: "none",
    content: ["personal_data", "special_categories"],
    chat_backup: "cloud",
    media_autosave: "on",
    usage_policy: "none",
  },
  { lang: "en" },
);
document.getElementById("worst").textContent = `${worst.score} (${worst.band_label})`;

window.messengerCheck = widget;
