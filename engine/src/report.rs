//! The Markdown report: what `assess --format markdown` prints and the widget downloads.
//! Deterministic (no clock): the same answers, language and catalog give the same bytes.
//! Its sentences come from the assessment's `View`, like the widget's.
use std::fmt::Write;

use crate::answers::Answers;
use crate::catalog::Catalog;
use crate::model::Assessment;
use crate::view::View;

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// The assessment as a Markdown report a consultant can paste.
pub fn markdown(a: &Assessment, answers: &Answers, catalog: &Catalog) -> String {
    let lang = a.lang;
    let ui = |k: &str| catalog.ui(k, lang);
    let v = View::of(a, answers, catalog);
    let mut s = String::new();
    let _ = writeln!(s, "# {}\n", ui("report.title"));
    let _ = writeln!(s, "**{}: {} / 100 ({}: {})**\n", ui("score"), a.score, ui("band"), v.summary.band);
    let _ = writeln!(s, "{}\n", v.summary.advice);
    let _ = writeln!(s, "{}  ", v.summary.range);
    let _ = writeln!(s, "{}\n", v.summary.progress);

    let _ = writeln!(s, "## {}\n", ui("report.answers"));
    for line in &v.answers {
        let _ = writeln!(s, "- {} **{}**", line.question, line.answer);
    }

    let _ = writeln!(s, "\n## {}\n", ui("factors"));
    if v.factors.is_empty() {
        let _ = writeln!(s, "{}", v.no_factors);
    }
    for (i, fv) in v.factors.iter().enumerate() {
        let f = &fv.factor;
        let _ = writeln!(s, "{}. **{}** ({})  ", i + 1, f.title, fv.points);
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
    let _ = writeln!(s, "{}: {}  ", ui("bands"), v.bands);
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
