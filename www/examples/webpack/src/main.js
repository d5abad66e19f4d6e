import { mount } from "messenger-check";
import "messenger-check/element";

const element = document.querySelector("messenger-check");
const button = document.getElementById("switch-lang");

// The element: answers to start with, and its change event.
element.answers = { sector: "trade" };
element.addEventListener("change", (event) => (document.getElementById("score-element").textContent = String(event.detail.score)));

// mount(): resolves once the widget is complete.
const widget = await mount(document.querySelector(".messenger-check"), {
  lang: "de",
  onChange: (assessment) => (document.getElementById("score-mount").textContent = String(assessment.score)),
});

button.addEventListener("click", () => {
  const lang = element.getAttribute("lang") === "de" ? "en" : "de";
  element.setAttribute("lang", lang);
  widget.setLang(lang);
  button.textContent = lang === "de" ? "English" : "Deutsch";
});
