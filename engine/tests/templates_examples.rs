//! The example templates in docs/examples/templates/ are what the engine writes today:
//! for each setup (answers.json, blanks.json) the four templates in German and English: a
//! plumber, a physiotherapy practice, a law firm and a municipality.
//! Renew them with scripts/examples.sh.
use std::path::Path;

use engine::documents::{self, render, Blanks, DocId};
use engine::{parse_answers, Catalog, Lang};

#[test]
fn the_example_templates_are_current() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/examples/templates");
    let cat = Catalog::embedded();
    let mut checked = 0;
    let mut setups: Vec<_> = std::fs::read_dir(&root).expect("docs/examples/templates").flatten().collect();
    setups.sort_by_key(|e| e.path());
    for setup in setups.iter().map(|e| e.path()).filter(|p| p.join("answers.json").exists()) {
        let read = |name: &str| std::fs::read_to_string(setup.join(name));
        let answers = parse_answers(&read("answers.json").unwrap(), cat).unwrap();
        let blanks: Blanks = read("blanks.json").map(|t| serde_json::from_str(&t).unwrap()).unwrap_or_default();
        for lang in Lang::ALL {
            for id in DocId::ALL {
                let path = setup.join(lang.code()).join(format!("{id}.md"));
                let expected = documents::document(id, &answers, cat, lang, &blanks).ok().map(|d| render::markdown(&d));
                let written = std::fs::read_to_string(&path).ok();
                assert_eq!(written, expected, "{} is not current: run scripts/examples.sh", path.display());
                checked += expected.is_some() as usize;
            }
        }
    }
    assert!(checked >= 32, "the four example setups, four templates, two languages ({checked})");
    // Among them a public body and a law firm.
    for (dir, sector) in [("gemeinde", "public_sector"), ("kanzlei", "legal_tax")] {
        let a = std::fs::read_to_string(root.join(dir).join("answers.json")).expect(dir);
        assert!(a.contains(&format!("\"sector\": \"{sector}\"")), "{dir} is a {sector} setup");
    }
}
