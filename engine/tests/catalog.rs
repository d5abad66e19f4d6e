//! The catalog: the embedded one is complete; a broken one is an error that names the file,
//! the entry and the field; embedder overrides are checked the same way.
use engine::catalog::EMBEDDED_FILES;
use engine::{Catalog, CatalogError, Lang, Overrides};

fn load_with(file: &str, edit: impl Fn(&mut serde_json::Value)) -> Result<Catalog, CatalogError> {
    let owned: Vec<(&str, String)> = EMBEDDED_FILES
        .iter()
        .map(|(name, text)| {
            if *name == file {
                let mut v: serde_json::Value = serde_json::from_str(text).unwrap();
                edit(&mut v);
                (*name, v.to_string())
            } else {
                (*name, text.to_string())
            }
        })
        .collect();
    let files: Vec<(&str, &str)> = owned.iter().map(|(n, t)| (*n, t.as_str())).collect();
    Catalog::from_files(&files)
}

fn expect_err(file: &str, edit: impl Fn(&mut serde_json::Value)) -> CatalogError {
    match load_with(file, edit) {
        Ok(_) => panic!("the broken {file} must not load"),
        Err(e) => e,
    }
}

#[test]
fn the_embedded_catalog_is_valid_and_complete() {
    let c = Catalog::from_files(&EMBEDDED_FILES).unwrap_or_else(|e| panic!("{e}"));
    assert!(c.questions().len() >= 17);
    assert!(c.question("professional_secrecy").is_some(), "insurers and others can say they are bound by s. 203 StGB");
    // The contract's ids are all there.
    let contract = [
        ("sector", vec!["trade", "health", "legal_tax", "finance_insurance", "public_sector", "other"]),
        ("audience", vec!["customers", "internal", "partners"]),
        ("broadcast", vec!["yes", "no"]),
        (
            "messenger",
            vec![
                "whatsapp",
                "whatsapp_business_app",
                "whatsapp_business_platform",
                "threema",
                "threema_work",
                "signal",
                "wire",
                "telegram",
                "element",
                "teams",
                "slack",
                "mattermost",
                "rocketchat",
                "other",
                "undecided",
            ],
        ),
        ("provider_region", vec!["eu", "non_eu", "unknown"]),
        ("dpa", vec!["yes", "no", "unknown"]),
        (
            "device",
            vec!["company_business_only", "company_private_allowed", "private_phone", "dual_sim", "work_profile"],
        ),
        ("contact_access", vec!["granted", "denied"]),
        ("address_book", vec!["empty", "consented_only", "business_only", "mixed"]),
        ("first_contact", vec!["customer", "business"]),
        ("consent", vec!["documented", "informal", "none"]),
        ("content", vec!["appointments", "business_letters", "personal_data", "special_categories", "confidential"]),
        ("chat_backup", vec!["off", "cloud", "unknown"]),
        ("media_autosave", vec!["off", "on", "unknown"]),
        ("archiving", vec!["archived", "none"]),
        ("usage_policy", vec!["written", "informal", "none"]),
        ("works_council", vec!["agreement", "no_agreement", "none"]),
    ];
    for (q, opts) in contract {
        let question = c.question(q).unwrap_or_else(|| panic!("question {q}"));
        for o in opts {
            assert!(question.options.iter().any(|x| x.id == o), "{q}.{o}");
        }
    }
    assert!(c.question("audience").unwrap().multi && c.question("content").unwrap().multi);
    assert_eq!(c.as_of().len(), 10);
    assert!(c.messengers().iter().any(|m| m.id == "skype" && !m.recommend), "Skype is described and never recommended");
}

#[test]
fn a_broken_file_names_its_field() {
    let e = expect_err("questions.json", |v| v["questions"][0]["title"] = serde_json::json!("just a string"));
    assert_eq!(e.file, "questions.json");
    assert_eq!(e.field, "questions[0].title", "{e}");

    let e = Catalog::from_files(&[("meta.json", "{ not json")]).unwrap_err();
    assert_eq!(e.file, "meta.json");
    assert!(e.to_string().contains("line 1"), "{e}");
}

#[test]
fn a_missing_translation_names_the_entry_and_language() {
    let e = expect_err("rules.json", |v| v[0]["text"]["en"] = "".into());
    assert_eq!((e.file.as_str(), e.field.as_str()), ("rules.json", "text.en"));
    assert!(e.entry.contains("contact_upload"), "{e}");
}

#[test]
fn a_condition_with_an_unknown_option_names_it() {
    let e =
        expect_err("rules.json", |v| v[0]["cases"][0]["when"] = serde_json::json!({"is": ["address_book", "mixd"]}));
    assert!(e.message.contains("mixd") && e.message.contains("address_book"), "{e}");
    assert_eq!(e.field, "cases[0].when");
}

#[test]
fn named_conditions_and_facts_are_checked() {
    // A reference to a condition that does not exist.
    let e = expect_err("rules.json", |v| v[0]["when"]["all"][0] = serde_json::json!({"ref": "nowhere"}));
    assert!(e.message.contains("unknown condition `nowhere`") && e.entry.contains("contact_upload"), "{e}");
    // A condition that refers to itself.
    let e = expect_err("conditions.json", |v| v["team"] = serde_json::json!({"any": [{"ref": "team"}]}));
    assert!(e.message.contains("refers to itself"), "{e}");
    // A fact with an unknown property, an unknown value, or one no messenger has.
    let e = expect_err("conditions.json", |v| v["end_to_end"] = serde_json::json!({"fact": ["colour", "yes"]}));
    assert!(e.message.contains("unknown property `colour`"), "{e}");
    let e = expect_err("conditions.json", |v| v["end_to_end"] = serde_json::json!({"fact": ["e2e_default", "maybe"]}));
    assert!(e.message.contains("unknown value `maybe`"), "{e}");
    let e = expect_err("conditions.json", |v| v["end_to_end"] = serde_json::json!({"fact": ["dpa", "optional"]}));
    assert!(e.message.contains("matches no messenger"), "{e}");
}

#[test]
fn the_worst_setup_reaches_exactly_100_and_more_is_refused() {
    // The scale has no cap: the catalog's worst setup is what 100 means.
    let empty = engine::assess(&Default::default(), Catalog::embedded(), Lang::De).unwrap();
    assert_eq!(empty.range.max, 100, "the worst setup the questions allow is 100");
    let e = expect_err("rules.json", |v| v[0]["cases"][0]["points"] = 40.into());
    assert_eq!(e.file, "rules.json");
    assert!(e.message.contains("adds up to") && e.message.contains("100"), "{e}");
}

#[test]
fn a_web_source_must_name_a_document_and_its_check_date() {
    for bare in
        ["https://www.lfd.niedersachsen.de/", "https://slack.com", "https://element.io/?", "http://example.org#x"]
    {
        let e = expect_err("sources.json", |v| v[6]["url"] = bare.into());
        assert_eq!((e.file.as_str(), e.field.as_str()), ("sources.json", "url"), "{bare}: {e}");
        assert!(e.message.contains("bare domain") || e.message.contains("no host"), "{bare}: {e}");
    }
    let e =
        expect_err("sources-messengers.json", |v| v[0].as_object_mut().unwrap().remove("checked").map(|_| ()).unwrap());
    assert_eq!(e.field, "checked", "{e}");
    let e = expect_err("sources.json", |v| v[6]["kind"] = "blog".into());
    assert_eq!(e.field, "kind", "{e}");
}

/// Every text of the catalog files, with where it is: (file, JSON path, language, text).
fn all_texts() -> Vec<(String, String, String, String)> {
    fn walk(file: &str, path: String, v: &serde_json::Value, out: &mut Vec<(String, String, String, String)>) {
        match v {
            serde_json::Value::Object(o) => {
                if let (Some(de), Some(en)) =
                    (o.get("de").and_then(|x| x.as_str()), o.get("en").and_then(|x| x.as_str()))
                {
                    out.push((file.into(), path.clone(), "de".into(), de.into()));
                    out.push((file.into(), path, "en".into(), en.into()));
                    return;
                }
                for (k, x) in o {
                    walk(file, format!("{path}.{k}"), x, out);
                }
            }
            serde_json::Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    walk(file, format!("{path}[{i}]"), x, out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for (name, text) in EMBEDDED_FILES {
        walk(name, String::new(), &serde_json::from_str(text).unwrap(), &mut out);
    }
    out
}

#[test]
fn citations_follow_each_languages_form() {
    use regex::Regex;
    // German: "Art. 6 Abs. 1 lit. b DSGVO", "§ 203 Abs. 1 Nr. 7 StGB". English: "Art. 6(1)(b)
    // GDPR", "s. 203(1) no. 7 StGB". Never the mixed "DSGVO/GDPR".
    let both = [(Regex::new(r"DSGVO/GDPR|GDPR/DSGVO").unwrap(), "mixed DSGVO/GDPR")];
    let german = [
        (Regex::new(r"\bGDPR\b").unwrap(), "GDPR in a German text (write DSGVO)"),
        (Regex::new(r"Art\. \d+\(\d").unwrap(), "English article form `Art. 6(1)` (write `Art. 6 Abs. 1`)"),
        (Regex::new(r"\bs\. \d+").unwrap(), "English section form `s. 203` (write `§ 203`)"),
        (Regex::new(r"§\d").unwrap(), "`§203` without a space (write `§ 203`)"),
        (Regex::new(r"\bDPA\b").unwrap(), "ambiguous `DPA`"),
    ];
    let english = [
        (Regex::new(r"\bDSGVO\b").unwrap(), "DSGVO in an English text (write GDPR)"),
        (Regex::new(r"§").unwrap(), "`§` in an English text (write `s. 203`)"),
        (Regex::new(r"\b(Abs|Nr|lit)\. ").unwrap(), "German citation form in an English text"),
        (Regex::new(r"\bDPA\b").unwrap(), "ambiguous `DPA` (write processing agreement or supervisory authority)"),
    ];
    let mut bad = Vec::new();
    for (file, path, lang, text) in all_texts() {
        let checks = both.iter().chain(if lang == "de" { german.iter() } else { english.iter() });
        for (re, what) in checks {
            if re.is_match(&text) {
                bad.push(format!("{file}{path}.{lang}: {what}: {text}"));
            }
        }
    }
    assert!(bad.is_empty(), "{} text(s) cite in the wrong form:\n{}", bad.len(), bad.join("\n"));
}

#[test]
fn the_lint_catches_what_it_is_for() {
    // The check above must be able to fail: a German text in the English form, and the mixed label.
    let e = load_with("rules.json", |v| v[0]["law"]["de"] = "Art. 6(1) DSGVO/GDPR".into());
    assert!(e.is_ok(), "the loader itself accepts it; the lint test is what refuses it");
    let re = regex::Regex::new(r"Art\. \d+\(\d").unwrap();
    assert!(re.is_match("Art. 6(1) DSGVO/GDPR"));
}

#[test]
fn the_facts_say_when_they_may_be_out_of_date() {
    let c = Catalog::embedded();
    let as_of = c.as_of();
    let year: u32 = as_of[..4].parse().unwrap();
    assert!(!c.stale_on(as_of));
    assert!(!c.stale_on(&format!("{}{}", year + 1, &as_of[4..])), "exactly a year is not yet stale");
    assert!(c.stale_on(&format!("{}-{}", year + 1, "12-31")) || &as_of[5..] == "12-31");
    assert!(c.stale_on(&format!("{}{}", year + 2, &as_of[4..])));
    assert!(!c.stale_on("not a date"));
}

#[test]
fn a_question_may_only_depend_on_earlier_questions() {
    let e = expect_err("questions.json", |v| {
        v["questions"][0]["ask_when"] = serde_json::json!({"is": ["messenger", "whatsapp"]})
    });
    assert!(e.entry.contains("sector") && e.message.contains("before it"), "{e}");
}

#[test]
fn a_rule_without_sources_or_with_an_unknown_source_is_refused() {
    // A case needs a source of its own or the rule's.
    let e = expect_err("rules.json", |v| {
        v[1]["sources"] = serde_json::json!([]);
        v[1]["cases"][0]["sources"] = serde_json::json!([]);
    });
    assert_eq!(e.field, "cases[0].sources", "{e}");
    let e = expect_err("rules.json", |v| v[0]["sources"][0] = "nowhere".into());
    assert!(e.message.contains("nowhere") && e.field == "sources[0]", "{e}");
    let e = expect_err("rules.json", |v| v[0]["sources"][1] = "sector:nothing".into());
    assert!(e.message.contains("nothing") && e.field == "sources[1]", "{e}");
}

#[test]
fn a_messenger_fact_without_source_must_say_unknown() {
    let e = expect_err("messengers.json", |v| {
        let m = v.as_array_mut().unwrap().iter_mut().find(|m| m["id"] == "threema_work").unwrap();
        m["properties"]["e2e_default"]["sources"] = serde_json::json!([]);
    });
    assert!(e.entry.contains("threema_work") && e.field.starts_with("properties.e2e_default"), "{e}");
}

#[test]
fn duplicate_ids_and_bad_dates_are_refused() {
    let e = expect_err("measures.json", |v| {
        let first = v[0].clone();
        v.as_array_mut().unwrap().push(first);
    });
    assert!(e.message.contains("duplicate"), "{e}");
    let e = expect_err("meta.json", |v| v["as_of"] = "23.11.2026".into());
    assert_eq!(e.field, "as_of");
}

#[test]
fn overrides_change_texts_and_alternatives() {
    let o = Overrides::from_json(
        r#"{"texts": {"de": {"ui.title": "Unser Check", "question.sector.title": "Ihr Gewerk?"}},
            "alternatives": {"recommend": ["threema_work", "wire", "signal"], "hide": ["signal"]},
            "call_to_action": {"label": {"de": "Beratung anfragen"}, "url": "https://example.org/kontakt"}}"#,
    )
    .unwrap();
    let c = Catalog::embedded().with_overrides(&o).unwrap();
    assert_eq!(c.ui("title", Lang::De), "Unser Check");
    assert_eq!(c.question("sector").unwrap().title.de, "Ihr Gewerk?");
    assert_ne!(c.ui("title", Lang::En), "Unser Check", "English untouched");
    let a = engine::assess(&Default::default(), &c, Lang::De).unwrap();
    let ids: Vec<&str> = a.alternatives.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(ids.len(), 2);
    assert!(ids.contains(&"threema_work") && ids.contains(&"wire"));
    let cta = c.call_to_action().unwrap();
    assert_eq!((cta.label.de.as_ref(), cta.label.en.as_ref()), ("Beratung anfragen", "Beratung anfragen"));
    // The original is untouched.
    assert_ne!(Catalog::embedded().ui("title", Lang::De), "Unser Check");
}

#[test]
fn malformed_overrides_name_the_field() {
    let cases = [
        (r#"{"texts": {"de": {"question.nope.title": "x"}}}"#, "question.nope.title"),
        (r#"{"texts": {"fr": {"ui.title": "x"}}}"#, "fr"),
        (r#"{"alternatives": {"hide": ["threema_work", "icq"]}}"#, "hide[1]"),
        (r#"{"call_to_action": {"label": {"de": "x"}, "url": "javascript:alert(1)"}}"#, "url"),
        (r#"{"colour": "red"}"#, ""),
        (r#"{"texts": {"de": {"ui.title": 5}}}"#, "texts.de.ui.title"),
    ];
    for (json, field) in cases {
        let e = Overrides::from_json(json).and_then(|o| Catalog::embedded().with_overrides(&o)).unwrap_err();
        assert!(e.to_string().contains(field), "{json}: {e}");
        assert_eq!(e.file, "catalog override");
    }
}

/// The rule of review B2: a finding cites the documents of the visitor's messenger and sector,
/// never another service's. The loader refuses a source about one messenger in a case that can
/// also fire for another, and a profile that cites another sector's law.
#[test]
fn a_source_about_another_messenger_or_sector_is_refused() {
    fn rule<'a>(v: &'a mut serde_json::Value, id: &str) -> &'a mut serde_json::Value {
        v.as_array_mut().unwrap().iter_mut().find(|r| r["id"] == id).unwrap()
    }
    // WhatsApp's terms under Telegram's missing encryption.
    let e = expect_err("rules.json", |v| {
        let r = rule(v, "no_e2e");
        r["cases"][0]["sources"] = serde_json::json!(["wa_terms"]);
    });
    assert!(e.message.contains("wa_terms") && e.message.contains("telegram"), "{e}");
    assert_eq!(e.field, "cases[0].sources", "{e}");
    // A WhatsApp source in a rule's general sources, which every messenger sees.
    let e = expect_err("rules.json", |v| rule(v, "third_country")["sources"] = serde_json::json!(["gdpr", "wa_terms"]));
    assert!(e.message.contains("wa_terms") && e.field == "sources", "{e}");
    // The lawyers' professional code for everyone who keeps secrets.
    let e = expect_err("rules.json", |v| {
        let r = rule(v, "secrecy_holder");
        r["sources"] = serde_json::json!(["stgb203", "brao43e"]);
    });
    assert!(e.message.contains("brao43e") && e.message.contains("legal_tax") && e.message.contains("health"), "{e}");
    // And a practice's profile citing it.
    let e = expect_err("sectors.json", |v| {
        let p = v.as_array_mut().unwrap().iter_mut().find(|p| p["id"] == "health").unwrap();
        p["values"]["secrecy_law"]["sources"] = serde_json::json!(["stgb203", "brao43e"]);
    });
    assert!(e.message.contains("brao43e") && e.entry.contains("health"), "{e}");
}

/// A sector profile states the law of its sector in one place: every sector has one, every
/// profile has the same keys, exactly one is the default, and a text names only known values.
#[test]
fn the_sector_profiles_are_complete_and_every_placeholder_is_known() {
    let c = Catalog::embedded();
    let sectors: Vec<&str> = c.question("sector").unwrap().options.iter().map(|o| o.id.as_ref()).collect();
    let profiles: Vec<&str> = c.profiles().iter().map(|p| p.id.as_ref()).collect();
    assert_eq!(profiles, sectors);
    assert_eq!(c.default_profile().id, "other");
    let e = expect_err("sectors.json", |v| {
        v.as_array_mut().unwrap()[1]["values"].as_object_mut().unwrap().remove("people");
    });
    assert!(e.message.contains("people"), "{e}");
    let e = expect_err("sectors.json", |v| v.as_array_mut().unwrap().retain(|p| p["id"] != "public_sector"));
    assert!(e.entry.contains("public_sector") && e.message.contains("profile"), "{e}");
    let e = expect_err("sectors.json", |v| v[0]["default"] = true.into());
    assert_eq!(e.field, "default", "{e}");
    let e = expect_err("rules.json", |v| v[0]["text"]["de"] = "Für {kundschaft} gilt das.".into());
    assert!(e.message.contains("{kundschaft}") && e.field == "text.de", "{e}");
    let e = expect_err("measures.json", |v| v[0]["text"]["en"] = "A stray } brace.".into());
    assert_eq!(e.field, "text.en", "{e}");
    let e = expect_err("rules.json", |v| v[0]["when"] = serde_json::json!({"profile": ["lawyer"]}));
    assert!(e.message.contains("lawyer"), "{e}");
}
