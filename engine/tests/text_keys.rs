//! The text keys (`overrides::text_keys`, listed in docs/text-keys.md and typed as `TextKey`)
//! are exactly what the `texts` override takes: each listed key replaces its own text and no
//! other, in the language given; a field next to them that is not listed is refused.
mod common;

use std::collections::BTreeMap;

use common::cat;
use engine::overrides::text_keys;
use engine::{Lang, Overrides};

fn texts(lang: Lang, key: &str, text: &str) -> Overrides {
    let mut o = Overrides::default();
    o.texts.insert(lang.code().to_string(), BTreeMap::from([(key.to_string(), text.to_string())]));
    o
}

#[test]
fn every_listed_key_replaces_its_own_text_and_no_other() {
    let keys = text_keys(cat());
    let before: Vec<(String, Vec<String>)> =
        keys.iter().map(|(k, t)| (k.clone(), Lang::ALL.iter().map(|l| t.get(*l).to_string()).collect())).collect();
    let mut unique: Vec<&str> = keys.iter().map(|(k, _)| k.as_str()).collect();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), keys.len(), "a key is listed twice");
    // Every kind of entry is there (a kind left out of the list would be missing whole).
    for prefix in
        ["ui.", "disclaimer", "formula", "section.", "question.", "option.", "rule.", "measure.", "messenger.", "band."]
    {
        assert!(keys.iter().any(|(k, _)| k.starts_with(prefix)), "no key starts with {prefix}");
    }
    for (i, (key, _)) in keys.iter().enumerate() {
        for (li, lang) in Lang::ALL.into_iter().enumerate() {
            let marker = format!("MARK {key}");
            let changed = cat()
                .with_overrides(&texts(lang, key, &marker))
                .unwrap_or_else(|e| panic!("{key} in {lang} refused: {e}"));
            let after = text_keys(&changed);
            assert_eq!(after.len(), keys.len());
            for (j, (k, t)) in after.iter().enumerate() {
                for (lj, l) in Lang::ALL.into_iter().enumerate() {
                    let want = if i == j && li == lj { marker.as_str() } else { before[j].1[lj].as_str() };
                    assert_eq!(t.get(l), want, "overriding {key} in {lang}: {k} in {l}");
                }
            }
        }
    }
}

#[test]
fn a_field_that_is_not_listed_is_refused() {
    let q = &cat().questions()[0];
    let m = &cat().messengers()[0];
    for key in [
        format!("question.{}.label", q.id),
        format!("option.{}.{}.title", q.id, q.options[0].id),
        format!("messenger.{}.name", m.id),
        "ui.no_such_text".to_string(),
        "section".to_string(),
    ] {
        assert!(!text_keys(cat()).iter().any(|(k, _)| *k == key), "{key} is listed");
        let e = cat().with_overrides(&texts(Lang::De, &key, "x")).expect_err(&key);
        assert!(e.to_string().contains("unknown text key"), "{key}: {e}");
    }
}
