// Types of the messenger-check API. The assessment types mirror engine/src/model.rs and
// schema/assessment.schema.json (the contract); the answer ids are in the package README.

import type { Lang } from "./generated.js";
/** A language of the widget and of the assessment's texts (generated from the wasm). */
export type { Lang } from "./generated.js";
/** The languages, the main one first, with their names in themselves (generated from the wasm). */
export { LANGUAGES, THEME_PROPERTIES } from "./generated.js";

/** Question ids (see the README for what they mean). */
export type QuestionId =
  | "sector"
  | "professional_secrecy"
  | "investment_services"
  | "audience"
  | "broadcast"
  | "messenger"
  | "provider_region"
  | "server_operator"
  | "confidentiality_agreement"
  | "dpa"
  | "device"
  | "contact_access"
  | "address_book"
  | "first_contact"
  | "consent"
  | "content"
  | "chat_backup"
  | "media_autosave"
  | "archiving"
  | "usage_policy"
  | "works_council"
  | "hosting"
  | "budget";

/** Messenger ids: the options of `messenger` and the alternatives. */
export type MessengerId =
  | "whatsapp"
  | "whatsapp_business_app"
  | "whatsapp_business_platform"
  | "threema"
  | "threema_work"
  | "signal"
  | "wire"
  | "telegram"
  | "element"
  | "teams"
  | "slack"
  | "mattermost"
  | "rocketchat"
  | "other"
  | "undecided"
  | (string & {});

/** One answer: an option id, or a list of option ids for the multi questions `audience` and `content`. */
export type Answer = string | string[];

/**
 * Answers: question id to option id (or ids). A missing question is "not answered yet"; an
 * unknown question or option is an Error that names it.
 */
export interface Answers {
  sector?: "trade" | "health" | "legal_tax" | "finance_insurance" | "public_sector" | "other";
  professional_secrecy?: "yes" | "no";
  investment_services?: "yes" | "no";
  audience?: Array<"customers" | "internal" | "partners">;
  broadcast?: "yes" | "yes_consented" | "no";
  messenger?: "whatsapp" | "whatsapp_business_app" | "whatsapp_business_platform" | "threema" | "threema_work" | "signal" | "wire" | "telegram" | "element" | "teams" | "slack" | "mattermost" | "rocketchat" | "other" | "undecided";
  provider_region?: "eu" | "non_eu" | "unknown";
  server_operator?: "own" | "hosting_firm" | "vendor";
  confidentiality_agreement?: "signed" | "none" | "unknown";
  dpa?: "yes" | "no" | "unknown";
  device?: "company_business_only" | "company_private_allowed" | "private_phone" | "dual_sim" | "work_profile";
  contact_access?: "granted" | "denied";
  address_book?: "empty" | "consented_only" | "business_only" | "mixed";
  first_contact?: "customer" | "business";
  consent?: "documented" | "informal" | "none";
  content?: Array<"appointments" | "business_letters" | "personal_data" | "special_categories" | "confidential">;
  chat_backup?: "off" | "cloud" | "unknown";
  media_autosave?: "off" | "on" | "unknown";
  archiving?: "archived" | "none";
  usage_policy?: "written" | "informal" | "none";
  works_council?: "agreement" | "no_agreement" | "none";
  hosting?: "managed" | "self_hosted" | "no_preference";
  budget?: "free" | "small_fee" | "any";
  /** Questions a later catalog version adds. */
  [question: string]: Answer | undefined;
}

/** The risk bands: low 0–12, moderate 13–29, high 30–49, critical 50–100 (meta.json). */
export type Band = "low" | "moderate" | "high" | "critical";

/** A messenger property's value; `unknown` where no source could verify it. */
export type PropValue = "yes" | "no" | "partial" | "optional" | "unknown";

export interface Range {
  min: number;
  max: number;
}

export interface Progress {
  /** Applicable questions with an answer. */
  answered: number;
  /** Questions that apply now. */
  applicable: number;
}

/** A source a factor, measure or messenger fact rests on. */
export interface SourceRef {
  id: string;
  /** In the assessment's language. */
  title: string;
  /** The specific document (never a bare domain), if it has an address. */
  url?: string;
  /** Publication date: YYYY-MM-DD, YYYY-MM or YYYY. */
  date?: string;
  /** When the source was last checked: YYYY-MM-DD (every source with an address has one). */
  checked?: string;
  /** Only secondary sources confirm it (the title says so too); absent when false. */
  reported?: boolean;
  /** `seed` (one of the source articles), `law`, `court`, `authority`, `vendor`, `press`, `secondary` (an article by a named publisher). */
  kind: "seed" | "law" | "court" | "authority" | "vendor" | "press" | "secondary" | (string & {});
}

/** A risk factor that holds for these answers. */
export interface Factor {
  id: string;
  points: number;
  title: string;
  text: string;
  /** Cited in the assessment's language: "Art. 6 Abs. 1 DSGVO" / "Art. 6(1) GDPR". */
  law: string;
  sources: SourceRef[];
}

/** A step that lowers this visitor's score. */
export interface MeasureResult {
  id: string;
  title: string;
  text: string;
  /** Cited in the assessment's language. */
  law: string;
  /** What the measure costs in reach for this visitor (few customers have the app), if
   * anything; such measures come after those that cost none. */
  reach?: string;
  sources: SourceRef[];
  /** The answers this measure changes (apply them to see its effect). */
  changes: Answers;
  /** The score after the measure. */
  score: number;
  /** How many points the measure removes. */
  gain: number;
}

/** A single answer change that lowers the score. */
export interface WhatIf {
  question: string;
  answer: Answer;
  /** What the change costs in reach for this visitor (a messenger few of the people on the other side have), if anything. */
  reach?: string;
  /** The question and the new answer in words. */
  question_text: string;
  answer_text: string;
  /** The score with this one change, computed by the engine. */
  score: number;
  band: Band;
  gain: number;
}

export interface Reason {
  text: string;
  /** Why it fits (true) or what speaks against it (false). */
  positive: boolean;
}

export interface KeyFacts {
  e2e_default: PropValue;
  servers_eu: PropValue;
  no_phone_number: PropValue;
  contacts_optional: PropValue;
  open_source: PropValue;
  self_hosting: PropValue;
  admin_console: PropValue;
  dpa: PropValue;
}

/** A messenger ranked by fit for this visitor. */
export interface Alternative {
  id: MessengerId;
  name: string;
  /** 0..=100: how well it fits this visitor's needs. */
  fit: number;
  /** Whether it is the messenger the visitor uses now. */
  current: boolean;
  summary: string;
  reasons: Reason[];
  /** What it costs the business. */
  cost: string;
  /** The visitor's score with this messenger, all else equal; null where the rules cannot judge it. */
  score_if_used: number | null;
  key_facts: KeyFacts;
  /** The sources of the facts its summary and cost state; absent when there are none. */
  sources?: SourceRef[];
}

export interface CatalogRef {
  version: string;
  /** YYYY-MM-DD */
  as_of: string;
}

/** The result of an assessment: the same JSON as the `assess` command line prints. */
export interface Assessment {
  /** 0..=100, higher is riskier: the sum of the factors' points (no cap: the worst setup the
   * questions allow adds up to exactly 100). */
  score: number;
  /** The band of the score. While `provisional`, give no verdict: the band may still change. */
  band: Band;
  /** Whether the open questions could still move the score into another band (`band` and
   * `band_max` differ). */
  provisional: boolean;
  /** The highest band the open questions can still lead to (the band of `range.max`). */
  band_max: Band;
  /** The band's name and advice in the assessment's language. */
  band_label: string;
  band_advice: string;
  /** Lowest and highest score still reachable by answering the open questions. */
  range: Range;
  /** The sum of the factors' points: equal to `score` (kept for readers of catalog 2026.11.0). */
  points: number;
  progress: Progress;
  /** The questions that apply to these answers now, in the order they are asked. */
  applicable: string[];
  /** What drives the score, largest first. */
  factors: Factor[];
  /** Steps that lower this visitor's score, most effective first. */
  measures: MeasureResult[];
  /** Messengers ranked by fit for this visitor. */
  alternatives: Alternative[];
  /** Single answer changes that lower the score most. */
  what_if: WhatIf[];
  catalog: CatalogRef;
  lang: Lang;
  /** How the score is computed, for the visitor. */
  formula: string;
  /** One calm line: this is not legal advice. */
  disclaimer: string;
}

/** Text in one or both languages; one is enough, it stands in for the other. */
export type LangTexts = Partial<Record<Lang, string>>;

/**
 * An embedder's changes to the catalog. A bad override throws an Error naming the field;
 * nothing is half-applied.
 */
export interface CatalogOverrides {
  /**
   * Language to text key to text. Keys: `ui.<key>`, `disclaimer`, `formula`, `section.<id>`,
   * `question.<id>.title|why`, `option.<question>.<option>.label|hint`, `rule.<id>.title|text`,
   * `measure.<id>.title|text`, `messenger.<id>.summary|operator|cost`, `band.<id>.label|advice`.
   */
  texts?: Partial<Record<Lang, Record<string, string>>>;
  alternatives?: {
    /** Exactly these are recommended (in the catalog's order of fit). */
    recommend?: MessengerId[];
    /** These are never recommended. */
    hide?: MessengerId[];
  };
  /** A link such as "Beratung anfragen" to the embedder's contact page. */
  call_to_action?: {
    label: LangTexts;
    /** https://, http://, mailto: or a path starting with / */
    url: string;
  };
  /** The templates (`documents()`, the widget's section): switch some or `"all"` off, or add a
   * note under each template's title (one language is enough; at most 500 characters). */
  templates?: {
    hide?: (DocumentId | "all")[];
    note?: LangTexts;
  };
}

/** The colour scheme: fixed, or `auto`: the host page's `color-scheme` (light if it declares none; the system's with `light dark`). */
export type Scheme = "light" | "dark" | "auto";

/**
 * The theme: a scheme, or CSS values for the documented custom properties (set on the element
 * the widget is mounted on; the host page's CSS may set the same `--mc-*` properties).
 */
export interface Theme {
  scheme?: Scheme;
  /** --mc-accent: buttons, selected options, links. */
  accent?: string;
  /** --mc-text */
  text?: string;
  /** --mc-bg */
  background?: string;
  /** --mc-font: a font-family list (no web fonts are loaded). */
  font?: string;
  /** --mc-radius: corner radius. */
  radius?: string;
  /** --mc-space: the base spacing unit. */
  spacing?: string;
}

export interface MountOptions {
  /** The language to start in; "de" by default. */
  lang?: Lang;
  /** Answers to start with (prefilled). */
  answers?: Answers;
  /** Overrides: texts, recommended or hidden alternatives, a call to action. */
  catalog?: CatalogOverrides;
  /** The theme: "light" | "dark" | "auto", or colours, font, radius, spacing. */
  theme?: Scheme | Theme;
  /** Called after the first render and after every change of answers or language. */
  onChange?: (assessment: Assessment) => void;
  /** Adopt the widget's stylesheet into the element's document or shadow root (default true). */
  styles?: boolean;
  /**
   * Read a share link from `location.hash`, and offer the visitor a link with the answers, which
   * goes into the page's address only once the visitor asks for it (until "forget").
   */
  shareLink?: boolean;
}

/** A mounted widget. */
export declare class Widget {
  private constructor();
  /** The element the widget is mounted on. */
  readonly element: Element;
  /** Whether destroy() was called. */
  readonly destroyed: boolean;
  /** Switches the language. Throws on an unknown language. */
  setLang(lang: Lang): void;
  /** Changes the theme. Throws an Error naming the field on a bad value. */
  setTheme(theme: Scheme | Theme): void;
  /**
   * Replaces the answers without remounting (the visitor's answers and undo history go);
   * answers equal to the current ones change nothing; `null` clears them. Throws an Error
   * naming an unknown question or option.
   */
  setAnswers(answers: Answers | null): void;
  /** The current answers. */
  answers(): Answers;
  /** The assessment of the current answers. */
  assessment(): Assessment;
  /** Clears all answers. */
  reset(): void;
  /** Unmounts the widget and frees its memory; calling it again does nothing. */
  destroy(): void;
}

export interface InitOptions {
  /**
   * Where to get messenger_check_bg.wasm: a URL, a Response, the bytes, or a compiled
   * WebAssembly.Module. By default the file next to the package's index.js.
   */
  wasm?: string | URL | Request | Response | BufferSource | WebAssembly.Module;
}

/** Loads the WebAssembly module now (optional; mount and evaluate load it on first use). */
export declare function init(options?: InitOptions): Promise<void>;

/**
 * Mounts the widget on `element` (in a root of its own appended to it) and resolves once the
 * widget is complete: every part is built, every question in the DOM. Rejects with an Error
 * naming the option and field when an option is bad; the element is then unchanged.
 *
 * Frameworks may call it as they like: a mount() that has not resolved yet is cancelled by a
 * later mount() of the same element (React's StrictMode: effect, cleanup, effect) and then
 * resolves with a destroyed Widget (`widget.destroyed`); only the later one renders. Mounting
 * on an element whose widget was handed out rejects until that widget is destroyed.
 */
export declare function mount(element: Element, options?: MountOptions): Promise<Widget>;

/**
 * The assessment of `answers`, without a widget: in browsers and in Node 20+, the same JSON as
 * the `assess` command line. Rejects with an Error naming an unknown question or option.
 */
export declare function evaluate(answers: Answers, options?: { lang?: Lang }): Promise<Assessment>;

// ---------------------------------------------------------------------------------------
// Templates: documents(). Mirrors engine/src/documents/mod.rs.

/** The four templates. */
export type DocumentId = "policy" | "consent" | "record" | "checklist";

/** The marked blanks a visitor may fill (others may come with later catalog versions). */
export type BlankId =
  | "company" | "address" | "contact" | "responsible" | "dpo" | "valid_from" | "review" | "signature"
  | "devices" | "contacts_app" | "purposes" | "allowed" | "secure_channel" | "provider" | "host" | "location"
  | "safeguard" | "safeguard_copy" | "provider_role" | "messenger_name" | "operator_name" | "profile_fields"
  | "deletion" | "deletion_team" | "supervisory" | "other_channels" | "number" | "threema_id" | "account" | "agreement"
  | "confidentiality" | "dpia" | "risk" | "task_law" | "recording" | "offers" | (string & {});

/** A run of text, or a marked blank: filled with `value`, or to be written as `[label]`. */
export type DocumentPart = { text: string } | { blank: BlankId; label: string; value?: string };

/** How far a measure of the record is in place (`label` says it in words; `note`: a judgement to record, not a gap); checklist items are `done` or `open`. */
export type DocumentStatus = "done" | "partial" | "missing" | "open" | "note";

/**
 * A fact of the setup description (`kind:name`, e.g. `category:health`, `basis:art9_consent`,
 * `consent:release`, `forbidden:secrets`) with the facts it links to that hold. The four
 * documents of a set are built from one description and carry it (`setup`).
 */
export interface DocumentFact {
  id: string;
  links?: string[];
}

export interface DocumentItem {
  /** Checklist items: the step. */
  title?: DocumentPart[];
  parts: DocumentPart[];
  /** Checklist items: where to find the setting. */
  where?: DocumentPart[];
  status?: DocumentStatus;
  label?: string;
  /** The measure (of the assessment) this step carries out. */
  measure?: string;
  /** Numbers (1-based) into the document's `sources`. */
  sources: number[];
  /** The facts of the setup description the item states (its fact and the legal bases it names). */
  refs?: string[];
}

export type DocumentBlock =
  | { type: "paragraph" | "note"; parts: DocumentPart[]; sources: number[] }
  | { type: "list" | "checklist"; items: DocumentItem[] };

export interface DocumentSection {
  id: string;
  heading: DocumentPart[];
  blocks: DocumentBlock[];
  /** The facts of the setup description the section states. */
  refs?: string[];
}

/** A template filled from the answers (`format: "json"`, the default). */
export interface TemplateDocument {
  id: DocumentId;
  lang: Lang;
  title: DocumentPart[];
  /** "Template · catalog 2026.11.2, facts as of …" */
  meta: string;
  /** One line: a template, not legal advice. */
  disclaimer: string;
  /** An embedder's note (catalog overrides). */
  note?: string;
  sections: DocumentSection[];
  /** Whether the text cites its sources by number; the customer-facing template does not. */
  cite: boolean;
  sources_heading: string;
  sources: SourceRef[];
  labels: { where: string; note: string };
  catalog: CatalogRef;
  /** The setup description the document was built from: the same for every document of the set. */
  setup: DocumentFact[];
}

/** A template written out (`format: "markdown" | "html"`): the text `assess --document` prints. */
export interface WrittenDocument {
  id: DocumentId;
  lang: Lang;
  title: string;
  format: "markdown" | "html";
  text: string;
}

export interface DocumentsOptions {
  lang?: Lang;
  /** Blank id to text, e.g. `{ company: "Müller GmbH" }`. */
  blanks?: Partial<Record<BlankId, string>>;
  format?: "json" | "markdown" | "html";
}

/**
 * The templates that fit the answers (none while no messenger is chosen; the consent template
 * only when customers are in the audience), in the order policy, consent, record, checklist.
 * A bad option or id rejects with an Error that names it.
 */
export declare function documents(answers: Answers, options?: DocumentsOptions & { format?: "json" }): Promise<TemplateDocument[]>;
export declare function documents(answers: Answers, options: DocumentsOptions & { format: "markdown" | "html" }): Promise<WrittenDocument[]>;
export declare function documents(answers: Answers, options?: DocumentsOptions): Promise<TemplateDocument[] | WrittenDocument[]>;
