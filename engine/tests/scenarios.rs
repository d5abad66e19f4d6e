//! Judgments on setups beyond the contract's list, as the brief describes them.
mod common;
use common::*;
use engine::Band;
use serde_json::{json, Value};

fn ids(a: &engine::Assessment) -> Vec<&str> {
    a.factors.iter().map(|f| f.id.as_str()).collect()
}

#[test]
fn dual_sim_is_better_than_a_private_phone_but_not_as_good_as_a_work_profile() {
    let s = |d: &str| score(with(&worst(), json!({"device": d})));
    assert!(s("dual_sim") < s("private_phone"));
    assert!(s("work_profile") < s("dual_sim"));
    assert!(s("company_business_only") < s("work_profile"));
    // Dual SIM only helps if the work side gives WhatsApp no rights: with a mixed, readable
    // address book the contact upload still dominates.
    let a = run(with(&worst(), json!({"device": "dual_sim"})));
    assert_eq!(a.factors[0].id, "contact_upload");
}

#[test]
fn refusing_contact_access_removes_the_upload_and_hides_the_address_book_question() {
    let granted = run(worst());
    let denied = run(with(&worst(), json!({"contact_access": "denied"})));
    assert!(ids(&granted).contains(&"contact_upload"));
    assert!(!ids(&denied).contains(&"contact_upload"));
    assert!(!denied.applicable.contains(&"address_book".to_string()), "kept, but not asked");
    assert!(denied.score + 14 <= granted.score);
    // The seed's recommended option is among the top measures for the worst case.
    assert!(
        granted.measures.iter().take(5).any(|m| m.id == "deny_contacts"),
        "{:?}",
        granted.measures.iter().map(|m| &m.id).collect::<Vec<_>>()
    );
}

#[test]
fn business_platform_outside_the_eu_is_worse_than_inside() {
    let p = with(&worst(), json!({"messenger": "whatsapp_business_platform", "dpa": "yes"}));
    let eu = score(with(&p, json!({"provider_region": "eu"})));
    let non_eu = score(with(&p, json!({"provider_region": "non_eu"})));
    let unknown = score(with(&p, json!({"provider_region": "unknown"})));
    assert!(eu < unknown && unknown <= non_eu, "{eu} {unknown} {non_eu}");
    // With the region still open, the range says how far it can rise.
    let open = run(p);
    assert_eq!(open.range.max, non_eu.max(open.score));
    assert!(open.range.max > open.score);
}

#[test]
fn works_council_without_agreement_counts_with_agreement_not() {
    let base = json!({"sector": "trade", "audience": ["internal"], "messenger": "threema_work", "dpa": "yes",
        "device": "company_business_only", "contact_access": "denied", "content": ["appointments"],
        "chat_backup": "off", "media_autosave": "off", "usage_policy": "written"});
    let no = run(with(&base, json!({"works_council": "no_agreement"})));
    let yes = run(with(&base, json!({"works_council": "agreement"})));
    let none = run(with(&base, json!({"works_council": "none"})));
    assert!(ids(&no).contains(&"works_council"));
    assert_eq!(yes.score, none.score);
    assert!(no.score > yes.score);
    assert!(no.measures.iter().any(|m| m.id == "works_agreement"));
    assert!(no.factors.iter().find(|f| f.id == "works_council").unwrap().law.contains("BetrVG"));
}

#[test]
fn business_letters_must_be_archived() {
    let base = with(&worst(), json!({"content": ["business_letters"]}));
    let none = run(with(&base, json!({"archiving": "none"})));
    let archived = run(with(&base, json!({"archiving": "archived"})));
    assert!(none.score > archived.score);
    let f = none.factors.iter().find(|f| f.id == "no_archiving").expect("factor");
    assert!(
        f.law.contains("§ 257 Abs. 1 und 4 HGB") && f.law.contains("§ 147 Abs. 1 bis 3 AO") && f.law.contains("§ 14b"),
        "{}",
        f.law
    );
    // Keeping means unalterable and machine-readable (GoBD): a chat export alone is not enough.
    assert!(f.text.contains("Chat-Export allein genügt") && f.law.contains("GoBD"), "{}", f.text);
    // Business letters six years, invoices and other vouchers eight (since 1 January 2025).
    assert!(f.text.contains("sechs Jahre") && f.text.contains("acht Jahre"), "{}", f.text);
    let en = engine::assess(&answers(with(&base, json!({"archiving": "none"}))), cat(), engine::Lang::En).unwrap();
    let f = en.factors.iter().find(|f| f.id == "no_archiving").unwrap();
    assert!(f.text.contains("six years") && f.text.contains("eight years") && f.law.contains("s. 257(1), (4) HGB"));
    for m in &none.measures {
        assert!(!m.text.contains("Rechnungen") || m.text.contains("acht"), "invoices are kept eight years: {}", m.text);
    }
    // Without business letters the archiving question does not apply.
    let a = run(worst());
    assert!(!a.applicable.contains(&"archiving".to_string()));
}

#[test]
fn secrecy_holders_need_more_than_consent() {
    let health = with(
        &worst(),
        json!({"sector": "health", "consent": "documented", "content": ["appointments", "special_categories"]}),
    );
    let a = run(health.clone());
    assert_eq!(a.band, Band::Critical);
    let f = a.factors.iter().find(|f| f.id == "secrecy_holder").expect("secrecy factor");
    // A practice's own law line: s. 203(1) nos. 1 and 2, never the lawyers' professional codes.
    assert!(
        f.law.contains("§ 203 Abs. 1 Nr. 1 und 2") && !f.law.contains("BRAO") && !f.law.contains("StBerG"),
        "{}",
        f.law
    );
    assert!(f.sources.iter().all(|s| !s.id.starts_with("brao") && !s.id.starts_with("stberg")), "{:?}", f.sources);
    // The offence is an unauthorised disclosure, and a provider must be bound to confidentiality.
    assert!(f.text.contains("Schweigepflicht"), "{}", f.text);
    for p in cat().profiles() {
        let who = &p.value("secrecy_who").unwrap().text;
        assert!(who.de.contains("unbefugt offenbaren") && who.en.contains("without authority"), "{}: {}", p.id, who.de);
    }
    assert!(ids(&a).contains(&"special_categories"));
    // A practice using Threema Work still carries the DSK's criteria, but much less.
    let tw = run(with(
        &health,
        json!({"messenger": "threema_work", "server_operator": "vendor", "dpa": "yes", "device": "company_business_only", "contact_access": "denied"}),
    ));
    assert!(tw.score < a.score / 2, "{} vs {}", tw.score, a.score);
    assert!(ids(&tw).contains(&"secrecy_holder"));
    // Alternatives for a practice: end-to-end encryption is valued, the first pick is not
    // a service that can read along.
    let first = &a.alternatives[0];
    assert_eq!(first.key_facts.e2e_default, engine::catalog::PropValue::Yes, "{}", first.id);
}

#[test]
fn telegram_is_judged_without_end_to_end_encryption() {
    let t = run(
        json!({"sector": "trade", "audience": ["customers"], "messenger": "telegram", "content": ["personal_data"]}),
    );
    let f = t.factors.iter().find(|f| f.id == "no_e2e").expect("no_e2e");
    assert!(f.text.contains("not end-to-end encrypted") || f.text.contains("nicht Ende-zu-Ende"), "{}", f.text);
    // Telegram is its own controller: no processing agreement is possible (review B14).
    let own = t.factors.iter().find(|f| f.id == "own_controller").expect("Telegram decides about the data itself");
    assert!(own.text.contains("Telegram Messenger Inc.") && own.text.contains("Auftragsverarbeitung"), "{}", own.text);
    assert!(!t.factors.iter().any(|f| f.id == "no_dpa"));
    let appointments = run(
        json!({"sector": "trade", "audience": ["customers"], "messenger": "telegram", "content": ["appointments"]}),
    );
    assert!(appointments.score < t.score);
    assert!(!t.alternatives.iter().any(|a| a.id == "telegram"), "never recommended");
}

#[test]
fn empty_answers_still_assess_and_show_how_far_the_score_can_move() {
    let a = run(json!({}));
    assert_eq!(a.score, 0);
    assert_eq!(a.range.min, 0);
    assert_eq!(a.range.max, 100);
    assert_eq!(a.progress.answered, 0);
    assert!(a.progress.applicable >= 5);
    assert!(!a.applicable.contains(&"device".to_string()), "asked once a messenger is chosen");
    assert!(!a.alternatives.is_empty());
    assert!(a.alternatives.iter().all(|x| x.id != "skype"));
}

#[test]
fn skip_logic_follows_the_contract() {
    let a = run(json!({"audience": ["internal"], "messenger": "undecided"}));
    for q in ["broadcast", "first_contact", "consent", "provider_region", "dpa", "device", "chat_backup"] {
        assert!(!a.applicable.contains(&q.to_string()), "{q} should not apply");
    }
    assert!(a.applicable.contains(&"works_council".to_string()));
    let b = run(
        json!({"audience": ["customers"], "messenger": "whatsapp_business_platform", "contact_access": "granted", "content": ["business_letters"]}),
    );
    for q in ["broadcast", "first_contact", "consent", "provider_region", "dpa", "device", "archiving"] {
        assert!(b.applicable.contains(&q.to_string()), "{q} should apply");
    }
    // The Platform runs on a server: no address book, no phone backup, no gallery.
    for q in ["contact_access", "address_book", "chat_backup", "media_autosave"] {
        assert!(!b.applicable.contains(&q.to_string()), "{q} should not apply to the Platform");
    }
}

#[test]
fn answers_to_questions_that_stop_applying_are_kept_but_not_counted() {
    let with_book = run(with(&worst(), json!({"contact_access": "denied", "address_book": "mixed"})));
    let without = run(with(&worst(), json!({"contact_access": "denied"})));
    assert_eq!(with_book.score, without.score);
    assert_eq!(with_book.progress, without.progress);
}

#[test]
fn what_if_suggests_realistic_changes_only() {
    let a = run(worst());
    assert!(!a.what_if.is_empty());
    assert!(a.what_if.windows(2).all(|w| w[0].score <= w[1].score));
    for w in &a.what_if {
        assert_ne!(w.question, "sector", "a business does not change its sector");
        let answer = serde_json::to_value(&w.answer).unwrap();
        for never in ["undecided", "other", "telegram", "unknown"] {
            assert_ne!(answer, json!(never), "{w:?}");
        }
    }
    // Each question appears at most once, with its best option.
    let mut qs: Vec<&str> = a.what_if.iter().map(|w| w.question.as_str()).collect();
    qs.sort();
    qs.dedup();
    assert_eq!(qs.len(), a.what_if.len());
}

#[test]
fn alternatives_fit_the_visitor() {
    let internal =
        run(json!({"sector": "trade", "audience": ["internal"], "hosting": "managed", "budget": "small_fee"}));
    let top: Vec<&str> = internal.alternatives.iter().take(3).map(|a| a.id.as_str()).collect();
    assert!(top.iter().any(|id| ["threema_work", "wire", "element"].contains(id)), "{top:?}");
    let customers = run(json!({"sector": "trade", "audience": ["customers"], "broadcast": "yes"}));
    let platform = customers.alternatives.iter().position(|a| a.id == "whatsapp_business_platform").expect("listed");
    assert!(platform < 3, "B2C reach: the Business Platform ranks high, got position {platform}");
    let p = &customers.alternatives[platform];
    assert!(p.reasons.iter().any(|r| r.positive) && !p.cost.is_empty(), "why it fits and what it costs");
    // Self-hosting wish moves self-hostable tools up.
    let own = run(json!({"sector": "trade", "audience": ["internal"], "hosting": "self_hosted", "budget": "free"}));
    let first = &own.alternatives[0];
    assert_eq!(first.key_facts.self_hosting, engine::catalog::PropValue::Yes, "{}", first.id);
    // The score with an alternative is the engine's, or none where the rules cannot judge it.
    for alt in &customers.alternatives {
        let option = cat().question("messenger").unwrap().options.iter().any(|o| o.id == alt.id);
        assert_eq!(alt.score_if_used.is_some(), option, "{}", alt.id);
    }
    // Every alternative says what it costs and rests on sources for what it claims.
    for alt in &customers.alternatives {
        assert!(!alt.cost.is_empty());
        let details = engine::property_details(cat(), &alt.id, engine::Lang::De);
        assert_eq!(details.len(), engine::catalog::PROPERTIES.len());
        for prop in details {
            assert_eq!(alt.key_facts.get(&prop.id), Some(prop.value));
            assert!(
                prop.value == engine::catalog::PropValue::Unknown || !prop.sources.is_empty(),
                "{} {}",
                alt.id,
                prop.id
            );
        }
    }
}

#[test]
fn every_factor_names_its_law_and_sources() {
    let a = run(with(
        &worst(),
        json!({"content": ["business_letters", "special_categories", "confidential"], "archiving": "none",
        "chat_backup": "cloud", "media_autosave": "on", "broadcast": "yes", "usage_policy": "none", "sector": "health"}),
    ));
    assert!(a.factors.len() >= 10);
    for f in &a.factors {
        assert!(!f.law.is_empty() && !f.sources.is_empty() && !f.text.is_empty(), "{}", f.id);
    }
    // No cap: the factors add up to the score, and a setup this bad is still below the worst.
    assert_eq!(a.score as usize, a.factors.iter().map(|f| f.points as usize).sum::<usize>());
    assert_eq!(a.points, u32::from(a.score));
    assert!(a.score < 100 && a.band == Band::Critical);
    assert!(!a.disclaimer.is_empty() && a.disclaimer.to_lowercase().contains("rechtsberatung"));
    // Citations in the language's own form.
    assert!(a.factors.iter().all(|f| !f.law.contains("GDPR")), "German cites DSGVO");
    let en = engine::assess(&answers(with(&worst(), json!({"sector": "health"}))), cat(), engine::Lang::En).unwrap();
    assert!(en.factors.iter().all(|f| !f.law.contains("DSGVO") && !f.law.contains("Abs.")), "English cites GDPR");
}

// ---------------------------------------------------------------------------------------
// The judgments of the legal review (catalog 2026.11.1).

/// The realistic setups of `tests/data/setups.json`, each with the band an expert would give
/// and the line that defends it (the closing table of the legal review).
#[test]
fn realistic_setups_get_the_band_an_expert_would_give() {
    let setups: Vec<Value> = serde_json::from_str(include_str!("data/setups.json")).unwrap();
    assert!(setups.len() >= 15);
    for s in setups {
        let a = run(s["answers"].clone());
        let want = s["band"].as_str().unwrap();
        assert_eq!(a.band.id(), want, "{}: score {} {:?}", s["id"], a.score, ids(&a));
        assert!(!a.provisional, "{}: every question that applies is answered", s["id"]);
        assert!(!s["why"].as_str().unwrap().is_empty());
    }
}

#[test]
fn insurers_and_public_bodies_are_secrecy_holders_too() {
    let health_data = json!({"audience": ["customers"], "messenger": "whatsapp_business_app", "dpa": "yes",
        "device": "company_business_only", "contact_access": "denied", "first_contact": "customer",
        "consent": "documented", "content": ["personal_data", "special_categories"], "chat_backup": "off",
        "media_autosave": "off", "usage_policy": "written", "works_council": "none"});
    let broker = run(with(&health_data, json!({"sector": "finance_insurance", "professional_secrecy": "no"})));
    let insurer = run(with(&health_data, json!({"sector": "finance_insurance", "professional_secrecy": "yes"})));
    let public = run(with(&health_data, json!({"sector": "public_sector"})));
    assert!(!ids(&broker).contains(&"secrecy_holder"), "a broker is not bound by s. 203 StGB");
    for a in [&insurer, &public] {
        assert!(ids(a).contains(&"secrecy_holder"));
        assert!(a.score > broker.score);
        assert!(matches!(a.band, Band::High | Band::Critical), "{} {:?}", a.score, a.band);
    }
    // The question is asked only where the sector leaves it open.
    assert!(run(json!({"sector": "finance_insurance"})).applicable.contains(&"professional_secrecy".to_string()));
    assert!(!run(json!({"sector": "health"})).applicable.contains(&"professional_secrecy".to_string()));
    // Insurers are s. 203(1) no. 7 StGB (not no. 6, which is social workers).
    let why = &cat().question("professional_secrecy").unwrap().why;
    assert!(why.de.contains("§ 203 Abs. 1 Nr. 7 StGB") && why.en.contains("s. 203(1) no. 7 StGB"));
}

#[test]
fn a_law_firm_sending_confidential_content_through_the_platform_is_at_least_high() {
    let a = run(json!({"sector": "legal_tax", "audience": ["customers"], "broadcast": "no",
        "messenger": "whatsapp_business_platform", "provider_region": "eu", "confidentiality_agreement": "none",
        "dpa": "yes", "device": "company_business_only", "first_contact": "customer", "consent": "documented",
        "content": ["confidential"], "usage_policy": "written", "works_council": "none"}));
    assert!(matches!(a.band, Band::High | Band::Critical), "{} {:?}", a.score, ids(&a));
    let f = a.factors.iter().find(|f| f.id == "secrecy_holder").unwrap();
    assert!(f.text.contains("Cloud API"), "{}", f.text);
    // An agreement with the provider does not bind Meta's Cloud API: still not low or moderate
    // by much, and the Platform is never the first measure for the firm (review B1).
    let signed = run(json!({"sector": "legal_tax", "audience": ["customers"], "broadcast": "no",
        "messenger": "whatsapp_business_platform", "provider_region": "eu", "confidentiality_agreement": "signed",
        "dpa": "yes", "device": "company_business_only", "first_contact": "customer", "consent": "documented",
        "content": ["confidential"], "usage_policy": "written", "works_council": "none"}));
    assert!(signed.score < a.score && signed.band != Band::Low, "{} {:?}", signed.score, ids(&signed));
    assert!(signed.factors.iter().find(|f| f.id == "secrecy_holder").unwrap().text.contains("Meta"));
    // A physiotherapy practice sending reminders through an end-to-end app with a processing
    // agreement is far below it (the inversion the review found).
    let physio = run(json!({"sector": "health", "audience": ["customers"], "broadcast": "no",
        "messenger": "threema_work", "server_operator": "vendor", "dpa": "yes", "device": "company_business_only", "contact_access": "denied",
        "first_contact": "business", "consent": "documented", "content": ["appointments"], "chat_backup": "off",
        "media_autosave": "off", "usage_policy": "written", "works_council": "none"}));
    assert_eq!(physio.band, Band::Low);
    assert!(physio.score * 3 < a.score);
}

#[test]
fn signal_scores_above_threema_work_for_a_secrecy_holder() {
    let base = json!({"sector": "legal_tax", "audience": ["customers", "internal"], "dpa": "yes",
        "device": "company_business_only", "contact_access": "denied", "first_contact": "customer",
        "consent": "documented", "content": ["personal_data", "confidential"], "chat_backup": "off",
        "media_autosave": "off", "usage_policy": "written", "works_council": "none"});
    let signal = run(with(&base, json!({"messenger": "signal"})));
    let threema = run(with(&base, json!({"messenger": "threema_work", "server_operator": "vendor"})));
    assert!(signal.score > threema.score, "{} vs {}", signal.score, threema.score);
    // Signal is its own controller and offers no processing agreement: the gap is the legal
    // basis for the disclosure, not a missing Art. 28 contract (review B14). It is not asked.
    assert!(ids(&signal).contains(&"own_controller") && !ids(&signal).contains(&"no_dpa"));
    assert!(!signal.applicable.contains(&"dpa".to_string()));
    assert!(!ids(&threema).contains(&"no_dpa") && !ids(&threema).contains(&"own_controller"));
}

#[test]
fn telegram_for_customer_appointments_is_not_low() {
    let a = run(json!({"sector": "other", "professional_secrecy": "no", "audience": ["customers"], "broadcast": "no",
        "messenger": "telegram", "dpa": "yes", "device": "company_business_only", "contact_access": "denied",
        "first_contact": "customer", "consent": "documented", "content": ["appointments"],
        "media_autosave": "off", "usage_policy": "written", "works_council": "none"}));
    assert_ne!(a.band, Band::Low, "{} {:?}", a.score, ids(&a));
    let t = a.factors.iter().find(|f| f.id == "third_country").unwrap();
    assert!(t.text.contains("Niederlanden") && t.text.contains("Dubai"), "{}", t.text);
}

#[test]
fn platform_scores_ignore_phone_only_answers() {
    let p = json!({"sector": "trade", "audience": ["customers"], "messenger": "whatsapp_business_platform",
        "provider_region": "eu", "dpa": "yes", "device": "company_business_only", "consent": "documented"});
    let clean = score(p.clone());
    let phone = score(with(
        &p,
        json!({"chat_backup": "cloud", "media_autosave": "on", "contact_access": "granted", "address_book": "mixed"}),
    ));
    assert_eq!(clean, phone, "no phone backup, gallery or address book on a server");
}

#[test]
fn internal_teams_are_never_sent_to_the_platform() {
    let internal = run(json!({"sector": "trade", "audience": ["internal"], "messenger": "whatsapp",
        "dpa": "no", "device": "private_phone", "contact_access": "granted", "address_book": "mixed",
        "content": ["personal_data"], "chat_backup": "cloud", "media_autosave": "on", "usage_policy": "none",
        "works_council": "none"}));
    assert!(!internal.measures.iter().any(|m| m.id == "switch_business_platform_eu" || m.id == "switch_business_app"));
    assert!(!internal.alternatives.iter().any(|a| a.id == "whatsapp_business_platform"));
    let wi: Vec<String> = internal.what_if.iter().map(|w| serde_json::to_string(&w.answer).unwrap()).collect();
    assert!(!wi.iter().any(|a| a.contains("whatsapp_business")), "{wi:?}");
    // An internal team is pointed to business messengers, which cost it no reach.
    let first = &internal.measures[0];
    assert!(first.reach.is_none(), "{}", first.id);
    assert!(internal.measures.iter().any(|m| m.id == "switch_threema_work" || m.id == "switch_wire"));
}

#[test]
fn a_business_whose_customers_use_whatsapp_is_not_told_first_to_leave_it() {
    // A hairdresser: customers only, all on WhatsApp.
    let a = run(json!({"sector": "other", "professional_secrecy": "no", "audience": ["customers"], "broadcast": "no",
        "messenger": "whatsapp", "dpa": "no", "device": "private_phone", "contact_access": "granted",
        "address_book": "mixed", "first_contact": "business", "consent": "none", "content": ["appointments"],
        "chat_backup": "cloud", "media_autosave": "on", "usage_policy": "none", "works_council": "none"}));
    let first = &a.measures[0];
    assert!(first.reach.is_none(), "first measure {} costs reach", first.id);
    // Measures that cost reach come after all that do not, and say what they cost.
    let costly: Vec<_> = a.measures.iter().filter(|m| m.reach.is_some()).collect();
    assert!(costly.iter().any(|m| m.id == "switch_threema_work"));
    let first_costly = a.measures.iter().position(|m| m.reach.is_some()).unwrap();
    assert!(a.measures[first_costly..].iter().all(|m| m.reach.is_some()));
    assert!(costly.iter().all(|m| m.reach.as_ref().unwrap().contains("Reichweite")));
    // The what-if does not suggest a messenger her customers do not have.
    for w in &a.what_if {
        let v = serde_json::to_value(&w.answer).unwrap();
        assert!(
            !["threema_work", "wire", "element", "teams", "mattermost", "rocketchat"].iter().any(|m| v == json!(m)),
            "{w:?}"
        );
    }
}

#[test]
fn alternatives_are_scored_with_the_processing_agreement_they_offer() {
    let base = run(with(&worst(), json!({"dpa": "no"})));
    for dpa in ["yes", "unknown"] {
        let other = run(with(&worst(), json!({"dpa": dpa})));
        for (x, y) in base.alternatives.iter().zip(&other.alternatives) {
            assert_eq!((&x.id, x.score_if_used), (&y.id, y.score_if_used), "with dpa={dpa}");
        }
    }
    let by_id = |id: &str| base.alternatives.iter().find(|a| a.id == id).unwrap().score_if_used.unwrap();
    // Threema Work and Wire offer one; Signal does not.
    let signal = run(with(&worst(), json!({"messenger": "signal", "dpa": "no"}))).score;
    assert_eq!(by_id("signal"), signal);
    assert!(by_id("wire") < signal && by_id("threema_work") < signal);
}

#[test]
fn a_customer_writing_first_is_not_consent() {
    let replies = with(&worst(), json!({"first_contact": "customer", "address_book": "empty"}));
    let a = run(replies.clone());
    let f = a.factors.iter().find(|f| f.id == "no_consent").expect("no consent still counts on WhatsApp");
    assert!(f.text.contains("keine Einwilligung") && f.text.contains("Art. 6 Abs. 1 lit. b"), "{}", f.text);
    // Replies only, with a processor: the reply rests on Art. 6(1)(b), no penalty (review B19).
    let threema = run(with(&replies, json!({"messenger": "threema_work", "server_operator": "vendor", "dpa": "yes"})));
    assert!(!ids(&threema).contains(&"no_consent"), "{:?}", ids(&threema));
    assert!(f.law.contains("Art. 4 Nr. 11"));
    assert!(score(with(&replies, json!({"consent": "documented"}))) < a.score);
    // No text of the catalog calls a first message consent.
    for q in cat().questions().iter() {
        assert!(!q.why.de.contains("willigt sie damit") && !q.why.en.contains("implies consent"), "{}", q.id);
    }
    let m = a.measures.iter().find(|m| m.id == "documented_consent").unwrap();
    assert!(m.law.contains("Art. 7"));
}

#[test]
fn the_start_is_honest_no_verdict_before_the_answers_carry_one() {
    let empty = run(json!({}));
    assert!(empty.provisional);
    assert_eq!((empty.band, empty.band_max), (Band::Low, Band::Critical));
    let cat = cat();
    assert_eq!(engine::wording::advice_line(&empty, cat), cat.ui("nothing_answered", engine::Lang::De));
    assert!(
        !engine::wording::band_line(&empty, cat).contains("Gering")
            || engine::wording::band_line(&empty, cat).contains("Kritisch")
    );
    assert_ne!(engine::wording::no_factors_line(&empty, cat), cat.ui("no_factors", engine::Lang::De));
    // Once the open questions can no longer change the band, it is a verdict.
    let done = run(json!({"sector": "trade", "audience": ["internal"], "messenger": "threema_work", "dpa": "yes",
        "device": "company_business_only", "contact_access": "denied", "content": ["appointments"],
        "chat_backup": "off", "media_autosave": "off", "usage_policy": "written", "works_council": "none"}));
    assert!(!done.provisional && done.band == Band::Low);
    assert_eq!(engine::wording::no_factors_line(&done, cat), cat.ui("no_factors", engine::Lang::De));
    // Partly answered: provisional exactly while the range spans more than one band.
    let part = run(json!({"messenger": "whatsapp"}));
    assert_eq!(part.provisional, part.band != part.band_max);
    assert!(part.provisional);
}

#[test]
fn bad_answers_name_the_question() {
    // A bare string for a multi question is an error, like other bad input.
    let e = engine::parse_answers(r#"{"content": "appointments"}"#, cat()).unwrap_err();
    assert!(e.to_string().contains("`content`") && e.to_string().contains("list"), "{e}");
    // A bad option in a change says which option, not "unknown question".
    let change: engine::Change = serde_json::from_value(json!({"question": "device", "set": "pocket"})).unwrap();
    let e = engine::apply_change(&engine::Answers::new(), &change, cat()).unwrap_err();
    assert!(matches!(e, engine::AnswerError::UnknownOption { .. }), "{e}");
    assert!(e.to_string().contains("pocket") && e.to_string().contains("device"), "{e}");
    let change: engine::Change = serde_json::from_value(json!({"question": "colour", "set": "red"})).unwrap();
    assert!(matches!(
        engine::apply_change(&engine::Answers::new(), &change, cat()),
        Err(engine::AnswerError::UnknownQuestion(_))
    ));
}
