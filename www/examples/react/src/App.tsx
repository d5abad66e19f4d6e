import { useEffect, useRef, useState } from "react";
import type { Assessment, Lang } from "messenger-check";
// <messenger-check>: registers the element; its JSX types come from "messenger-check/react".
import "messenger-check/element";
import type { MessengerCheckElement } from "messenger-check/element";
import type {} from "messenger-check/react";
import { MessengerCheck } from "./MessengerCheck";

export function App() {
  const [lang, setLang] = useState<Lang>("de");
  const [score, setScore] = useState<number | null>(null);
  const [elementScore, setElementScore] = useState<number | null>(null);
  const element = useRef<MessengerCheckElement>(null);

  // The element's `change` event (its detail is the assessment): with a ref, as for any DOM event.
  useEffect(() => {
    const el = element.current!;
    const onChange = (event: CustomEvent<Assessment>) => setElementScore(event.detail.score);
    el.addEventListener("change", onChange);
    return () => el.removeEventListener("change", onChange);
  }, []);

  return (
    <main>
      <h1>Messenger-Check in React</h1>
      <button type="button" id="switch-lang" onClick={() => setLang(lang === "de" ? "en" : "de")}>
        {lang === "de" ? "English" : "Deutsch"}
      </button>

      <h2>mount() in a component</h2>
      <p>
        Score: <output id="score-mount">{score ?? "–"}</output>
      </p>
      <MessengerCheck lang={lang} onChange={(a) => setScore(a.score)} />

      <h2>The custom element</h2>
      <p>
        Score: <output id="score-element">{elementScore ?? "–"}</output>
      </p>
      {/* A new but equal `answers` object on every render of App: it must not reset the widget. */}
      <messenger-check ref={element} lang={lang} theme="light" answers={{ sector: "trade" }} />
    </main>
  );
}
