// Registers <messenger-check> and listens to its changes. Path: where the npm package is served.
import "../../node_modules/messenger-check/element.js";

const element = document.querySelector("messenger-check");
const status = document.getElementById("status");

// Optional: overrides as a property (attributes are for strings: lang, theme).
element.catalog = {
  call_to_action: { label: { de: "Beratung bei der Kammer", en: "Ask the chamber" }, url: "/beratung" },
};

element.addEventListener("change", (event) => {
  status.textContent = String(event.detail.score);
});
element.addEventListener("error", (event) => {
  console.error("messenger-check:", event.error);
});
