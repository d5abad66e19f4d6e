//! JSON Schemas for the answers (generated from the catalog, so that every question and
//! option id is listed), for the assessment and for a filled template (derived from the Rust
//! types).
use serde_json::{json, Map, Value};

use crate::catalog::Catalog;

/// The JSON Schema of answers for this catalog.
pub fn answers_schema(catalog: &Catalog) -> Value {
    let mut props = Map::new();
    for q in catalog.questions() {
        let ids: Vec<&str> = q.options.iter().map(|o| o.id.as_ref()).collect();
        let one = json!({"type": "string", "enum": ids});
        let schema = if q.multi {
            json!({"description": q.title.en, "anyOf": [
                {"type": "array", "items": one, "uniqueItems": true, "minItems": q.min_choices},
                {"type": "null"}
            ]})
        } else {
            json!({"description": q.title.en, "anyOf": [one, {"type": "null"}]})
        };
        props.insert(q.id.to_string(), schema);
    }
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://messenger-check.example/schema/answers.schema.json",
        "title": "messenger-check answers",
        "description": format!("Question id to option id (a list for multi questions); a missing key or null means not answered. Catalog {}.", catalog.version()),
        "type": "object",
        "properties": props,
        "additionalProperties": false
    })
}

/// The JSON Schema of the assessment.
pub fn assessment_schema() -> Value {
    serde_json::to_value(schemars::schema_for!(crate::model::Assessment)).expect("a schema is JSON")
}

/// The JSON Schema of a filled template (`assess --document … --format json`, the JS API's
/// `documents()`): sections, blocks, items with the facts of the setup description they name,
/// and the description itself.
pub fn document_schema() -> Value {
    serde_json::to_value(schemars::schema_for!(crate::documents::Document)).expect("a schema is JSON")
}

/// The TypeScript types of the npm package's data (`www/npm/contract.d.ts`, which `index.d.ts`
/// re-exports): the ids of this catalog (questions, options, messengers, blanks, source
/// kinds) as unions, and the assessment's and the filled templates' types derived from the
/// Rust types (ts-rs), so that the typings cannot drift from what the engine writes. `assess --schema typescript` prints it.
pub fn typescript(catalog: &Catalog) -> String {
    use ts_rs::{Config, TS};
    let cfg = Config::new();
    let quote = |ids: &mut dyn Iterator<Item = &str>| ids.map(|id| format!("\"{id}\"")).collect::<Vec<_>>();
    let union = |name: &str, doc: &str, ids: Vec<String>, open: bool| {
        let mut out = format!("/** {doc} */\nexport type {name} =\n");
        for id in &ids {
            out += &format!("  | {id}\n");
        }
        if open {
            out += "  | (string & {});\n";
        } else {
            out.pop();
            out += ";\n";
        }
        out
    };
    let mut out = format!(
        "// Generated from the engine's types and catalog {} (`assess --schema typescript`, or\n\
         // scripts/generate.sh): do not edit. engine/tests/cli.rs fails when it is not current.\n\n",
        catalog.version()
    );
    out += &languages_and_theme();
    let questions = quote(&mut catalog.questions().iter().map(|q| q.id.as_ref()));
    out += &union("QuestionId", "Question ids (see the README for what they mean).", questions, false);
    out += "\n";
    let messenger = catalog.question("messenger").expect("the catalog has a messenger question");
    let messengers = quote(&mut messenger.options.iter().map(|o| o.id.as_ref()));
    out += &union(
        "MessengerId",
        "Messenger ids: the options of `messenger` and the alternatives (a later catalog may add some).",
        messengers,
        true,
    );
    out += "\n";
    out += "/**\n * Answers: question id to option id (a list of them for a multi question). A missing question\n \
            * is \"not answered yet\"; an unknown question or option is an Error that names it.\n */\n\
            export interface Answers {\n";
    for q in catalog.questions() {
        let ids = quote(&mut q.options.iter().map(|o| o.id.as_ref())).join(" | ");
        let ty = if q.multi { format!("Array<{ids}>") } else { ids };
        out += &format!("  /** {} */\n  {}?: {ty};\n", q.title.en, q.id);
    }
    out += "  /** Questions a later catalog version adds. */\n  [question: string]: Answer | undefined;\n}\n\n";
    let blanks: Vec<String> =
        catalog.templates().blank_labels(crate::Lang::En).iter().map(|(id, _)| format!("\"{id}\"")).collect();
    out += &union(
        "BlankId",
        "The marked blanks a visitor may fill (`documents()`'s `blanks`; a later catalog may add some).",
        blanks,
        true,
    );
    out += "\n";
    let keys: Vec<String> = crate::overrides::text_keys(catalog).iter().map(|(k, _)| format!("\"{k}\"")).collect();
    out += &union(
        "TextKey",
        "The texts `catalog.texts` can replace (docs/text-keys.md lists them with their texts).",
        keys,
        false,
    );
    out += "\n";
    let kinds = quote(&mut crate::catalog::SOURCE_KINDS.iter().copied());
    out += &union("SourceKind", "What a source is (a later catalog may add kinds).", kinds, true);
    let bands: Vec<String> = catalog.bands().iter().map(|b| format!("{} {}", b.id, b.min)).collect();
    use crate::documents::{Block, DocId, Document, Fact, Item, Labels, Part, Section, Status};
    let decls: [(Option<String>, String); 23] = [
        (crate::Answer::docs(), crate::Answer::decl(&cfg)),
        (
            Some(format!("/** The risk bands, each from its lowest score: {} (meta.json). */\n", bands.join(", "))),
            crate::Band::decl(&cfg),
        ),
        (crate::PropValue::docs(), crate::PropValue::decl(&cfg)),
        (crate::Range::docs(), crate::Range::decl(&cfg)),
        (crate::Progress::docs(), crate::Progress::decl(&cfg)),
        (crate::SourceRef::docs(), crate::SourceRef::decl(&cfg)),
        (crate::Factor::docs(), crate::Factor::decl(&cfg)),
        (crate::MeasureResult::docs(), crate::MeasureResult::decl(&cfg)),
        (crate::WhatIf::docs(), crate::WhatIf::decl(&cfg)),
        (crate::Reason::docs(), crate::Reason::decl(&cfg)),
        (crate::KeyFacts::docs(), crate::KeyFacts::decl(&cfg)),
        (crate::Alternative::docs(), crate::Alternative::decl(&cfg)),
        (crate::CatalogRef::docs(), crate::CatalogRef::decl(&cfg)),
        (crate::Assessment::docs(), crate::Assessment::decl(&cfg)),
        (Some("/** The four templates. */\n".into()), DocId::decl(&cfg)),
        (Part::docs(), Part::decl(&cfg)),
        (Status::docs(), Status::decl(&cfg)),
        (Fact::docs(), Fact::decl(&cfg)),
        (Item::docs(), Item::decl(&cfg)),
        (Block::docs(), Block::decl(&cfg)),
        (Section::docs(), Section::decl(&cfg)),
        (Labels::docs(), Labels::decl(&cfg)),
        (Document::docs(), Document::decl(&cfg)),
    ];
    for (docs, decl) in decls {
        out += "\n";
        if let Some(d) = docs {
            out += &d;
        }
        out += &format!("export {}\n", layout(&decl));
    }
    out + &inputs(&cfg)
}

/// The inputs of the JS API (`contract`): its options, the theme and the overrides.
fn inputs(cfg: &ts_rs::Config) -> String {
    use crate::contract::{DocumentsOptions, EvaluateOptions, MountOptions, Scheme, THEME_FIELDS};
    use crate::documents::render::Format;
    use crate::documents::TemplateOverrides;
    use crate::overrides::{AlternativeOverrides, CtaOverride, Overrides};
    use ts_rs::TS;
    let quoted =
        |ids: &mut dyn Iterator<Item = &str>| ids.map(|id| format!("\"{id}\"")).collect::<Vec<_>>().join(" | ");
    let mut out = String::from(
        "\n// The inputs: mount()'s, evaluate()'s and documents()'s options (engine/src/contract/).\n\n\
         /** Text in one or more languages; one is enough, it stands in for the others. */\n\
         export type LangTexts = Partial<Record<Lang, string>>;\n\n",
    );
    out += &format!(
        "/** The colour scheme: fixed, or `auto`: the host page's `color-scheme` (light if it declares none; \
         the system's with `light dark`). */\nexport type Scheme = {};\n\n",
        quoted(&mut Scheme::ALL.iter().map(|s| s.id()))
    );
    out += "/**\n * The theme: a scheme, or CSS values for the documented custom properties (set on the widget's\n \
            * root; the host page's CSS may set the same `--mc-*` properties). A value the browser would\n \
            * drop, or one that refers to something else (`var()`, `url()`), is an Error naming the field.\n */\n\
            export interface Theme {\n  scheme?: Scheme;\n";
    for f in &THEME_FIELDS {
        out += &format!("  /** `{}`: a CSS {} value. */\n  {}?: string;\n", f.property, f.kind, f.name);
    }
    out += "}\n\n";
    out += &format!(
        "/** What `documents()` writes: the structured documents, or their text. */\nexport type DocumentFormat = {};\n",
        quoted(&mut Format::IDS.iter().copied())
    );
    let decls = [
        (Overrides::docs(), Overrides::decl(cfg)),
        (AlternativeOverrides::docs(), AlternativeOverrides::decl(cfg)),
        (CtaOverride::docs(), CtaOverride::decl(cfg)),
        (TemplateOverrides::docs(), TemplateOverrides::decl(cfg)),
        (MountOptions::docs(), MountOptions::decl(cfg)),
        (EvaluateOptions::docs(), EvaluateOptions::decl(cfg)),
        (DocumentsOptions::docs(), DocumentsOptions::decl(cfg)),
    ];
    for (docs, decl) in decls {
        out += "\n";
        if let Some(d) = docs {
            out += d.as_str();
        }
        out += &format!("export {}\n", layout(&decl));
    }
    out
}

/// A ts-rs declaration laid out one field per line (ts-rs writes `type X = { a: T, b: U, };` on
/// one line, with its doc comments), so that the generated file reads like a written one; a
/// union of objects gets one member per line.
fn layout(decl: &str) -> String {
    let Some((head, body)) = decl.split_once("= ") else { return decl.to_string() };
    let Some(body) = body.strip_suffix(';') else { return decl.to_string() };
    let members = split_top(body, " | ");
    if !members.iter().any(|m| m.starts_with('{')) {
        return decl.to_string();
    }
    let object = |m: &str, indent: &str| -> String {
        let inner = m.trim().trim_start_matches('{').trim_end_matches('}').trim();
        let mut out = String::from("{\n");
        for f in split_top(inner, ",") {
            let f = f.trim();
            if f.is_empty() {
                continue;
            }
            for line in f.lines() {
                out += &format!("{indent}  {}\n", line.trim_end());
            }
            out.pop();
            out += ";\n";
        }
        out + indent + "}"
    };
    if members.len() == 1 {
        return format!("{head}= {};", object(members[0], ""));
    }
    let mut out = format!("{}=", head);
    for m in members {
        let m = m.trim();
        out += "\n  | ";
        out += &if m.starts_with('{') { object(m, "  ") } else { m.to_string() };
    }
    out + ";"
}

/// `text` split at `sep` where it is outside brackets, comments and strings.
fn split_top<'a>(text: &'a str, sep: &str) -> Vec<&'a str> {
    let b = text.as_bytes();
    let (mut depth, mut start, mut comment, mut quoted) = (0i32, 0, false, false);
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'/' if !quoted && !comment && b.get(i + 1) == Some(&b'*') => comment = true,
            b'/' if comment && i > 0 && b[i - 1] == b'*' => comment = false,
            b'"' if !comment => quoted = !quoted,
            b'{' | b'<' | b'(' | b'[' if !comment && !quoted => depth += 1,
            // (`=>` of a function type closes nothing.)
            b'>' if i > 0 && b[i - 1] == b'=' => {}
            b'}' | b'>' | b')' | b']' if !comment && !quoted => depth -= 1,
            _ if depth == 0 && !comment && !quoted && text[i..].starts_with(sep) => {
                out.push(&text[start..i]);
                i += sep.len();
                start = i;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    out.push(&text[start..]);
    out
}

/// The list of text keys an embedder can override (`docs/text-keys.md`, `assess --schema text-keys`):
/// each key with the catalog's own text in every language, cut to a line.
pub fn text_keys_markdown(catalog: &Catalog) -> String {
    let cell = |t: &str| {
        let one: String = t.split_whitespace().collect::<Vec<_>>().join(" ").replace('|', "\\|");
        match one.char_indices().nth(90) {
            Some((i, _)) => format!("{}…", &one[..i]),
            None => one,
        }
    };
    let keys = crate::overrides::text_keys(catalog);
    let mut out = format!(
        "# Text keys\n\n\
         <!-- Generated from catalog {} (`assess --schema text-keys`, or scripts/generate.sh): do not edit.\n\
         engine/tests/cli.rs fails when it is not current. -->\n\n\
         The {} texts an embedder can replace with the `catalog` option's `texts` (language, then key,\n\
         then text), e.g. `{{ texts: {{ de: {{ \"ui.title\": \"Unser Messenger-Check\" }} }} }}`. A key\n\
         that is not listed here is an error that names it. Words in braces (`{{max}}`) are filled in\n\
         by the widget: keep them in your text where the number or name should appear. The texts\n\
         below are cut to one line.\n\n",
        catalog.version(),
        keys.len()
    );
    let langs = crate::Lang::ALL;
    out += "| Key |";
    for l in langs {
        out += &format!(" {} |", l.native_name());
    }
    out += "\n|---|";
    out += &"---|".repeat(langs.len());
    out += "\n";
    for (key, text) in &keys {
        out += &format!("| `{key}` |");
        for l in langs {
            out += &format!(" {} |", cell(text.get(l)));
        }
        out += "\n";
    }
    out
}

/// `Lang`, `LANGUAGES` and `THEME_PROPERTIES`: the languages (`Lang::ALL`) and the theme fields
/// (`contract::THEME_FIELDS`), the same lists the wasm's `languages()` and `themeProperties()`
/// give the package's `generated.js` at run time.
fn languages_and_theme() -> String {
    let codes: Vec<String> = crate::Lang::ALL.iter().map(|l| format!("\"{}\"", l.code())).collect();
    let langs: Vec<String> = crate::Lang::ALL
        .iter()
        .map(|l| format!("{{ readonly code: \"{}\"; readonly name: \"{}\" }}", l.code(), l.native_name()))
        .collect();
    let fields: Vec<String> = crate::contract::THEME_FIELDS
        .iter()
        .map(|f| {
            format!(
                "  readonly {}: {{ readonly property: \"{}\"; readonly kind: \"{}\" }};\n",
                f.name, f.property, f.kind
            )
        })
        .collect();
    format!(
        "/** A language of the widget and of the texts of an assessment. */\n\
         export type Lang = {};\n\n\
         /** The languages, the main one first, each with its name in itself. */\n\
         export declare const LANGUAGES: readonly [{}];\n\n\
         /** The theme fields and the CSS custom property each sets; `kind`: the CSS property a value must be valid for. */\n\
         export declare const THEME_PROPERTIES: {{\n{}}};\n\n",
        codes.join(" | "),
        langs.join(", "),
        fields.concat()
    )
}
