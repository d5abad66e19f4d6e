//! The catalog: questions, rules, measures, messengers, sources and texts, as data.
//!
//! The files live in `engine/catalog/` and are embedded at build time. Loading parses each
//! file (an error names the file and the JSON path of the bad field) and then checks the
//! references between them (an error names the file, the entry and the field).
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::cond::{Compiled, Cond};
use crate::text::{Lang, Text};

/// The files of the catalog, in load order, as embedded in the binary.
pub const EMBEDDED_FILES: [(&str, &str); 10] = [
    ("meta.json", include_str!("../catalog/meta.json")),
    ("conditions.json", include_str!("../catalog/conditions.json")),
    ("sources.json", include_str!("../catalog/sources.json")),
    ("sources-messengers.json", include_str!("../catalog/sources-messengers.json")),
    ("questions.json", include_str!("../catalog/questions.json")),
    ("rules.json", include_str!("../catalog/rules.json")),
    ("measures.json", include_str!("../catalog/measures.json")),
    ("messengers.json", include_str!("../catalog/messengers.json")),
    ("ui.json", include_str!("../catalog/ui.json")),
    ("templates.json", include_str!("../catalog/templates.json")),
];

/// A broken catalog or catalog override: which file, which entry, which field, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogError {
    pub file: String,
    pub entry: String,
    pub field: String,
    pub message: String,
}

impl fmt::Display for CatalogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if !self.entry.is_empty() {
            write!(f, ": {}", self.entry)?;
        }
        if !self.field.is_empty() {
            write!(f, ", field `{}`", self.field)?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for CatalogError {}

fn err(file: &str, entry: impl Into<String>, field: impl Into<String>, message: impl Into<String>) -> CatalogError {
    CatalogError { file: file.into(), entry: entry.into(), field: field.into(), message: message.into() }
}

// ---------------------------------------------------------------------------------------
// The data, as written in the files.

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// Catalog version, e.g. `2026.11.0`.
    pub version: String,
    /// The date the facts and rules were last checked, `YYYY-MM-DD`.
    pub as_of: String,
    pub bands: Vec<BandDef>,
    pub disclaimer: Text,
    /// How the score is computed, in words the visitor reads.
    pub formula: Text,
    /// Dated legal facts the rules rest on; `status` is `verified` or `unknown`.
    pub facts: Vec<Fact>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BandDef {
    pub id: String,
    /// The lowest score in this band.
    pub min: u8,
    pub label: Text,
    pub advice: Text,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub id: String,
    pub text: Text,
    pub status: FactStatus,
    pub checked: String,
    pub sources: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FactStatus {
    Verified,
    Unknown,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    /// The document's title in each language (a German statute keeps its German name).
    pub title: Text,
    /// The specific document: a statute's section, a decision's page, the provider's own page.
    /// Never a bare domain or home page (the loader rejects those).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Publication date, `YYYY-MM-DD` or `YYYY-MM` or `YYYY`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// When the address and what the catalog takes from it were last checked, `YYYY-MM-DD`;
    /// required for every source with an address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked: Option<String>,
    /// One of `SOURCE_KINDS`.
    pub kind: String,
}

/// What a source is: one of the five seed articles, a statute or regulation, a court decision,
/// a supervisory authority's paper, the provider's own page, or press.
pub const SOURCE_KINDS: [&str; 6] = ["seed", "law", "court", "authority", "vendor", "press"];

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    pub title: Text,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub section: String,
    #[serde(default)]
    pub multi: bool,
    /// For multi questions: the fewest options an answer must select.
    #[serde(default)]
    pub min_choices: u8,
    /// When the question applies; absent means always.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ask_when: Option<Cond>,
    /// Whether the engine may suggest another answer to this question as a what-if.
    #[serde(default = "yes")]
    pub what_if: bool,
    pub title: Text,
    pub why: Text,
    pub options: Vec<QOption>,
    #[serde(skip)]
    pub(crate) ask: Option<Compiled>,
}

fn yes() -> bool {
    true
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QOption {
    pub id: String,
    pub label: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Text>,
    /// Whether a what-if may suggest switching to this option.
    #[serde(default = "yes")]
    pub suggest: bool,
    /// When a what-if may suggest it (e.g. the Business Platform only to a business that
    /// writes with customers); absent means whenever `suggest` allows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggest_when: Option<Cond>,
    #[serde(skip)]
    pub(crate) suggest_compiled: Option<Compiled>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: String,
    pub title: Text,
    pub text: Text,
    /// The norms the factor rests on, cited in each language's form
    /// (`Art. 6 Abs. 1 lit. b DSGVO` / `Art. 6(1)(b) GDPR`).
    pub law: Text,
    pub sources: Vec<String>,
    /// A condition every case shares; absent means none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Cond>,
    /// The case with the most points among those whose condition holds gives the rule's
    /// points (and may refine its text).
    pub cases: Vec<Case>,
    #[serde(skip)]
    pub(crate) compiled: Vec<(Compiled, u32)>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub when: Cond,
    pub points: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Text>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    pub id: String,
    pub title: Text,
    pub text: Text,
    /// The norms the measure serves, in each language's citation form.
    pub law: Text,
    pub sources: Vec<String>,
    /// The answer changes that describe this measure.
    pub changes: Vec<Change>,
    /// For whom it fits (e.g. the Business Platform only for a business that writes with
    /// customers); absent means everyone. A measure that does not fit is not offered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Cond>,
    /// What it costs in reach, and when that applies (switching the customer channel to an
    /// app few customers have). Measures with a cost in reach rank after those without.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reach: Option<Reach>,
    #[serde(skip)]
    pub(crate) when_compiled: Option<Compiled>,
    #[serde(skip)]
    pub(crate) reach_compiled: Option<Compiled>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reach {
    pub when: Cond,
    pub text: Text,
}

/// One answer change: `set` replaces the answer (one id, or a list for a multi question);
/// `add` and `remove` change a multi question's selection.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    pub question: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub set: Option<crate::answers::Answer>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub add: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remove: Vec<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Messenger {
    /// The option id of the `messenger` question, or a messenger beyond them.
    pub id: String,
    pub name: String,
    /// Whether the widget lists it as an alternative (embedders may change this).
    pub recommend: bool,
    pub summary: Text,
    pub operator: Text,
    /// What it costs the business: money and trade-offs.
    pub cost: Text,
    /// Properties by id (see `PROPERTIES`); `unknown` where no source could verify it.
    pub properties: BTreeMap<String, Property>,
    /// Fit before the visitor's needs are taken into account, 0..=100.
    pub base_fit: i32,
    pub fit: Vec<FitRule>,
    /// Answers that come with choosing it (e.g. EU storage for the Business Platform), used
    /// for the visitor's score if they used it. The `dpa` answer is not assumed here: it
    /// follows the messenger's own `dpa` property (see `assess::alternatives`).
    #[serde(default)]
    pub assume: Vec<Change>,
    /// For whom it is an alternative at all (e.g. the Business Platform only for a business
    /// that writes with customers); absent means everyone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offer_when: Option<Cond>,
    #[serde(skip)]
    pub(crate) fit_compiled: Vec<Compiled>,
    #[serde(skip)]
    pub(crate) offer_compiled: Option<Compiled>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Property {
    pub value: PropValue,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    #[serde(default)]
    pub sources: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PropValue {
    Yes,
    No,
    Partial,
    Optional,
    Unknown,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FitRule {
    pub when: Cond,
    pub points: i32,
    pub reason: Text,
}

/// The messenger properties the comparison shows, in order.
pub const PROPERTIES: [&str; 8] = [
    "e2e_default",
    "servers_eu",
    "no_phone_number",
    "contacts_optional",
    "open_source",
    "self_hosting",
    "admin_console",
    "dpa",
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionsFile {
    sections: Vec<Section>,
    questions: Vec<Question>,
}

// ---------------------------------------------------------------------------------------
// The loaded catalog.

/// A loaded and validated catalog.
#[derive(Clone, Debug)]
pub struct Catalog {
    pub meta: Meta,
    /// Named conditions (`conditions.json`), used as `{"ref": name}`.
    pub conditions: BTreeMap<String, Cond>,
    pub sources: Vec<Source>,
    pub sections: Vec<Section>,
    pub questions: Vec<Question>,
    pub rules: Vec<Rule>,
    pub measures: Vec<Measure>,
    pub messengers: Vec<Messenger>,
    /// Interface texts by key.
    pub ui: BTreeMap<String, Text>,
    /// An embedder's call to action (label and link), if any.
    pub call_to_action: Option<CallToAction>,
    /// The document templates (`templates.json`, loaded and checked by `documents`).
    pub templates: crate::documents::Templates,
    pub(crate) question_index: HashMap<String, usize>,
    pub(crate) source_index: HashMap<String, usize>,
    /// How many sources come from `sources.json` (the rest from `sources-messengers.json`).
    main_sources: usize,
    /// The points of the worst setup the questions allow (at most 100): the range search may
    /// stop as soon as it finds a setup this bad.
    pub(crate) max_points: u32,
    /// The single-choice question the most rules read (the messenger): the range search's
    /// bound branches on it (see `assess::Search::bound`).
    pub(crate) pivot: Option<usize>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CallToAction {
    pub label: Text,
    pub url: String,
}

/// Parses one catalog file. With the `field-errors` feature (on by default; the widget builds
/// without it, since its embedded catalog is validated by the native tests) a syntax or type
/// error names the JSON path of the field; without it, the line and column. Each catalog type
/// is then deserialized through one deserializer only, which keeps the wasm smaller.
pub(crate) fn parse<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T, CatalogError> {
    #[cfg(feature = "field-errors")]
    {
        let de = &mut serde_json::Deserializer::from_str(text);
        serde_path_to_error::deserialize(de).map_err(|e| {
            let path = e.path().to_string();
            let inner = e.into_inner();
            err(file, "", if path == "." { String::new() } else { path }, inner.to_string())
        })
    }
    #[cfg(not(feature = "field-errors"))]
    {
        serde_json::from_str(text).map_err(|e| err(file, "", "", e.to_string()))
    }
}

impl Catalog {
    /// The catalog embedded at build time, loaded once.
    ///
    /// # Panics
    /// Never in a released build: the embedded catalog is validated by the test suite.
    pub fn embedded() -> &'static Catalog {
        static CATALOG: OnceLock<Catalog> = OnceLock::new();
        CATALOG.get_or_init(|| Catalog::from_files(&EMBEDDED_FILES).expect("the embedded catalog is valid"))
    }

    /// Loads a catalog from its files (name, content), validating everything.
    pub fn from_files(files: &[(&str, &str)]) -> Result<Catalog, CatalogError> {
        let get = |name: &str| {
            files.iter().find(|(n, _)| *n == name).map(|(_, t)| *t).ok_or_else(|| err(name, "", "", "file is missing"))
        };
        let meta: Meta = parse("meta.json", get("meta.json")?)?;
        let conditions: BTreeMap<String, Cond> = parse("conditions.json", get("conditions.json")?)?;
        let mut sources: Vec<Source> = parse("sources.json", get("sources.json")?)?;
        let main_sources = sources.len();
        sources.extend(parse::<Vec<Source>>("sources-messengers.json", get("sources-messengers.json")?)?);
        let qf: QuestionsFile = parse("questions.json", get("questions.json")?)?;
        let rules: Vec<Rule> = parse("rules.json", get("rules.json")?)?;
        let measures: Vec<Measure> = parse("measures.json", get("measures.json")?)?;
        let messengers: Vec<Messenger> = parse("messengers.json", get("messengers.json")?)?;
        let ui: BTreeMap<String, Text> = parse("ui.json", get("ui.json")?)?;
        let mut cat = Catalog {
            meta,
            conditions,
            sources,
            sections: qf.sections,
            questions: qf.questions,
            rules,
            measures,
            messengers,
            ui,
            call_to_action: None,
            templates: Default::default(),
            question_index: HashMap::new(),
            source_index: HashMap::new(),
            main_sources,
            max_points: u32::MAX,
            pivot: None,
        };
        cat.validate()?;
        cat.templates = crate::documents::load(&cat, get("templates.json")?)?;
        Ok(cat)
    }

    pub fn version(&self) -> &str {
        &self.meta.version
    }

    pub fn as_of(&self) -> &str {
        &self.meta.as_of
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.question_index.get(id).map(|&i| &self.questions[i])
    }

    pub(crate) fn question_idx(&self, id: &str) -> Option<usize> {
        self.question_index.get(id).copied()
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.source_index.get(id).map(|&i| &self.sources[i])
    }

    pub fn messenger(&self, id: &str) -> Option<&Messenger> {
        self.messengers.iter().find(|m| m.id == id)
    }

    /// An interface text; `?` if the catalog lacks it (validation prevents that
    /// for the keys the front-ends use, see `ui.json`).
    pub fn ui(&self, key: &str, lang: Lang) -> &str {
        self.ui.get(key).map(|t| t.get(lang)).unwrap_or("?")
    }

    /// Checks every reference and every text, and compiles the conditions.
    pub(crate) fn validate(&mut self) -> Result<(), CatalogError> {
        check_date("meta.json", "", "as_of", &self.meta.as_of)?;
        if self.meta.version.trim().is_empty() {
            return Err(err("meta.json", "", "version", "must not be empty"));
        }
        check_text("meta.json", "", "disclaimer", &self.meta.disclaimer)?;
        check_text("meta.json", "", "formula", &self.meta.formula)?;
        if self.meta.bands.first().map(|b| b.min) != Some(0) {
            return Err(err("meta.json", "", "bands[0].min", "the first band must start at 0"));
        }
        for (i, b) in self.meta.bands.iter().enumerate() {
            let entry = format!("band `{}`", b.id);
            if !["low", "moderate", "high", "critical"].contains(&b.id.as_str()) {
                return Err(err("meta.json", entry, "id", "must be low, moderate, high or critical"));
            }
            if i > 0 && b.min <= self.meta.bands[i - 1].min {
                return Err(err("meta.json", entry, "min", "bands must rise"));
            }
            check_text("meta.json", &entry, "label", &b.label)?;
            check_text("meta.json", &entry, "advice", &b.advice)?;
        }

        self.source_index.clear();
        for (i, s) in self.sources.iter().enumerate() {
            let entry = format!("source `{}`", s.id);
            let file = if i < self.main_sources { "sources.json" } else { "sources-messengers.json" };
            if s.id.is_empty() {
                return Err(err(file, format!("source #{i}"), "id", "must not be empty"));
            }
            if self.source_index.insert(s.id.clone(), i).is_some() {
                return Err(err(file, entry, "id", "duplicate id"));
            }
            check_text(file, &entry, "title", &s.title)?;
            if !SOURCE_KINDS.contains(&s.kind.as_str()) {
                return Err(err(file, entry, "kind", format!("must be one of: {}", SOURCE_KINDS.join(", "))));
            }
            if let Some(d) = &s.checked {
                check_date(file, &entry, "checked", d)?;
            }
            if let Some(u) = &s.url {
                check_address(u).map_err(|m| err(file, &entry, "url", m))?;
                if s.checked.is_none() {
                    return Err(err(file, entry, "checked", "a source with an address needs the date it was checked"));
                }
                if let Some(other) = self.sources[..i].iter().find(|o| o.url.as_ref() == Some(u)) {
                    return Err(err(
                        file,
                        entry,
                        "url",
                        format!("same address as source `{}`: cite that one", other.id),
                    ));
                }
            }
        }
        let sources = self.source_index.clone();
        let check_sources = |file: &str, entry: &str, ids: &[String], required: bool| -> Result<(), CatalogError> {
            if required && ids.is_empty() {
                return Err(err(file, entry, "sources", "needs at least one source"));
            }
            for (i, id) in ids.iter().enumerate() {
                if !sources.contains_key(id) {
                    return Err(err(file, entry, format!("sources[{i}]"), format!("unknown source `{id}`")));
                }
            }
            Ok(())
        };
        for f in &self.meta.facts {
            let entry = format!("fact `{}`", f.id);
            check_text("meta.json", &entry, "text", &f.text)?;
            check_date("meta.json", &entry, "checked", &f.checked)?;
            check_sources("meta.json", &entry, &f.sources, f.status == FactStatus::Verified)?;
        }

        // Questions: unique ids, options, texts, and conditions that read earlier questions.
        let mut section_ids = Vec::new();
        for s in &self.sections {
            check_text("questions.json", format!("section `{}`", s.id), "title", &s.title)?;
            section_ids.push(s.id.clone());
        }
        self.question_index.clear();
        // Options of the questions seen so far: a question's condition may only read earlier ones.
        let mut opts: HashMap<String, Vec<String>> = HashMap::new();
        let facts = FactTable::of(&self.messengers);
        for (name, c) in &self.conditions {
            if name.is_empty() {
                return Err(err("conditions.json", "", "", "a condition needs a name"));
            }
            if let Some(missing) = refs_in(c).into_iter().find(|r| !self.conditions.contains_key(r)) {
                return Err(err(
                    "conditions.json",
                    format!("condition `{name}`"),
                    "",
                    format!("unknown condition `{missing}`"),
                ));
            }
        }
        for (qi, q) in self.questions.iter_mut().enumerate() {
            let entry = format!("question `{}`", q.id);
            if q.id.is_empty() {
                return Err(err("questions.json", format!("question #{qi}"), "id", "must not be empty"));
            }
            if self.question_index.contains_key(&q.id) {
                return Err(err("questions.json", entry, "id", "duplicate id"));
            }
            if !section_ids.contains(&q.section) {
                return Err(err("questions.json", entry, "section", format!("unknown section `{}`", q.section)));
            }
            check_text("questions.json", &entry, "title", &q.title)?;
            check_text("questions.json", &entry, "why", &q.why)?;
            if q.options.len() < 2 || q.options.len() > 31 {
                return Err(err("questions.json", entry, "options", "needs 2 to 31 options"));
            }
            if usize::from(q.min_choices) > q.options.len() || (!q.multi && q.min_choices > 0) {
                return Err(err(
                    "questions.json",
                    entry,
                    "min_choices",
                    "only for multi questions, at most the number of options",
                ));
            }
            for (oi, o) in q.options.iter().enumerate() {
                if o.id.is_empty() || q.options[..oi].iter().any(|p| p.id == o.id) {
                    return Err(err(
                        "questions.json",
                        &entry,
                        format!("options[{oi}].id"),
                        format!("empty or duplicate option `{}`", o.id),
                    ));
                }
                check_text("questions.json", &entry, &format!("options[{oi}].label"), &o.label)?;
                if let Some(h) = &o.hint {
                    check_text("questions.json", &entry, &format!("options[{oi}].hint"), h)?;
                }
            }
            let ctx = Ctx { index: &self.question_index, opts: &opts, defs: &self.conditions, facts: &facts };
            q.ask = match &q.ask_when {
                Some(c) => Some(compile(c, &ctx, "questions.json", &entry, "ask_when").map_err(|e| {
                    if e.message.starts_with("unknown question") {
                        CatalogError {
                            message: format!("{} (a question may only depend on questions before it)", e.message),
                            ..e
                        }
                    } else {
                        e
                    }
                })?),
                None => None,
            };
            self.question_index.insert(q.id.clone(), qi);
            opts.insert(q.id.clone(), q.options.iter().map(|o| o.id.clone()).collect());
        }
        let ctx = Ctx { index: &self.question_index, opts: &opts, defs: &self.conditions, facts: &facts };
        for (name, c) in &self.conditions {
            compile(c, &ctx, "conditions.json", &format!("condition `{name}`"), "")?;
        }
        // When a what-if may suggest an option: may read any question.
        let mut suggest: Vec<(usize, usize, Compiled)> = Vec::new();
        for (qi, q) in self.questions.iter().enumerate() {
            for (oi, o) in q.options.iter().enumerate() {
                if let Some(c) = &o.suggest_when {
                    let field = format!("options[{oi}].suggest_when");
                    suggest.push((
                        qi,
                        oi,
                        compile(c, &ctx, "questions.json", &format!("question `{}`", q.id), &field)?,
                    ));
                }
            }
        }
        for (qi, oi, c) in suggest {
            self.questions[qi].options[oi].suggest_compiled = Some(c);
        }

        let mut seen = std::collections::HashSet::new();
        for r in self.rules.iter_mut() {
            let entry = format!("rule `{}`", r.id);
            if r.id.is_empty() || !seen.insert(r.id.clone()) {
                return Err(err("rules.json", entry, "id", "empty or duplicate id"));
            }
            check_text("rules.json", &entry, "title", &r.title)?;
            check_text("rules.json", &entry, "text", &r.text)?;
            check_text("rules.json", &entry, "law", &r.law)?;
            check_sources("rules.json", &entry, &r.sources, true)?;
            if r.cases.is_empty() {
                return Err(err("rules.json", entry, "cases", "needs at least one case"));
            }
            let common = match &r.when {
                Some(c) => Some(compile(c, &ctx, "rules.json", &entry, "when")?),
                None => None,
            };
            r.compiled.clear();
            for (ci, case) in r.cases.iter().enumerate() {
                let c = compile(&case.when, &ctx, "rules.json", &entry, &format!("cases[{ci}].when"))?;
                if let Some(t) = &case.text {
                    check_text("rules.json", &entry, &format!("cases[{ci}].text"), t)?;
                }
                if case.points > 100 {
                    return Err(err("rules.json", entry, format!("cases[{ci}].points"), "must be 0..=100"));
                }
                let c = match &common {
                    Some(k) => Compiled::All(vec![k.clone(), c]),
                    None => c,
                };
                r.compiled.push((c, case.points));
            }
        }

        let mut seen = std::collections::HashSet::new();
        for m in self.measures.iter_mut() {
            let entry = format!("measure `{}`", m.id);
            if m.id.is_empty() || !seen.insert(m.id.clone()) {
                return Err(err("measures.json", entry, "id", "empty or duplicate id"));
            }
            check_text("measures.json", &entry, "title", &m.title)?;
            check_text("measures.json", &entry, "text", &m.text)?;
            check_text("measures.json", &entry, "law", &m.law)?;
            check_sources("measures.json", &entry, &m.sources, true)?;
            if m.changes.is_empty() {
                return Err(err("measures.json", entry, "changes", "needs at least one change"));
            }
            for (ci, ch) in m.changes.iter().enumerate() {
                check_change_in(&self.questions, &self.question_index, ch)
                    .map_err(|msg| err("measures.json", &entry, format!("changes[{ci}]"), msg))?;
            }
            m.when_compiled = match &m.when {
                Some(c) => Some(compile(c, &ctx, "measures.json", &entry, "when")?),
                None => None,
            };
            m.reach_compiled = match &m.reach {
                Some(r) => {
                    check_text("measures.json", &entry, "reach.text", &r.text)?;
                    Some(compile(&r.when, &ctx, "measures.json", &entry, "reach.when")?)
                }
                None => None,
            };
        }

        let mut seen = std::collections::HashSet::new();
        for m in self.messengers.iter_mut() {
            let entry = format!("messenger `{}`", m.id);
            if m.id.is_empty() || !seen.insert(m.id.clone()) {
                return Err(err("messengers.json", entry, "id", "empty or duplicate id"));
            }
            if m.name.trim().is_empty() {
                return Err(err("messengers.json", entry, "name", "must not be empty"));
            }
            check_text("messengers.json", &entry, "summary", &m.summary)?;
            check_text("messengers.json", &entry, "operator", &m.operator)?;
            check_text("messengers.json", &entry, "cost", &m.cost)?;
            if !(0..=100).contains(&m.base_fit) {
                return Err(err("messengers.json", entry, "base_fit", "must be 0..=100"));
            }
            for key in PROPERTIES {
                let Some(p) = m.properties.get(key) else {
                    return Err(err(
                        "messengers.json",
                        entry,
                        format!("properties.{key}"),
                        "is missing (write `unknown` if no source says)",
                    ));
                };
                if let Some(n) = &p.note {
                    check_text("messengers.json", &entry, &format!("properties.{key}.note"), n)?;
                }
                check_sources("messengers.json", &entry, &p.sources, p.value != PropValue::Unknown)
                    .map_err(|e| CatalogError { field: format!("properties.{key}.{}", e.field), ..e })?;
            }
            if let Some(k) = m.properties.keys().find(|k| !PROPERTIES.contains(&k.as_str())) {
                return Err(err(
                    "messengers.json",
                    entry,
                    format!("properties.{k}"),
                    format!("unknown property (known: {})", PROPERTIES.join(", ")),
                ));
            }
            for (ci, ch) in m.assume.iter().enumerate() {
                if let Err(msg) = check_change_in(&self.questions, &self.question_index, ch) {
                    return Err(err("messengers.json", entry, format!("assume[{ci}]"), msg));
                }
            }
            m.fit_compiled.clear();
            for (fi, f) in m.fit.iter().enumerate() {
                check_text("messengers.json", &entry, &format!("fit[{fi}].reason"), &f.reason)?;
                let c = compile(&f.when, &ctx, "messengers.json", &entry, &format!("fit[{fi}].when"))?;
                m.fit_compiled.push(c);
            }
            m.offer_compiled = match &m.offer_when {
                Some(c) => Some(compile(c, &ctx, "messengers.json", &entry, "offer_when")?),
                None => None,
            };
        }
        // Every recommendable option of `messenger` that a visitor can pick should be described.
        if let Some(q) = self.question("messenger") {
            for o in &q.options {
                if o.suggest && self.messenger(&o.id).is_none() {
                    return Err(err(
                        "messengers.json",
                        format!("messenger `{}`", o.id),
                        "id",
                        "the messenger question offers it, but the catalog does not describe it",
                    ));
                }
            }
        }

        for (k, t) in &self.ui {
            check_text("ui.json", format!("text `{k}`"), "", t)?;
        }
        for key in REQUIRED_UI {
            if !self.ui.contains_key(*key) {
                return Err(err("ui.json", format!("text `{key}`"), "", "is missing"));
            }
        }
        for p in PROPERTIES {
            let key = format!("prop.{p}");
            if !self.ui.contains_key(&key) {
                return Err(err("ui.json", format!("text `{key}`"), "", "is missing"));
            }
        }
        // The score is the sum of the factors' points, with no cap: so the worst setup the
        // questions can describe must not exceed 100 (then a worse setup always scores higher).
        self.pivot = self.most_read_question();
        self.max_points = u32::MAX;
        let worst = self.max_points_exact(&[0; crate::assess::MAX_QUESTIONS]);
        self.max_points = worst;
        if worst > 100 {
            return Err(err(
                "rules.json",
                "",
                "",
                format!("the worst setup the questions allow adds up to {worst} points; the scale ends at 100: lower some points"),
            ));
        }
        Ok(())
    }

    /// The single-choice question that the most rules read.
    fn most_read_question(&self) -> Option<usize> {
        let mut reads = vec![0usize; self.questions.len()];
        for r in &self.rules {
            let mut qs = Vec::new();
            for (c, _) in &r.compiled {
                c.questions(&mut qs);
            }
            qs.sort_unstable();
            qs.dedup();
            for q in qs {
                reads[q] += 1;
            }
        }
        (0..self.questions.len())
            .filter(|&q| !self.questions[q].multi)
            .max_by_key(|&q| (reads[q], std::cmp::Reverse(q)))
    }

    /// Whether the facts are more than a year old on `today` (`YYYY-MM-DD`, the visitor's
    /// date): the widget then says that they may be out of date. A date it cannot read is
    /// never stale.
    pub fn stale_on(&self, today: &str) -> bool {
        let ymd = |d: &str| -> Option<(u32, u32, u32)> {
            let mut p = d.splitn(3, '-');
            Some((p.next()?.parse().ok()?, p.next()?.parse().ok()?, p.next()?.get(..2)?.parse().ok()?))
        };
        match (ymd(&self.meta.as_of), ymd(today)) {
            (Some((y, m, d)), Some(t)) => t > (y + 1, m, d),
            _ => false,
        }
    }

    /// Compiles a condition of a catalog file that another module loads (`documents`), with
    /// the same checks and error messages as the conditions of the files above.
    pub(crate) fn compile_cond(
        &self,
        c: &Cond,
        file: &str,
        entry: &str,
        field: &str,
    ) -> Result<Compiled, CatalogError> {
        let opts =
            self.questions.iter().map(|q| (q.id.clone(), q.options.iter().map(|o| o.id.clone()).collect())).collect();
        let facts = FactTable::of(&self.messengers);
        compile(
            c,
            &Ctx { index: &self.question_index, opts: &opts, defs: &self.conditions, facts: &facts },
            file,
            entry,
            field,
        )
    }

    /// Checks that a change names a real question and real options.
    pub(crate) fn check_change(&self, ch: &Change) -> Result<(), String> {
        check_change_in(&self.questions, &self.question_index, ch)
    }
}

/// A web address that names a specific document: http(s), with a path beyond the domain.
fn check_address(u: &str) -> Result<(), String> {
    let rest = u
        .strip_prefix("https://")
        .or_else(|| u.strip_prefix("http://"))
        .ok_or_else(|| "must be an http(s) address".to_string())?;
    // The fragment names a place in a page, not a page: it does not count.
    let rest = rest.split('#').next().unwrap_or_default();
    let (host, path) = rest.split_at(rest.find(['/', '?']).unwrap_or(rest.len()));
    if host.is_empty() || !host.contains('.') {
        return Err(format!("`{u}` has no host"));
    }
    if path.trim_matches(['/', '?', '#']).is_empty() {
        return Err(format!("`{u}` is a bare domain: cite the specific document (the page, section or decision)"));
    }
    Ok(())
}

/// Each messenger's property values, for `fact` conditions.
struct FactTable(HashMap<String, BTreeMap<String, PropValue>>);

impl FactTable {
    fn of(messengers: &[Messenger]) -> FactTable {
        FactTable(
            messengers
                .iter()
                .map(|m| (m.id.clone(), m.properties.iter().map(|(k, p)| (k.clone(), p.value)).collect()))
                .collect(),
        )
    }
}

/// What compiling a condition needs: the questions so far, named conditions, facts.
struct Ctx<'a> {
    index: &'a HashMap<String, usize>,
    opts: &'a HashMap<String, Vec<String>>,
    defs: &'a BTreeMap<String, Cond>,
    facts: &'a FactTable,
}

/// The named conditions a condition refers to directly or through others.
fn refs_in(c: &Cond) -> Vec<String> {
    match c {
        Cond::Ref(r) => vec![r.clone()],
        Cond::All(cs) | Cond::Any(cs) => cs.iter().flat_map(refs_in).collect(),
        _ => Vec::new(),
    }
}

fn check_change_in(questions: &[Question], index: &HashMap<String, usize>, ch: &Change) -> Result<(), String> {
    {
        let q = index
            .get(&ch.question)
            .map(|&i| &questions[i])
            .ok_or_else(|| format!("unknown question `{}`", ch.question))?;
        let known = |o: &String| q.options.iter().any(|x| &x.id == o);
        let mut ids: Vec<&String> = ch.add.iter().chain(&ch.remove).collect();
        match &ch.set {
            Some(crate::answers::Answer::One(o)) => {
                if q.multi {
                    return Err(format!("question `{}` takes a list", q.id));
                }
                ids.push(o)
            }
            Some(crate::answers::Answer::Many(os)) => {
                if !q.multi {
                    return Err(format!("question `{}` takes one option", q.id));
                }
                ids.extend(os)
            }
            None if ch.add.is_empty() && ch.remove.is_empty() => return Err("changes nothing".into()),
            None => {}
        }
        if !q.multi && (!ch.add.is_empty() || !ch.remove.is_empty()) {
            return Err(format!("add/remove only work on multi questions, not `{}`", q.id));
        }
        match ids.into_iter().find(|o| !known(o)) {
            Some(o) => Err(format!("unknown option `{o}` for question `{}`", q.id)),
            None => Ok(()),
        }
    }
}

/// Interface texts every front-end needs.
pub const REQUIRED_UI: &[&str] = &[
    "title",
    "intro",
    "score",
    "band",
    "range",
    "range_closed",
    "progress",
    "factors",
    "measures",
    "what_if",
    "alternatives",
    "law",
    "sources",
    "fit",
    "cost",
    "apply",
    "undo",
    "as_of",
    "language",
    "no_factors",
    "no_measures",
    "points",
    "score_after",
    "unknown",
    "report.answers",
    "report.generated",
    "not_answered",
    "reasons",
    "your_score_with",
    "current",
    "formula",
];

fn compile(c: &Cond, ctx: &Ctx, file: &str, entry: &str, field: &str) -> Result<Compiled, CatalogError> {
    compile_in(c, ctx, file, entry, field, &mut Vec::new())
}

/// `stack`: the named conditions being expanded, to refuse a condition that refers to itself.
fn compile_in(
    c: &Cond,
    ctx: &Ctx,
    file: &str,
    entry: &str,
    field: &str,
    stack: &mut Vec<String>,
) -> Result<Compiled, CatalogError> {
    let qidx = |id: &str| {
        ctx.index.get(id).copied().ok_or_else(|| err(file, entry, field, format!("unknown question `{id}`")))
    };
    let options = |q: &str| ctx.opts.get(q).ok_or_else(|| err(file, entry, field, format!("unknown question `{q}`")));
    Ok(match c {
        Cond::Is(list) => {
            let (q, wanted) = list
                .split_first()
                .ok_or_else(|| err(file, entry, field, "`is` needs a question id and at least one option id"))?;
            if wanted.is_empty() {
                return Err(err(file, entry, field, format!("`is` on `{q}` names no option")));
            }
            let qi = qidx(q)?;
            let all = options(q)?;
            let mut mask = 0u32;
            for o in wanted {
                let bit = all
                    .iter()
                    .position(|x| x == o)
                    .ok_or_else(|| err(file, entry, field, format!("unknown option `{o}` for question `{q}`")))?;
                mask |= 1 << bit;
            }
            Compiled::Is { q: qi, mask }
        }
        Cond::Answered(q) => Compiled::Answered(qidx(q)?),
        Cond::All(cs) => {
            Compiled::All(cs.iter().map(|c| compile_in(c, ctx, file, entry, field, stack)).collect::<Result<_, _>>()?)
        }
        Cond::Any(cs) => {
            Compiled::Any(cs.iter().map(|c| compile_in(c, ctx, file, entry, field, stack)).collect::<Result<_, _>>()?)
        }
        Cond::Ref(name) => {
            let def =
                ctx.defs.get(name).ok_or_else(|| err(file, entry, field, format!("unknown condition `{name}`")))?;
            if stack.contains(name) {
                return Err(err(file, entry, field, format!("condition `{name}` refers to itself")));
            }
            stack.push(name.clone());
            let compiled = compile_in(def, ctx, file, entry, field, stack);
            stack.pop();
            compiled?
        }
        Cond::Fact(list) => {
            let (property, wanted) = list
                .split_first()
                .ok_or_else(|| err(file, entry, field, "`fact` needs a property and at least one value"))?;
            if !PROPERTIES.contains(&property.as_str()) {
                return Err(err(
                    file,
                    entry,
                    field,
                    format!("unknown property `{property}` (known: {})", PROPERTIES.join(", ")),
                ));
            }
            if wanted.is_empty() {
                return Err(err(file, entry, field, format!("`fact` on `{property}` names no value")));
            }
            let mut values = Vec::new();
            for w in wanted {
                let v: PropValue = serde_json::from_value(serde_json::Value::String(w.clone())).map_err(|_| {
                    err(file, entry, field, format!("unknown value `{w}` (known: yes, no, partial, optional, unknown)"))
                })?;
                values.push(v);
            }
            let qi = qidx("messenger")?;
            let mut mask = 0u32;
            for (bit, id) in options("messenger")?.iter().enumerate() {
                let value = ctx.facts.0.get(id).and_then(|p| p.get(property));
                if value.is_some_and(|v| values.contains(v)) {
                    mask |= 1 << bit;
                }
            }
            if mask == 0 {
                return Err(err(file, entry, field, format!("`fact` on `{property}` matches no messenger")));
            }
            Compiled::Is { q: qi, mask }
        }
    })
}

fn check_text(file: &str, entry: impl Into<String>, field: &str, t: &Text) -> Result<(), CatalogError> {
    match t.missing() {
        Some(lang) => {
            let f = if field.is_empty() { lang.code().to_string() } else { format!("{field}.{lang}") };
            Err(err(file, entry, f, "text is empty"))
        }
        None => Ok(()),
    }
}

fn check_date(file: &str, entry: &str, field: &str, d: &str) -> Result<(), CatalogError> {
    let b = d.as_bytes();
    let ok = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() })
        && (1..=12).contains(&d[5..7].parse::<u8>().unwrap_or(0))
        && (1..=31).contains(&d[8..10].parse::<u8>().unwrap_or(0));
    if ok {
        Ok(())
    } else {
        Err(err(file, entry, field, format!("`{d}` is not a date YYYY-MM-DD")))
    }
}
