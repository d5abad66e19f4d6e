//! The scoring order of `shared/domain/contract.md`, on full answer sets: first the named
//! setups with neutral answers elsewhere, then (proptest) with every other answer random,
//! "all else equal". Where both sides hit the cap of 100 a strict order cannot show; the
//! property tests then require the lower side not to exceed the higher one.
mod common;
use common::*;
use engine::Band;
use proptest::prelude::*;
use serde_json::{json, Value};

fn consented(base: &Value) -> Value {
    with(base, json!({"consent": "documented"}))
}

/// Company phone for business only, empty address book, the customer writes first, Business App.
fn business_app(base: &Value) -> Value {
    with(
        base,
        json!({"messenger": "whatsapp_business_app", "device": "company_business_only",
        "contact_access": "granted", "address_book": "empty", "first_contact": "customer"}),
    )
}

/// Business Platform via an EU provider with a DPA, consented customers only, archived.
fn platform_eu(base: &Value) -> Value {
    with(
        &business_app(base),
        json!({"messenger": "whatsapp_business_platform", "provider_region": "eu",
        "dpa": "yes", "address_book": "consented_only", "consent": "documented", "archiving": "archived",
        "content": ["appointments", "business_letters"]}),
    )
}

fn internal_business_messenger(m: &str) -> Value {
    json!({"sector": "trade", "audience": ["internal"], "messenger": m, "dpa": "yes",
        "device": "company_business_only", "contact_access": "denied", "content": ["appointments", "personal_data"],
        "chat_backup": "off", "media_autosave": "off", "usage_policy": "written", "works_council": "agreement"})
}

#[test]
fn worst_case_is_critical() {
    let a = run(worst());
    assert_eq!(a.band, Band::Critical, "score {}", a.score);
    assert_eq!(a.range.min, a.score);
    assert_eq!(a.range.max, a.score, "all that applies is answered");
}

#[test]
fn documented_consent_lowers_but_stays_high_or_critical() {
    let base = run(worst());
    let c = run(consented(&worst()));
    assert!(c.score < base.score, "{} < {}", c.score, base.score);
    assert!(matches!(c.band, Band::High | Band::Critical), "{:?}", c.band);
}

#[test]
fn business_app_setup_is_lower_and_not_low() {
    let ba = run(business_app(&worst()));
    assert!(ba.score < run(consented(&worst())).score);
    assert!(ba.score < run(worst()).score);
    assert_ne!(ba.band, Band::Low, "score {}", ba.score);
}

#[test]
fn platform_via_eu_provider_is_lower_still() {
    let ba = score(business_app(&worst()));
    let p = score(platform_eu(&worst()));
    assert!(p < ba, "platform {p} < business app {ba}");
}

#[test]
fn secrecy_holders_raise_every_whatsapp_variant() {
    for m in ["whatsapp", "whatsapp_business_app", "whatsapp_business_platform"] {
        let trade = with(
            &worst(),
            json!({"messenger": m, "provider_region": "eu", "device": "company_business_only", "address_book": "business_only"}),
        );
        for sector in ["health", "legal_tax"] {
            let s = score(with(&trade, json!({"sector": sector})));
            assert!(s > score(trade.clone()), "{m} in {sector}: {s}");
        }
    }
}

#[test]
fn threema_work_or_wire_for_internal_use_with_policy_is_low() {
    for m in ["threema_work", "wire"] {
        let a = run(internal_business_messenger(m));
        assert_eq!(a.band, Band::Low, "{m}: {} {:?}", a.score, a.factors.iter().map(|f| &f.id).collect::<Vec<_>>());
    }
}

#[test]
fn telegram_for_personal_data_is_not_low() {
    let t = with(&internal_business_messenger("telegram"), json!({"content": ["personal_data"]}));
    let a = run(t);
    assert_ne!(a.band, Band::Low, "score {}", a.score);
    assert!(a.factors.iter().any(|f| f.id == "no_e2e"));
}

/// Random answers for the questions the orderings leave open.
fn rest() -> impl Strategy<Value = Value> {
    let single = |opts: &'static [&'static str]| proptest::sample::select(opts.to_vec());
    (
        single(REST[0].1),
        single(REST[1].1),
        proptest::sample::subsequence(REST[2].1.to_vec(), 0..=5),
        single(REST[3].1),
        single(REST[4].1),
        single(REST[5].1),
        single(REST[6].1),
        single(REST[7].1),
        single(&["trade", "finance_insurance", "public_sector", "other"]),
    )
        .prop_map(|(b, d, c, cb, ma, ar, up, wc, sector)| {
            with(
                &worst(),
                json!({"broadcast": b, "dpa": d, "content": c, "chat_backup": cb, "media_autosave": ma,
                "archiving": ar, "usage_policy": up, "works_council": wc, "sector": sector}),
            )
        })
}

/// `lower` must be below `higher`, unless the cap holds `higher` at 100.
fn below(lower: u8, higher: u8) -> bool {
    lower < higher || (higher == 100 && lower <= 100)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn orderings_hold_all_else_equal(base in rest()) {
        let w = run(base.clone());
        prop_assert_eq!(w.band, Band::Critical);
        let c = run(consented(&base));
        prop_assert!(below(c.score, w.score));
        prop_assert!(matches!(c.band, Band::High | Band::Critical));
        let ba = run(business_app(&base));
        prop_assert!(below(ba.score, c.score), "business app {} vs consented {}", ba.score, c.score);
        prop_assert!(ba.band != Band::Low);
        let p = score(platform_eu(&base));
        prop_assert!(p < ba.score || ba.score == 100 && p < 100, "platform {} vs business app {}", p, ba.score);
        for m in ["whatsapp", "whatsapp_business_app", "whatsapp_business_platform"] {
            let trade = with(&base, json!({"messenger": m, "provider_region": "eu", "sector": "trade"}));
            let t = score(trade.clone());
            for sector in ["health", "legal_tax"] {
                let h = score(with(&trade, json!({"sector": sector})));
                prop_assert!(below(t, h), "{} in {}: {} vs trade {}", m, sector, h, t);
            }
        }
    }

    #[test]
    fn telegram_with_personal_data_is_never_low(base in rest()) {
        let t = with(&base, json!({"messenger": "telegram", "content": ["personal_data"]}));
        prop_assert!(run(t).band != Band::Low);
    }
}
