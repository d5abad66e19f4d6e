//! Judgments on setups beyond the contract's list, as the brief describes them.
mod common;
use common::*;
use engine::Band;
use serde_json::json;

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
    assert!(denied.score + 20 <= granted.score);
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
    assert!(f.law.contains("257 HGB") && f.law.contains("147 AO"));
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
    assert!(f.law.contains("§ 203 StGB"));
    assert!(ids(&a).contains(&"special_categories"));
    // A practice using Threema Work still carries the DSK's criteria, but much less.
    let tw = run(with(
        &health,
        json!({"messenger": "threema_work", "dpa": "yes", "device": "company_business_only", "contact_access": "denied"}),
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
    assert_eq!(f.points, 15);
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
    for q in ["broadcast", "first_contact", "consent", "provider_region", "dpa", "device", "address_book", "archiving"]
    {
        assert!(b.applicable.contains(&q.to_string()), "{q} should apply");
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
    assert_eq!(a.points as usize, a.factors.iter().map(|f| f.points as usize).sum::<usize>());
    assert!(a.points > 100 && a.score == 100);
    assert!(!a.disclaimer.is_empty() && a.disclaimer.to_lowercase().contains("rechtsberatung"));
}
