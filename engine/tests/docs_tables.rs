//! The id tables of the README and of `docs/contract.md` list exactly the catalog's questions, in
//! the catalog's order, each with exactly its options in order and marked as a list where it
//! takes one. The words around the ids (what an option means, when a question is asked) are
//! written by hand; the ids cannot go stale (a question or option the catalog adds or drops
//! fails this test until the tables say so). Both also state the band boundaries, which must be
//! the catalog's (`meta.json`).
use std::path::Path;

use engine::Catalog;

/// The rows of the Markdown table that follows the line `header`: (first column, second).
fn table(doc: &str, header: &str) -> Vec<(String, String)> {
    let mut lines = doc.lines().skip_while(|l| l.trim() != header);
    assert!(lines.next().is_some(), "no table with the header `{header}`");
    lines
        .skip(1) // the |---| line
        .take_while(|l| l.starts_with('|'))
        .map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split(" | ").map(str::trim).collect();
            (cells[0].to_string(), cells.get(1).copied().unwrap_or("").to_string())
        })
        .collect()
}

/// The ids in backticks, outside parentheses (which explain, and may quote other ids).
fn ids(cell: &str) -> Vec<String> {
    let mut plain = String::new();
    let mut depth = 0;
    for c in cell.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    plain.split('`').skip(1).step_by(2).map(str::to_string).collect()
}

fn check(file: &str, header: &str, multi_mark: &str) {
    let doc = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(file)).unwrap();
    let rows = table(&doc, header);
    let cat = Catalog::embedded();
    let listed: Vec<String> = rows.iter().map(|(q, _)| ids(q).first().cloned().unwrap_or_default()).collect();
    let questions: Vec<String> = cat.questions().iter().map(|q| q.id.to_string()).collect();
    assert_eq!(listed, questions, "{file}: the table's questions are not the catalog's (in its order)");
    for ((first, options), q) in rows.iter().zip(cat.questions()) {
        let want: Vec<String> = q.options.iter().map(|o| o.id.to_string()).collect();
        assert_eq!(ids(options), want, "{file}: the options of `{}`", q.id);
        assert_eq!(
            first.contains(multi_mark),
            q.multi,
            "{file}: `{}` is {}a list question",
            q.id,
            if q.multi { "" } else { "not " }
        );
    }
}

#[test]
fn the_readme_lists_every_question_and_option() {
    check("README.md", "| question | options |", "(list)");
}

#[test]
fn the_contract_lists_every_question_and_option() {
    check("docs/contract.md", "| id | options | asked when |", "*multi*");
}

#[test]
fn the_reader_of_the_tables_reads_what_it_should() {
    assert_eq!(ids("`a`, `b` (not `c`, see (`d`)), `e`"), ["a", "b", "e"]);
    let rows = table("x\n| h | o |\n|---|---|\n| `q` (list) | `a` |\n\nafter", "| h | o |");
    assert_eq!(rows, [("`q` (list)".to_string(), "`a`".to_string())]);
}

/// The band scale as the docs write it ("low 0–12, moderate 13–29, high 30–49, critical
/// 50–100"), from the catalog's `meta.json`.
fn scale() -> String {
    let bands = engine::Catalog::embedded().bands();
    let parts: Vec<String> = bands
        .iter()
        .enumerate()
        .map(|(i, b)| format!("{} {}–{}", b.id, b.min, bands.get(i + 1).map_or(100, |n| n.min - 1)))
        .collect();
    parts.join(", ")
}

/// The README and docs/contract.md state the band boundaries; they are the catalog's.
#[test]
fn the_docs_state_the_catalogs_band_boundaries() {
    let want = scale();
    assert!(want.starts_with("low 0–"), "{want}");
    for file in ["README.md", "docs/contract.md"] {
        let text = std::fs::read_to_string(format!("{}/../{file}", env!("CARGO_MANIFEST_DIR"))).unwrap();
        // The prose wraps lines: compare with the whitespace made single spaces.
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(&want), "{file} does not state the bands as `{want}`");
        // And no other scale: every "low N–M" in it is the catalog's.
        for (i, _) in flat.match_indices("low 0–") {
            assert!(
                flat[i..].starts_with(&want),
                "{file} states another scale: {}",
                &flat[i..(i + 60).min(flat.len())]
            );
        }
    }
}
