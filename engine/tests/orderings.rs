//! The scoring order of the contract (docs/contract.md, "The order the scoring must respect"),
//! strictly: first the named setups with neutral answers elsewhere, then (proptest) with every
//! other answer random, all sectors and secrecy holders included, "all else equal". There is no
//! cap: a worse setup always scores strictly higher, the worst setups included.
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

/// Business Platform via an EU provider with a processing agreement, consented customers only,
/// archived.
fn platform_eu(base: &Value) -> Value {
    with(
        &business_app(base),
        json!({"messenger": "whatsapp_business_platform", "provider_region": "eu",
        "dpa": "yes", "address_book": "consented_only", "consent": "documented", "archiving": "archived"}),
    )
}

fn internal_business_messenger(m: &str) -> Value {
    json!({"sector": "trade", "audience": ["internal"], "messenger": m, "dpa": "yes",
        "device": "company_business_only", "contact_access": "denied", "content": ["appointments", "personal_data"],
        "chat_backup": "off", "media_autosave": "off", "usage_policy": "written", "works_council": "agreement"})
}

const WHATSAPP: [&str; 3] = ["whatsapp", "whatsapp_business_app", "whatsapp_business_platform"];
/// The sectors (and the secrecy answer for the others) that make a secrecy holder under s. 203 StGB.
const SECRECY: [(&str, Option<&str>); 4] =
    [("health", None), ("legal_tax", None), ("public_sector", None), ("finance_insurance", Some("yes"))];
/// Services that can read the content, or that offer no processing agreement (the
/// self-hostable ones run by the vendor: on a server of one's own nobody else reads).
const READ_OR_NO_DPA: [&str; 8] =
    ["whatsapp", "whatsapp_business_platform", "signal", "telegram", "teams", "slack", "mattermost", "rocketchat"];
/// Messengers a business can run on its own server (`server_operator` is asked for them).
const SELF_HOSTABLE: [&str; 6] = ["element", "mattermost", "rocketchat", "wire", "threema_work", "other"];
/// Every messenger the visitor can name.
const ALL_MESSENGERS: [&str; 14] = [
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
];
/// Services that can read the content and can be bound to confidentiality by contract.
const READ_WITH_CONTRACTS: [&str; 5] = ["whatsapp_business_platform", "teams", "slack", "mattermost", "rocketchat"];
/// End-to-end services that offer a processing agreement.
const E2E_WITH_DPA: [&str; 2] = ["threema_work", "wire"];

fn secrecy_holder(base: &Value, (sector, secrecy): (&str, Option<&str>)) -> Value {
    let mut v = with(base, json!({"sector": sector}));
    if let Some(s) = secrecy {
        v["professional_secrecy"] = s.into();
    }
    v
}

#[test]
fn worst_case_is_critical() {
    let a = run(worst());
    assert_eq!(a.band, Band::Critical, "score {}", a.score);
    assert!(!a.provisional);
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
    for m in WHATSAPP {
        let trade = with(
            &worst(),
            json!({"messenger": m, "provider_region": "eu", "device": "company_business_only", "address_book": "business_only"}),
        );
        for s in SECRECY {
            let h = score(secrecy_holder(&trade, s));
            assert!(h > score(trade.clone()), "{m} in {s:?}: {h}");
        }
    }
}

#[test]
fn threema_work_or_wire_for_internal_use_with_policy_is_low() {
    for m in E2E_WITH_DPA {
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

/// Random answers for the questions the orderings leave open: every sector (secrecy holders
/// included), who else is in the audience, and all the settings.
fn rest() -> impl Strategy<Value = Value> {
    let single = |opts: &'static [&'static str]| proptest::sample::select(opts.to_vec());
    (
        (single(REST[0].1), single(REST[1].1), proptest::sample::subsequence(REST[2].1.to_vec(), 0..=5)),
        (single(REST[3].1), single(REST[4].1), single(REST[5].1), single(REST[6].1), single(REST[7].1)),
        (
            single(&["trade", "health", "legal_tax", "finance_insurance", "public_sector", "other"]),
            single(&["yes", "no"]),
            proptest::sample::subsequence(vec!["internal", "partners"], 0..=2),
            single(&["managed", "self_hosted", "no_preference"]),
            single(&["free", "small_fee", "any"]),
        ),
    )
        .prop_map(|((b, d, c), (cb, ma, ar, up, wc), (sector, secrecy, more, hosting, budget))| {
            let mut audience = vec!["customers"];
            audience.extend(more);
            with(
                &worst(),
                json!({"broadcast": b, "dpa": d, "content": c, "chat_backup": cb, "media_autosave": ma,
                "archiving": ar, "usage_policy": up, "works_council": wc, "sector": sector,
                "professional_secrecy": secrecy, "audience": audience, "hosting": hosting, "budget": budget}),
            )
        })
}

/// Random answers for a setup done right with an end-to-end business messenger: what may vary
/// without being a risk of its own (sector, content, audience, wishes).
fn good_rest() -> impl Strategy<Value = Value> {
    let single = |opts: &'static [&'static str]| proptest::sample::select(opts.to_vec());
    (
        single(&["trade", "health", "legal_tax", "finance_insurance", "public_sector", "other"]),
        single(&["yes", "no"]),
        proptest::sample::subsequence(REST[2].1.to_vec(), 0..=5),
        proptest::sample::subsequence(vec!["partners"], 0..=1),
        single(&["agreement", "none"]),
        single(&["managed", "self_hosted", "no_preference"]),
    )
        .prop_map(|(sector, secrecy, content, partners, wc, hosting)| {
            let mut audience = vec!["internal"];
            audience.extend(partners);
            json!({"sector": sector, "professional_secrecy": secrecy, "audience": audience, "dpa": "yes",
                "device": "company_business_only", "contact_access": "denied", "content": content,
                "chat_backup": "off", "media_autosave": "off", "usage_policy": "written", "works_council": wc,
                "hosting": hosting, "budget": "any"})
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn orderings_hold_strictly_all_else_equal(base in rest()) {
        let w = run(base.clone());
        prop_assert_eq!(w.band, Band::Critical);
        let c = run(consented(&base));
        prop_assert!(c.score < w.score, "consented {} vs worst {}", c.score, w.score);
        prop_assert!(matches!(c.band, Band::High | Band::Critical));
        let ba = run(business_app(&base));
        prop_assert!(ba.score < c.score, "business app {} vs consented {}", ba.score, c.score);
        prop_assert!(ba.band != Band::Low);
        let p = score(platform_eu(&base));
        prop_assert!(p < ba.score, "platform {} vs business app {}", p, ba.score);
        for m in WHATSAPP {
            let trade = with(&base, json!({"messenger": m, "provider_region": "eu", "sector": "trade"}));
            let t = score(trade.clone());
            for s in SECRECY {
                let h = score(secrecy_holder(&trade, s));
                prop_assert!(t < h, "{} in {:?}: {} vs trade {}", m, s, h, t);
            }
        }
    }

    #[test]
    fn for_secrecy_holders_a_service_that_reads_or_offers_no_processing_agreement_scores_higher(
        base in rest(), s in proptest::sample::select(SECRECY.to_vec())
    ) {
        // Run by the vendor, each with the confidentiality agreement it can offer or not.
        for agreement in ["signed", "none", "unknown"] {
            let holder = with(
                &secrecy_holder(&base, s),
                json!({"dpa": "yes", "provider_region": "eu", "server_operator": "vendor", "confidentiality_agreement": agreement}),
            );
            for good in E2E_WITH_DPA {
                let g = score(with(&holder, json!({"messenger": good})));
                for bad in READ_OR_NO_DPA {
                    let b = score(with(&holder, json!({"messenger": bad})));
                    prop_assert!(g < b, "{:?} {}: {} {} vs {} {}", s, agreement, good, g, bad, b);
                }
            }
        }
    }

    /// New in catalog 2026.12: on a server of its own a secrecy holder discloses nothing to a
    /// third party, so its own server ranks below any service a vendor or hosting firm runs,
    /// however well that one is contracted.
    #[test]
    fn for_secrecy_holders_an_own_server_is_below_any_vendor_cloud(
        base in rest(), s in proptest::sample::select(SECRECY.to_vec())
    ) {
        // Settings that only phone apps have are set to their safe value, so that the
        // comparison across messengers is all else equal.
        let holder = with(&secrecy_holder(&base, s), json!({"provider_region": "eu", "contact_access": "denied",
            "chat_backup": "off", "media_autosave": "off"}));
        for own in SELF_HOSTABLE {
            let o = score(with(&holder, json!({"messenger": own, "server_operator": "own"})));
            // A messenger we cannot judge ("other") on one's own server is still unknown
            // software: it ranks below the same software run by someone else, not below every
            // known service.
            let others: &[&str] = if own == "other" { &["other"] } else { &ALL_MESSENGERS };
            for &other in others {
                for operator in ["vendor", "hosting_firm"] {
                    for (dpa, agreement) in [("yes", "signed"), ("no", "none")] {
                        let v = score(with(&holder, json!({"messenger": other, "server_operator": operator,
                            "dpa": dpa, "confidentiality_agreement": agreement})));
                        prop_assert!(o < v, "{:?}: own {} {} vs {} by {} ({}, {}) {}", s, own, o, other, operator, dpa, agreement, v);
                    }
                }
            }
        }
    }

    /// New in catalog 2026.12: a signed confidentiality agreement scores below none and below
    /// not knowing, for every service that can read the content and offers contracts.
    #[test]
    fn for_secrecy_holders_a_signed_confidentiality_agreement_is_below_none(
        base in rest(), s in proptest::sample::select(SECRECY.to_vec())
    ) {
        for m in READ_WITH_CONTRACTS {
            let setup = with(&secrecy_holder(&base, s),
                json!({"messenger": m, "server_operator": "vendor", "dpa": "yes", "provider_region": "eu"}));
            let signed = score(with(&setup, json!({"confidentiality_agreement": "signed"})));
            for worse in ["none", "unknown"] {
                let w = score(with(&setup, json!({"confidentiality_agreement": worse})));
                prop_assert!(signed < w, "{:?} {}: signed {} vs {} {}", s, m, signed, worse, w);
            }
        }
    }

    #[test]
    fn telegram_with_personal_data_is_never_low(base in rest()) {
        let t = with(&base, json!({"messenger": "telegram", "content": ["personal_data"]}));
        prop_assert!(run(t).band != Band::Low);
    }

    #[test]
    fn threema_work_or_wire_done_right_is_always_low(base in good_rest()) {
        for m in E2E_WITH_DPA {
            let a = run(with(&base, json!({"messenger": m})));
            prop_assert_eq!(a.band, Band::Low, "{} {} {:?}", m, a.score, a.factors.iter().map(|f| &f.id).collect::<Vec<_>>());
        }
    }
}
