//! `templates.json`: the document templates (`crate::documents`), checked against the rest of
//! the catalog (questions, named conditions, messenger facts, measures, sources). An error
//! names the entry and the field, e.g. `templates.json: document `policy`, section `devices`,
//! field `blocks[1].p.cases[2].text.en`: text is empty`. Every text in both languages, every
//! `{placeholder}` known, every condition compiles, every statement has a source (or is the
//! business's own, `"own": true`) that fits the messengers and sectors it can be shown for,
//! every messenger of the `messenger` question is described, the facts of the setup
//! description are well formed (known kinds, links to earlier facts of the right kind, a
//! citation for each legal basis, a document for each consent), and the four documents are
//! there once each.
use std::collections::{BTreeMap, HashMap};

use super::placeholders::Keys;
use super::{err, Sources, PROFILE_SOURCES};
use crate::catalog::files::templates as file;
use crate::catalog::templates::kind;
use crate::catalog::templates::{
    BlockTemplate, Case, DocId, DocTemplate, FactTemplate, ListTemplate, Piece, Refusal, SectionTemplate, Setup,
    Templates,
};
use crate::catalog::{CatalogError, List, Measure, Question, Str, PROPERTIES};
use crate::cond::compile::{compile, Ctx, Place};
use crate::cond::{Compiled, Cond};
use crate::text::{Lang, Text};

const FILE: &str = "templates.json";

/// The values a text may name besides the blanks and the sector's values.
const VALUES: [&str; 12] = [
    "messenger",
    "shown",
    "operator",
    "role",
    "transfer",
    "handle",
    "visible",
    "disclosure",
    "copy",
    "bases",
    "version",
    "as_of",
];

/// Texts the front-ends of the templates use (the widget's section also `ui.doc.<id>` for each
/// template).
const REQUIRED_TEXTS: [&str; 24] = [
    "doc.meta",
    "doc.disclaimer",
    "doc.sources",
    "doc.note",
    "doc.where",
    "status.done",
    "status.partial",
    "status.missing",
    "status.open",
    "status.note",
    "step.done",
    "step.open",
    "ui.title",
    "ui.intro",
    "ui.none",
    "ui.company",
    "ui.company_hint",
    "ui.company_hint_no_memory",
    "ui.print",
    "ui.markdown",
    "ui.html",
    "ui.preview",
    "ui.refused",
    "ui.refused_note",
];

fn bad(entry: &str, field: impl Into<String>, message: impl Into<String>) -> CatalogError {
    err(FILE, entry, field, message)
}

pub(crate) fn check(
    f: file::File,
    ctx: &Ctx,
    questions: &[Question],
    measures: &[Measure],
    sources: &Sources,
    keys: &Keys,
) -> Result<Templates, CatalogError> {
    // The templates' own named conditions, beside those of conditions.json.
    let mut named: BTreeMap<String, Cond> = ctx.named.clone();
    for (k, c) in &f.conditions {
        if named.insert(k.clone(), c.clone()).is_some() {
            return Err(bad(&format!("condition `{k}`"), "", "conditions.json has a condition of this name"));
        }
    }
    let ctx = Ctx { index: ctx.index, options: ctx.options, named: &named, facts: ctx.facts, profiles: ctx.profiles };
    let ctx = &ctx;
    for (k, c) in &f.conditions {
        compile(c, ctx, &Place { file: FILE, entry: &format!("condition `{k}`"), field: "" })?;
    }
    let mut check = Check {
        ctx,
        measures,
        sources,
        keys,
        blanks: f.blanks.keys().cloned().collect(),
        fact_ids: Vec::new(),
        gates: Vec::new(),
    };
    if let Some(k) = f.blanks.keys().find(|k| keys.is_profile_key(k) || VALUES.contains(&k.as_str())) {
        return Err(bad(&format!("blank `{k}`"), "", "a value of that name exists: rename the blank"));
    }

    for (k, v) in &f.texts {
        check.text(&format!("text `{k}`"), "", v, true)?;
    }
    let required = REQUIRED_TEXTS.iter().map(|k| k.to_string()).chain(DocId::ALL.map(|d| format!("ui.doc.{d}")));
    if let Some(k) = required.into_iter().find(|k| !f.texts.contains_key(k)) {
        return Err(bad(&format!("text `{k}`"), "", "is missing"));
    }
    for (k, v) in &f.blanks {
        check.text(&format!("blank `{k}`"), "", v, false)?;
    }

    let facts = check.facts(&f.facts)?;

    // Which messengers show each step (for the check that its sources fit them).
    let messenger_q =
        *ctx.index.get("messenger").ok_or_else(|| bad("", "", "the catalog has no `messenger` question"))?;
    let messenger_opts = ctx.options.get("messenger").cloned().unwrap_or_default();
    let bit_of = |id: &str| messenger_opts.iter().position(|o| o == id).map(|b| 1u32 << b).unwrap_or(0);
    let mut step_users: HashMap<&str, u32> = HashMap::new();
    for (id, m) in &f.messengers {
        for s in &m.steps {
            *step_users.entry(s.as_str()).or_default() |= bit_of(id);
        }
    }

    // Steps by id, in the file's (sorted) order: the messengers refer to them by index.
    let step_ids: Vec<&String> = f.steps.keys().collect();
    let mut steps = Vec::new();
    for (id, p) in &f.steps {
        let shown = Compiled::Is { q: messenger_q, mask: step_users.get(id.as_str()).copied().unwrap_or(0) };
        steps.push(check.piece(&format!("step `{id}`"), "", p, Kind::Step, &[shown])?);
    }

    let messenger = questions
        .iter()
        .find(|q| q.id == "messenger")
        .ok_or_else(|| bad("", "", "the catalog has no `messenger` question"))?;
    for o in messenger.options.iter().filter(|o| o.id != "undecided") {
        if !f.messengers.contains_key(o.id.as_ref()) {
            return Err(bad(
                &format!("messenger `{}`", o.id),
                "",
                "the messenger question offers it; describe it here",
            ));
        }
    }
    let mut messengers = Vec::new();
    for (id, m) in &f.messengers {
        let entry = format!("messenger `{id}`");
        if !messenger.options.iter().any(|o| o.id == id.as_str()) || id == "undecided" {
            return Err(bad(&entry, "", "not an option of the messenger question"));
        }
        check.text(&entry, "name", &m.name, false)?;
        if let Some(t) = &m.shown {
            check.text(&entry, "shown", t, false)?;
        }
        let mut indices = Vec::new();
        for (i, s) in m.steps.iter().enumerate() {
            let at = step_ids
                .binary_search(&s)
                .map_err(|_| bad(&entry, format!("steps[{i}]"), format!("unknown step `{s}`")))?;
            indices.push(at);
        }
        let mine = [Compiled::Is { q: messenger_q, mask: bit_of(id) }];
        let value = |name: &str, p: &file::Piece| check.piece(&entry, name, p, Kind::Value, &mine);
        let setup = Setup {
            name: m.name.clone(),
            shown: m.shown.clone(),
            operator: value("operator", &m.operator)?,
            role: value("role", &m.role)?,
            transfer: value("transfer", &m.transfer)?,
            handle: value("handle", &m.handle)?,
            visible: value("visible", &m.visible)?,
            disclosure: value("disclosure", &m.disclosure)?,
            copy: m.copy.as_ref().map(|p| value("copy", p)).transpose()?,
            steps: indices.into(),
        };
        // A BTreeMap iterates sorted by key, as the lookup's binary search needs.
        messengers.push((Str::from(id.clone()), setup));
    }

    let mut documents: Vec<DocTemplate> = Vec::new();
    for d in &f.documents {
        let entry = format!("document `{}`", d.id);
        let id = DocId::from_id(&d.id)
            .filter(|id| !documents.iter().any(|x| x.id == *id))
            .ok_or_else(|| bad(&entry, "id", "must be one of policy, consent, record, checklist, once each"))?;
        if let Some(h) = &d.sources_heading {
            check.text(&entry, "sources_heading", h, false)?;
        }
        let when = check.cond(&entry, "when", d.when.as_ref())?;
        let title = check.piece(&entry, "title", &d.title, Kind::Text, &when.iter().cloned().collect::<Vec<_>>())?;
        let mut refuse = Vec::new();
        for (ri, r) in d.refuse.iter().enumerate() {
            let c = check.cond(&entry, &format!("refuse[{ri}].when"), Some(&r.when))?.expect("given");
            check.text(&entry, &format!("refuse[{ri}].reason"), &r.reason, true)?;
            refuse.push(Refusal { when: c, reason: r.reason.clone() });
        }
        let mut sections: Vec<SectionTemplate> = Vec::new();
        for s in &d.sections {
            let entry = format!("{entry}, section `{}`", s.id);
            if s.id.is_empty() || sections.iter().any(|x| x.id == s.id.as_str()) {
                return Err(bad(&entry, "id", "empty or duplicate id"));
            }
            check.text(&entry, "heading", &s.heading, true)?;
            let swhen = check.cond(&entry, "when", s.when.as_ref())?;
            let shown: Vec<Compiled> = [when.clone(), swhen.clone()].into_iter().flatten().collect();
            let mut blocks = Vec::new();
            for (bi, b) in s.blocks.iter().enumerate() {
                blocks.push(match b {
                    file::BlockTemplate::P(p) => {
                        BlockTemplate::P(check.piece(&entry, &format!("blocks[{bi}].p"), p, Kind::Text, &shown)?)
                    }
                    file::BlockTemplate::Note(p) => BlockTemplate::Note(check.piece(
                        &entry,
                        &format!("blocks[{bi}].note"),
                        p,
                        Kind::Text,
                        &shown,
                    )?),
                    file::BlockTemplate::List(l) => {
                        BlockTemplate::List(check.list(&entry, &format!("blocks[{bi}].list"), l, false, &shown)?)
                    }
                    file::BlockTemplate::Checklist(l) => BlockTemplate::Checklist(check.list(
                        &entry,
                        &format!("blocks[{bi}].checklist"),
                        l,
                        true,
                        &shown,
                    )?),
                });
            }
            sections.push(SectionTemplate {
                id: s.id.clone().into(),
                heading: s.heading.clone(),
                when: swhen,
                blocks: blocks.into(),
            });
        }
        documents.push(DocTemplate {
            id,
            title,
            when,
            cite: d.cite,
            sources_heading: d.sources_heading.clone(),
            refuse: refuse.into(),
            sections: sections.into(),
        });
    }
    if documents.len() != DocId::ALL.len() {
        return Err(bad("", "documents", "needs the four documents: policy, consent, record, checklist"));
    }
    documents.sort_by_key(|d| d.id);

    let sorted = |m: std::collections::BTreeMap<String, Text>| -> List<(Str, Text)> {
        m.into_iter().map(|(k, t)| (Str::from(k), t)).collect::<Vec<_>>().into()
    };
    Ok(Templates {
        texts: sorted(f.texts),
        blanks: sorted(f.blanks),
        facts: facts.into(),
        messengers: messengers.into(),
        steps: steps.into(),
        documents: documents.into(),
        hidden: List::Borrowed(&[]),
        note: None,
    })
}

/// What a piece is: text of a document, a checklist item (with a title), or the value of a
/// messenger's placeholder (which names blanks, never other values).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Step,
    Value,
}

struct Check<'a> {
    ctx: &'a Ctx<'a>,
    measures: &'a [Measure],
    sources: &'a Sources,
    keys: &'a Keys,
    blanks: Vec<String>,
    /// The facts of the setup description, in order, once checked.
    fact_ids: Vec<String>,
    /// For each fact, the conditions under which it can hold (its own and those of the facts it
    /// requires), for the check that a source fits where it is shown.
    gates: Vec<Vec<Compiled>>,
}

impl Check<'_> {
    /// Both languages present, and every `{placeholder}` known: a blank, or (when `values`)
    /// one of `VALUES`. Braces are for placeholders only.
    fn text(&self, entry: &str, field: &str, t: &Text, values: bool) -> Result<(), CatalogError> {
        for lang in Lang::ALL {
            let f = if field.is_empty() { lang.code().to_string() } else { format!("{field}.{lang}") };
            let s = t.get(lang);
            if s.trim().is_empty() {
                return Err(bad(entry, f, "text is empty"));
            }
            let mut rest = s;
            while let Some(open) = rest.find(['{', '}']) {
                if rest[open..].starts_with('}') {
                    return Err(bad(entry, f, "a `}` without `{`"));
                }
                let close = rest[open..].find('}').ok_or_else(|| bad(entry, &f, "a `{` without `}`"))? + open;
                let name = &rest[open + 1..close];
                let known = self.blanks.iter().any(|b| b == name)
                    || self.keys.is_profile_key(name)
                    || (values && VALUES.contains(&name));
                if !known {
                    let what = if values { "blank or value" } else { "blank" };
                    return Err(bad(entry, f, format!("unknown {what} `{{{name}}}`")));
                }
                rest = &rest[close + 1..];
            }
        }
        Ok(())
    }

    fn cond(&self, entry: &str, field: &str, c: Option<&Cond>) -> Result<Option<Compiled>, CatalogError> {
        c.map(|c| compile(c, self.ctx, &Place { file: FILE, entry, field })).transpose()
    }

    fn list(
        &self,
        entry: &str,
        field: &str,
        l: &file::ListTemplate,
        checklist: bool,
        shown: &[Compiled],
    ) -> Result<ListTemplate, CatalogError> {
        if l.messenger_steps && !checklist {
            return Err(bad(entry, format!("{field}.messenger_steps"), "only checklists show the messenger's steps"));
        }
        if l.items.is_empty() && !l.messenger_steps {
            return Err(bad(entry, format!("{field}.items"), "a list needs items"));
        }
        let optional = |p: &Option<file::Piece>, name: &str| {
            p.as_ref().map(|p| self.piece(entry, &format!("{field}.{name}"), p, Kind::Text, shown)).transpose()
        };
        let kind = if checklist { Kind::Step } else { Kind::Text };
        let items = l
            .items
            .iter()
            .enumerate()
            .map(|(i, p)| self.piece(entry, &format!("{field}.items[{i}]"), p, kind, shown))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(ListTemplate {
            lead: optional(&l.lead, "lead")?,
            messenger_steps: l.messenger_steps,
            items: items.into(),
            empty: optional(&l.empty, "empty")?,
        })
    }

    /// Fact ids to indices (each a fact defined before `before`, if given).
    fn fact_refs(&self, entry: &str, field: &str, ids: &[String]) -> Result<Vec<usize>, CatalogError> {
        ids.iter()
            .enumerate()
            .map(|(i, id)| {
                self.fact_ids.iter().position(|f| f == id).ok_or_else(|| {
                    bad(
                        entry,
                        format!("{field}[{i}]"),
                        format!("unknown fact `{id}` (facts refer only to facts before them)"),
                    )
                })
            })
            .collect()
    }

    /// The facts of the setup description: known kinds, unique ids, conditions that compile,
    /// links to earlier facts of the kind the field names, a citation for each legal basis and
    /// a document for each consent, sources that exist and fit.
    fn facts(&mut self, defs: &[file::FactDef]) -> Result<Vec<FactTemplate>, CatalogError> {
        let mut out = Vec::new();
        for d in defs {
            let entry = format!("fact `{}`", d.id);
            let k = kind(&d.id).ok_or_else(|| {
                bad(
                    &entry,
                    "id",
                    format!(
                        "a fact is `kind:name`, the kind one of {}",
                        crate::catalog::templates::FACT_KINDS.join(", ")
                    ),
                )
            })?;
            if d.id.split_once(':').is_some_and(|(_, n)| n.is_empty()) || self.fact_ids.contains(&d.id) {
                return Err(bad(&entry, "id", "empty or duplicate id"));
            }
            let when = self.cond(&entry, "when", d.when.as_ref())?;
            let unless = self.cond(&entry, "unless", d.unless.as_ref())?;
            let requires = self.fact_refs(&entry, "requires", &d.requires)?;
            let requires_any = self.fact_refs(&entry, "requires_any", &d.requires_any)?;
            let excludes = self.fact_refs(&entry, "excludes", &d.excludes)?;
            let mut links = Vec::new();
            for (field, ids, wanted) in [
                ("purposes", &d.purposes, "purpose"),
                ("bases", &d.bases, "basis"),
                ("consents", &d.consents, "consent"),
                ("subjects", &d.subjects, "subject"),
            ] {
                let idx = self.fact_refs(&entry, field, ids)?;
                if let Some((i, _)) = ids.iter().enumerate().find(|(_, id)| kind(id) != Some(wanted)) {
                    return Err(bad(&entry, format!("{field}[{i}]"), format!("`{field}` lists `{wanted}:` facts")));
                }
                links.extend(idx);
            }
            match (k, &d.cite) {
                ("basis", None) => return Err(bad(&entry, "cite", "a legal basis needs its citation")),
                ("basis", Some(t)) => self.text(&entry, "cite", t, false)?,
                (_, Some(_)) => return Err(bad(&entry, "cite", "only legal bases have a citation")),
                _ => {}
            }
            let collected_in = match (k, &d.collected_in) {
                ("consent", Some(doc)) => Some(
                    DocId::from_id(doc)
                        .ok_or_else(|| bad(&entry, "collected_in", format!("unknown document `{doc}`")))?,
                ),
                ("consent", None) => {
                    return Err(bad(&entry, "collected_in", "a consent names the document that collects it"))
                }
                (_, Some(_)) => return Err(bad(&entry, "collected_in", "only consents are collected")),
                _ => None,
            };
            let ids: Vec<String> = d.sources.clone();
            self.source_ids(&entry, "sources", &ids)?;
            if k == "basis" && ids.is_empty() {
                return Err(bad(&entry, "sources", "a legal basis needs at least one source"));
            }
            // Where it can hold: its own condition and those of the facts it requires.
            let mut gate: Vec<Compiled> = when.iter().cloned().collect();
            for &r in &requires {
                gate.extend(self.gates[r].iter().cloned());
            }
            self.fit(&entry, "sources", &ids, &gate)?;
            self.fact_ids.push(d.id.clone());
            self.gates.push(gate);
            out.push(FactTemplate {
                id: d.id.clone().into(),
                when,
                unless,
                requires: requires.into(),
                requires_any: requires_any.into(),
                excludes: excludes.into(),
                links: links.into(),
                cite: d.cite.clone(),
                sources: super::strs(&ids),
                collected_in,
            });
        }
        Ok(out)
    }

    /// Every source id known: a catalog source, `@property` or `sector:key`.
    fn source_ids(&self, entry: &str, field: &str, ids: &[String]) -> Result<(), CatalogError> {
        for (si, s) in ids.iter().enumerate() {
            let ok = match (s.strip_prefix('@'), s.strip_prefix(PROFILE_SOURCES)) {
                (Some(prop), _) => PROPERTIES.contains(&prop),
                (_, Some(key)) => self.keys.is_profile_key(key),
                _ => self.sources.knows(s),
            };
            if !ok {
                return Err(bad(entry, format!("{field}[{si}]"), format!("unknown source `{s}`")));
            }
        }
        Ok(())
    }

    /// The sources fit every messenger and sector the text can be shown for (all of `shown`).
    fn fit(&self, entry: &str, field: &str, ids: &[String], shown: &[Compiled]) -> Result<(), CatalogError> {
        let when = Compiled::All(shown.to_vec().into());
        self.sources.check_fit(FILE, entry, field, ids, Some(&when), self.ctx)
    }

    fn piece(
        &self,
        entry: &str,
        field: &str,
        p: &file::Piece,
        kind: Kind,
        shown: &[Compiled],
    ) -> Result<Piece, CatalogError> {
        let step = kind == Kind::Step;
        let at = |f: &str| if field.is_empty() { f.to_string() } else { format!("{field}.{f}") };
        let when = self.cond(entry, &at("when"), p.when.as_ref())?;
        let done = self.cond(entry, &at("done"), p.done.as_ref())?;
        let measure = match &p.measure {
            Some(m) => Some(
                self.measures
                    .iter()
                    .position(|x| x.id == m.as_str())
                    .ok_or_else(|| bad(entry, at("measure"), format!("unknown measure `{m}`")))?,
            ),
            None => None,
        };
        for (name, set) in [("done", p.done.is_some()), ("measure", p.measure.is_some())] {
            if set && !step {
                return Err(bad(entry, at(name), "only checklist items have it"));
            }
        }
        let fact = match &p.fact {
            Some(id) => Some(self.fact_refs(entry, &at("for"), std::slice::from_ref(id))?[0]),
            None => None,
        };
        if fact.is_some() && kind == Kind::Value {
            return Err(bad(entry, at("for"), "a messenger's value states no fact of its own"));
        }
        let if_facts = self.fact_refs(entry, &at("if"), &p.if_facts)?;
        let if_not = self.fact_refs(entry, &at("if_not"), &p.if_not)?;
        // Where the piece can be shown: the document's and section's conditions, its own, and
        // those of the facts it states or requires.
        let mut shown: Vec<Compiled> = shown.to_vec();
        shown.extend(when.iter().cloned());
        for &f in fact.iter().chain(&if_facts) {
            shown.extend(self.gates[f].iter().cloned());
        }
        let n = p.cases.len();
        if n == 0 {
            return Err(bad(entry, at("cases"), "needs at least one case"));
        }
        let mut cases = Vec::new();
        for (ci, c) in p.cases.iter().enumerate() {
            let cf = if n == 1 && c.when.is_none() { field.to_string() } else { at(&format!("cases[{ci}]")) };
            let at = |f: &str| if cf.is_empty() { f.to_string() } else { format!("{cf}.{f}") };
            let cwhen = self.cond(entry, &at("when"), c.when.as_ref())?;
            let c_if = self.fact_refs(entry, &at("if"), &c.if_facts)?;
            let c_if_not = self.fact_refs(entry, &at("if_not"), &c.if_not)?;
            if c.skip {
                if c.text.is_some() || c.title.is_some() || !c.sources.is_empty() {
                    return Err(bad(entry, at("skip"), "a case that skips has no text"));
                }
                cases.push(Case {
                    when: cwhen,
                    if_facts: c_if.into(),
                    if_not: c_if_not.into(),
                    text: None,
                    title: None,
                    place: None,
                    status: None,
                    sources: List::Borrowed(&[]),
                    skip: true,
                });
                continue;
            }
            let text = c.text.as_ref().ok_or_else(|| bad(entry, at("text"), "is missing"))?;
            let values = kind != Kind::Value;
            self.text(entry, &at("text"), text, values)?;
            match (&c.title, step) {
                (Some(t), true) => self.text(entry, &at("title"), t, values)?,
                (None, true) => return Err(bad(entry, at("title"), "a checklist item needs a title")),
                (Some(_), false) => return Err(bad(entry, at("title"), "only checklist items have a title")),
                (None, false) => {}
            }
            if c.status.is_some() && kind != Kind::Text {
                return Err(bad(entry, at("status"), "only list items have a status (checklist items have `done`)"));
            }
            if let Some(w) = &c.place {
                self.text(entry, &at("where"), w, values)?;
            }
            let names_bases = [Some(text), c.title.as_ref(), c.place.as_ref()]
                .into_iter()
                .flatten()
                .any(|t| t.de.contains("{bases}") || t.en.contains("{bases}"));
            if names_bases && fact.is_none() {
                return Err(bad(entry, at("text"), "`{bases}` lists the bases of the piece's fact: give it `for`"));
            }
            if c.sources.is_empty() && !c.own && !names_bases {
                return Err(bad(
                    entry,
                    at("sources"),
                    "needs at least one source (or `\"own\": true` for the business's own rule or a form field)",
                ));
            }
            self.source_ids(entry, &at("sources"), &c.sources)?;
            let mut here = shown.clone();
            here.extend(cwhen.iter().cloned());
            for &f in &c_if {
                here.extend(self.gates[f].iter().cloned());
            }
            self.fit(entry, &at("sources"), &c.sources, &here)?;
            cases.push(Case {
                when: cwhen,
                if_facts: c_if.into(),
                if_not: c_if_not.into(),
                text: c.text.clone(),
                title: c.title.clone(),
                place: c.place.clone(),
                status: c.status,
                sources: super::strs(&c.sources),
                skip: false,
            });
        }
        Ok(Piece { when, fact, if_facts: if_facts.into(), if_not: if_not.into(), done, measure, cases: cases.into() })
    }
}
