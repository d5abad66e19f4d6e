import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from "@angular/core";
import type { Assessment, Lang } from "messenger-check";
// Registers <messenger-check>. Its .wasm is copied by the `assets` entry in angular.json:
// Angular's builder does not copy files that code refers to with `new URL(…, import.meta.url)`.
import "messenger-check/element";

@Component({
  selector: "app-root",
  // <messenger-check> is a custom element, not an Angular component.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <main>
      <h1>Messenger-Check in Angular</h1>
      <button id="switch-lang" type="button" (click)="toggleLang()">{{ lang() === "de" ? "English" : "Deutsch" }}</button>
      <p>Score: <output id="score-element">{{ score() ?? "–" }}</output></p>
      <messenger-check [lang]="lang()" theme="light" [answers]="{ sector: 'trade' }" [catalog]="catalog" (change)="onChange($event)"></messenger-check>
    </main>
  `,
})
export class App {
  readonly lang = signal<Lang>("de");
  readonly score = signal<number | null>(null);
  // A call to action to the consultancy's contact page (catalog overrides are a property).
  readonly catalog = { call_to_action: { label: { de: "Beratung anfragen", en: "Ask for advice" }, url: "/kontakt" } };

  toggleLang(): void {
    this.lang.update((lang) => (lang === "de" ? "en" : "de"));
  }

  onChange(event: Event): void {
    this.score.set((event as CustomEvent<Assessment>).detail.score);
  }
}
