//! The Markdown report: what `assess --format markdown` prints and the widget downloads.
//! Deterministic (no clock): the same answers, language and catalog give the same bytes.
//! Its sentences come from `wording`, like the widget's.
use std::fmt::Write;

use crate::answers::Answers;
use crate::catalog::Catalog;
use crate::model::Assessment;
use crate::wording::{advice_line, answer_lines, band_line, bands_line, no_factors_line, progress_line, range_line};

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// The assessment as a Markdown report a consultant can paste.
pub fn markdown(a: &Assessment, answers: &Answers, catalog: &Catalog) -> String {
    let lang = a.lang;
    let ui = |k: &str| catalog.ui(k, lang);
    let mut s = String::new();
    let _ = writeln!(s, "# {}\n", ui("report.title"));
    let _ = writeln!(s, "**{}: {} / 100 ({}: {})**\n", ui("score"), a.score, ui("band"), band_line(a, catalog));
    let _ = writeln!(s, "{}\n", advice_line(a, catalog));
    let _ = writeln!(s, "{}  ", range_line(a, catalog));
    let _ = writeln!(s, "{}\n", progress_line(a, catalog));

    let _ = writeln!(s, "## {}\n", ui("report.answers"));
    for (q, ans) in answer_lines(answers, a, catalog) {
        let _ = writeln!(s, "- {q} **{ans}**");
    }

    let _ = writeln!(s, "\n## {}\n", ui("factors"));
    if a.factors.is_empty() {
        let _ = writeln!(s, "{}", no_factors_line(a, catalog));
    }
    for (i, f) in a.factors.iter().enumerate() {
        let _ = writeln!(s, "{}. **{}** ({})  ", i + 1, f.title, crate::wording::points(f.points, catalog, lang));
        let _ = writeln!(s, "   {}  ", f.text);
        let sources: Vec<String> = f
            .sources
            .iter()
            .map(|r| match &r.url {
                Some(u) => format!("[{}]({})", r.title, u),
                None => r.title.clone(),
            })
            .collect();
        let _ = writeln!(s, "   {}: {}. {}: {}", ui("law"), f.law, ui("sources"), sources.join("; "));
    }

    let _ = writeln!(s, "\n## {}\n", ui("measures"));
    if a.measures.is_empty() {
        let _ = writeln!(s, "{}", ui("no_measures"));
    }
    for (i, m) in a.measures.iter().enumerate() {
        let _ = writeln!(s, "{}. **{}** ({}: {}, −{})  ", i + 1, m.title, ui("score_after"), m.score, m.gain);
        let _ = writeln!(s, "   {}", m.text);
        if let Some(r) = &m.reach {
            let _ = writeln!(s, "   {r}");
        }
    }

    if !a.what_if.is_empty() {
        let _ = writeln!(s, "\n## {}\n", ui("what_if"));
        for w in &a.what_if {
            let _ = writeln!(
                s,
                "- {} **{}** → {} ({})",
                w.question_text,
                w.answer_text,
                w.score,
                catalog.band_label(w.band, lang)
            );
            if let Some(r) = &w.reach {
                let _ = writeln!(s, "  {r}");
            }
        }
    }

    let _ = writeln!(s, "\n## {}\n", ui("alternatives"));
    let _ =
        writeln!(s, "| Messenger | {} | {} | {} | {} |", ui("fit"), ui("your_score_with"), ui("reasons"), ui("cost"));
    let _ = writeln!(s, "|---|---:|---:|---|---|");
    for alt in &a.alternatives {
        let reasons: Vec<String> =
            alt.reasons.iter().map(|r| format!("{} {}", if r.positive { "+" } else { "−" }, r.text)).collect();
        let name = if alt.current { format!("{} ({})", alt.name, ui("current")) } else { alt.name.clone() };
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} |",
            cell(&name),
            alt.fit,
            alt.score_if_used.map_or("–".to_string(), |s| s.to_string()),
            cell(&reasons.join("; ")),
            cell(&alt.cost)
        );
    }

    let _ = writeln!(s, "\n---\n");
    let _ = writeln!(s, "{}: {}  ", ui("formula"), a.formula);
    let _ = writeln!(s, "{}: {}  ", ui("bands"), bands_line(catalog, lang));
    let _ = writeln!(s, "{} {}, {}: {}  ", ui("report.catalog"), a.catalog.version, ui("as_of"), a.catalog.as_of);
    let _ = writeln!(s, "{}", a.disclaimer);
    s
}

/// The JSON download: the contract's assessment plus the answers it was computed from.
/// Deterministic, like the Markdown report.
pub fn json_export(a: &Assessment, answers: &Answers) -> String {
    #[derive(serde::Serialize)]
    struct Export<'a> {
        answers: &'a Answers,
        assessment: &'a Assessment,
    }
    serde_json::to_string_pretty(&Export { answers, assessment: a }).expect("an assessment is JSON")
}
