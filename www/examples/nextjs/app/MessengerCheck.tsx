"use client";
// <messenger-check> in a client component. The server renders the element's tag with its string
// attributes (lang, theme); in the browser the element registers itself and the widget starts.
// Objects (answers, catalog) are properties: set them through the ref in an effect. React 19
// sets an object prop on a custom element when it renders in the browser, but not when it
// hydrates server-rendered HTML, which is how every Next.js page starts. Importing
// "messenger-check/element" on the server is safe (it registers nothing there).
import { useEffect, useRef, useState } from "react";
import type { Assessment, Lang } from "messenger-check";
import "messenger-check/element";
import type { MessengerCheckElement } from "messenger-check/element";
import type {} from "messenger-check/react";

const answers = { sector: "trade" } as const;

export function MessengerCheck() {
  const [lang, setLang] = useState<Lang>("de");
  const [score, setScore] = useState<number | null>(null);
  const element = useRef<MessengerCheckElement>(null);

  useEffect(() => {
    const el = element.current!;
    el.answers = answers;
    const onChange = (event: CustomEvent<Assessment>) => setScore(event.detail.score);
    el.addEventListener("change", onChange);
    return () => el.removeEventListener("change", onChange);
  }, []);

  return (
    <>
      <button type="button" id="switch-lang" onClick={() => setLang(lang === "de" ? "en" : "de")}>
        {lang === "de" ? "English" : "Deutsch"}
      </button>
      <p>
        Score: <output id="score-element">{score ?? "–"}</output>
      </p>
      <messenger-check ref={element} lang={lang} theme="light" />
    </>
  );
}
