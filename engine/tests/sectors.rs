//! Sector law, own servers, confidentiality agreements and sources per case (catalog 2026.12,
//! after the second legal review, `shared/domain/review-2026-12/`): each judgment on setups of
//! its own, and property tests that the same class of error cannot come back on setups nobody
//! listed.
mod common;
use common::*;
use engine::{assess, Answer, Answers, Assessment, Band, Lang};
use proptest::prelude::*;
use serde_json::{json, Value};

fn ids(a: &Assessment) -> Vec<&str> {
    a.factors.iter().map(|f| f.id.as_str()).collect()
}

fn factor<'a>(a: &'a Assessment, id: &str) -> &'a engine::Factor {
    a.factors.iter().find(|f| f.id == id).unwrap_or_else(|| panic!("no factor `{id}` in {:?}", ids(a)))
}

/// Every text of an assessment a visitor reads, with where it stands.
fn texts(a: &Assessment) -> Vec<(String, &str)> {
    let mut out: Vec<(String, &str)> = Vec::new();
    for f in &a.factors {
        out.push((format!("factor {} title", f.id), &f.title));
        out.push((format!("factor {} text", f.id), &f.text));
        out.push((format!("factor {} law", f.id), &f.law));
    }
    for m in &a.measures {
        out.push((format!("measure {} title", m.id), &m.title));
        out.push((format!("measure {} text", m.id), &m.text));
        out.push((format!("measure {} law", m.id), &m.law));
        if let Some(r) = &m.reach {
            out.push((format!("measure {} reach", m.id), r));
        }
    }
    for w in &a.what_if {
        if let Some(r) = &w.reach {
            out.push((format!("what-if {} reach", w.question), r));
        }
    }
    out.push(("band advice".into(), &a.band_advice));
    out.push(("disclaimer".into(), &a.disclaimer));
    out
}

/// A practice, a law firm, a public body, with customers (patients, clients, citizens).
fn on(sector: &str, messenger: &str) -> Value {
    with(
        &worst(),
        json!({"sector": sector, "messenger": messenger, "audience": ["customers", "internal", "partners"],
        "content": ["appointments", "business_letters", "personal_data", "confidential"], "archiving": "none",
        "works_council": "no_agreement", "provider_region": "eu", "server_operator": "vendor",
        "confidentiality_agreement": "none", "broadcast": "yes"}),
    )
}

// ---------------------------------------------------------------------------------------
// The review's 46 answer sets, with the band we defend for each.

#[test]
fn the_reviews_setups_get_the_band_we_defend() {
    let setups: Vec<Value> = serde_json::from_str(include_str!("data/review-2026-12.json")).unwrap();
    assert!(setups.len() >= 46);
    let mut wrong = Vec::new();
    for s in &setups {
        let a = run(s["answers"].clone());
        let want = s["band"].as_str().unwrap();
        let prov = s["provisional"].as_bool().unwrap();
        assert!(s["why"].as_str().is_some_and(|w| w.len() > 40), "{}: a line that defends it", s["id"]);
        if a.band.id() != want || a.provisional != prov {
            wrong.push(format!(
                "{}: {} {:?} provisional {} (want {want}, {prov}) {:?}",
                s["id"],
                a.score,
                a.band,
                a.provisional,
                ids(&a)
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

// ---------------------------------------------------------------------------------------
// 1. Sector profiles: the law of the visitor's own sector, in every text.

#[test]
fn a_practice_treats_appointments_as_health_data() {
    // Review A1: a reminder of a practice shows that someone is a patient (Art. 4(15),
    // Recital 35 GDPR; CJEU C-184/20, C-21/23).
    let practice = with(&on("health", "whatsapp_business_app"), json!({"content": ["appointments"]}));
    let a = run(practice.clone());
    let f = factor(&a, "special_categories");
    assert!(
        f.text.contains("schon Termine Gesundheitsdaten") && f.law.contains("Art. 9 Abs. 2 lit. a und h"),
        "{}",
        f.text
    );
    assert!(f.sources.iter().any(|s| s.id == "cjeu_c21_23") && f.sources.iter().any(|s| s.id == "bdsg22"));
    // The same appointments in a craft business are not Art. 9 data.
    let trade = run(with(&practice, json!({"sector": "trade"})));
    assert!(!ids(&trade).contains(&"special_categories"));
    // Through a service that can read them it weighs more than through an end-to-end app.
    let platform = run(with(&practice, json!({"messenger": "whatsapp_business_platform"})));
    assert!(factor(&platform, "special_categories").points > f.points);
    // And a practice on Threema Work with a processing agreement is still low.
    let tw = run(with(
        &practice,
        json!({"messenger": "threema_work", "dpa": "yes", "device": "company_business_only",
        "contact_access": "denied", "consent": "documented", "confidentiality_agreement": "signed",
        "archiving": "archived", "works_council": "agreement", "broadcast": "no", "usage_policy": "written"}),
    ));
    assert_eq!(tw.band, Band::Low, "{} {:?}", tw.score, ids(&tw));
}

#[test]
fn a_public_body_gets_its_own_legal_basis_staff_council_and_data_protection_officer() {
    let a = run(on("public_sector", "whatsapp_business_app"));
    // Never a legitimate interest (Art. 6(1) second subparagraph GDPR), always the task.
    for (at, t) in texts(&a) {
        assert!(!t.contains("berechtigtes Interesse (Art. 6 Abs. 1 lit. f DSGVO) die"), "{at}: {t}");
        assert!(!t.contains("Anfrage und Vertrag"), "{at}: {t}");
        assert!(!t.contains("§ 38 Abs. 1 BDSG"), "{at}: a public body always has a DPO: {t}");
    }
    let upload = factor(&a, "contact_upload");
    assert!(
        upload.text.contains("Art. 6 Abs. 1 Unterabs. 2 DSGVO") || upload.text.contains("Erwägungsgrund 43"),
        "{}",
        upload.text
    );
    let own = factor(&a, "own_controller");
    assert!(
        own.text.contains("Art. 6 Abs. 1 Unterabs. 2 DSGVO") && own.text.contains("Erwägungsgrund 43"),
        "{}",
        own.text
    );
    assert!(own.sources.iter().any(|s| s.id == "ldi_nrw_whatsapp_2025"));
    // The staff council under the staff representation acts, not the BetrVG.
    let wc = factor(&a, "works_council");
    assert!(wc.law.contains("BPersVG") && wc.law.contains("§ 130 BetrVG") && !wc.law.contains("§ 87"), "{}", wc.law);
    assert!(wc.text.contains("Personalrat") && !wc.sources.iter().any(|s| s.id == "betrvg87"));
    let m = a.measures.iter().find(|m| m.id == "works_agreement").expect("the measure");
    assert_eq!(m.title, "Dienstvereinbarung schließen");
    // Secrecy of public officials: s. 203(2), s. 353b StGB; no lawyers' code.
    let s = factor(&a, "secrecy_holder");
    assert!(s.law.contains("§ 203 Abs. 2") && s.law.contains("§ 353b") && !s.law.contains("BRAO"), "{}", s.law);
    // A public body always has a data protection officer: the advice says so, without "if".
    assert!(
        a.band_advice.contains("Fragen Sie Ihre Datenschutzbeauftragte") && !a.band_advice.contains("falls"),
        "{}",
        a.band_advice
    );
    // Citizens are not customers, and authorities do not advertise under the UWG.
    assert!(texts(&a).iter().all(|(_, t)| !t.contains("Kundschaft")), "{:?}", texts(&a));
    assert!(!ids(&a).contains(&"broadcast_lists"));
    // The same setup in a craft business: the BetrVG, a legitimate interest for users at most.
    let t = run(on("trade", "whatsapp_business_app"));
    assert!(factor(&t, "works_council").law.contains("§ 87 Abs. 1 Nr. 6 BetrVG"));
    assert_eq!(t.measures.iter().find(|m| m.id == "works_agreement").unwrap().title, "Betriebsvereinbarung schließen");
    assert!(a.score > t.score, "{} vs {}", a.score, t.score);
}

#[test]
fn retention_follows_the_profession() {
    let kept = |sector: &str, lang: Lang| {
        let a = assess(&answers(on(sector, "whatsapp_business_app")), cat(), lang).unwrap();
        let f = a.factors.iter().find(|f| f.id == "no_archiving").cloned().expect("no_archiving");
        f
    };
    let law = kept("legal_tax", Lang::De);
    assert!(
        law.law.contains("§ 50 Abs. 1 BRAO") && law.law.contains("§ 66 Abs. 1 StBerG") && !law.law.contains("HGB"),
        "{}",
        law.law
    );
    assert!(law.text.contains("Handakte") && law.text.contains("zehn Jahre"), "{}", law.text);
    let health = kept("health", Lang::De);
    assert!(health.law.contains("§ 630f Abs. 3 BGB") && !health.law.contains("HGB"), "{}", health.law);
    let trade = kept("trade", Lang::De);
    assert!(trade.text.contains("Kaufleute") && trade.text.contains("§ 147 AO"), "{}", trade.text);
    // Everyone: a chat export alone is not an archive (GoBD).
    for s in ["trade", "health", "legal_tax", "finance_insurance", "other"] {
        assert!(kept(s, Lang::De).text.contains("Chat-Export allein genügt"), "{s}");
        assert!(kept(s, Lang::En).text.contains("chat export alone"), "{s}");
    }
    assert!(kept("public_sector", Lang::De).text.contains("keine Akte"));
    // Finance: the recording duty, and never disappearing messages.
    let fin = kept("finance_insurance", Lang::De);
    assert!(
        fin.text.contains("§ 18a, § 23 FinVermV")
            && fin.text.contains("Selbstlöschende Nachrichten sind dann ausgeschlossen"),
        "{}",
        fin.text
    );
    // An investment intermediary who keeps nothing breaks a recording duty of its own (8 points).
    let broker = with(
        &on("finance_insurance", "whatsapp_business_app"),
        json!({"professional_secrecy": "no", "investment_services": "yes"}),
    );
    let a = run(broker.clone());
    assert_eq!(factor(&a, "recording_duty").points, 8);
    assert!(factor(&a, "recording_duty").text.contains("zehn Jahre"), "{}", factor(&a, "recording_duty").text);
    assert!(!ids(&run(with(&broker, json!({"investment_services": "no"})))).contains(&"recording_duty"));
    assert!(!run(with(&broker, json!({"professional_secrecy": "yes"})))
        .applicable
        .contains(&"investment_services".to_string()));
    assert!(!kept("trade", Lang::De).text.contains("FinVermV"));
    // A practice's patient chats must be kept even without invoices in them.
    let a = run(with(&on("health", "threema_work"), json!({"content": ["appointments"]})));
    assert!(a.applicable.contains(&"archiving".to_string()));
    let a = run(with(&on("trade", "threema_work"), json!({"content": ["appointments"]})));
    assert!(!a.applicable.contains(&"archiving".to_string()));
}

#[test]
fn each_sector_reads_its_own_words_and_secrecy_law() {
    let want = [
        ("health", "Patientinnen und Patienten", "§ 203 Abs. 1 Nr. 1 und 2"),
        ("legal_tax", "Mandantinnen und Mandanten", "§ 43e BRAO"),
        ("public_sector", "Bürgerinnen und Bürger", "§ 203 Abs. 2"),
    ];
    for (sector, people, law) in want {
        let a = run(with(&on(sector, "whatsapp"), json!({"device": "private_phone"})));
        let all: String = texts(&a).iter().map(|(_, t)| *t).collect::<Vec<_>>().join("\n");
        assert!(all.contains(people), "{sector}: {all}");
        assert!(!all.contains("Kundschaft"), "{sector}: the people on the other side are not customers");
        assert!(factor(&a, "secrecy_holder").law.contains(law), "{sector}");
    }
    // An insurer bound by s. 203(1) no. 7 StGB gets that line, not the lawyers' or doctors'.
    let a = run(with(&on("finance_insurance", "whatsapp"), json!({"professional_secrecy": "yes"})));
    let law = &factor(&a, "secrecy_holder").law;
    assert!(law.contains("§ 203 Abs. 1 Nr. 7") && !law.contains("BRAO") && !law.contains("Nr. 1 und 2"), "{law}");
}

// ---------------------------------------------------------------------------------------
// 2. Who runs the server.

#[test]
fn on_an_own_server_nothing_is_disclosed_but_art_32_stays() {
    let law = json!({"sector": "legal_tax", "audience": ["internal"], "messenger": "mattermost",
        "device": "company_business_only", "content": ["confidential", "personal_data"], "usage_policy": "written",
        "works_council": "none", "archiving": "archived"});
    assert!(run(law.clone()).applicable.contains(&"server_operator".to_string()));
    let own = run(with(&law, json!({"server_operator": "own"})));
    // No "the provider can read", no processing agreement asked, no s. 203 disclosure.
    assert!(!ids(&own).contains(&"secrecy_holder") && !ids(&own).contains(&"no_dpa"), "{:?}", ids(&own));
    assert!(
        !own.applicable.contains(&"dpa".to_string())
            && !own.applicable.contains(&"confidentiality_agreement".to_string())
    );
    let e2e = factor(&own, "no_e2e");
    assert!(e2e.text.contains("eigenen Server") && e2e.law.contains("Art. 32"), "{}", e2e.text);
    assert_eq!(own.band, Band::Low, "{} {:?}", own.score, ids(&own));
    // A hosting firm is a processor that must be bound to confidentiality.
    let hosted = with(&law, json!({"server_operator": "hosting_firm"}));
    let h = run(hosted.clone());
    assert!(
        h.applicable.contains(&"dpa".to_string()) && h.applicable.contains(&"confidentiality_agreement".to_string())
    );
    let none = run(with(&hosted, json!({"dpa": "no", "confidentiality_agreement": "none"})));
    assert!(ids(&none).contains(&"no_dpa") && factor(&none, "secrecy_holder").points >= 15);
    assert!(
        none.measures.iter().any(|m| m.id == "own_server")
            && none.measures.iter().any(|m| m.id == "sign_confidentiality")
    );
    // The question is asked only for messengers that can be self-hosted.
    for m in ["element", "mattermost", "rocketchat", "wire", "threema_work", "other"] {
        assert!(run(json!({"messenger": m})).applicable.contains(&"server_operator".to_string()), "{m}");
    }
    for m in [
        "whatsapp",
        "whatsapp_business_app",
        "whatsapp_business_platform",
        "threema",
        "signal",
        "telegram",
        "teams",
        "slack",
    ] {
        assert!(!run(json!({"messenger": m})).applicable.contains(&"server_operator".to_string()), "{m}");
    }
}

// ---------------------------------------------------------------------------------------
// 3. Confidentiality agreements.

#[test]
fn a_confidentiality_agreement_is_asked_where_one_is_possible_and_lowers_the_secrecy_risk() {
    let tax = json!({"sector": "legal_tax", "audience": ["customers", "internal"], "messenger": "teams", "dpa": "yes",
        "device": "company_business_only", "first_contact": "customer", "consent": "documented",
        "content": ["confidential"], "usage_policy": "written", "works_council": "none"});
    assert!(run(tax.clone()).applicable.contains(&"confidentiality_agreement".to_string()));
    let none = run(with(&tax, json!({"confidentiality_agreement": "none"})));
    let signed = run(with(&tax, json!({"confidentiality_agreement": "signed"})));
    assert!(signed.score < none.score);
    // For Teams the factor and the measure name Microsoft's addendum, never Meta.
    let f = factor(&none, "secrecy_holder");
    assert!(f.text.contains("Zusatzvereinbarung für Berufsgeheimnisträger") && !f.text.contains("Meta"), "{}", f.text);
    let m = none.measures.iter().find(|m| m.id == "sign_confidentiality").expect("measure");
    assert!(m.text.contains("Zusatzvereinbarung") && m.text.contains("Textform"), "{}", m.text);
    // Not asked where none can be had (WhatsApp's apps, Telegram, Signal) or where nobody is
    // bound to secrecy.
    for m in ["whatsapp", "whatsapp_business_app", "telegram", "signal"] {
        assert!(
            !run(with(&tax, json!({"messenger": m}))).applicable.contains(&"confidentiality_agreement".to_string()),
            "{m}"
        );
    }
    assert!(!run(with(&tax, json!({"sector": "trade"}))).applicable.contains(&"confidentiality_agreement".to_string()));
}

// ---------------------------------------------------------------------------------------
// 4. Sources per case.

/// Random answers, every question answered or not.
fn any_answers() -> impl Strategy<Value = Answers> {
    per_question(0.85).prop_map(answered)
}

fn one<'a>(a: &'a Answers, q: &str) -> Option<&'a str> {
    a.get(q).and_then(|x| x.ids().first().map(|s| s.as_str()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    /// Review B2 and C2: a factor cites the documents of the visitor's messenger and sector and
    /// the general law, never another service's page or another profession's code.
    #[test]
    fn every_source_shown_is_about_the_visitors_messenger_and_sector(a in any_answers()) {
        let r = assess(&a, cat(), Lang::De).unwrap();
        let messenger = one(&a, "messenger");
        // While the sector is open, the default profile's words and law stand.
        let sector = one(&a, "sector").or(Some(cat().default_profile().id.as_ref()));
        let cited = r.factors.iter().map(|f| (&f.id, &f.sources)).chain(r.measures.iter().map(|m| (&m.id, &m.sources)));
        for (at, sources) in cited {
            for s in sources {
                let src = cat().source(&s.id).unwrap();
                // A measure may cite the messenger it switches to.
                let switches_to = r.measures.iter().find(|m| &m.id == at).and_then(|m| m.changes.get("messenger")).and_then(|x| x.ids().first().map(|s| s.as_str()));
                if !src.about.is_empty() {
                    let ok = messenger.is_some_and(|m| src.about.iter().any(|x| x == m))
                        || switches_to.is_some_and(|m| src.about.iter().any(|x| x == m))
                        || r.measures.iter().any(|m| &m.id == at);
                    prop_assert!(ok, "{} cites {} (about {:?}) for messenger {:?}", at, s.id, src.about, messenger);
                }
                if !src.sectors.is_empty() {
                    prop_assert!(sector.is_some_and(|x| src.sectors.iter().any(|y| y == x)),
                        "{} cites {} (for {:?}) in sector {:?}", at, s.id, src.sectors, sector);
                }
                // No anonymous article: a secondary source names its publisher as such.
                if src.kind == "secondary" {
                    prop_assert!(src.title.de.contains("Sekundärquelle") && src.title.en.contains("secondary source"), "{}", s.id);
                }
            }
        }
    }

    /// Review 4: the scoring follows the law on every setup, not just the listed ones.
    #[test]
    fn the_scoring_rules_of_the_review_hold_everywhere(a in any_answers()) {
        let r = assess(&a, cat(), Lang::De).unwrap();
        let fired = ids(&r);
        let messenger = one(&a, "messenger");
        // No final band while no messenger is chosen (B16).
        if messenger == Some("undecided") {
            prop_assert!(r.provisional && r.undecided == vec!["messenger".to_string()]);
        }
        // A provider that is its own controller is never "missing a processing agreement" (B14),
        // and the consumer app is not charged twice for it.
        if matches!(messenger, Some("whatsapp" | "whatsapp_business_app" | "telegram" | "signal")) {
            prop_assert!(!fired.contains(&"no_dpa"), "{:?}", fired);
        }
        // The customer's own backup is not the business's processing (B18).
        prop_assert!(!fired.contains(&"customer_side"));
        // For secrecy holders and health data the Business Platform is never a measure (B1),
        // nor a what-if.
        let secrecy = matches!(one(&a, "sector"), Some("health" | "legal_tax" | "public_sector"))
            || one(&a, "professional_secrecy") == Some("yes") && matches!(one(&a, "sector"), Some("finance_insurance" | "other"));
        let health = a.get("content").is_some_and(|c| c.ids().iter().any(|x| x == "special_categories"));
        if secrecy || health {
            prop_assert!(!r.measures.iter().any(|m| m.id == "switch_business_platform_eu"), "{:?}", r.measures.iter().map(|m| &m.id).collect::<Vec<_>>());
            prop_assert!(!r.what_if.iter().any(|w| w.question == "messenger" && w.answer == Answer::One("whatsapp_business_platform".into())));
        }
        // A messenger what-if for customers says what it costs in reach (B17).
        let customers = a.get("audience").is_some_and(|x| x.ids().iter().any(|y| y == "customers"));
        for w in r.what_if.iter().filter(|w| w.question == "messenger") {
            let to = w.answer.ids()[0].as_str();
            if customers && !to.starts_with("whatsapp") {
                prop_assert!(w.reach.as_deref().is_some_and(|t| t.contains("Reichweite")), "{:?}", w);
            }
        }
        // Opt-in broadcasts are the Platform's intended use (B26): no points, no "stop".
        if messenger == Some("whatsapp_business_platform") && one(&a, "broadcast") == Some("yes_consented") {
            prop_assert!(!fired.contains(&"broadcast_lists"));
            prop_assert!(!r.measures.iter().any(|m| m.id == "stop_broadcast"));
        }
        // Every placeholder is filled.
        for (at, t) in texts(&r) {
            prop_assert!(!t.contains('{') && !t.contains('}'), "{}: {}", at, t);
        }
        // Band texts are risk statements, not verdicts of law (C18).
        prop_assert!(!r.band_advice.contains("verstößt") && !r.band_advice.contains("rechtswidrig"), "{}", r.band_advice);
    }
}

// ---------------------------------------------------------------------------------------
// 5. Scoring that follows the law, on setups of our own.

#[test]
fn reply_only_contact_with_a_processor_needs_no_consent_but_a_controller_does() {
    let replies = json!({"sector": "trade", "audience": ["customers"], "messenger": "threema_work", "server_operator": "vendor",
        "dpa": "yes", "device": "company_business_only", "contact_access": "denied", "first_contact": "customer",
        "consent": "none", "content": ["appointments"], "chat_backup": "off", "media_autosave": "off",
        "usage_policy": "written", "works_council": "none", "broadcast": "no"});
    let p = run(replies.clone());
    assert!(!ids(&p).contains(&"no_consent") && p.band == Band::Low, "{} {:?}", p.score, ids(&p));
    let ba = run(with(&replies, json!({"messenger": "whatsapp_business_app", "address_book": "empty"})));
    let f = factor(&ba, "no_consent");
    assert!(f.text.contains("selbst verantwortlich"), "{}", f.text);
    assert_ne!(ba.band, Band::Low, "the Business app is never low ({})", ba.score);
}

#[test]
fn advertising_needs_consent_but_the_platforms_opt_in_is_fine() {
    let shop = json!({"sector": "trade", "audience": ["customers"], "broadcast": "yes",
        "messenger": "whatsapp_business_platform", "provider_region": "eu", "dpa": "yes",
        "device": "company_business_only", "first_contact": "business", "content": ["business_letters"],
        "archiving": "archived", "usage_policy": "written", "works_council": "none"});
    let opt_in = run(with(&shop, json!({"consent": "documented", "broadcast": "yes_consented"})));
    let none = run(with(&shop, json!({"consent": "none"})));
    // Consent to be contacted is not consent to advertising (review 16, B-2).
    let channel = run(with(&shop, json!({"consent": "documented"})));
    assert_eq!(factor(&channel, "broadcast_lists").points, 8, "{:?}", ids(&channel));
    assert!(channel.measures.iter().any(|m| m.id == "ad_consent"));
    assert!(
        !ids(&opt_in).contains(&"broadcast_lists") && opt_in.band == Band::Low,
        "{} {:?}",
        opt_in.score,
        ids(&opt_in)
    );
    let f = factor(&none, "broadcast_lists");
    assert!(f.law.contains("§ 7 Abs. 2 Nr. 2, Abs. 3 UWG") && f.text.contains("§ 7 Abs. 3 UWG"), "{}", f.law);
    // A clear breach that one step mends: moderate on an otherwise sound Platform setup, ten
    // points above the opt-in (high together with the rest of a careless setup, see the review's
    // setup 07).
    assert!(none.band >= Band::Moderate && none.score >= opt_in.score + 10, "{} {:?}", none.score, ids(&none));
    assert!(none.measures.iter().any(|m| m.id == "stop_broadcast"));
}

#[test]
fn a_secrecy_holder_is_pointed_to_end_to_end_services_not_the_platform() {
    for sector in ["health", "legal_tax", "public_sector"] {
        let a = run(with(&on(sector, "whatsapp"), json!({"confidentiality_agreement": null})));
        assert!(!a.measures.iter().any(|m| m.id == "switch_business_platform_eu"), "{sector}");
        let first = &a.measures[0];
        assert!(
            first.changes.get("messenger").is_none_or(|m| m.ids()[0] != "whatsapp_business_platform"),
            "{sector}: {}",
            first.id
        );
    }
    // A shop is still shown the Platform.
    let shop = run(with(&on("trade", "whatsapp"), json!({"content": ["appointments"]})));
    assert!(shop.measures.iter().any(|m| m.id == "switch_business_platform_eu"));
}

#[test]
fn the_whatsapp_transfer_bases_are_kept_apart() {
    // Review B13: the consumer app's basis is its own privacy policy; the Business Data
    // Transfer Addendum covers only what WhatsApp processes as a processor.
    let consumer = run(json!({"sector": "trade", "audience": ["customers"], "messenger": "whatsapp"}));
    let f = factor(&consumer, "third_country");
    assert!(f.sources.iter().any(|s| s.id == "m_wa_privacy_eea"));
    assert!(!f.sources.iter().any(|s| s.id == "wa_business_transfer_addendum"), "{:?}", f.sources);
    let app = run(json!({"sector": "trade", "audience": ["customers"], "messenger": "whatsapp_business_app"}));
    let f = factor(&app, "third_country");
    assert!(
        f.sources.iter().any(|s| s.id == "wa_business_transfer_addendum") && f.text.contains("Auftragsverarbeiter")
    );
    // Signal: its LLC, and no transfer basis stated as a neutral fact, but the lawful route.
    let signal = run(json!({"sector": "trade", "audience": ["internal"], "messenger": "signal"}));
    let f = factor(&signal, "third_country");
    assert!(f.text.contains("Signal Messenger, LLC") && f.text.contains("Art. 49 Abs. 1 lit. a"), "{}", f.text);
    assert!(f.law.contains("Art. 49 Abs. 1 lit. a") && !f.law.contains("2023/1795"), "{}", f.law);
    // Telegram's own case: no DPF decision in its law line (C3).
    let t = run(json!({"sector": "trade", "audience": ["internal"], "messenger": "telegram"}));
    assert!(!factor(&t, "third_country").law.contains("2023/1795"));
}

#[test]
fn the_contact_upload_distinguishes_users_from_non_users() {
    // Review B12: for users at most a legitimate interest; for non-users no basis.
    let a = run(with(&worst(), json!({"address_book": "business_only"})));
    let f = factor(&a, "contact_upload");
    assert!(
        f.text.contains("höchstens ein berechtigtes Interesse")
            && f.text.contains("für alle anderen gibt es keine Rechtsgrundlage"),
        "{}",
        f.text
    );
    assert!(!f.text.contains("nicht eingewilligt haben"), "{}", f.text);
    // Threema and Signal match hashed numbers: a small point, not silence (C15).
    let h = run(with(&worst(), json!({"messenger": "threema_work", "server_operator": "vendor"})));
    assert_eq!(factor(&h, "contact_upload").points, 1);
}

#[test]
fn the_facts_of_the_second_review_are_in_the_catalog() {
    let signal = cat().messenger("signal").unwrap();
    assert!(signal.operator.de.contains("Signal Messenger, LLC"));
    let wire = &cat().messenger("wire").unwrap().properties.servers_eu;
    assert!(wire.note.as_ref().unwrap().de.contains("Laut Wire"), "Wire's regions are Wire's statement");
    let platform = cat().messenger("whatsapp_business_platform").unwrap();
    assert!(platform.cost.de.contains("1. Oktober 2026"), "the pricing as of the check date");
    // The UWG with its number, everywhere.
    for (file, path, _, text) in all_catalog_texts() {
        assert!(!text.contains("§ 7 Abs. 2 UWG"), "{file}{path}: {text}");
        assert!(!text.contains("Signal Foundation, gemeinnützige Stiftung in den USA"), "{file}{path}");
    }
    assert!(!cat().rules().iter().any(|r| r.id == "customer_side" || r.id == "operator_data_use"));
}

/// Every text of the catalog files: (file, JSON path, language, text).
fn all_catalog_texts() -> Vec<(String, String, String, String)> {
    fn walk(file: &str, path: String, v: &Value, out: &mut Vec<(String, String, String, String)>) {
        match v {
            Value::Object(m) if m.contains_key("de") && m.contains_key("en") => {
                for lang in ["de", "en"] {
                    if let Some(t) = m[lang].as_str() {
                        out.push((file.into(), path.clone(), lang.into(), t.into()));
                    }
                }
            }
            Value::Object(m) => m.iter().for_each(|(k, x)| walk(file, format!("{path}.{k}"), x, out)),
            Value::Array(a) => a.iter().enumerate().for_each(|(i, x)| walk(file, format!("{path}[{i}]"), x, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for (name, text) in engine::catalog::EMBEDDED_FILES {
        walk(name, String::new(), &serde_json::from_str(text).unwrap(), &mut out);
    }
    out
}
