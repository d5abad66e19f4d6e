//! The document templates (engine::documents): over random answers, no placeholder is left
//! but the marked blanks, the chosen messenger and its operator appear, nothing names a
//! messenger, audience or content the visitor did not choose, and German and English have the
//! same structure; and what each template must say for the setups that need it.
mod common;
use common::*;
use engine::documents::{self, render, Blanks, Block, DocError, DocId, Document, Part, Status};
use engine::{Answer, Answers, Lang};
use proptest::prelude::*;
use regex::Regex;
use serde_json::json;

/// Random answers: each question answered or not, with random valid options.
fn any_answers() -> impl Strategy<Value = Answers> {
    let per_q = per_question(0.5);
    // A messenger is chosen in most cases (without one there are no templates).
    let messenger = proptest::sample::select(
        cat().question("messenger").unwrap().options.iter().map(|o| o.id.to_string()).collect::<Vec<_>>(),
    );
    (per_q, messenger, any::<bool>()).prop_map(|(v, m, keep)| {
        let mut a = answered(v);
        if !keep || !a.contains_key("messenger") {
            a.insert("messenger".into(), Answer::One(m));
        }
        a
    })
}

fn docs(a: &Answers, lang: Lang) -> Vec<Document> {
    documents::documents(a, cat(), lang, &Blanks::default()).expect("valid answers")
}

fn doc(v: serde_json::Value, id: DocId, lang: Lang) -> Document {
    documents::document(id, &answers(v), cat(), lang, &Blanks::default()).unwrap_or_else(|e| panic!("{id}: {e}"))
}

/// Everything a document says, as plain text, without its list of sources (whose titles
/// name the articles they come from, e.g. "WhatsApp im Unternehmen").
fn body(d: &Document) -> String {
    let mut s = documents::plain(&d.title);
    let mut add = |p: &[Part]| {
        s.push('\n');
        s.push_str(&documents::plain(p));
    };
    for sec in &d.sections {
        add(&sec.heading);
        for b in &sec.blocks {
            match b {
                Block::Paragraph { parts, .. } | Block::Note { parts, .. } => add(parts),
                Block::List { items } | Block::Checklist { items } => {
                    for i in items {
                        for p in [i.title.as_deref(), Some(&i.parts[..]), i.place.as_deref()].into_iter().flatten() {
                            add(p);
                        }
                    }
                }
            }
        }
    }
    s
}

fn chosen(a: &Answers, q: &str) -> Vec<String> {
    a.get(q).map(|x| x.ids().to_vec()).unwrap_or_default()
}

type MessengerMarkers = Vec<(&'static [&'static str], Regex)>;
type AnswerMarkers = Vec<(&'static str, &'static str, Regex)>;

/// What names a messenger (or a WhatsApp edition) in a text, by messenger id (compiled once).
fn messenger_markers() -> &'static MessengerMarkers {
    static M: std::sync::OnceLock<MessengerMarkers> = std::sync::OnceLock::new();
    M.get_or_init(messenger_markers_new)
}

fn messenger_markers_new() -> MessengerMarkers {
    let wa: &[&str] = &["whatsapp", "whatsapp_business_app", "whatsapp_business_platform"];
    let m = |ids: &'static [&'static str], re: &str| (ids, Regex::new(re).unwrap());
    vec![
        m(wa, r"WhatsApp|\bMeta\b"),
        m(&["whatsapp"], r"normalen? (WhatsApp-)?App|regular (WhatsApp )?app"),
        // "WhatsApp Business" but not "WhatsApp Business Platform" (the regex crate has no lookahead).
        m(&["whatsapp_business_app"], r"WhatsApp Business(?:[^ P]| [^P]|$)|(?i)business[ -]app"),
        m(&["whatsapp_business_platform"], r"Business Platform|Cloud API"),
        m(&["threema", "threema_work"], r"Threema"),
        m(&["threema_work"], r"Threema Work|(?i)management[- ]cockpit"),
        // Threema and Threema Work both address people by their Threema ID.
        m(&["threema", "threema_work"], r"Threema-ID|Threema ID"),
        m(&["signal"], r"\bSignal\b"),
        m(&["wire"], r"\bWire\b"),
        m(&["telegram"], r"Telegram"),
        m(&["element"], r"\bElement\b|Matrix"),
        m(&["teams"], r"\bTeams\b|Microsoft"),
        m(&["slack"], r"\bSlack\b"),
        m(&["mattermost"], r"Mattermost"),
        m(&["rocketchat"], r"Rocket\.Chat"),
    ]
}

/// What names an audience or a kind of content, by (question, option) and language (compiled once).
fn answer_markers(lang: Lang) -> &'static AnswerMarkers {
    static DE: std::sync::OnceLock<AnswerMarkers> = std::sync::OnceLock::new();
    static EN: std::sync::OnceLock<AnswerMarkers> = std::sync::OnceLock::new();
    match lang {
        Lang::De => DE.get_or_init(|| answer_markers_new(lang)),
        Lang::En => EN.get_or_init(|| answer_markers_new(lang)),
    }
}

fn answer_markers_new(lang: Lang) -> AnswerMarkers {
    let m = |q, o, de: &str, en: &str| (q, o, Regex::new(if lang == Lang::De { de } else { en }).unwrap());
    vec![
        m("audience", "customers", r"Kund", r"(?i)customer"),
        m("audience", "internal", r"untereinander", r"(?i)among staff"),
        m("audience", "partners", r"Geschäftspartner|Lieferant", r"(?i)business partner|supplier"),
        m("content", "appointments", r"Termin", r"(?i)appointment"),
        m(
            "content",
            "business_letters",
            r"Geschäftsbrief|Rechnung|Buchungsbeleg",
            r"(?i)business letter|invoice|voucher",
        ),
        m("content", "personal_data", r"Namen, Anschriften", r"(?i)names, addresses"),
        m(
            "content",
            "special_categories",
            r"Gesundheit|Art\. 9(\D|$)|besondere[rn]? Kategorie",
            r"(?i)health|Art\. 9(\D|$)|special categor",
        ),
        m(
            "content",
            "confidential",
            r"(?i)interne Unterlagen|vertrauliche Inhalte",
            r"(?i)internal documents|confidential content",
        ),
    ]
}

/// The shape of a document: section ids with the kind and size of each block.
fn shape(d: &Document) -> Vec<(String, Vec<String>)> {
    d.sections
        .iter()
        .map(|s| {
            let blocks = s
                .blocks
                .iter()
                .map(|b| match b {
                    Block::Paragraph { sources, .. } => format!("p{sources:?}"),
                    Block::Note { sources, .. } => format!("note{sources:?}"),
                    Block::List { items } => {
                        format!("list{:?}", items.iter().map(|i| (i.status, &i.sources)).collect::<Vec<_>>())
                    }
                    Block::Checklist { items } => {
                        format!(
                            "check{:?}",
                            items.iter().map(|i| (i.status, &i.measure, &i.sources)).collect::<Vec<_>>()
                        )
                    }
                })
                .collect();
            (s.id.clone(), blocks)
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn templates_fit_the_answers(a in any_answers()) {
        let messenger = chosen(&a, "messenger").first().cloned().unwrap_or_default();
        let de = docs(&a, Lang::De);
        let en = docs(&a, Lang::En);
        if messenger == "undecided" {
            prop_assert!(de.is_empty() && en.is_empty(), "no messenger, no templates");
            return Ok(());
        }
        let customers = chosen(&a, "audience").contains(&"customers".to_string());
        // The consent template when customers are in the audience, unless the catalog refuses it
        // for the setup (the consumer WhatsApp app where the contact itself would need a release
        // or an explicit consent), and then with a reason.
        let refused = !documents::refusals(&a, cat(), Lang::De).unwrap().is_empty();
        let ids: Vec<DocId> = de.iter().map(|d| d.id).collect();
        let expected: Vec<DocId> =
            DocId::ALL.into_iter().filter(|d| *d != DocId::Consent || (customers && !refused)).collect();
        prop_assert_eq!(&ids, &expected, "the consent template exactly when customers are in the audience");
        let facts: Vec<String> = documents::description(&a, cat()).unwrap().unwrap().into_iter().map(|f| f.id).collect();
        let has = |f: &str| facts.iter().any(|x| x == f);

        for (d, e) in de.iter().zip(&en) {
            // German and English have the same sections, blocks, items, statuses and sources.
            prop_assert_eq!(shape(d), shape(e), "{}: the same structure in both languages", d.id);
            prop_assert_eq!(&d.sources.iter().map(|s| &s.id).collect::<Vec<_>>(), &e.sources.iter().map(|s| &s.id).collect::<Vec<_>>());
            for (lang, doc) in [(Lang::De, d), (Lang::En, e)] {
                let text = body(doc);
                let md = render::markdown(doc);
                // Nothing left to fill but the marked blanks.
                prop_assert!(!md.contains('{') && !md.contains('}'), "{} {lang}: a placeholder is left:\n{md}", doc.id);
                // Every blank is a known one with its label; the business's name is labelled in
                // the sector's words ("Name der Praxis").
                let known = cat().templates().blank_labels(lang);
                let sector = chosen(&a, "sector").first().cloned().unwrap_or_else(|| "other".into());
                let company_label = sector_value(&sector, "company_label", lang);
                for sec in &doc.sections {
                    for b in &sec.blocks {
                        if let Block::Paragraph { parts, .. } | Block::Note { parts, .. } = b {
                            for p in parts {
                                if let Part::Blank { blank, label, .. } = p {
                                    let ok = known.contains(&(blank.as_str(), label.as_str()))
                                        || (blank == "company" && *label == company_label);
                                    prop_assert!(ok, "{blank}: {label}");
                                }
                            }
                        }
                    }
                }
                // The chosen messenger and its operator appear.
                let name = messenger_name(&messenger, lang);
                prop_assert!(text.contains(&name), "{} {lang}: `{name}` is not named", doc.id);
                // On an own server the business runs it: its name stands for the operator.
                let op = operator(&a, lang);
                if !has("recipient:own_server") {
                    prop_assert!(text.contains(&op), "{} {lang}: the operator `{op}` is not named:\n{text}", doc.id);
                }
                // Nothing names a messenger, audience or content the visitor did not choose.
                // (Documents that cover the Platform too carry "WhatsApp Business" in their names.)
                let mut named = text.clone();
                for doc_name in ["Meta-Bedingungen für WhatsApp Business", "Meta Terms for WhatsApp Business", "WhatsApp Business Data Transfer Addendum", "WhatsApp Business Messaging Policy"] {
                    named = named.replace(doc_name, "");
                }
                for (ids, re) in messenger_markers().iter() {
                    if !ids.contains(&messenger.as_str()) {
                        prop_assert!(!re.is_match(&named), "{} {lang} for {messenger}: names another messenger ({re}):\n{text}", doc.id);
                    }
                }
                for (q, o, re) in answer_markers(lang).iter() {
                    // A practice's or an insurer's words name health (the health professions, health insurers; for a practice every content
                    // is health data), and whoever must keep records reads the sector's
                    // retention law (which names invoices).
                    let health = has("flag:health_sector") || has("flag:secrecy");
                    if (*o == "special_categories" && health) || (*o == "business_letters" && has("purpose:retention")) {
                        continue;
                    }
                    // Staff chats held back under secrecy name whom the secrecy protects (in a
                    // trade or "other" sector, "die Kundschaft"), even for a team that writes
                    // only internally: that is what those chats must not carry.
                    if *o == "customers" && (has("flag:staff_chats_held") || has("flag:staff_backup_wa")) {
                        continue;
                    }
                    if !chosen(&a, q).iter().any(|x| x == o) {
                        let hit = re.find(&text).map(|m| m.as_str().to_string());
                        prop_assert!(hit.is_none(), "{} {lang}: `{hit:?}` names {q}={o}, which was not chosen ({a:?}):\n{text}", doc.id);
                    }
                }
            }
        }
    }
}

/// A value of a sector's profile in a language.
fn sector_value(sector: &str, key: &str, lang: Lang) -> String {
    cat().profile(sector).and_then(|p| p.value(key)).map(|v| v.text.get(lang).to_string()).unwrap_or_default()
}

/// The messenger's name as the templates write it (a marked blank for "another one").
fn messenger_name(m: &str, lang: Lang) -> String {
    let a = answers(json!({"messenger": m, "audience": ["customers"]}));
    let d = documents::document(DocId::Checklist, &a, cat(), lang, &Blanks::default()).unwrap();
    // The checklist's title is "Checkliste: {messenger} datenschutzgerecht einrichten".
    let t = documents::plain(&d.title);
    let (start, end) = if lang == Lang::De {
        ("Checkliste: ", " datenschutzgerecht")
    } else {
        ("Checklist: setting up ", " for data")
    };
    t[start.len()..t.find(end).unwrap()].to_string()
}

/// The operator as the templates write it for these answers: the first sentence of the
/// checklist's "about" paragraph names it.
fn operator(a: &Answers, lang: Lang) -> String {
    let d = documents::document(DocId::Checklist, a, cat(), lang, &Blanks::default()).unwrap();
    let about = match &d.sections[0].blocks[0] {
        Block::Paragraph { parts, .. } => documents::plain(parts),
        b => panic!("{b:?}"),
    };
    let key = if lang == Lang::De { "betrieben von " } else { "is run by " };
    let from = about.find(key).unwrap() + key.len();
    let to = about[from..].find(". ").map_or(about.len(), |i| from + i);
    about[from..to].to_string()
}

// ---------------------------------------------------------------------------------------
// What the templates must say

/// A plumber on WhatsApp Business, the app (docs/examples/templates/plumber).
fn plumber() -> serde_json::Value {
    json!({"sector": "trade", "audience": ["customers", "internal"], "messenger": "whatsapp_business_app",
        "device": "company_private_allowed", "contact_access": "granted", "address_book": "business_only",
        "first_contact": "customer", "consent": "informal", "content": ["appointments", "business_letters", "personal_data"],
        "chat_backup": "cloud", "media_autosave": "on", "archiving": "none", "usage_policy": "none", "works_council": "none"})
}

/// A physiotherapy practice moving to Threema Work.
fn physio() -> serde_json::Value {
    json!({"sector": "health", "audience": ["customers", "internal"], "messenger": "threema_work", "dpa": "yes",
        "server_operator": "vendor", "confidentiality_agreement": "signed",
        "device": "company_business_only", "contact_access": "denied", "first_contact": "customer", "consent": "documented",
        "content": ["appointments", "special_categories"], "chat_backup": "off", "media_autosave": "off",
        "usage_policy": "none", "works_council": "none"})
}

fn md(v: serde_json::Value, id: DocId, lang: Lang) -> String {
    render::markdown(&doc(v, id, lang))
}

#[test]
fn the_customer_information_has_every_element_of_art_13_that_applies() {
    for (setup, lang) in [(plumber(), Lang::De), (physio(), Lang::En), (plumber(), Lang::En)] {
        let d = doc(setup.clone(), DocId::Consent, lang);
        let t = body(&d);
        let de = lang == Lang::De;
        let must = |what: &str, needles: &[&str]| {
            for n in needles {
                assert!(t.contains(n), "{what} ({lang}): `{n}` missing in\n{t}");
            }
        };
        // Art. 13(1)(a): controller with contact details (blanks); (b) the DPO "if you have one".
        if de {
            must("controller", &["Verantwortlich für die Verarbeitung Ihrer Daten ist [Name des Betriebs], [Anschrift], [E-Mail-Adresse oder Telefonnummer]"]);
            must("DPO", &["Datenschutzbeauftragte", "wenn Sie eine oder einen benannt haben", "§ 38 Abs. 1 BDSG"]);
            // (c) purposes and legal bases: replies rest on Art. 6(1)(b), messaging first on consent.
            must("purposes", &["Art. 6 Abs. 1 lit. b DSGVO", "Art. 6 Abs. 1 lit. a DSGVO", "Rechtsgrundlage"]);
            // (e) recipients: the operator; (f) the transfer and its safeguard.
            must("recipients", &["WhatsApp Ireland Ltd., Merrion Road, Dublin 4 (Irland)", "Auftragsverarbeiter"]);
            // (f) where the safeguards relied on are available.
            must(
                "copy",
                &[
                    "https://www.whatsapp.com/legal/business-data-transfer-addendum",
                    "https://faq.whatsapp.com/general/about-standard-contractual-clauses",
                ],
            );
            must("transfer", &["Art. 45 DSGVO", "Durchführungsbeschluss (EU) 2023/1795", "Standardvertragsklauseln"]);
            // Art. 13(2)(a) storage, (b) rights, (c) withdrawal, (d) complaint, (e) whether required, (f) automated decisions.
            must("storage", &["spätestens [Frist", "sechs Jahre", "acht Jahre"]);
            must(
                "rights",
                &["Auskunft (Art. 15 DSGVO)", "Berichtigung", "Löschung", "Einschränkung", "Datenübertragbarkeit"],
            );
            must("withdrawal", &["jederzeit mit Wirkung für die Zukunft widerrufen", "Art. 7 Abs. 3 DSGVO"]);
            must("complaint", &["Aufsichtsbehörde beschweren (Art. 77 DSGVO)"]);
            must("provision", &["Sie müssen uns weder über", "noch einwilligen"]);
            must("automated", &["Art. 22 DSGVO"]);
            assert!(!t.contains("Art. 9"), "no Art. 9 consent without health data");
        } else {
            // The business's name in the sector's words.
            let name = if setup == physio() { "name of the practice" } else { "name of the business" };
            let controller =
                format!("The controller of your data is [{name}], [address], [e-mail address or phone number]");
            must("controller", &[controller.as_str()]);
            must("DPO", &["data protection officer", "only if you have designated one", "s. 38(1) BDSG"]);
            must("purposes", &["Art. 6(1)(b) GDPR", "Art. 6(1)(a) GDPR", "Legal basis"]);
            must(
                "rights",
                &["right of access (Art. 15 GDPR)", "rectification", "erasure", "restriction", "data portability"],
            );
            must("withdrawal", &["withdraw consent at any time with effect for the future", "Art. 7(3) GDPR"]);
            must("complaint", &["supervisory authority (Art. 77 GDPR)"]);
            must("automated", &["Art. 22 GDPR"]);
            if setup == physio() {
                // Health data through an end-to-end encrypted processor bound to confidentiality:
                // the treatment basis (Art. 9(2)(h) with s. 22 BDSG) carries them, no extra consent.
                must("Art. 9", &["Art. 9(2)(h), (3) GDPR with s. 22(1) no. 1(b) BDSG", "information about my health"]);
                assert!(!t.contains("explicitly consent") && !t.contains("Art. 9(2)(a)"), "{t}");
                must("recipients", &["Threema GmbH, Pfäffikon SZ (Switzerland)", "processor"]);
                must("transfer", &["Switzerland", "Art. 45 GDPR", "Decision 2000/518/EC"]);
                // A secrecy holder whose provider is bound to confidentiality: no release needed.
                assert!(!t.contains("release"), "{t}");
                assert!(!t.contains("invoices"), "no business letters chosen");
            } else {
                must("storage", &["six years", "eight years"]);
            }
        }
        // The customer-facing text carries no citation numbers; its sources are for the business.
        assert!(!d.cite);
        assert!(!render::markdown(&d).contains(" [1]"));
    }
}

#[test]
fn the_platforms_information_names_meta_and_the_provider() {
    // The contracting Meta entity (marked as the party under the Meta Terms for WhatsApp
    // Business), the provider, what the customer sees ("WhatsApp", through our provider), that
    // the messages are not end-to-end encrypted between customer and business, and where the
    // safeguards are available (B5, B20, C17).
    let v = json!({"audience": ["customers"], "messenger": "whatsapp_business_platform", "provider_region": "eu"});
    let t = body(&doc(v, DocId::Consent, Lang::De));
    for needle in [
        "Meta Platforms Ireland Ltd., Dublin (Irland), Vertragspartner nach den Meta-Bedingungen für WhatsApp Business, genutzt über unseren Dienstleister [Name und Sitz des Dienstleisters]",
        "mich über WhatsApp kontaktiert, über den Dienstleister [Name und Sitz des Dienstleisters]",
        "nicht Ende-zu-Ende-verschlüsselt",
        "Local Storage",
        "60 Minuten",
        "stützt die Übermittlung an Meta Platforms, Inc. in den USA auf den Angemessenheitsbeschluss der EU-Kommission zum EU-US Data Privacy Framework",
        "Meta Platforms, Inc. ist nach der Offenlegung von WhatsApp danach zertifiziert",
        "https://www.dataprivacyframework.gov",
    ] {
        assert!(t.contains(needle), "`{needle}` in\n{t}");
    }
    assert!(!t.contains("Meta (WhatsApp Cloud API)"), "Meta is an entity, not a product");
    // The Business Data Transfer Addendum covers what WhatsApp processes for the Business App,
    // not the Cloud API (facts-2026, Corrections 2026-12-01).
    assert!(!t.contains("business-data-transfer-addendum"), "{t}");
}

#[test]
fn retention_follows_the_sector_and_a_chat_export_alone_is_no_archive() {
    // Merchants: letters six years, vouchers eight (since BEG IV), HGB and AO; everyone the
    // GoBD point that a chat export is not an archive (B9).
    let de = md(plumber(), DocId::Policy, Lang::De);
    assert!(de.contains("sechs Jahre auf") && de.contains("Rechnungen und andere Buchungsbelege acht Jahre"), "{de}");
    assert!(
        de.contains("§ 257 HGB") && de.contains("Ein Chat-Export allein genügt dafür nicht") && de.contains("GoBD"),
        "{de}"
    );
    assert!(!de.contains("zehn Jahre"));
    let en = md(plumber(), DocId::Policy, Lang::En);
    assert!(en.contains("kept for six years") && en.contains("accounting vouchers for eight years"), "{en}");
    for id in [DocId::Record, DocId::Consent] {
        let t = md(plumber(), id, Lang::De);
        assert!(t.contains("sechs Jahre") && t.contains("acht Jahre"), "{id}");
    }
    // A practice: the patient record, ten years (s. 630f(3) BGB), not the HGB.
    let practice = md(physio(), DocId::Policy, Lang::De);
    assert!(
        practice.contains("Patientenakte") && practice.contains("§ 630f Abs. 3 BGB") && !practice.contains("§ 257 HGB"),
        "{practice}"
    );
    // Law and tax firms: the client file (s. 50 BRAO, s. 66 StBerG); public bodies: the file.
    let firm = json!({"sector": "legal_tax", "audience": ["customers"], "messenger": "threema_work", "content": ["personal_data"]});
    let t = md(firm, DocId::Policy, Lang::De);
    assert!(t.contains("§ 50 Abs. 1 BRAO") && t.contains("§ 66 Abs. 1 StBerG") && !t.contains("§ 257 HGB"), "{t}");
    let body_ = json!({"sector": "public_sector", "audience": ["customers"], "messenger": "threema_work", "content": ["business_letters"]});
    let t = md(body_, DocId::Policy, Lang::De);
    assert!(t.contains("Akte") && t.contains("§ 6a EGovG") && !t.contains("§ 257 HGB"), "{t}");
    // Without anything to keep there is no retention section.
    let none =
        json!({"sector": "trade", "audience": ["internal"], "messenger": "threema_work", "content": ["appointments"]});
    assert!(!md(none, DocId::Policy, Lang::De).contains("## Aufbewahrung"));
}

#[test]
fn a_secrecy_holders_rules_contain_the_section_203_clause() {
    let clause_de = "§ 203 Abs. 3 Satz 2, Abs. 4 Satz 2 Nr. 1 StGB";
    let clause_en = "s. 203(3) sentence 2, (4) sentence 2 no. 1 StGB";
    for sector in ["health", "legal_tax", "public_sector"] {
        for m in ["whatsapp_business_app", "threema_work", "teams", "signal"] {
            let v = json!({"sector": sector, "audience": ["internal"], "messenger": m});
            let de = md(v.clone(), DocId::Policy, Lang::De);
            assert!(de.contains("## Schweigepflicht") && de.contains(clause_de), "{sector} {m}:\n{de}");
            assert!(de.contains("zur Verschwiegenheit verpflichtet"), "{sector} {m}");
            let en = md(v, DocId::Policy, Lang::En);
            assert!(en.contains(clause_en), "{sector} {m}");
            // Lawyers and tax advisers: the contract in text form (s. 43e BRAO, s. 62a StBerG).
            assert_eq!(de.contains("§ 43e Abs. 3 BRAO"), sector == "legal_tax", "{sector} {m}");
        }
    }
    // Insurers and others who say they are bound.
    let v = json!({"sector": "finance_insurance", "professional_secrecy": "yes", "audience": ["customers"], "messenger": "whatsapp_business_platform"});
    let de = md(v, DocId::Policy, Lang::De);
    assert!(de.contains(clause_de) && de.contains("Die Cloud API entschlüsselt jede Nachricht"), "{de}");
    // Not for a craft business.
    assert!(!md(plumber(), DocId::Policy, Lang::De).contains("§ 203"));
    // WhatsApp cannot be bound: the consent carries the release, its own tick box naming who
    // learns what (B4).
    let v = json!({"sector": "health", "audience": ["customers"], "messenger": "whatsapp_business_app"});
    let consent = md(v, DocId::Consent, Lang::De);
    assert!(
        consent.contains("- [ ] **Entbindung von der Schweigepflicht (freiwillig, gesondert)**")
            && consent.contains("Ich entbinde [Name der Praxis] insoweit von der Schweigepflicht, als durch die Nutzung von WhatsApp Business bekannt wird, dass ich hier Patientin oder Patient bin. Darüber wurde ich so informiert: WhatsApp Ireland Ltd. (Dublin) erfährt dabei, wer wann mit [Name der Praxis] schreibt"),
        "{consent}"
    );
}

#[test]
fn an_internal_only_setup_gets_no_customer_consent() {
    let v = json!({"sector": "trade", "audience": ["internal"], "messenger": "threema_work"});
    let all = docs(&answers(v.clone()), Lang::De);
    assert_eq!(all.iter().map(|d| d.id).collect::<Vec<_>>(), [DocId::Policy, DocId::Record, DocId::Checklist]);
    let e = documents::document(DocId::Consent, &answers(v), cat(), Lang::De, &Blanks::default()).unwrap_err();
    assert_eq!(e, DocError::NotApplicable(DocId::Consent));
    assert!(e.to_string().contains("customers"), "{e}");
    for d in &all {
        assert!(!body(d).contains("Kund"), "{}: no word about customers", d.id);
    }
}

#[test]
fn telegrams_checklist_says_ordinary_chats_are_not_end_to_end_encrypted() {
    let v = json!({"audience": ["internal"], "messenger": "telegram"});
    let de = md(v.clone(), DocId::Checklist, Lang::De);
    assert!(de.contains("Normale Telegram-Chats und alle Gruppen sind nicht Ende-zu-Ende-verschlüsselt"), "{de}");
    assert!(de.contains("https://telegram.org/faq#secret-chats"), "with its source");
    let en = md(v, DocId::Checklist, Lang::En);
    assert!(en.contains("Ordinary Telegram chats and all groups are not end-to-end encrypted"), "{en}");
}

#[test]
fn replies_rest_on_art_6_1_b_and_a_first_message_is_not_consent() {
    let de = md(plumber(), DocId::Policy, Lang::De);
    assert!(
        de.contains("Rechtsgrundlage: Art. 6 Abs. 1 lit. b DSGVO. Die erste Nachricht ist aber keine Einwilligung"),
        "{de}"
    );
    let en = md(plumber(), DocId::Policy, Lang::En);
    assert!(en.contains("Legal basis: Art. 6(1)(b) GDPR. The first message is not consent"), "{en}");
}

#[test]
fn health_data_need_explicit_consent_and_never_go_through_whatsapp() {
    let v = json!({"sector": "health", "audience": ["customers"], "messenger": "threema_work", "content": ["special_categories"]});
    let consent = md(v, DocId::Consent, Lang::De);
    assert!(
        consent.contains("Ich willige ausdrücklich ein") && consent.contains("Art. 9 Abs. 2 lit. a DSGVO"),
        "{consent}"
    );
    let v = json!({"sector": "health", "audience": ["customers"], "messenger": "whatsapp_business_app", "content": ["special_categories"]});
    let policy = md(v.clone(), DocId::Policy, Lang::De);
    assert!(policy.contains("gehen nicht über WhatsApp Business"), "{policy}");
    assert!(!md(v, DocId::Consent, Lang::De).contains("Art. 9 Abs. 2 lit. a"), "no consent to what the rules forbid");
}

#[test]
fn a_practice_treats_under_art_9_2_h_keeps_the_record_ten_years_and_others_do_not() {
    // A health practice: treatment data under Art. 9(2)(h) with s. 22 BDSG, the messenger on
    // explicit consent, the patient record ten years (s. 630f(3) BGB), in every template that
    // names the basis or the period, in both languages.
    for (lang, basis, record) in [
        (Lang::De, "Art. 9 Abs. 2 lit. h, Abs. 3 DSGVO mit § 22 Abs. 1 Nr. 1 lit. b BDSG", "§ 630f Abs. 3 BGB"),
        (Lang::En, "Art. 9(2)(h), (3) GDPR with s. 22(1) no. 1(b) BDSG", "s. 630f(3) BGB"),
    ] {
        let consent = md(physio(), DocId::Consent, lang);
        assert!(consent.contains(basis) && consent.contains(record), "{consent}");
        let rec = md(physio(), DocId::Record, lang);
        assert!(rec.contains(basis) && rec.contains(record), "{rec}");
        assert!(md(physio(), DocId::Policy, lang).contains(basis));
        // The record names the health basis once, not beside the generic line as well.
        assert!(
            !rec.contains(if lang == Lang::De {
                "Besondere Kategorien personenbezogener"
            } else {
                "Special categories of personal"
            }),
            "{rec}"
        );
    }
    // A non-health business that sends Art. 9 data gets neither the treatment basis nor the
    // patient record.
    let v = json!({"sector": "trade", "audience": ["customers"], "messenger": "threema_work", "content": ["special_categories"]});
    for id in [DocId::Policy, DocId::Consent, DocId::Record] {
        let text = md(v.clone(), id, Lang::De);
        assert!(!text.contains("lit. h") && !text.contains("630f"), "{text}");
    }
}

#[test]
fn the_pending_appeal_is_against_the_judgment_not_the_adequacy_decision() {
    for m in ["whatsapp", "whatsapp_business_app", "whatsapp_business_platform"] {
        let v = json!({"sector": "trade", "audience": ["customers"], "messenger": m});
        let de = md(v.clone(), DocId::Consent, Lang::De);
        assert!(de.contains("T-553/23") && de.contains("C-703/25 P"), "{de}");
        assert!(!de.contains("Gegen den Angemessenheitsbeschluss ist ein Rechtsmittel"), "{de}");
        let en = md(v, DocId::Consent, Lang::En);
        assert!(en.contains("T-553/23") && !en.contains("appeal against the adequacy decision"), "{en}");
    }
}

#[test]
fn a_works_council_must_agree() {
    let v = json!({"audience": ["internal"], "messenger": "teams", "works_council": "no_agreement"});
    let de = md(v, DocId::Policy, Lang::De);
    assert!(
        de.contains("§ 87 Abs. 1 Nr. 6 BetrVG")
            && de.contains("gilt erst, wenn sie mit dem Betriebsrat vereinbart ist"),
        "{de}"
    );
    // Unanswered: a conditional note; no works council: nothing.
    assert!(md(json!({"messenger": "teams"}), DocId::Policy, Lang::De).contains("Ist der Betriebsrat gewählt"));
    assert!(
        !md(json!({"messenger": "teams", "works_council": "none"}), DocId::Policy, Lang::De).contains("Betriebsrat")
    );
}

#[test]
fn the_checklist_ticks_what_the_answers_say_is_done() {
    let items = |v: serde_json::Value| -> Vec<(String, Status)> {
        doc(v, DocId::Checklist, Lang::En)
            .sections
            .iter()
            .flat_map(|s| s.blocks.iter())
            .filter_map(|b| match b {
                Block::Checklist { items } => Some(items),
                _ => None,
            })
            .flatten()
            .map(|i| (documents::plain(i.title.as_deref().unwrap()), i.status.unwrap()))
            .collect()
    };
    let open = items(plumber());
    let get = |list: &[(String, Status)], t: &str| list.iter().find(|(x, _)| x == t).map(|(_, s)| *s);
    assert_eq!(get(&open, "Turn off the chat backup to the cloud"), Some(Status::Open));
    assert_eq!(get(&open, "Deny access to contacts"), Some(Status::Open));
    let mut done = plumber();
    done["chat_backup"] = "off".into();
    done["contact_access"] = "denied".into();
    let done = items(done);
    assert_eq!(get(&done, "Turn off the chat backup to the cloud"), Some(Status::Done));
    assert_eq!(get(&done, "Deny access to contacts"), Some(Status::Done));
    let md = md(plumber(), DocId::Checklist, Lang::En);
    assert!(md.contains("- [ ] **Turn off the chat backup to the cloud**"), "{md}");
    assert!(md.contains("*Where:* WhatsApp Business > Settings > Chats > Chat backup"), "{md}");
}

#[test]
fn the_company_name_fills_its_blanks_and_cannot_become_markup() {
    let blanks = Blanks::company("Müller & Söhne <b>*GmbH*</b>");
    let d = documents::document(DocId::Policy, &answers(plumber()), cat(), Lang::De, &blanks).unwrap();
    let md = render::markdown(&d);
    assert!(
        md.starts_with(
            "# Messenger-Richtlinie: Nutzung von WhatsApp Business bei Müller & Söhne \\<b\\>\\*GmbH\\*\\</b\\>\n"
        ),
        "{md}"
    );
    assert!(!md.contains("[Name des Betriebs]"));
    let html = render::html(&d);
    assert!(html.contains("bei Müller &amp; Söhne &lt;b&gt;*GmbH*&lt;/b&gt;</h1>"), "{html}");
    assert!(!html.contains("<b>"));
    // The other blanks stay marked.
    assert!(html.contains("<mark>[zuständige Person]</mark>"));
    // A blank's value is one line, and long values are cut.
    let b = Blanks::company(&format!("A\nB  {}", "x".repeat(500)));
    assert_eq!(b.get("company").unwrap().chars().count(), documents::MAX_BLANK);
    assert!(b.get("company").unwrap().starts_with("A B x"));
    // An unknown blank is an error that names it.
    let mut bad = Blanks::default();
    bad.0.insert("firma".into(), "x".into());
    let e = documents::documents(&answers(plumber()), cat(), Lang::De, &bad).unwrap_err();
    assert!(e.to_string().contains("unknown blank `firma`") && e.to_string().contains("company"), "{e}");
}

#[test]
fn without_a_messenger_there_is_no_template() {
    for v in [json!({}), json!({"messenger": "undecided", "audience": ["customers"]})] {
        assert!(docs(&answers(v.clone()), Lang::De).is_empty());
        let e = documents::document(DocId::Policy, &answers(v), cat(), Lang::De, &Blanks::default()).unwrap_err();
        assert_eq!(e, DocError::NoMessenger);
    }
}

#[test]
fn every_document_carries_version_as_of_disclaimer_and_sources() {
    for d in docs(&answers(plumber()), Lang::De).iter().chain(&docs(&answers(physio()), Lang::En)) {
        assert_eq!(d.catalog.version, cat().version());
        assert!(d.meta.contains(cat().version()), "{}", d.meta);
        assert!(d.disclaimer.contains("keine Rechtsberatung") || d.disclaimer.contains("not legal advice"));
        assert!(!d.sources.is_empty());
        let md = render::markdown(d);
        assert!(md.contains(&d.disclaimer) && md.contains(&d.sources_heading));
        // Citation numbers point into the list.
        let n = d.sources.len() as u32;
        for s in &d.sections {
            for b in &s.blocks {
                let cited: Vec<u32> = match b {
                    Block::Paragraph { sources, .. } | Block::Note { sources, .. } => sources.clone(),
                    Block::List { items } | Block::Checklist { items } => {
                        items.iter().flat_map(|i| i.sources.clone()).collect()
                    }
                };
                assert!(cited.iter().all(|c| (1..=n).contains(c)), "{}: {cited:?} of {n}", d.id);
            }
        }
    }
    let html = render::html(&doc(plumber(), DocId::Checklist, Lang::En));
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">") && html.ends_with("</html>\n"));
    assert!(
        html.contains("<h2>Settings in WhatsApp Business</h2>") && html.contains("<li>\u{2610} <strong>"),
        "{html}"
    );
}

#[test]
fn the_json_is_the_structure() {
    let d = doc(plumber(), DocId::Record, Lang::En);
    let v: serde_json::Value = serde_json::from_str(&render::Format::Json.write(&d)).unwrap();
    assert_eq!(v["id"], "record");
    assert_eq!(v["lang"], "en");
    assert_eq!(
        v["title"][0]["text"],
        "Record of processing activities (Art. 30 GDPR): communication through WhatsApp Business"
    );
    let measures = v["sections"].as_array().unwrap().iter().find(|s| s["id"] == "measures").unwrap();
    let list = measures["blocks"].as_array().unwrap().iter().find(|b| b["type"] == "list").unwrap();
    assert!(list["items"].as_array().unwrap().iter().any(|i| i["status"] == "missing" && i["label"] == "Missing"));
    let blank = v["sections"][2]["blocks"][0]["items"][0]["parts"][0].clone();
    assert_eq!(blank, json!({"blank": "company", "label": "name of the business"}));
}

// ---------------------------------------------------------------------------------------
// Embedders: switch templates off, add a note (catalog overrides)

fn with_overrides(json: &str) -> Result<engine::Catalog, engine::CatalogError> {
    engine::Overrides::from_json(json).and_then(|o| cat().with_overrides(&o))
}

#[test]
fn overrides_switch_templates_off_and_add_a_note() {
    let c = with_overrides(r#"{"templates": {"hide": ["consent", "record"], "note": {"de": "Fragen? Wir prüfen Ihre Vorlagen: 030 123456"}}}"#).unwrap();
    let a = answers(plumber());
    let ds = documents::documents(&a, &c, Lang::En, &Blanks::default()).unwrap();
    assert_eq!(ds.iter().map(|d| d.id).collect::<Vec<_>>(), [DocId::Policy, DocId::Checklist]);
    // One language stands in for the other.
    assert_eq!(ds[0].note.as_deref(), Some("Fragen? Wir prüfen Ihre Vorlagen: 030 123456"));
    assert!(render::markdown(&ds[0]).contains("> Fragen? Wir prüfen Ihre Vorlagen: 030 123456\n"));
    let e = documents::document(DocId::Record, &a, &c, Lang::De, &Blanks::default()).unwrap_err();
    assert_eq!(e, DocError::Hidden(DocId::Record));
    let none = with_overrides(r#"{"templates": {"hide": ["all"]}}"#).unwrap();
    assert!(documents::documents(&a, &none, Lang::De, &Blanks::default()).unwrap().is_empty());
    assert!(none.templates().hidden(DocId::Policy) && none.templates().all_hidden());
    // The embedded catalog is untouched.
    assert_eq!(docs(&a, Lang::De).len(), 4);
    assert!(docs(&a, Lang::De)[0].note.is_none());
}

#[test]
fn malformed_template_overrides_name_the_field() {
    let cases = [
        (r#"{"templates": {"hide": ["policy", "letter"]}}"#, "hide[1]", "unknown template `letter`"),
        (r#"{"templates": {"hide": "all"}}"#, "templates.hide", "sequence"),
        (r#"{"templates": {"note": {"fr": "Bonjour"}}}"#, "note.fr", "unknown language"),
        (r#"{"templates": {"note": {"de": "  "}}}"#, "note", "needs a text"),
        (r#"{"templates": {"note": "Hallo"}}"#, "templates.note", "map"),
        (r#"{"templates": {"off": true}}"#, "templates", "unknown field `off`"),
    ];
    for (json, field, message) in cases {
        let e = with_overrides(json).unwrap_err();
        assert_eq!(e.file, "catalog override", "{json}");
        assert!(e.to_string().contains(field) && e.to_string().contains(message), "{json}: {e}");
    }
    let long = format!(r#"{{"templates": {{"note": {{"en": "{}"}}}}}}"#, "x".repeat(501));
    let e = with_overrides(&long).unwrap_err();
    assert!(e.to_string().contains("note.en") && e.to_string().contains("500"), "{e}");
}

// ---------------------------------------------------------------------------------------
// A broken templates.json: an error naming the entry and the field (the widget's build fails
// with it, since build.rs loads the same files)

fn load_templates_with(edit: impl Fn(&mut serde_json::Value)) -> engine::CatalogError {
    let files: Vec<(&str, String)> = engine::catalog::EMBEDDED_FILES
        .iter()
        .map(|(name, text)| {
            let mut text = text.to_string();
            if *name == "templates.json" {
                let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
                edit(&mut v);
                text = v.to_string();
            }
            (*name, text)
        })
        .collect();
    let files: Vec<(&str, &str)> = files.iter().map(|(n, t)| (*n, t.as_str())).collect();
    match engine::Catalog::from_files(&files) {
        Ok(_) => panic!("the broken templates.json must not load"),
        Err(e) => e,
    }
}

#[test]
fn a_broken_templates_file_names_the_entry_and_the_field() {
    let at = |e: &engine::CatalogError| format!("{} | {} | {} | {}", e.file, e.entry, e.field, e.message);
    let e = load_templates_with(|v| v["documents"][0]["sections"][0]["blocks"][0]["p"]["text"]["en"] = json!(" "));
    assert_eq!(at(&e), "templates.json | document `policy`, section `scope` | blocks[0].p.text.en | text is empty");
    let e = load_templates_with(|v| v["documents"][0]["sections"][0]["blocks"][0]["p"]["sources"] = json!(["nope"]));
    assert_eq!(e.field, "blocks[0].p.sources[0]", "{e}");
    assert!(e.message.contains("unknown source `nope`"), "{e}");
    let e =
        load_templates_with(|v| v["documents"][0]["sections"][0]["blocks"][0]["p"]["text"]["de"] = json!("{firma}"));
    assert!(e.to_string().contains("unknown blank or value `{firma}`"), "{e}");
    let e = load_templates_with(|v| v["documents"][0]["when"] = json!({"is": ["messenger", "icq"]}));
    assert_eq!((e.entry.as_str(), e.field.as_str()), ("document `policy`", "when"), "{e}");
    assert!(e.message.contains("unknown option `icq` for question `messenger`"), "{e}");
    let e = load_templates_with(|v| {
        v["messengers"].as_object_mut().unwrap().remove("wire");
    });
    assert_eq!(e.entry, "messenger `wire`", "{e}");
    let e = load_templates_with(|v| v["messengers"]["wire"]["steps"] = json!(["nope"]));
    assert_eq!((e.field.as_str(), e.message.as_str()), ("steps[0]", "unknown step `nope`"), "{e}");
    let e = load_templates_with(|v| {
        v["texts"].as_object_mut().unwrap().remove("ui.doc.record");
    });
    assert_eq!(e.entry, "text `ui.doc.record`", "{e}");
    // A syntax or type error names the JSON path, as for every catalog file.
    let e = load_templates_with(|v| v["documents"][1]["cite"] = json!("yes"));
    assert_eq!((e.file.as_str(), e.field.as_str()), ("templates.json", "documents[1].cite"), "{e}");
}

/// The physiotherapy practice of docs/examples/templates/physio: Threema Work, no
/// confidentiality agreement yet.
fn physio_unbound() -> serde_json::Value {
    let mut v = physio();
    v.as_object_mut().unwrap().remove("confidentiality_agreement");
    v
}

#[test]
fn a_practice_needs_explicit_consent_and_a_release_while_its_provider_is_not_bound() {
    // A1, B4: appointments are health data; with a provider not bound to confidentiality the
    // channel needs explicit consent (Art. 9(2)(a)) and a separate, optional release that
    // names who learns what.
    let t = md(physio_unbound(), DocId::Consent, Lang::De);
    for needle in [
        "Ich willige ausdrücklich ein, dass dabei auch Angaben zu meiner Gesundheit über Threema Work gehen; schon ein Termin zeigt, dass ich hier in Behandlung bin (Art. 9 Abs. 2 lit. a DSGVO).",
        "- [ ] **Entbindung von der Schweigepflicht (freiwillig, gesondert)**",
        "als durch die Nutzung von Threema Work bekannt wird, dass ich hier Patientin oder Patient bin. Darüber wurde ich so informiert: Threema GmbH (Pfäffikon SZ, Schweiz) erfährt dabei",
        "Termine (nur Datum, Uhrzeit und Ort)",
        "Unterschrift (Patientin oder Patient)",
    ] {
        assert!(t.contains(needle), "`{needle}` in\n{t}");
    }
    // The record names the same bases, and the policy allows what the consent asks for.
    let rec = md(physio_unbound(), DocId::Record, Lang::De);
    assert!(
        rec.contains("Art. 9 Abs. 2 lit. a DSGVO (ausdrückliche Einwilligung in diesen Weg)")
            && rec.contains("Entbindung von der Schweigepflicht"),
        "{rec}"
    );
    // On the consumer app a practice does not write to its patients at all: the policy says so,
    // the record files it, the consent document is refused with the reason.
    let v =
        json!({"sector": "health", "audience": ["customers"], "messenger": "whatsapp", "content": ["appointments"]});
    assert!(
        md(v.clone(), DocId::Policy, Lang::De).contains("über die normale WhatsApp-App nicht, auch nicht auf Anfrage")
    );
    assert!(md(v.clone(), DocId::Record, Lang::De)
        .contains("Kontakt mit den Patientinnen und Patienten über die normale WhatsApp-App"));
    let e = documents::document(DocId::Consent, &answers(v), cat(), Lang::En, &Blanks::default()).unwrap_err();
    assert!(
        matches!(e, DocError::Refused { id: DocId::Consent, .. })
            && e.to_string().contains("terms allow personal use only")
            && e.to_string().contains("you would need explicit consent and a release from professional secrecy"),
        "{e}"
    );
}

#[test]
fn a_public_body_rests_on_its_task_names_its_officer_and_asks_its_staff_council() {
    // A3, A4, B8: Art. 6(1)(e), (c), (3) with the law that governs the task (a blank), never
    // a contract or a legitimate interest; the data protection officer is mandatory; the staff
    // council and a service agreement; the messenger only beside another channel.
    let v = json!({"sector": "public_sector", "audience": ["customers", "partners", "internal"], "messenger": "threema_work",
        "content": ["appointments"], "works_council": "no_agreement"});
    for id in [DocId::Policy, DocId::Consent, DocId::Record] {
        let t = md(v.clone(), id, Lang::De);
        assert!(t.contains("Art. 6 Abs. 1 lit. e und c, Abs. 3 DSGVO mit [Fachgesetz oder Landesdatenschutzgesetz, das die Aufgabe regelt; für Bundesbehörden § 3 BDSG]"), "{id}:\n{t}");
        assert!(!t.contains("Art. 6 Abs. 1 lit. b DSGVO"), "{id}: no contract basis:\n{t}");
        assert!(!t.contains("Art. 6 Abs. 1 lit. f DSGVO"), "{id}: no legitimate interest:\n{t}");
        assert!(t.contains("[Name der Behörde]"), "{id}");
    }
    let consent = md(v.clone(), DocId::Consent, Lang::De);
    assert!(
        consent.contains("Eine Behörde muss immer eine Datenschutzbeauftragte")
            && !consent.contains("nur hinein, wenn Sie eine oder einen benannt haben"),
        "{consent}"
    );
    assert!(
        consent.contains("Unterschrift (Bürgerin oder Bürger)") && consent.contains("Erwägungsgrund 43"),
        "{consent}"
    );
    let rec = md(v.clone(), DocId::Record, Lang::De);
    assert!(rec.contains("(Pflicht, Art. 37 Abs. 1 lit. a DSGVO)") && !rec.contains("falls benannt"), "{rec}");
    assert!(rec.contains("**Fehlt:** Dienstvereinbarung fehlt"), "{rec}");
    let policy = md(v, DocId::Policy, Lang::De);
    assert!(
        policy.contains("Personalrat")
            && policy.contains("§ 130 BetrVG")
            && !policy.contains("§ 87 Abs. 1 Nr. 6 BetrVG"),
        "{policy}"
    );
}

#[test]
fn no_clause_admits_a_breach_and_safeguards_say_where_a_copy_is() {
    // A5: Signal and Telegram rest on Art. 49(1)(a) consents given after the risks were
    // explained, collected in their own tick box; no published sentence says that no safeguard
    // was agreed. Telegram's seat is given as not stated, with its EU representative.
    for m in ["signal", "telegram"] {
        let v = json!({"sector": "trade", "audience": ["customers"], "messenger": m});
        let t = md(v.clone(), DocId::Consent, Lang::De);
        assert!(t.contains("- [ ] **Übermittlung an ") && t.contains("Art. 49 Abs. 1 lit. a DSGVO"), "{m}:\n{t}");
        assert!(!t.contains("nicht vereinbart") && !t.contains("keine Garantie"), "{m}:\n{t}");
        let rec = md(v, DocId::Record, Lang::De);
        assert!(
            rec.contains("stützt die Übermittlung an Signal auf die ausdrückliche Einwilligung") || m == "telegram",
            "{rec}"
        );
    }
    let t = md(json!({"audience": ["customers"], "messenger": "telegram"}), DocId::Consent, Lang::De);
    // The countries the data go to, not a drafting remark, in the person's own declaration
    // (review-17 N7).
    assert!(t.contains("Telegram Messenger Inc. (außerhalb des EWR; Daten aus dem EWR speichert Telegram in den Niederlanden und übermittelt sie an Konzerngesellschaften auf den Britischen Jungferninseln und in Dubai"), "{t}");
    assert!(!t.contains("nennt die Datenschutzrichtlinie nicht"), "{t}");
    // B20, B27: the contracting entities and where the safeguards are available.
    let t = md(json!({"audience": ["customers"], "messenger": "teams"}), DocId::Consent, Lang::En);
    assert!(t.contains("Microsoft Ireland Operations Ltd") && t.contains("microsoft.com/licensing"), "{t}");
    let t = md(json!({"audience": ["customers"], "messenger": "signal"}), DocId::Consent, Lang::En);
    assert!(t.contains("Signal Messenger, LLC, 650 Castro Street") && !t.contains("Signal Foundation"), "{t}");
    // B24: Wire's regions as Wire states them.
    let t = md(json!({"audience": ["customers"], "messenger": "wire"}), DocId::Consent, Lang::De);
    assert!(t.contains("Die Server stehen nach Angaben von Wire in Deutschland und Irland"), "{t}");
}

#[test]
fn own_controllers_and_own_servers_file_no_missing_processing_agreement() {
    // A6, B14, C14: the consumer app's provider is a controller of its own (a note, not a
    // missing contract); an own server has no processor at all; a processor that can read
    // internal chats is a note with a risk assessment.
    let rec = md(json!({"audience": ["customers"], "messenger": "whatsapp"}), DocId::Record, Lang::De);
    assert!(rec.contains("**Hinweis:** Der Anbieter ist eigener Verantwortlicher: Art. 28 DSGVO gilt nicht."), "{rec}");
    assert!(
        !rec.contains("**Fehlt:** Vertrag zur Auftragsverarbeitung") && !rec.contains("**Fehlt:** Kein Vertrag"),
        "{rec}"
    );
    let own =
        json!({"sector": "legal_tax", "audience": ["internal"], "messenger": "mattermost", "server_operator": "own"});
    let rec = md(own.clone(), DocId::Record, Lang::De);
    assert!(
        rec.contains("**Vorhanden:** Kein Auftragsverarbeiter: [Name der Kanzlei] betreibt den Server selbst"),
        "{rec}"
    );
    assert!(
        !rec.contains("Vertrag zur Auftragsverarbeitung fehlt")
            && !rec.contains("Ob ein Vertrag zur Auftragsverarbeitung besteht"),
        "{rec}"
    );
    let checklist = md(own, DocId::Checklist, Lang::De);
    assert!(
        !checklist.contains("Vertrag zur Auftragsverarbeitung abschließen")
            && checklist.contains("Den eigenen Server absichern"),
        "{checklist}"
    );
    let teams = json!({"audience": ["internal"], "messenger": "teams", "dpa": "yes"});
    let rec = md(teams, DocId::Record, Lang::De);
    assert!(rec.contains("**Hinweis:** Keine Ende-zu-Ende-Verschlüsselung: Microsoft Ireland Operations Ltd., Dublin (Irland) kann die Inhalte lesen") && rec.contains("Risikoabwägung: [Ergebnis und Datum der Risikoabwägung]"), "{rec}");
}

#[test]
fn the_private_threema_app_leaves_its_role_as_a_blank_not_a_drafting_note() {
    // B22: what the business must find out is a marked blank, not a sentence to customers.
    let t = body(&doc(json!({"audience": ["customers"], "messenger": "threema"}), DocId::Consent, Lang::De));
    assert!(t.contains("[Rolle des Anbieters: Auftragsverarbeiter mit Vertrag oder eigener Verantwortlicher]"), "{t}");
    assert!(!t.contains("konnten wir nicht prüfen") && !t.contains("fragen Sie nach"), "{t}");
    // C17: Threema addresses people by their Threema ID.
    assert!(t.contains("unter der Threema-ID [Threema-ID]") && !t.contains("[Mobilnummer]"), "{t}");
    // C4: no "von der Betreiber".
    let t = body(&doc(json!({"audience": ["customers"], "messenger": "element"}), DocId::Consent, Lang::De));
    assert!(!t.contains("von der Betreiber") && t.contains("wird betrieben von [Betreiber des Servers]"), "{t}");
}

#[test]
fn staff_get_their_information_and_their_own_phones_a_voluntary_consent() {
    // B21: staff are data subjects: Art. 13 information, the employment basis after C-34/21,
    // and for their own phones voluntariness and what becomes visible.
    let v = json!({"sector": "trade", "audience": ["customers", "internal"], "messenger": "whatsapp_business_app", "device": "private_phone"});
    let t = md(v, DocId::Policy, Lang::De);
    for needle in [
        "## Information für die Mitarbeitenden (Art. 13 DSGVO)",
        "Art. 88 DSGVO, § 26 BDSG, soweit er nach dem Urteil des EuGH vom 30. März 2023, C-34/21, anwendbar bleibt",
        "Niemand muss ein eigenes Telefon dienstlich nutzen.",
        "- [ ] **Eigenes Telefon (freiwillig)**",
        "der Profilname, das Profilbild und der Info-Text",
    ] {
        assert!(t.contains(needle), "`{needle}` in\n{t}");
    }
}

#[test]
fn finance_firms_get_their_recording_duty_and_no_disappearing_messages() {
    // B10: the checklist drops the disappearing-messages step and asks about the recording duty.
    let v = json!({"sector": "finance_insurance", "professional_secrecy": "no", "audience": ["customers"], "messenger": "signal"});
    let t = md(v, DocId::Checklist, Lang::De);
    assert!(
        !t.contains("Selbstlöschende Nachrichten, wo sie helfen")
            && t.contains("Aufzeichnungspflicht prüfen")
            && t.contains("§ 18a FinVermV"),
        "{t}"
    );
    let t =
        md(json!({"sector": "trade", "audience": ["customers"], "messenger": "signal"}), DocId::Checklist, Lang::De);
    assert!(t.contains("Selbstlöschende Nachrichten, wo sie helfen"), "{t}");
}

fn v_policy() -> serde_json::Value {
    json!({"sector": "trade", "audience": ["customers"], "messenger": "threema_work", "broadcast": "yes", "content": ["business_letters"]})
}

#[test]
fn the_platform_and_the_advertising_consent_are_worded_for_the_customer() {
    // C11: quotes are quotes for the order, advertising its own tick box about named offers;
    // the UWG with its number (C6).
    let v = json!({"sector": "trade", "audience": ["customers"], "messenger": "threema_work", "broadcast": "yes", "content": ["business_letters"]});
    let t = md(v, DocId::Consent, Lang::De);
    assert!(
        t.contains("Kostenvoranschläge und Angebote zu meinem Auftrag, Auftragsbestätigungen und Rechnungen"),
        "{t}"
    );
    assert!(
        t.contains("- [ ] **Werbung (freiwillig, gesondert)**")
            && t.contains("[Produkte oder Leistungen, um die es in der Werbung geht]"),
        "{t}"
    );
    // A consent cites the rule that needs it; the existing-customer exception (s. 7(3)) applies
    // without consent and stays in the policy (review-17 N16).
    assert!(t.contains("§ 7 Abs. 2 Nr. 2 UWG") && !t.contains("Abs. 3 UWG") && !t.contains("§ 7 Abs. 2 UWG"), "{t}");
    assert!(md(v_policy(), DocId::Policy, Lang::De).contains("§ 7 Abs. 2 Nr. 2, Abs. 3 UWG"));
}

/// The second consultant review (review-17): what a published set must never say, and what the
/// record must state as it is.
#[test]
fn the_second_review_a_set_states_what_is_and_never_more() {
    // N1: a practice whose chats go to Google's or Apple's cloud gets no consent form that lists
    // them as recipients beside a release promising end-to-end encryption; the reason says why.
    let v = json!({"sector": "health", "audience": ["customers"], "messenger": "whatsapp_business_app", "chat_backup": "cloud", "content": ["appointments"]});
    let e = documents::document(DocId::Consent, &answers(v.clone()), cat(), Lang::En, &Blanks::default()).unwrap_err();
    assert!(
        matches!(e, DocError::Refused { id: DocId::Consent, .. })
            && e.to_string().contains("backs the chats up to Google Drive or iCloud. That backup is end-to-end encrypted only if someone turned this on, which this check does not ask."),
        "{e}"
    );
    let off = json!({"sector": "health", "audience": ["customers"], "messenger": "whatsapp_business_app", "chat_backup": "off", "content": ["appointments"]});
    assert!(!md(off, DocId::Consent, Lang::De).contains("Google oder Apple"));
    // The policy and record stay, and the record lists the backup as missing.
    assert!(md(v, DocId::Record, Lang::De).contains("**Fehlt:** Chat-Backup in Google Drive oder iCloud eingeschaltet, eine Ende-zu-Ende-Verschlüsselung nicht belegt: auf jedem Gerät sofort ausschalten"));
    // A craft business is not refused for a backup (no secret in it); its notice names the backup.
    let trade = json!({"sector": "trade", "audience": ["customers"], "messenger": "whatsapp_business_app", "chat_backup": "cloud"});
    assert!(md(trade, DocId::Consent, Lang::De).contains("Google oder Apple"));

    // N2, N3: appointments are health data; the ban is on health data beyond them, and what the
    // answers say is sent against the policy is a missing measure in the record.
    let v = json!({"sector": "health", "audience": ["customers"], "messenger": "whatsapp_business_app", "content": ["appointments", "special_categories"]});
    let policy = md(v.clone(), DocId::Policy, Lang::De);
    assert!(
        policy.contains("Weitere Gesundheitsdaten, also Befunde, Diagnosen, Behandlungsgründe und Fotos"),
        "{policy}"
    );
    assert!(!policy.contains("- Gesundheitsdaten und andere besonders geschützte Daten"), "{policy}");
    let rec = md(v, DocId::Record, Lang::De);
    assert!(rec.contains("Gesundheitsdaten über den Termin hinaus"), "{rec}");
    assert!(
        rec.contains(
            "**Fehlt:** Nach Ihren Angaben gehen derzeit Inhalte über WhatsApp Business, die die Richtlinie untersagt"
        ),
        "{rec}"
    );
    assert!(!rec.contains("Nicht über WhatsApp Business verarbeitet"), "{rec}");
    // Nothing sent against the policy: no such line.
    let fine = json!({"sector": "health", "audience": ["customers"], "messenger": "whatsapp_business_app", "content": ["appointments"]});
    assert!(!md(fine, DocId::Record, Lang::De).contains("die die Richtlinie untersagt (siehe"));

    // N4: an address book the app reads is stated as it is, with the non-users among the subjects.
    let v = json!({"sector": "public_sector", "audience": ["customers"], "messenger": "whatsapp_business_app", "contact_access": "granted", "address_book": "mixed"});
    let rec = md(v, DocId::Record, Lang::De);
    assert!(rec.contains("gleicht WhatsApp Business derzeit das Adressbuch ab, auch die Nummern von Menschen, die WhatsApp Business nicht nutzen"), "{rec}");
    assert!(!rec.contains("Das Adressbuch gleicht"), "{rec}");

    // N5: a broker who said it arranges investments is told the duty, and so is the customer.
    let base = json!({"sector": "finance_insurance", "professional_secrecy": "no", "audience": ["customers"], "messenger": "threema_work", "content": ["business_letters"]});
    let mut yes = base.clone();
    yes["investment_services"] = json!("yes");
    let (c_yes, c_no) = (md(yes.clone(), DocId::Checklist, Lang::De), md(base.clone(), DocId::Checklist, Lang::De));
    assert!(c_yes.contains("Aufzeichnung einrichten") && !c_yes.contains("Aufzeichnungspflicht prüfen"), "{c_yes}");
    assert!(c_no.contains("Aufzeichnungspflicht prüfen"), "{c_no}");
    assert!(md(yes.clone(), DocId::Consent, Lang::De).contains("Nachrichten zu Anlagegeschäften zeichnen wir auf"));
    assert!(!md(base, DocId::Consent, Lang::De).contains("zeichnen wir auf"));
    assert!(md(yes.clone(), DocId::Record, Lang::De).contains("die nach Ihren Angaben Pflicht ist (§ 18a FinVermV"));
    // ... and the policy tells staff as a fact, with which period applies (review-17b).
    let p = md(yes, DocId::Policy, Lang::De);
    assert!(p.contains("wird aufgezeichnet und aufbewahrt") && !p.contains("Vermitteln Sie Finanzanlagen"), "{p}");

    // N8: with Signal nothing on the matter before the transfer consent, in policy and notice.
    let v = json!({"sector": "trade", "audience": ["customers"], "messenger": "signal"});
    assert!(md(v.clone(), DocId::Policy, Lang::De)
        .contains("antwortet [Name des Betriebs] über Signal nur mit dem Hinweis"));
    assert!(md(v, DocId::Consent, Lang::De).contains("sobald Sie unten in die Übermittlung eingewilligt haben"));

    // N10: no legitimate interest for a practice's address book; still "at most" for a trade.
    let v = json!({"sector": "health", "audience": ["customers"], "messenger": "whatsapp_business_app", "contact_access": "granted", "address_book": "mixed"});
    let p = md(v, DocId::Policy, Lang::De);
    assert!(p.contains("kein berechtigtes Interesse") && !p.contains("höchstens ein berechtigtes Interesse"), "{p}");

    // N12, N14: the release makes the disclosure authorised; no s. 353b StGB in a citizen's release.
    let v = json!({"sector": "public_sector", "audience": ["customers"], "messenger": "whatsapp_business_app"});
    let c = md(v.clone(), DocId::Consent, Lang::De);
    assert!(c.contains("Mit der Einwilligung der betroffenen Person ist die Offenbarung befugt (§ 203 StGB)"), "{c}");
    // (The business's list of sources may still name it for the policy's secrecy section.)
    assert!(!body(&doc(v.clone(), DocId::Consent, Lang::De)).contains("353b"), "{c}");
    // N15: no data portability for the performance of a public task.
    assert!(c.contains("Art. 20 Abs. 3 Satz 2 DSGVO"), "{c}");
    assert!(!md(plumber(), DocId::Consent, Lang::De).contains("Art. 20 Abs. 3"));
}

/// Review 17b, D1: a practice whose WhatsApp chats go to Google's or Apple's cloud without end-to-end encryption
/// gets no consent form, and the other documents of the set do not send staff to it: turning the
/// backup off comes first (the review of 1d33e79, B1: no longer "or encrypting it"), and until
/// then the patients are not written to.
#[test]
fn a_set_whose_consent_form_is_held_back_points_to_no_form_and_puts_the_backup_first() {
    // Set 09 of the review: a physiotherapy practice on WhatsApp Business.
    let v = json!({"sector": "health", "audience": ["customers", "internal"], "broadcast": "no",
        "messenger": "whatsapp_business_app", "dpa": "no", "device": "private_phone", "contact_access": "granted",
        "address_book": "mixed", "first_contact": "business", "consent": "none",
        "content": ["appointments", "special_categories"], "chat_backup": "cloud", "media_autosave": "on",
        "usage_policy": "none", "works_council": "none"});
    let e = documents::document(DocId::Consent, &answers(v.clone()), cat(), Lang::De, &Blanks::default()).unwrap_err();
    assert!(matches!(e, DocError::Refused { id: DocId::Consent, .. }), "{e}");
    for (lang, until, first, names) in [
        (
            Lang::De,
            "Erst wenn das Backup aus ist, steht die Vorlage „Einwilligung und Datenschutzinformation“ bereit; bis dahin schreibt [Name der Praxis] mit den Patientinnen und Patienten nicht über WhatsApp Business.",
            "Zuerst das Chat-Backup ausschalten",
            ["(Vorlage „Einwilligung und Datenschutzinformation“)", "Vorlage „Einwilligung und Datenschutzinformation“ enthält", "Datenschutzinformation dieses Satzes"],
        ),
        (
            Lang::En,
            "Only once the backup is off is the template 'Consent and privacy information' available; until then [name of the practice] does not write to patients through WhatsApp Business.",
            "First turn the chat backup off",
            ["(template 'Consent and privacy information')", "template 'Consent and privacy information' has", "privacy information of this set"],
        ),
    ] {
        let policy = doc(v.clone(), DocId::Policy, lang);
        let scope = body(&Document { sections: policy.sections[..1].to_vec(), ..policy.clone() });
        assert!(scope.contains(until), "{lang:?}: the policy's first section puts the backup first:\n{scope}");
        let checklist = doc(v.clone(), DocId::Checklist, lang);
        let Block::Checklist { items } = &checklist.sections[1].blocks[0] else { panic!("{lang:?}: a checklist") };
        let title = documents::plain(items[0].title.as_deref().unwrap());
        assert_eq!(title, first, "{lang:?}: the backup is the first step");
        assert!(documents::plain(&items[0].parts).contains(until), "{lang:?}");
        for id in [DocId::Policy, DocId::Record, DocId::Checklist] {
            let t = body(&doc(v.clone(), id, lang));
            for n in names {
                assert!(!t.contains(n), "{id} ({lang:?}) points to the form the set does not issue: `{n}`\n{t}");
            }
        }
    }
    let record = md(v, DocId::Record, Lang::De);
    assert!(record.contains("Kontakt mit den Patientinnen und Patienten über WhatsApp Business, solange das Chat-Backup in Google Drive oder in der iCloud eingeschaltet ist"), "{record}");
    // Where the form is issued, the set stays as it was: a trade business with the same backup.
    let trade = json!({"sector": "trade", "audience": ["customers", "internal"], "messenger": "whatsapp_business_app",
        "contact_access": "granted", "address_book": "empty", "chat_backup": "cloud", "content": ["appointments"]});
    let p = md(trade.clone(), DocId::Policy, Lang::De);
    assert!(p.contains("(Vorlage „Einwilligung und Datenschutzinformation“)") && !p.contains("Zuerst:"), "{p}");
    assert!(md(trade, DocId::Record, Lang::De).contains("Datenschutzinformation dieses Satzes"));
}

/// Review 17b, D2, and the review of 78d4f74, A1: only WhatsApp's backup is known to lie
/// unencrypted with Google or Apple; for the other apps with a phone backup the catalog verifies
/// nothing, so a secrecy holder's or practice's form is held back with a reason that claims
/// nothing, and no document names Google's or Apple's cloud or calls the backup unencrypted.
#[test]
fn an_unverified_cloud_backup_holds_back_the_consent_form_without_a_claim() {
    for sector in ["health", "legal_tax"] {
        for (m, name) in
            [("signal", "Signal"), ("threema", "Threema"), ("threema_work", "Threema Work"), ("wire", "Wire")]
        {
            let v = json!({"sector": sector, "audience": ["customers"], "messenger": m, "chat_backup": "cloud",
                "content": ["appointments"]});
            let de = documents::refusals(&answers(v.clone()), cat(), Lang::De).unwrap();
            assert!(
                de.len() == 1
                    && de[0].1.starts_with("Nach Ihren Angaben werden die Chats in einer Cloud gesichert. Ob diese Sicherung Ende-zu-Ende-verschlüsselt ist, fragt dieser Check nicht ab;")
                    && !de[0].1.contains(name),
                "{sector}, {m}: {de:?}"
            );
            // The review of 8e46db3, N2: no answer records a checked encryption, so the only
            // way to the form the texts name is turning the backup off.
            assert!(
                de[0].1.contains("Schalten Sie die Sicherung auf jedem Gerät aus und lassen Sie alte Backups löschen (siehe Checkliste); ändern Sie dann oben die Antwort zur Cloud-Sicherung auf „Nein, ausgeschaltet“, und die Vorlage steht bereit."),
                "{de:?}"
            );
            assert!(!de[0].1.contains("prüfen Sie beim Anbieter"), "{de:?}");
            let e = documents::document(DocId::Consent, &answers(v.clone()), cat(), Lang::En, &Blanks::default())
                .unwrap_err();
            assert!(
                e.to_string().contains("This check does not ask whether that backup is end-to-end encrypted")
                    && !e.to_string().contains(name),
                "{e}"
            );
            for lang in [Lang::De, Lang::En] {
                for id in [DocId::Policy, DocId::Record, DocId::Checklist] {
                    let t = md(v.clone(), id, lang);
                    for w in ["Google", "Apple", "iCloud", "unverschlüsselt", "unencrypted"] {
                        assert!(!t.contains(w), "{sector}, {m}, {id} ({lang:?}) claims `{w}`:\n{t}");
                    }
                }
            }
            let r = md(v.clone(), DocId::Record, Lang::De);
            assert!(r.contains(&format!("**Fehlt:** Die Chats werden nach Ihren Angaben in einer Cloud gesichert, und ob diese Sicherung Ende-zu-Ende-verschlüsselt ist, ist nicht geprüft: Sicherung auf jedem Gerät ausschalten. Bis sie aus ist, kein Kontakt mit {} über {name}.", if sector == "health" { "den Patientinnen und Patienten" } else { "den Mandantinnen und Mandanten" })), "{r}");
            assert!(r.contains("solange die Sicherung der Chats nicht aus ist"), "{r}");
            let c = doc(v.clone(), DocId::Checklist, Lang::En);
            let Block::Checklist { items } = &c.sections[1].blocks[0] else { panic!("a checklist") };
            assert_eq!(documents::plain(items[0].title.as_deref().unwrap()), "First turn the backup off");
            // Backup off: the form is there again.
            let off = json!({"sector": sector, "audience": ["customers"], "messenger": m, "chat_backup": "off",
                "content": ["appointments"]});
            assert!(documents::refusals(&answers(off), cat(), Lang::De).unwrap().is_empty(), "{sector}, {m}");
        }
        let v = json!({"sector": sector, "audience": ["customers"], "messenger": "whatsapp_business_app",
            "chat_backup": "cloud", "content": ["appointments"]});
        let de = documents::refusals(&answers(v.clone()), cat(), Lang::De).unwrap();
        assert!(
            de.len() == 1
                && de[0].1.starts_with(
                    "Nach Ihren Angaben sichert WhatsApp Business die Chats in Google Drive oder in der iCloud. Ende-zu-Ende-verschlüsselt ist dieses Backup nur, wenn man das eigens eingeschaltet hat; das fragt dieser Check nicht ab."
                ),
            "{de:?}"
        );
        let e = documents::document(DocId::Consent, &answers(v), cat(), Lang::En, &Blanks::default()).unwrap_err();
        assert!(
            e.to_string().contains("WhatsApp Business backs the chats up to Google Drive or iCloud. That backup is end-to-end encrypted only if someone turned this on"),
            "{e}"
        );
    }
    // Without secrets or health data (a trade), the form stays, whatever the backup.
    for m in ["signal", "threema", "wire", "whatsapp_business_app"] {
        let v = json!({"sector": "trade", "audience": ["customers"], "messenger": m, "chat_backup": "cloud",
            "content": ["appointments"]});
        assert!(documents::refusals(&answers(v), cat(), Lang::De).unwrap().is_empty(), "trade, {m}");
    }
    // The consumer app's own reason comes first: turning its backup off would not help.
    let v = json!({"sector": "legal_tax", "audience": ["customers"], "messenger": "whatsapp", "chat_backup": "cloud"});
    let e = documents::document(DocId::Consent, &answers(v), cat(), Lang::En, &Blanks::default()).unwrap_err();
    assert!(e.to_string().contains("terms allow personal use only") && !e.to_string().contains("backup"), "{e}");
}

/// The review of 78d4f74, B2 to B5: while the form is held back, the checklist knows of no
/// consents to the address-book match, the record keeps the people written to today with their
/// chats' deletion and the consents already given, nothing about the people goes through the
/// messenger among staff either, and the policy leaves no blank for allowed content.
#[test]
fn a_held_back_form_leaves_no_consents_and_keeps_the_people_in_the_record() {
    // Set 09 of the review.
    let v09 = json!({"sector": "health", "audience": ["customers", "internal"], "broadcast": "no",
        "messenger": "whatsapp_business_app", "dpa": "no", "device": "private_phone", "contact_access": "granted",
        "address_book": "mixed", "first_contact": "business", "consent": "none",
        "content": ["appointments", "special_categories"], "chat_backup": "cloud", "media_autosave": "on",
        "usage_policy": "none", "works_council": "none"});
    // Set 46c of the review.
    let v46c = json!({"sector": "health", "audience": ["customers"], "broadcast": "no",
        "messenger": "whatsapp_business_app", "dpa": "yes", "device": "company_business_only", "contact_access": "denied",
        "first_contact": "business", "consent": "documented", "content": ["appointments"], "chat_backup": "cloud",
        "media_autosave": "off", "usage_policy": "written", "works_council": "none"});
    // B2
    let c = md(v09.clone(), DocId::Checklist, Lang::De);
    assert!(c.contains("Verweigern Sie den Zugriff. Solange die Vorlage „Einwilligung und Datenschutzinformation“ nicht bereitsteht, holen Sie keine Einwilligungen in den Abgleich ein und stützen ihn auch nicht auf vorhandene."), "{c}");
    assert!(!c.contains("Kontakte, die in den Abgleich eingewilligt haben"), "{c}");
    assert!(md(v09.clone(), DocId::Checklist, Lang::En).contains("Deny access. As long as the template 'Consent and privacy information' is not available, obtain no consents to the matching and do not rely on existing ones for it."));
    let mut off = v09.clone();
    off["chat_backup"] = "off".into();
    assert!(md(off.clone(), DocId::Checklist, Lang::De).contains("nur Kontakte, die in den Abgleich ausdrücklich eingewilligt und [Name der Praxis] insoweit von der Schweigepflicht entbunden haben (Art. 9 Abs. 2 lit. a DSGVO; § 203 StGB)."));
    let firm = json!({"sector": "legal_tax", "audience": ["customers"], "messenger": "whatsapp_business_app",
        "contact_access": "granted", "address_book": "mixed", "chat_backup": "off", "content": ["appointments"]});
    assert!(md(firm, DocId::Checklist, Lang::De).contains("nur Kontakte, die in den Abgleich eingewilligt und [Name der Kanzlei] insoweit von der Schweigepflicht entbunden haben (Art. 6 Abs. 1 lit. a DSGVO; § 203 StGB)."));
    // B3
    for v in [&v09, &v46c] {
        let r = md(v.clone(), DocId::Record, Lang::De);
        assert!(r.contains("Nach Ihren Angaben schreibt [Name der Praxis] derzeit mit den Patientinnen und Patienten über WhatsApp Business; bis das eingestellt ist, gehören sie zu den betroffenen Personen."), "{r}");
        assert!(r.contains("Vorhandene Chats mit den Patientinnen und Patienten: löschen, sobald das Nötige in der Patientenakte ist, spätestens [Frist"), "{r}");
        let e = md(v.clone(), DocId::Record, Lang::En);
        assert!(e.contains("According to your answers, [name of the practice] currently writes to patients through WhatsApp Business; until that has stopped, they are among the data subjects."), "{e}");
    }
    assert!(md(v46c.clone(), DocId::Record, Lang::De)
        .contains("Vorhandene Einwilligungen: aufbewahren, solange ihr Nachweis nötig ist (Art. 7 Abs. 1 DSGVO)."));
    assert!(!md(v09.clone(), DocId::Record, Lang::De).contains("Vorhandene Einwilligungen"));
    // B4
    let p = md(v09.clone(), DocId::Policy, Lang::De);
    assert!(p.contains("dass ihr Chat-Backup aus ist, gehen über WhatsApp Business auch unter Mitarbeitenden keine Termine, Namen oder anderen Angaben zu den Patientinnen und Patienten"), "{p}");
    assert!(!p.contains("Erlaubt sind nur diese Inhalte:") && !p.contains("Termine: Schon ein Termin"), "{p}");
    // The review of 8e46db3, N3: an old backup goes only once what must be kept is safe.
    assert!(
        p.contains("löscht ein altes Backup, das nicht Ende-zu-Ende-verschlüsselt ist, beim Cloud-Anbieter, sobald alles Aufzubewahrende in die Akte oder das Archiv übernommen ist, spätestens am [Datum, bis zu dem alte Backups gelöscht sind]"),
        "{p}"
    );
    assert!(!p.contains("und löscht es"), "{p}");
    // N1: what goes through the messenger today stays in the record while contact is held back.
    let r = md(v09.clone(), DocId::Record, Lang::De);
    assert!(r.contains("Derzeit noch, bis der Kontakt über WhatsApp Business eingestellt ist: Termine der Patientinnen und Patienten (Gesundheitsdaten, Art. 9 DSGVO)"), "{r}");
    assert!(md(off, DocId::Policy, Lang::De).contains("Erlaubt sind nur diese Inhalte:"));
    // B5
    for v in [&v09, &v46c] {
        let p = md(v.clone(), DocId::Policy, Lang::De);
        assert!(p.contains("Bis dahin ist WhatsApp Business dienstlich für nichts freigegeben, was die Patientinnen und Patienten betrifft."), "{p}");
        assert!(!p.contains("[erlaubte Inhalte]") && !p.contains("nur für Folgendes freigegeben"), "{p}");
        let e = md(v.clone(), DocId::Policy, Lang::En);
        assert!(
            !e.contains("[permitted content]")
                && e.contains("Until then WhatsApp Business is approved at work for nothing that concerns patients."),
            "{e}"
        );
    }
}

/// The review of 8e46db3, N5: with the regular WhatsApp app a practice or a law firm obtains no
/// consents or releases at all, so the checklist's address-book step denies access instead of
/// keeping "consenting" contacts.
#[test]
fn the_consumer_apps_address_book_step_denies_access() {
    for sector in ["health", "legal_tax"] {
        let v = json!({"sector": sector, "audience": ["customers"], "messenger": "whatsapp", "device": "private_phone",
            "contact_access": "granted", "address_book": "mixed", "content": ["appointments"], "chat_backup": "off"});
        let de = md(v.clone(), DocId::Checklist, Lang::De);
        assert!(
            de.contains("Verweigern Sie den Zugriff: Für die normale WhatsApp-App holt [Name der"),
            "{sector}: {de}"
        );
        assert!(
            !de.contains("in den Abgleich ausdrücklich eingewilligt")
                && !de.contains("in den Abgleich eingewilligt haben"),
            "{sector}: {de}"
        );
        let en = md(v, DocId::Checklist, Lang::En);
        assert!(en.contains("Deny access: for the regular WhatsApp app"), "{sector}: {en}");
    }
}

/// Review 17b, D5: for a practice the number in the address book alone shows who is a patient,
/// so its match rests on explicit consent and the release, which the form's release covers; a
/// firm whose clients' numbers are secrets adds the release to the consent; a trade keeps
/// Art. 6(1)(a).
#[test]
fn a_practices_address_book_match_rests_on_explicit_consent_and_the_release() {
    let practice = json!({"sector": "health", "audience": ["customers"], "messenger": "whatsapp_business_app",
        "contact_access": "granted", "address_book": "consented_only", "chat_backup": "off", "content": ["appointments"]});
    let de = "Art. 9 Abs. 2 lit. a DSGVO (ausdrückliche Einwilligung); Entbindung von der Schweigepflicht (§ 203 StGB)";
    let en = "Art. 9(2)(a) GDPR (explicit consent); release from professional secrecy (s. 203 StGB)";
    let rec = md(practice.clone(), DocId::Record, Lang::De);
    assert!(rec.contains(&format!("Abgleich des Adressbuchs durch WhatsApp Business, nur für Kontakte, die eingewilligt haben. Rechtsgrundlage: {de}. Die Entbindung von der Schweigepflicht, die sie mit der Einwilligung erteilen, umfasst diesen Abgleich.")), "{rec}");
    let c = md(practice.clone(), DocId::Consent, Lang::De);
    assert!(c.contains(&format!("umfasst diesen Abgleich. Rechtsgrundlage: {de}.")), "{c}");
    assert!(
        c.contains("Ich willige auch ausdrücklich ein, dass [Name der Praxis] meine Nummer")
            && c.contains("auch durch den Abgleich meiner Nummer aus dem Adressbuch"),
        "{c}"
    );
    assert!(md(practice.clone(), DocId::Policy, Lang::De).contains(&format!("Rechtsgrundlage: {de}.")));
    for id in [DocId::Record, DocId::Consent, DocId::Policy] {
        let t = md(practice.clone(), id, Lang::En);
        assert!(t.contains(&format!("Legal basis: {en}.")), "{id}:\n{t}");
        assert!(!md(practice.clone(), id, Lang::De).contains("Abgleich des Adressbuchs durch WhatsApp Business, nur für Kontakte, die eingewilligt haben. Rechtsgrundlage: Art. 6"), "{id}");
    }
    let c = md(practice, DocId::Consent, Lang::De);
    assert!(!c.contains("abgeglichen, wenn Sie eingewilligt haben. Rechtsgrundlage: Art. 6 Abs. 1 lit. a"), "{c}");
    // A law firm: the number is a secret, not health data.
    let firm = json!({"sector": "legal_tax", "audience": ["customers"], "messenger": "whatsapp_business_app",
        "contact_access": "granted", "address_book": "consented_only", "chat_backup": "off", "content": ["appointments"]});
    assert!(md(firm, DocId::Record, Lang::De).contains(
        "Rechtsgrundlage: Art. 6 Abs. 1 lit. a DSGVO (Einwilligung); Entbindung von der Schweigepflicht (§ 203 StGB)."
    ));
    // A trade: consent alone.
    let trade = json!({"sector": "trade", "audience": ["customers"], "messenger": "whatsapp_business_app",
        "contact_access": "granted", "address_book": "consented_only", "content": ["appointments"]});
    let r = md(trade, DocId::Record, Lang::De);
    assert!(
        r.contains(
            "nur für Kontakte, die eingewilligt haben. Rechtsgrundlage: Art. 6 Abs. 1 lit. a DSGVO (Einwilligung). ["
        ),
        "{r}"
    );
}

// ---------------------------------------------------------------------------------------
// The review of 1d33e79

/// A set of the second legal review (`data/review-2026-12.json`), by id.
fn review_set(id: &str) -> serde_json::Value {
    let sets: Vec<serde_json::Value> = serde_json::from_str(include_str!("data/review-2026-12.json")).unwrap();
    sets.into_iter().find(|s| s["id"] == id).unwrap_or_else(|| panic!("no set `{id}`"))["answers"].clone()
}

/// Sets 10 and 11 of the review with the chats backed up to a cloud (10c, 11c).
fn v10c() -> serde_json::Value {
    with(&review_set("10_physio_threemawork_good"), json!({"chat_backup": "cloud"}))
}
fn v11c() -> serde_json::Value {
    with(&review_set("11_doctor_signal"), json!({"chat_backup": "cloud"}))
}

/// Everything a set says in one language: its documents and the reasons for those it refuses.
fn set_text(v: &serde_json::Value, lang: Lang) -> String {
    let a = answers(v.clone());
    let mut t: Vec<String> = docs(&a, lang).iter().map(body).collect();
    t.extend(documents::refusals(&a, cat(), lang).unwrap().into_iter().map(|(_, why)| why));
    t.join("\n")
}

/// The items of a document's checklists and lists, with their titles and texts as plain text.
fn items_of(d: &Document) -> Vec<(String, String, Option<Status>, Option<String>)> {
    d.sections
        .iter()
        .flat_map(|s| s.blocks.iter())
        .flat_map(|b| match b {
            Block::List { items } | Block::Checklist { items } => items.clone(),
            _ => Vec::new(),
        })
        .map(|i| {
            let title = i.title.as_deref().map(documents::plain).unwrap_or_default();
            (title, documents::plain(&i.parts), i.status, i.label)
        })
        .collect()
}

/// B1: no answer records a checked end-to-end encryption of WhatsApp's backup either, so while
/// the backup holds a practice's or firm's consent form back, no document and no refusal names
/// encrypting the backup as a way out: turning it off is the one way, as for the other
/// messengers (N2 of the review of 8e46db3).
#[test]
fn whatsapps_held_back_form_names_only_turning_the_backup_off() {
    let firm = json!({"sector": "legal_tax", "audience": ["customers"], "messenger": "whatsapp_business_app",
        "chat_backup": "cloud", "content": ["appointments"]});
    let insurer = with(&review_set("18_pkv_insurer_bizapp"), json!({"chat_backup": "cloud"}));
    let v46c = with(&review_set("46_physio_bizapp_reminders_clean"), json!({"chat_backup": "cloud"}));
    for v in [review_set("09_physio_bizapp_private"), v46c, firm, insurer] {
        assert!(!documents::refusals(&answers(v.clone()), cat(), Lang::De).unwrap().is_empty(), "{v}");
        for (lang, ways) in [
            (
                Lang::De,
                &[
                    "Ende-zu-Ende-Verschlüsselung ein",
                    "oder Ende-zu-Ende-verschlüsselt",
                    "Ende-zu-Ende-verschlüsseln",
                    "verschlüsseltes Backup“ einschalten",
                    "Backup unverschlüsselt ist",
                ][..],
            ),
            (
                Lang::En,
                &[
                    "switch on its end-to-end encryption",
                    "or end-to-end encrypted",
                    "end-to-end encrypt it",
                    "turn on 'End-to-end encrypted backup'",
                    "backup is unencrypted",
                ][..],
            ),
        ] {
            let t = set_text(&v, lang);
            for w in ways {
                assert!(!t.contains(w), "{lang:?}: a way out no answer can record, `{w}`:\n{t}");
            }
        }
        let de = documents::refusals(&answers(v.clone()), cat(), Lang::De).unwrap();
        assert!(
            de[0].1.contains("ändern Sie dann oben die Antwort zur Cloud-Sicherung auf „Nein, ausgeschaltet“, und die Vorlage steht bereit.")
                && de[0].1.ends_with("auch nicht auf Anfrage."),
            "{de:?}"
        );
        let p = md(v.clone(), DocId::Policy, Lang::De);
        assert!(p.contains("Deshalb schaltet jede Person das Chat-Backup auf ihrem Gerät sofort aus und bestätigt das schriftlich gegenüber [zuständige Person] (siehe „Sicherungen und Fotos“)."), "{p}");
        // B3: whether the backup is end-to-end encrypted is not known; it is never "unverschlüsselt".
        assert!(!p.contains("unverschlüsselt"), "{p}");
        assert!(
            p.contains(
                "Erst wenn das Backup aus ist, steht die Vorlage „Einwilligung und Datenschutzinformation“ bereit"
            ),
            "{p}"
        );
        let c = doc(v.clone(), DocId::Checklist, Lang::En);
        assert_eq!(items_of(&c)[0].0, "First turn the chat backup off");
    }
}

/// B3: the four documents of a set agree on the backup. Where a cloud backup holds the consent
/// form back (sets 10c and 11c of the review: Threema Work and Signal; 09: WhatsApp Business),
/// no document allows an encrypted backup beside "turn it off first": the policy's rule on
/// backups says off, and the checklist has the one step that says so.
#[test]
fn the_documents_of_a_held_back_set_agree_on_turning_the_backup_off() {
    for v in [v10c(), v11c(), review_set("09_physio_bizapp_private")] {
        for (lang, allowed, off, backup) in [
            (
                Lang::De,
                [
                    "nur verschlüsselt",
                    "Sichern Sie, wenn nötig",
                    "Wird ein Backup gebraucht",
                    "Brauchen Sie ein Backup",
                ],
                "auf jedem Gerät ausgeschaltet und bleibt aus (siehe „Zweck und Geltungsbereich“)",
                ["Backup", "Sicherung"],
            ),
            (
                Lang::En,
                ["only encrypted", "back up only", "If a backup is needed", "If you need a backup"],
                "turned off on every device and stays off (see 'Purpose and scope')",
                ["backup", "backup"],
            ),
        ] {
            let t = set_text(&v, lang);
            for a in allowed {
                assert!(
                    !t.contains(a),
                    "{lang:?}: an encrypted backup allowed (`{a}`) where the set says to turn it off:\n{t}"
                );
            }
            assert!(md(v.clone(), DocId::Policy, lang).contains(off), "{lang:?}: {v}");
            let steps: Vec<String> = items_of(&doc(v.clone(), DocId::Checklist, lang))
                .into_iter()
                .map(|i| i.0)
                .filter(|t| backup.iter().any(|b| t.contains(b)))
                .collect();
            assert_eq!(steps.len(), 1, "{lang:?}: one backup step: {steps:?}");
        }
    }
}

/// B2: set 44 of the review (the regular WhatsApp app among a care team's staff, no customers)
/// gets an address-book step about staff contacts and the basis for them, not the consent of
/// customers; no set without consents to the match to collect (partners only, set 43; a
/// municipality, set 19) keeps "consenting" contacts, and the checklist ticks the step only
/// where the record has the measure in place.
#[test]
fn an_address_book_step_without_consents_to_collect_denies_access() {
    let step = |v: &serde_json::Value, lang: Lang| {
        let title = if lang == Lang::De { "Zugriff auf die Kontakte verweigern" } else { "Deny access to contacts" };
        items_of(&doc(v.clone(), DocId::Checklist, lang)).into_iter().find(|i| i.0 == title).expect("the step")
    };
    let v44 = review_set("44_care_staff_whatsapp_group");
    let de = step(&v44, Lang::De).1;
    assert!(
        de.contains("Auf eigenen Telefonen sind deren Nummern private Nummern")
            && de.ends_with("Verweigern Sie den Zugriff; Kontakte werden einzeln hinzugefügt."),
        "{de}"
    );
    assert!(!de.contains("eingewilligt") && !de.contains("Patientin"), "{de}");
    let en = step(&v44, Lang::En).1;
    assert!(en.contains("only with its staff") && en.contains("voluntary consent (Art. 6(1)(a), Art. 7 GDPR)"), "{en}");
    assert!(!en.contains("consented"), "{en}");
    for v in [
        review_set("43_partners_only_bizapp"),
        review_set("19_municipality_bizapp"),
        review_set("01_trade_consumer_worst"),
    ] {
        let (_, text, status, _) = step(&v, Lang::De);
        assert!(text.contains("Verweigern Sie den Zugriff") && !text.contains("eingewilligt haben"), "{v}: {text}");
        assert_eq!(status, Some(Status::Open), "{v}: the record has it missing");
        assert!(md(v.clone(), DocId::Record, Lang::De)
            .contains("hat Zugriff auf das Adressbuch, obwohl die Richtlinie ihn untersagt: Zugriff entziehen."));
    }
    // Where the set collects consents to the match, the step stays as it was.
    let plumber = with(&review_set("03_trade_bizapp_clean"), json!({"address_book": "mixed"}));
    assert!(step(&plumber, Lang::De)
        .1
        .contains("oder lassen Sie im Adressbuch dieses Geräts nur Kontakte, die in den Abgleich eingewilligt haben."));
}

/// B4: with the regular WhatsApp app and a cloud backup (set 13, a law firm; 01, a trade; 44, a
/// care team), an old backup that is not end-to-end encrypted is to be deleted at the cloud
/// provider once what must be kept is safe, in the policy and the checklist.
#[test]
fn the_regular_apps_old_backup_is_deleted_once_what_must_be_kept_is_safe() {
    for id in ["13_law_consumer_private", "01_trade_consumer_worst", "44_care_staff_whatsapp_group"] {
        let v = review_set(id);
        let c = md(v.clone(), DocId::Checklist, Lang::De);
        assert!(c.contains("Ein altes Backup, das nicht Ende-zu-Ende-verschlüsselt ist, löscht beim Cloud-Anbieter, wer das Cloud-Konto führt, sobald alles Aufzubewahrende in die Akte oder das Archiv übernommen ist, spätestens am"), "{id}: {c}");
        let p = md(v.clone(), DocId::Policy, Lang::De);
        assert!(p.contains("Wer das Cloud-Konto führt (auf eigenen Telefonen: die Person selbst), löscht ein altes Backup, das nicht Ende-zu-Ende-verschlüsselt ist, beim Cloud-Anbieter, sobald alles Aufzubewahrende in die Akte oder das Archiv übernommen ist, spätestens am [Datum, bis zu dem alte Backups gelöscht sind], und meldet [zuständige Person] schriftlich, dass es gelöscht ist."), "{id}: {p}");
        let e = md(v.clone(), DocId::Checklist, Lang::En);
        assert!(e.contains("Any old backup that is not end-to-end encrypted is deleted at the cloud provider by whoever holds the cloud account as soon as everything that must be kept has been moved into the file or the archive, by"), "{id}: {e}");
        // With the backup off there is nothing to delete.
        let off = with(&v, json!({"chat_backup": "off"}));
        assert!(!set_text(&off, Lang::De).contains("beim Cloud-Anbieter, sobald alles Aufzubewahrende"), "{id}");
    }
}

/// C: an unverified cloud backup that holds the form back is a missing measure in the record
/// ("Fehlt", like WhatsApp's readable backup), not one to clarify.
#[test]
fn an_unverified_backup_is_missing_in_the_record() {
    for v in [v10c(), v11c()] {
        for (lang, label) in [(Lang::De, "Fehlt"), (Lang::En, "Missing")] {
            let backup: Vec<_> = items_of(&doc(v.clone(), DocId::Record, lang))
                .into_iter()
                .filter(|i| {
                    i.2.is_some() && (i.1.contains("in einer Cloud gesichert") || i.1.contains("backed up to a cloud"))
                })
                .collect();
            assert_eq!(backup.len(), 1, "{lang:?}: {backup:?}");
            assert_eq!(backup[0].2, Some(Status::Missing), "{lang:?}: {backup:?}");
            assert_eq!(backup[0].3.as_deref(), Some(label));
        }
    }
}

/// Secrecy holders outside the sectors whose profile makes every number a secret (set 18ab: a
/// private health insurer; 45ab: a counselling service, both s. 203 StGB) match the address
/// book only with the release too, and no legitimate interest is offered for it.
#[test]
fn other_secrecy_holders_match_the_address_book_only_with_the_release() {
    for id in ["18_pkv_insurer_bizapp", "45_counselling_other_secrecy_signal"] {
        let v = with(&review_set(id), json!({"contact_access": "granted", "address_book": "business_only"}));
        let r = md(v.clone(), DocId::Record, Lang::De);
        assert!(r.contains("nur für Kontakte, die eingewilligt haben. Rechtsgrundlage: Art. 6 Abs. 1 lit. a DSGVO (Einwilligung); Entbindung von der Schweigepflicht (§ 203 StGB)."), "{id}: {r}");
        assert!(
            md(v.clone(), DocId::Consent, Lang::De)
                .contains("auch durch den Abgleich meiner Nummer aus dem Adressbuch"),
            "{id}"
        );
        for lang in [Lang::De, Lang::En] {
            let t = set_text(&v, lang);
            assert!(
                !t.contains("höchstens ein berechtigtes Interesse")
                    && !t.contains("legitimate interest (Art. 6(1)(f) GDPR) can cover"),
                "{id} ({lang:?}):\n{t}"
            );
        }
        assert!(set_text(&v, Lang::De).contains("Schon ihre Nummer im Adressbuch zeigt, wer mit [Name des"), "{id}");
    }
    // Without secrecy (a broker), the match rests on consent alone.
    let broker = review_set("16_broker_bizapp");
    assert!(
        md(broker, DocId::Record, Lang::De).contains("Rechtsgrundlage: Art. 6 Abs. 1 lit. a DSGVO (Einwilligung). [")
    );
}

/// The checklist names the other documents by their titles, not by the widget's labels.
#[test]
fn the_checklist_names_documents_by_their_titles() {
    let names = Regex::new(r"(?:Vorlagen? |templates? |der Vorlage |in der Vorlage )[„']([^“']+)[“']").unwrap();
    for v in [
        review_set("03_trade_bizapp_clean"),
        review_set("44_care_staff_whatsapp_group"),
        review_set("11_doctor_signal"),
    ] {
        for lang in [Lang::De, Lang::En] {
            let titles: Vec<String> = DocId::ALL
                .iter()
                .map(|&id| {
                    let d = match documents::document(
                        id,
                        &answers(review_set("03_trade_bizapp_clean")),
                        cat(),
                        lang,
                        &Blanks::default(),
                    ) {
                        Ok(d) => d,
                        Err(e) => panic!("{e}"),
                    };
                    documents::plain(&d.title)
                })
                .collect();
            let c = body(&doc(v.clone(), DocId::Checklist, lang));
            let mut n = 0;
            for m in names.captures_iter(&c) {
                n += 1;
                let name = &m[1];
                assert!(
                    titles.iter().any(|t| t.starts_with(&format!("{name}:")) || t.starts_with(&format!("{name} ("))),
                    "{lang:?}: `{name}` is no document's title: {titles:?}"
                );
            }
            assert!(n > 0, "{lang:?}: the checklist names documents");
        }
    }
}

/// Trades on Signal or Threema with a cloud backup: no document names Google or Apple, whose
/// cloud the catalog knows only for WhatsApp's backup.
#[test]
fn other_messengers_cloud_backups_name_no_google_or_apple() {
    for v in [
        with(&review_set("30_signal_internal_trade"), json!({"chat_backup": "cloud"})),
        with(&review_set("38_threema_personal_trade"), json!({"chat_backup": "cloud"})),
    ] {
        for lang in [Lang::De, Lang::En] {
            let t = set_text(&v, lang);
            for w in ["Google", "Apple", "iCloud"] {
                assert!(!t.contains(w), "{lang:?} names `{w}`:\n{t}");
            }
        }
        assert!(
            md(v.clone(), DocId::Record, Lang::De)
                .contains("**Fehlt:** Chats in einer Sicherung beim Anbieter einer Cloud"),
            "{v}"
        );
    }
}

/// B1 of the review of 2026-12: a chat that is still on a phone is not retention (§ 146 Abs. 4,
/// § 147 Abs. 2 AO; GoBD; § 630f BGB), so no template lets an old cloud backup be kept or deleted
/// on the strength of "still on the devices"; the user deletes it once what must be kept is in
/// the file or the archive, in every review set, in German and in English.
#[test]
fn an_old_backup_is_deleted_once_what_must_be_kept_is_in_the_file_or_archive() {
    let sets: Vec<serde_json::Value> = serde_json::from_str(include_str!("data/review-2026-12.json")).unwrap();
    for s in &sets {
        let id = s["id"].as_str().unwrap();
        for lang in [Lang::De, Lang::En] {
            let t = set_text(&s["answers"], lang);
            for bad in [
                "auf den Geräten noch vorhanden",
                "sobald feststeht",
                "still on the devices",
                "once it is certain",
                "lassen Sie beim Cloud-Anbieter löschen",
                "already made deleted",
            ] {
                assert!(!t.contains(bad), "{id} {lang:?}: {bad}");
            }
        }
    }
    let c = md(review_set("44_care_staff_whatsapp_group"), DocId::Checklist, Lang::De);
    assert!(
        c.contains("sobald alles Aufzubewahrende in die Akte oder das Archiv übernommen ist, spätestens am"),
        "{c}"
    );
}

/// B2 of the review of 2026-12: the Art. 13 notice keeps Google or Apple as recipients until the
/// cloud backup is off and the old backup has been deleted, not only until it is off.
#[test]
fn the_notice_names_google_or_apple_until_the_old_backup_is_deleted() {
    let sets: Vec<serde_json::Value> = serde_json::from_str(include_str!("data/review-2026-12.json")).unwrap();
    let (mut de_seen, mut en_seen) = (false, false);
    for s in &sets {
        let id = s["id"].as_str().unwrap();
        let de = set_text(&s["answers"], Lang::De);
        assert!(!de.contains("sobald das Cloud-Backup ausgeschaltet ist."), "{id}");
        de_seen |= de.contains("Den Punkt zu Google oder Apple streichen Sie, sobald das Cloud-Backup ausgeschaltet und das alte Backup gelöscht ist.");
        let en = set_text(&s["answers"], Lang::En);
        assert!(!en.contains("once the cloud backup is off."), "{id}");
        en_seen |= en.contains(
            "Delete the point on Google or Apple once the cloud backup is off and the old backup has been deleted.",
        );
    }
    assert!(de_seen && en_seen);
}

/// B4 of the review of 2026-12: staff numbers on their own phones (set 44) are private numbers,
/// used only with voluntary consent (Art. 6 Abs. 1 lit. a, Art. 7 DSGVO; LAG Thüringen, 6 Sa
/// 442/17), not "work numbers" under the contract; on a company phone they stay work numbers.
#[test]
fn staff_numbers_on_own_phones_rest_on_voluntary_consent() {
    let v = review_set("44_care_staff_whatsapp_group");
    let c = md(v.clone(), DocId::Checklist, Lang::De);
    assert!(c.contains("Auf eigenen Telefonen sind deren Nummern private Nummern: Niemand muss sie [Name der Praxis] geben (LAG Thüringen, Urteil vom 16.05.2018, 6 Sa 442/17)"), "{c}");
    assert!(c.contains("(Art. 6 Abs. 1 lit. a, Art. 7 DSGVO)"), "{c}");
    assert!(!c.contains("braucht dafür nur deren dienstliche Nummern"), "{c}");
    let e = md(v.clone(), DocId::Checklist, Lang::En);
    assert!(e.contains("uses them only with the employee's voluntary consent (Art. 6(1)(a), Art. 7 GDPR)"), "{e}");
    let company = with(&v, json!({"device": "company_business_only"}));
    let c = md(company, DocId::Checklist, Lang::De);
    assert!(!c.contains("private Nummern"), "{c}");
}

/// C2 of the consultant review: where the chats are backed up to a cloud, no document says the
/// backup "stays off": it says it is turned off (or, where no form is held back, encrypted).
/// Every set of the review with `chat_backup: cloud`, and set 44 (staff only) by name.
#[test]
fn a_backup_that_is_on_is_never_said_to_stay_off() {
    let sets: Vec<serde_json::Value> = serde_json::from_str(include_str!("data/review-2026-12.json")).unwrap();
    let on: Vec<serde_json::Value> =
        sets.iter().map(|s| s["answers"].clone()).filter(|a| a["chat_backup"] == "cloud").collect();
    assert!(on.contains(&review_set("44_care_staff_whatsapp_group")));
    for v in on {
        for (lang, stays, turned) in [
            (Lang::De, "iCloud bleibt ausgeschaltet", &["ausgeschaltet", "sofort aus"][..]),
            (Lang::En, "iCloud stays off", &["turned off", "turns off", "off on their own device at once"][..]),
        ] {
            let t = set_text(&v, lang);
            assert!(!t.contains(stays), "{lang:?} {v}: {stays}");
            assert!(turned.iter().any(|w| t.contains(w)), "{lang:?} {v}: none of {turned:?}");
        }
    }
}

/// The consultant's wording for set 44 (staff on their own phones, backup on): each person turns
/// the backup off before the next work use, whoever holds the cloud account deletes the old one
/// by a date and confirms it in writing, and a leaver deletes the work account's backup too.
#[test]
fn a_backup_on_a_private_phone_goes_before_the_next_work_use_and_its_deletion_is_confirmed() {
    let v = review_set("44_care_staff_whatsapp_group");
    let de = md(v.clone(), DocId::Policy, Lang::De);
    for want in [
        "Jede Person schaltet auf ihrem Gerät ein Chat-Backup in Google Drive oder iCloud, das nicht Ende-zu-Ende-verschlüsselt ist, sofort aus, bevor sie WhatsApp weiter dienstlich nutzt.",
        "Wer das Cloud-Konto führt (auf eigenen Telefonen: die Person selbst), löscht ein altes Backup",
        "spätestens am [Datum, bis zu dem alte Backups gelöscht sind], und meldet [zuständige Person] schriftlich, dass es gelöscht ist.",
        "Kontakte und das Chat-Backup des dienstlichen Kontos in der Cloud; die Löschung bestätigt die Person schriftlich.",
    ] {
        assert!(de.contains(want), "{want}\n{de}");
    }
    let en = md(v.clone(), DocId::Policy, Lang::En);
    for want in [
        "Everyone turns off, on their own device, any chat backup to Google Drive or iCloud that is not end-to-end encrypted, at once, before using WhatsApp for work again.",
        "Whoever holds the cloud account (on their own phone: that person) deletes any old backup",
        "by [date by which old backups are deleted] at the latest, and confirms the deletion to [responsible person] in writing.",
        "the work chats and contacts and the work account's chat backup in the cloud, and confirms the deletion in writing.",
    ] {
        assert!(en.contains(want), "{want}\n{en}");
    }
    // The record: Google or Apple receive the chats until the backup is off and the old one gone,
    // and the measure says what to do by when.
    let r = md(v.clone(), DocId::Record, Lang::De);
    for want in [
        "Google oder Apple, solange auf einem Gerät ein Chat-Backup in deren Cloud eingeschaltet ist, das nicht Ende-zu-Ende-verschlüsselt ist, oder dort noch ein solches altes Backup liegt (abzustellen, siehe Maßnahmen)",
        "**Fehlt:** Chat-Backup in Google Drive oder iCloud eingeschaltet, eine Ende-zu-Ende-Verschlüsselung nicht belegt: auf jedem Gerät sofort ausschalten, vor der nächsten dienstlichen Nutzung; alte Backups bis [Datum, bis zu dem alte Backups gelöscht sind] löschen lassen; die schriftlichen Bestätigungen ablegen.",
    ] {
        assert!(r.contains(want), "{want}\n{r}");
    }
    assert!(!r.contains("Chats im Cloud-Backup bei Google oder Apple."), "{r}");
    // The checklist does not tell the practice to delete what sits in staff's own accounts.
    let c = md(v, DocId::Checklist, Lang::De);
    assert!(!c.contains("löschen Sie beim Cloud-Anbieter"), "{c}");
    assert!(c.contains("spätestens am [Datum, bis zu dem alte Backups gelöscht sind]; auf eigenen Telefonen der Mitarbeitenden ist das die Person selbst, und sie bestätigt Ihnen die Löschung schriftlich."), "{c}");
    assert!(c.contains("Lassen Sie sich von jeder Person schriftlich bestätigen, dass ihr Chat-Backup aus oder Ende-zu-Ende-verschlüsselt ist."), "{c}");
    // Where the consent form is held back (set 09), the record names no encrypted backup as a way out.
    let r09 = md(review_set("09_physio_bizapp_private"), DocId::Record, Lang::De);
    assert!(r09.contains("Google oder Apple, solange auf einem Gerät das Chat-Backup in deren Cloud eingeschaltet ist oder dort noch ein altes Backup liegt"), "{r09}");
    assert!(!r09.contains("nur verschlüsselt"), "{r09}");
}

/// A1 of the consultant review: staff who chat about patients or clients through the regular
/// app with a cloud backup on (set 44, staff only; set 13, the consumer app with clients too)
/// are told first to turn the backup off, and until then to keep names and appointments out
/// even among themselves. Without the backup, or without secrecy (set 01), neither.
#[test]
fn staff_chats_in_a_readable_backup_are_held_back_until_it_is_off() {
    for id in ["44_care_staff_whatsapp_group", "13_law_consumer_private"] {
        let v = review_set(id);
        let de = md(v.clone(), DocId::Policy, Lang::De);
        assert!(
            de.contains("liegen dort auch die Chats unter Mitarbeitenden lesbar für Google oder Apple"),
            "{id}: {de}"
        );
        assert!(
            de.contains(
                "dass ihr Backup aus oder Ende-zu-Ende-verschlüsselt ist, gehen über WhatsApp auch unter Mitarbeitenden keine Termine, Namen oder anderen Angaben zu"
            ),
            "{id}: {de}"
        );
        let en = md(v.clone(), DocId::Policy, Lang::En);
        assert!(en.contains("the chats among staff are stored there readable by Google or Apple"), "{id}: {en}");
        let off = md(with(&v, json!({"chat_backup": "off"})), DocId::Policy, Lang::De);
        assert!(!off.contains("gehen über WhatsApp auch unter Mitarbeitenden keine"), "{id}: {off}");
        assert!(!off.contains("Chats unter Mitarbeitenden lesbar"), "{id}: {off}");
    }
    let trade = md(
        with(&review_set("01_trade_consumer_worst"), json!({"audience": ["customers", "internal"]})),
        DocId::Policy,
        Lang::De,
    );
    assert!(!trade.contains("Chats unter Mitarbeitenden lesbar"), "{trade}");
    // The business app with clients has its own first step (the form is held back): said once.
    let bizapp = md(review_set("09_physio_bizapp_private"), DocId::Policy, Lang::De);
    assert_eq!(bizapp.matches("Zuerst:").count(), 1, "{bizapp}");
}

/// Where the visitor does not know whether the chats are backed up, no document says the
/// backup stays off: each device is checked, and a backup found on goes (C2, fallback case).
#[test]
fn a_backup_nobody_knows_about_is_checked_not_said_to_stay_off() {
    let v = with(&review_set("44_care_staff_whatsapp_group"), json!({"chat_backup": "unknown"}));
    let de = md(v.clone(), DocId::Policy, Lang::De);
    assert!(!de.contains("iCloud bleibt ausgeschaltet"), "{de}");
    assert!(
        de.contains(
            "Jede Person sieht in den Einstellungen von WhatsApp auf ihrem Gerät nach, ob das Chat-Backup in Google Drive oder iCloud eingeschaltet ist."
        ),
        "{de}"
    );
    let en = md(v.clone(), DocId::Policy, Lang::En);
    assert!(!en.contains("iCloud stays off"), "{en}");
    assert!(
        en.contains("Everyone checks in the settings of WhatsApp on their own device whether the chat backup to Google Drive or iCloud is on."),
        "{en}"
    );
    // Answered "off", it does stay off.
    let off = md(with(&v, json!({"chat_backup": "off"})), DocId::Policy, Lang::De);
    assert!(off.contains("Das Chat-Backup in Google Drive oder iCloud bleibt ausgeschaltet."), "{off}");
}

/// The consultant review of the held-back templates (helper-30, A1): the regular WhatsApp app's
/// reason names what the visitor's sector needs: a practice explicit consent *and* a release
/// (health data), a law or tax firm or a public body a release, never the health-data consent;
/// each says what to do until the move, and the option the visitor must pick exists.
#[test]
fn the_regular_whatsapp_apps_refusal_names_what_the_sector_needs() {
    let reason = |sector: &str, lang: Lang| {
        let v = json!({"sector": sector, "audience": ["customers"], "messenger": "whatsapp"});
        let r = documents::refusals(&answers(v), cat(), lang).unwrap();
        assert_eq!(r.len(), 1, "{sector}: {r:?}");
        r[0].1.clone()
    };
    let health = reason("health", Lang::De);
    assert!(health.contains("ausdrückliche Einwilligung und eine Entbindung von der Schweigepflicht"), "{health}");
    for sector in ["legal_tax", "public_sector"] {
        let de = reason(sector, Lang::De);
        assert!(de.contains("eine Entbindung von der Schweigepflicht"), "{sector}: {de}");
        assert!(!de.contains("Einwilligung") && !de.contains("Gesundheit"), "{sector}: {de}");
        let en = reason(sector, Lang::En);
        assert!(!en.contains("consent") && !en.contains("health"), "{sector}: {en}");
    }
    for lang in Lang::ALL {
        for sector in ["health", "legal_tax", "public_sector"] {
            let r = reason(sector, lang);
            assert!(r.ends_with('.'), "{sector}, {lang}: {r}");
            let alternatives = cat().ui("alternatives", lang);
            assert!(r.contains(alternatives), "{sector}, {lang}: points to `{alternatives}`: {r}");
        }
    }
    // The backup reasons name the answer to change by its label.
    let off = cat().question("chat_backup").unwrap().options.iter().find(|o| o.id == "off").unwrap();
    let v = json!({"sector": "health", "audience": ["customers"], "messenger": "signal", "chat_backup": "cloud"});
    for lang in Lang::ALL {
        let r = documents::refusals(&answers(v.clone()), cat(), lang).unwrap();
        assert!(r[0].1.contains(off.label.get(lang)), "{lang}: {}", r[0].1);
    }
}
