//! The four documents of a setup are one set: built from one description of the setup
//! (`documents::description`, `Document::setup`), they state the same facts. Over every sector ×
//! messenger × audience, each with random other answers, in both languages, this test reads the
//! facts each document names (`Item::refs`, `Section::refs`), not its wording, and checks:
//!
//! - every document carries the same description, and names only facts that hold;
//! - nothing is both allowed and forbidden, and nothing forbidden is stated as allowed anywhere;
//! - the record names every purpose, data category, forbidden category, data subject,
//!   recipient, role and transfer; the policy every content category, forbidden category and
//!   purpose for staff; the consent document every purpose and category concerning the people
//!   written to, every consent it collects, every recipient and transfer;
//! - every purpose and category rests on a legal basis; the record names exactly the bases in
//!   use, and the policy and the consent document no other; every basis that is a consent is
//!   collected by a consent that holds, in a document that is offered, and no consent is
//!   collected for nothing;
//! - the judgments the review asked for: no "missing" processing agreement for a provider that
//!   is its own controller or for an own server; a processor that can read internal chats is a
//!   note; public bodies never rest on a contract or a legitimate interest and name their data
//!   protection officer; a practice's appointments are health data, needing explicit consent
//!   to the channel unless the provider is a processor bound to confidentiality or the server
//!   is the practice's own; secrecy holders on the
//!   WhatsApp apps send nothing about a matter and need a release; Signal and Telegram rest on
//!   Art. 49(1)(a) consents; safeguards relied on come with where a copy is available; finance
//!   firms get no disappearing-messages step; staff get their information, and their own phones
//!   a voluntary consent.
mod common;
use common::*;
use std::collections::{BTreeMap, BTreeSet};

use engine::documents::{self, Blanks, Block, DocId, Document, Fact, Status};
use engine::{Answer, Answers, Lang};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

/// Random answers to every question but sector, messenger and audience (each answered or not).
fn any_rest() -> impl Strategy<Value = Answers> {
    let per_q: Vec<BoxedStrategy<Option<(String, Answer)>>> = cat()
        .questions()
        .iter()
        .filter(|q| !["sector", "messenger", "audience"].contains(&q.id.as_ref()))
        .map(|q| {
            let id = q.id.to_string();
            let opts: Vec<String> = q.options.iter().map(|o| o.id.to_string()).collect();
            let n = opts.len();
            let s: BoxedStrategy<Answer> = if q.multi {
                proptest::sample::subsequence(opts, usize::from(q.min_choices)..=n).prop_map(Answer::Many).boxed()
            } else {
                proptest::sample::select(opts).prop_map(Answer::One).boxed()
            };
            proptest::option::weighted(0.8, s.prop_map(move |a| (id.clone(), a))).boxed()
        })
        .collect();
    per_q.prop_map(|v| v.into_iter().flatten().collect())
}

fn facts_of(list: &[Fact]) -> BTreeMap<String, BTreeSet<String>> {
    list.iter().map(|f| (f.id.clone(), f.links.iter().cloned().collect())).collect()
}

/// Every fact a document names: its sections' and its items'.
fn refs(d: &Document) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for s in &d.sections {
        out.extend(s.refs.iter().cloned());
        for b in &s.blocks {
            if let Block::List { items } | Block::Checklist { items } = b {
                for i in items {
                    out.extend(i.refs.iter().cloned());
                }
            }
        }
    }
    out
}

/// The items of a document with the facts they name.
fn items(d: &Document) -> Vec<&documents::Item> {
    d.sections
        .iter()
        .flat_map(|s| s.blocks.iter())
        .flat_map(|b| match b {
            Block::List { items } | Block::Checklist { items } => items.iter().collect::<Vec<_>>(),
            _ => Vec::new(),
        })
        .collect()
}

fn kind(id: &str) -> &str {
    id.split_once(':').map_or("", |(k, _)| k)
}

/// The facts the catalog defines with their links as written (whether or not they hold).
fn catalog_facts() -> &'static BTreeMap<String, Vec<String>> {
    static F: std::sync::OnceLock<BTreeMap<String, Vec<String>>> = std::sync::OnceLock::new();
    F.get_or_init(|| {
        let t = cat().templates();
        t.facts
            .iter()
            .map(|f| (f.id.to_string(), f.links.iter().map(|&l| t.facts[l].id.to_string()).collect()))
            .collect()
    })
}

/// The legal bases that consents collect: a purpose or category resting on one of them needs
/// that consent.
fn consent_bases() -> BTreeSet<String> {
    catalog_facts()
        .iter()
        .filter(|(id, _)| kind(id) == "consent")
        .flat_map(|(_, links)| links.iter().filter(|l| kind(l) == "basis").cloned())
        .collect()
}

/// The document a consent is collected in.
fn collected_in(consent: &str) -> DocId {
    let t = cat().templates();
    let i = t.fact(consent).unwrap();
    t.facts[i].collected_in.expect("a consent names its document")
}

/// How the other documents name the consent template (German, English): a set that does not
/// issue it must not point to it (review-17b D1).
const CONSENT_NAMES: [(Lang, &[&str]); 2] = [
    (
        Lang::De,
        &[
            "„Einwilligung und Datenschutzinformation“",
            "„Datenschutzinformation“",
            "Datenschutzinformation dieses Satzes",
        ],
    ),
    (Lang::En, &["'Consent and privacy information'", "'privacy information'", "privacy information of this set"]),
];

/// The one sentence that may name the consent template in a set that holds it back: when it
/// becomes available.
fn until_available(lang: Lang) -> [&'static str; 2] {
    match lang {
        // No answer records a checked encryption: the backup off is the one way (WhatsApp's
        // "Backup", another messenger's "Sicherung").
        Lang::De => [
            "Erst wenn das Backup aus ist, steht die Vorlage „Einwilligung und Datenschutzinformation“ bereit",
            "Erst wenn die Sicherung aus ist, steht die Vorlage „Einwilligung und Datenschutzinformation“ bereit",
        ],
        _ => ["Only once the backup is off is the template 'Consent and privacy information' available"; 2],
    }
}

/// The other sentence that may name it there: while it is held back, nobody has consented to
/// the address-book match (the review of 78d4f74, B2).
fn no_consents_yet(lang: Lang) -> &'static str {
    match lang {
        Lang::De => "Solange die Vorlage „Einwilligung und Datenschutzinformation“ nicht bereitsteht, holen Sie keine Einwilligungen in den Abgleich ein und stützen ihn auch nicht auf vorhandene.",
        _ => "As long as the template 'Consent and privacy information' is not available, obtain no consents to the matching and do not rely on existing ones for it.",
    }
}

/// Each paragraph, note, item title, item text and place of a document as plain text.
fn texts(d: &Document) -> Vec<String> {
    let mut out = vec![documents::plain(&d.title)];
    for s in &d.sections {
        out.push(documents::plain(&s.heading));
        for b in &s.blocks {
            match b {
                Block::Paragraph { parts, .. } | Block::Note { parts, .. } => out.push(documents::plain(parts)),
                Block::List { items } | Block::Checklist { items } => {
                    for i in items {
                        for p in [i.title.as_deref(), Some(&i.parts[..]), i.place.as_deref()].into_iter().flatten() {
                            out.push(documents::plain(p));
                        }
                    }
                }
            }
        }
    }
    out
}

/// Content categories (what staff may or may not send), each with its forbidden twin if any.
const CONTENT: [&str; 9] = [
    "appointments",
    "appointments_health",
    "letters",
    "letters_health",
    "documents",
    "documents_health",
    "health",
    "confidential",
    "secrets",
];

#[derive(Default)]
struct Count {
    setups: usize,
    documents: usize,
    refused: usize,
}

fn check(a: &Answers, count: &mut Count) {
    let ctx = format!("{a:?}");
    let desc = documents::description(a, cat()).unwrap().expect("a messenger is chosen");
    let facts = facts_of(&desc);
    let holds = |id: &str| facts.contains_key(id);
    let links = |id: &str| facts.get(id).cloned().unwrap_or_default();
    let de = documents::documents(a, cat(), Lang::De, &Blanks::default()).unwrap();
    let en = documents::documents(a, cat(), Lang::En, &Blanks::default()).unwrap();
    count.setups += 1;
    count.documents += de.len() + en.len();

    // Which documents: the consent one for the people written to, unless the catalog refuses it
    // (with a reason).
    let customers = a.get("audience").is_some_and(|x| x.ids().iter().any(|o| o == "customers"));
    let ids: Vec<DocId> = de.iter().map(|d| d.id).collect();
    let has_consent = ids.contains(&DocId::Consent);
    let refused = documents::refusals(a, cat(), Lang::De).unwrap();
    assert_eq!(
        has_consent,
        customers && refused.is_empty(),
        "{ctx}: the consent document exactly for customers, unless refused"
    );
    if customers && !has_consent {
        count.refused += 1;
        assert!(refused.iter().all(|(id, why)| *id == DocId::Consent && why.len() > 40), "{ctx}: {refused:?}");
        // Refused only where the people may not be written to, or where a readable cloud backup
        // would hold secrets or health data (review-17 N1).
        // Only WhatsApp's backup is known to lie readable with Google or Apple (review-17b D2).
        let backup = a.get("chat_backup").is_some_and(|x| x.ids().iter().any(|o| o == "cloud"));
        // For the other apps with a phone backup the catalog verifies nothing about it, so their
        // form is held back too, with a reason that claims nothing (review of 78d4f74, A1).
        let phone_backup = ["whatsapp_business_app", "threema", "threema_work", "signal", "wire", "other"]
            .iter()
            .any(|m| a.get("messenger").is_some_and(|x| x.ids().iter().any(|o| o == m)));
        let exposed_backup = backup && phone_backup && (holds("flag:secrecy") || holds("flag:health_sector"));
        assert!(
            holds("forbidden:people") || exposed_backup,
            "{ctx}: refused only where the people may not be written to or WhatsApp's backup exposes them"
        );
        for (_, why) in &refused {
            if ["Google", "Apple", "iCloud"].iter().any(|w| why.contains(w)) {
                assert!(
                    holds("flag:whatsapp_app"),
                    "{ctx}: a refusal names Google's or Apple's cloud for another messenger: {why}"
                );
            }
        }
    }
    // The consent document is issued exactly where the people are written to, and a set without
    // it never points to it; a set that holds it back for the backup says only when it becomes
    // available (review-17b D1).
    assert_eq!(
        has_consent,
        holds("subject:people"),
        "{ctx}: the consent document exactly where the people are written to"
    );
    if !has_consent {
        for (lang, names) in CONSENT_NAMES {
            let docs = if lang == Lang::De { &de } else { &en };
            for d in docs {
                for t in texts(d) {
                    if names.iter().any(|n| t.contains(n)) {
                        assert!(
                            holds("flag:form_held")
                                && (until_available(lang).iter().any(|u| t.contains(u)) || t.contains(no_consents_yet(lang))),
                            "{ctx}: the {} ({lang:?}) points to the consent template, which the set does not issue: {t}",
                            d.id
                        );
                    }
                }
            }
        }
    }
    assert_eq!(ids, en.iter().map(|d| d.id).collect::<Vec<_>>());

    // One description, in every document and language; only facts that hold are named.
    let by_id = |docs: &[Document], id: DocId| docs.iter().find(|d| d.id == id).map(refs);
    for (d, e) in de.iter().zip(&en) {
        assert_eq!(d.setup, desc, "{ctx}: {} carries the description", d.id);
        assert_eq!(e.setup, desc, "{ctx}: {} (en) carries the description", e.id);
        assert_eq!(refs(d), refs(e), "{ctx}: {} names the same facts in both languages", d.id);
        for r in refs(d) {
            assert!(holds(&r), "{ctx}: {} names `{r}`, which does not hold", d.id);
        }
    }
    let policy = by_id(&de, DocId::Policy).unwrap();
    let record = by_id(&de, DocId::Record).unwrap();
    let checklist = by_id(&de, DocId::Checklist).unwrap();
    let consent = by_id(&de, DocId::Consent);

    // Nothing both allowed and forbidden; nothing forbidden stated as allowed anywhere.
    for c in CONTENT {
        let (yes, no) = (format!("category:{c}"), format!("forbidden:{c}"));
        assert!(!(holds(&yes) && holds(&no)), "{ctx}: {c} both allowed and forbidden");
    }
    for (yes, no) in [("subject:people", "forbidden:people"), ("subject:contacts", "forbidden:contacts")] {
        assert!(!(holds(yes) && holds(no)), "{ctx}: {yes} and {no}");
    }

    // Coverage: what each document must state.
    let must = |doc: &BTreeSet<String>, name: &str, id: &str| {
        assert!(doc.contains(id), "{ctx}: the {name} does not state `{id}`\n{doc:?}");
    };
    for id in facts.keys() {
        match kind(id) {
            "purpose" | "category" | "forbidden" | "subject" | "recipient" | "role" | "transfer" => {
                must(&record, "record", id)
            }
            _ => {}
        }
    }
    for c in CONTENT {
        for id in [format!("category:{c}"), format!("forbidden:{c}")] {
            if holds(&id) {
                must(&policy, "policy", &id);
            }
        }
    }
    for id in ["forbidden:people", "purpose:replies", "purpose:write_first", "purpose:advertising", "purpose:staff"]
        .into_iter()
        .chain(["purpose:partners", "purpose:accounts", "purpose:retention", "category:staff_device"])
    {
        if holds(id) {
            must(&policy, "policy", id);
        }
    }
    if let Some(consent) = &consent {
        for (id, l) in &facts {
            let for_people = l.contains("subject:people");
            match kind(id) {
                "purpose" if for_people => must(consent, "consent document", id),
                "category" if for_people && id.ends_with("_health") || id == "category:health" => {
                    must(consent, "consent document", id)
                }
                "category" if for_people && CONTENT.contains(&&id["category:".len()..]) && holds("consent:channel") => {
                    must(consent, "consent document", id)
                }
                "recipient" | "transfer" => must(consent, "consent document", id),
                "purpose" if id == "purpose:retention" => must(consent, "consent document", id),
                _ => {}
            }
        }
    }

    // Legal bases: every purpose and category rests on one; the record names exactly the bases
    // in use, the other documents no other.
    let bases_of = |id: &str| links(id).into_iter().filter(|l| kind(l) == "basis").collect::<BTreeSet<_>>();
    let mut used: BTreeSet<String> = BTreeSet::new();
    for id in facts.keys() {
        match kind(id) {
            "purpose" => {
                let b = bases_of(id);
                assert!(!b.is_empty(), "{ctx}: `{id}` rests on no legal basis");
                used.extend(b);
            }
            "category" => {
                let own = bases_of(id);
                let via: BTreeSet<String> =
                    links(id).iter().filter(|l| kind(l) == "purpose").flat_map(|p| bases_of(p)).collect();
                assert!(!own.is_empty() || !via.is_empty(), "{ctx}: `{id}` rests on no legal basis");
                used.extend(own);
            }
            "transfer" | "consent" => used.extend(bases_of(id)),
            _ => {}
        }
    }
    let named = |doc: &BTreeSet<String>| doc.iter().filter(|r| kind(r) == "basis").cloned().collect::<BTreeSet<_>>();
    assert_eq!(named(&record), used, "{ctx}: the record names exactly the bases in use");
    assert!(named(&policy).is_subset(&used), "{ctx}: the policy names a basis not in use");
    if let Some(c) = &consent {
        assert!(named(c).is_subset(&used), "{ctx}: the consent document names a basis not in use");
    }
    // The address-book match (review-17b D5): for a practice the number alone is health data and
    // a secret, so explicit consent (Art. 9(2)(a)) and, where a release is needed, the release,
    // never Art. 6(1)(a) alone; every other secrecy holder adds the release, a law or tax firm as
    // much as an insurer or a counselling service bound by s. 203 StGB (the review of 1d33e79);
    // everyone else keeps Art. 6(1)(a).
    for id in ["purpose:contacts", "category:address_book", "consent:contacts"] {
        if !holds(id) {
            continue;
        }
        let b = bases_of(id);
        let release = holds("basis:release");
        if holds("flag:health_sector") {
            assert!(
                b.contains("basis:contacts_art9")
                    && !b.contains("basis:consent")
                    && !b.contains("basis:contacts_consent"),
                "{ctx}: `{id}` of a practice rests on explicit consent: {b:?}"
            );
        } else {
            assert!(
                b.contains("basis:contacts_consent") && !b.contains("basis:contacts_art9"),
                "{ctx}: `{id}` rests on consent: {b:?}"
            );
        }
        assert_eq!(b.contains("basis:contacts_release"), release, "{ctx}: `{id}` and the release: {b:?}");
    }
    // Every basis that is a consent is collected, where it must be, and no consent is collected
    // for nothing.
    let cb = consent_bases();
    let consents: Vec<&String> = facts.keys().filter(|id| kind(id) == "consent").collect();
    for id in facts.keys().filter(|id| ["purpose", "category", "transfer"].contains(&kind(id))) {
        for b in bases_of(id).intersection(&cb) {
            let served = consents.iter().any(|c| {
                let cl = links(c);
                let purposes: Vec<&String> = cl.iter().filter(|l| kind(l) == "purpose").collect();
                cl.contains(b) && (kind(id) != "purpose" || purposes.is_empty() || purposes.contains(&id))
            });
            assert!(served, "{ctx}: `{id}` rests on `{b}`, but no consent collects it");
        }
    }
    for c in &consents {
        let cl = links(c);
        assert!(cl.iter().any(|b| kind(b) == "basis" && used.contains(b)), "{ctx}: `{c}` is collected for nothing");
        let doc = match collected_in(c) {
            // A refused consent document (its reason says what to change first) collects nothing
            // until then; the refusal itself is checked above.
            DocId::Consent if consent.is_none() && !refused.is_empty() => continue,
            DocId::Consent => consent.as_ref().unwrap_or_else(|| panic!("{ctx}: `{c}` needs the consent document")),
            DocId::Policy => &policy,
            other => panic!("{c} in {other}"),
        };
        must(doc, &collected_in(c).to_string(), c);
    }
    if let Some(c) = &consent {
        for r in c.iter().filter(|r| kind(r) == "consent") {
            assert_eq!(collected_in(r), DocId::Consent, "{ctx}: the consent document collects `{r}`");
        }
    }

    // The judgments of the review.
    let record_doc = de.iter().find(|d| d.id == DocId::Record).unwrap();
    for i in items(record_doc) {
        let has = |r: &str| i.refs.iter().any(|x| x == r);
        if has("role:own_controller") || has("recipient:own_server") {
            assert_ne!(i.status, Some(Status::Missing), "{ctx}: no missing processing agreement for {:?}", i.refs);
        }
        if has("flag:reads") && holds("role:processor") {
            assert_eq!(i.status, Some(Status::Note), "{ctx}: a processor that can read is a note (C14)");
        }
    }
    if holds("flag:public_task") {
        assert!(
            !used.contains("basis:contract") && !used.contains("basis:legitimate"),
            "{ctx}: public bodies: {used:?}"
        );
        assert!(used.is_empty() || holds("basis:task") || !holds("purpose:replies"), "{ctx}");
        must(&record, "record", "flag:dpo_mandatory");
    }
    let content: Vec<String> = a.get("content").map(|c| c.ids().to_vec()).unwrap_or_default();
    if holds("flag:health_sector") && content.iter().any(|c| c == "appointments") {
        assert!(!holds("category:appointments"), "{ctx}: a practice's appointments are health data");
        // Explicit consent to the channel, unless the provider is a processor bound to
        // confidentiality or the server is the practice's own (then Art. 9(2)(h) carries it).
        if holds("subject:people") && holds("flag:consent_form") && !holds("flag:treatment_channel_ok") {
            assert!(holds("consent:art9"), "{ctx}: explicit consent for the channel");
        }
        if holds("flag:treatment_channel_ok") {
            assert!(!holds("consent:art9"), "{ctx}: no extra consent with a bound processor");
        }
    }
    if holds("flag:secrecy") && holds("flag:whatsapp_app") {
        for c in ["letters", "letters_health", "documents", "documents_health", "health", "confidential", "secrets"] {
            assert!(!holds(&format!("category:{c}")), "{ctx}: nothing about a matter through WhatsApp ({c})");
        }
        assert!(holds("forbidden:secrets"), "{ctx}");
        if holds("subject:people") {
            assert!(holds("consent:release"), "{ctx}: the contact itself needs a release");
        }
    }
    let messenger = a.get("messenger").unwrap().ids()[0].clone();
    if ["signal", "telegram"].contains(&messenger.as_str()) {
        must(&record, "record", "transfer:art49");
        if holds("subject:people") {
            assert!(holds("consent:transfer"), "{ctx}: Art. 49(1)(a)");
        }
    }
    if holds("transfer:onward") || holds("transfer:processor") {
        let (_, setup) = cat().templates().messenger(&messenger).unwrap();
        assert!(setup.copy.is_some(), "{ctx}: where a copy of the safeguards is available (Art. 13(1)(f))");
    }
    must(&policy, "policy", "purpose:accounts");
    if holds("flag:own_device") {
        must(&policy, "policy", "consent:staff_device");
    }
    if holds("flag:no_disappearing") {
        let t = cat().templates();
        let flag = t.fact("flag:no_disappearing").unwrap();
        let banned: Vec<&str> = t
            .steps
            .iter()
            .filter(|p| p.if_not.contains(&flag))
            .flat_map(|p| p.cases.iter().filter_map(|c| c.title.as_ref()).map(|t| t.get(Lang::De)))
            .collect();
        let list = de.iter().find(|d| d.id == DocId::Checklist).unwrap();
        for i in items(list) {
            let title = documents::plain(i.title.as_deref().unwrap_or_default());
            assert!(
                !banned.iter().any(|b| title == *b),
                "{ctx}: no disappearing messages for a recording duty: {title}"
            );
        }
    }
    let _ = checklist;
}

#[test]
fn every_sector_messenger_and_audience_gives_one_consistent_set() {
    const ROUNDS: usize = 3;
    let options = |q: &str| -> Vec<String> {
        cat().question(q).unwrap().options.iter().map(|o| o.id.to_string()).filter(|o| o != "undecided").collect()
    };
    let audiences: Vec<Vec<String>> = (1u8..8)
        .map(|m| {
            ["customers", "internal", "partners"]
                .iter()
                .enumerate()
                .filter(|(i, _)| m & (1 << i) != 0)
                .map(|(_, o)| o.to_string())
                .collect()
        })
        .collect();
    let mut runner = TestRunner::new_with_rng(Config::default(), TestRng::deterministic_rng(RngAlgorithm::ChaCha));
    let rest = any_rest();
    let mut count = Count::default();
    for sector in options("sector") {
        for messenger in options("messenger") {
            for audience in &audiences {
                for _ in 0..ROUNDS {
                    let mut a = rest.new_tree(&mut runner).unwrap().current();
                    a.insert("sector".into(), Answer::One(sector.clone()));
                    a.insert("messenger".into(), Answer::One(messenger.clone()));
                    a.insert("audience".into(), Answer::Many(audience.clone()));
                    check(&a, &mut count);
                }
            }
        }
    }
    eprintln!(
        "templates_set: {} setups, {} documents (both languages), {} with the consent document refused",
        count.setups, count.documents, count.refused
    );
    assert_eq!(count.setups, 6 * 14 * 7 * ROUNDS);
    assert!(count.documents > count.setups * 2 * 3, "{} documents", count.documents);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// The same over fully random answers (sector, audience and more left open too).
    #[test]
    fn any_answers_give_one_consistent_set(rest in any_rest(), m in proptest::sample::select(
        cat().question("messenger").unwrap().options.iter().map(|o| o.id.to_string()).filter(|o| o != "undecided").collect::<Vec<_>>()
    ), sector in proptest::option::of(proptest::sample::select(vec!["trade", "health", "legal_tax", "finance_insurance", "public_sector", "other"]))) {
        let mut a = rest;
        a.insert("messenger".into(), Answer::One(m));
        if let Some(s) = sector {
            a.insert("sector".into(), Answer::One(s.to_string()));
        }
        check(&a, &mut Count::default());
    }
}
