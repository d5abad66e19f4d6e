//! `templates.json`: the document templates (`crate::documents`), checked against the rest of
//! the catalog (questions, named conditions, messenger facts, measures, sources). An error
//! names the entry and the field, e.g. `templates.json: document `policy`, section `devices`,
//! field `blocks[1].p.cases[2].text.en`: text is empty`. Every text in both languages, every
//! `{placeholder}` known, every condition compiles, every statement has a source (or is the
//! business's own, `"own": true`), every messenger of the `messenger` question is described,
//! and the four documents are there once each.
use super::placeholders::Keys;
use super::{err, Sources, PROFILE_SOURCES};
use crate::catalog::files::templates as file;
use crate::catalog::{CatalogError, List, Measure, Question, Str, PROPERTIES};
use crate::cond::compile::{compile, Ctx, Place};
use crate::cond::{Compiled, Cond};
use crate::documents::{
    BlockTemplate, Case, DocId, DocTemplate, ListTemplate, Piece, SectionTemplate, Setup, Templates,
};
use crate::text::{Lang, Text};

const FILE: &str = "templates.json";

/// The values a text may name besides the blanks.
const VALUES: [&str; 6] = ["messenger", "operator", "role", "transfer", "version", "as_of"];

/// Texts the front-ends of the templates use (the widget's section also `ui.doc.<id>` for each
/// template).
const REQUIRED_TEXTS: [&str; 21] = [
    "doc.meta",
    "doc.disclaimer",
    "doc.sources",
    "doc.note",
    "doc.where",
    "status.done",
    "status.partial",
    "status.missing",
    "status.open",
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
    let check = Check { ctx, measures, sources, keys, blanks: f.blanks.keys().cloned().collect() };

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

    // Steps by id, in the file's (sorted) order: the messengers refer to them by index.
    let step_ids: Vec<&String> = f.steps.keys().collect();
    let mut steps = Vec::new();
    for (id, p) in &f.steps {
        steps.push(check.piece(&format!("step `{id}`"), "", p, Kind::Step)?);
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
        let mut indices = Vec::new();
        for (i, s) in m.steps.iter().enumerate() {
            let at = step_ids
                .binary_search(&s)
                .map_err(|_| bad(&entry, format!("steps[{i}]"), format!("unknown step `{s}`")))?;
            indices.push(at);
        }
        let setup = Setup {
            name: m.name.clone(),
            operator: check.piece(&entry, "operator", &m.operator, Kind::Value)?,
            role: check.piece(&entry, "role", &m.role, Kind::Value)?,
            transfer: check.piece(&entry, "transfer", &m.transfer, Kind::Value)?,
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
        check.text(&entry, "title", &d.title, true)?;
        if let Some(h) = &d.sources_heading {
            check.text(&entry, "sources_heading", h, false)?;
        }
        let when = check.cond(&entry, "when", d.when.as_ref())?;
        let mut sections: Vec<SectionTemplate> = Vec::new();
        for s in &d.sections {
            let entry = format!("{entry}, section `{}`", s.id);
            if s.id.is_empty() || sections.iter().any(|x| x.id == s.id.as_str()) {
                return Err(bad(&entry, "id", "empty or duplicate id"));
            }
            check.text(&entry, "heading", &s.heading, true)?;
            let when = check.cond(&entry, "when", s.when.as_ref())?;
            let mut blocks = Vec::new();
            for (bi, b) in s.blocks.iter().enumerate() {
                blocks.push(match b {
                    file::BlockTemplate::P(p) => {
                        BlockTemplate::P(check.piece(&entry, &format!("blocks[{bi}].p"), p, Kind::Text)?)
                    }
                    file::BlockTemplate::Note(p) => {
                        BlockTemplate::Note(check.piece(&entry, &format!("blocks[{bi}].note"), p, Kind::Text)?)
                    }
                    file::BlockTemplate::List(l) => {
                        BlockTemplate::List(check.list(&entry, &format!("blocks[{bi}].list"), l, false)?)
                    }
                    file::BlockTemplate::Checklist(l) => {
                        BlockTemplate::Checklist(check.list(&entry, &format!("blocks[{bi}].checklist"), l, true)?)
                    }
                });
            }
            sections.push(SectionTemplate {
                id: s.id.clone().into(),
                heading: s.heading.clone(),
                when,
                blocks: blocks.into(),
            });
        }
        documents.push(DocTemplate {
            id,
            title: d.title.clone(),
            when,
            cite: d.cite,
            sources_heading: d.sources_heading.clone(),
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
    ) -> Result<ListTemplate, CatalogError> {
        if l.messenger_steps && !checklist {
            return Err(bad(entry, format!("{field}.messenger_steps"), "only checklists show the messenger's steps"));
        }
        if l.items.is_empty() && !l.messenger_steps {
            return Err(bad(entry, format!("{field}.items"), "a list needs items"));
        }
        let optional = |p: &Option<file::Piece>, name: &str| {
            p.as_ref().map(|p| self.piece(entry, &format!("{field}.{name}"), p, Kind::Text)).transpose()
        };
        let kind = if checklist { Kind::Step } else { Kind::Text };
        let items = l
            .items
            .iter()
            .enumerate()
            .map(|(i, p)| self.piece(entry, &format!("{field}.items[{i}]"), p, kind))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(ListTemplate {
            lead: optional(&l.lead, "lead")?,
            messenger_steps: l.messenger_steps,
            items: items.into(),
            empty: optional(&l.empty, "empty")?,
        })
    }

    fn piece(&self, entry: &str, field: &str, p: &file::Piece, kind: Kind) -> Result<Piece, CatalogError> {
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
        let n = p.cases.len();
        if n == 0 {
            return Err(bad(entry, at("cases"), "needs at least one case"));
        }
        let mut cases = Vec::new();
        for (ci, c) in p.cases.iter().enumerate() {
            let cf = if n == 1 && c.when.is_none() { field.to_string() } else { at(&format!("cases[{ci}]")) };
            let at = |f: &str| if cf.is_empty() { f.to_string() } else { format!("{cf}.{f}") };
            let when = self.cond(entry, &at("when"), c.when.as_ref())?;
            if c.skip {
                if c.text.is_some() || c.title.is_some() || !c.sources.is_empty() {
                    return Err(bad(entry, at("skip"), "a case that skips has no text"));
                }
                cases.push(Case {
                    when,
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
            if c.sources.is_empty() && !c.own {
                return Err(bad(
                    entry,
                    at("sources"),
                    "needs at least one source (or `\"own\": true` for the business's own rule or a form field)",
                ));
            }
            for (si, s) in c.sources.iter().enumerate() {
                let ok = match (s.strip_prefix('@'), s.strip_prefix(PROFILE_SOURCES)) {
                    (Some(prop), _) => PROPERTIES.contains(&prop),
                    (_, Some(key)) => self.keys.is_profile_key(key),
                    _ => self.sources.knows(s),
                };
                if !ok {
                    return Err(bad(entry, at(&format!("sources[{si}]")), format!("unknown source `{s}`")));
                }
            }
            cases.push(Case {
                when,
                text: c.text.clone(),
                title: c.title.clone(),
                place: c.place.clone(),
                status: c.status,
                sources: super::strs(&c.sources),
                skip: false,
            });
        }
        Ok(Piece { when, done, measure, cases: cases.into() })
    }
}
