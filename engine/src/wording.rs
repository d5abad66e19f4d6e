//! The sentences that put an assessment into words, shared by the widget, the printed report
//! and the Markdown report, so all three say the same: the verdict (or why there is none yet),
//! how far the score can still move, progress, the answers in words, the band scale, and the
//! text keys of property values. Every number comes from the `Assessment`.
use crate::answers::Answers;
use crate::catalog::{Catalog, PropValue};
use crate::model::Assessment;
use crate::text::Lang;

/// Fills `{name}` placeholders of an interface text.
pub fn fill(template: &str, values: &[(&str, String)]) -> String {
    let mut out = template.to_string();
    for (k, v) in values {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}

/// A catalog date (`YYYY-MM-DD`) as the language writes it: `23. November 2026`, `23 November 2026`.
pub fn long_date(iso: &str, lang: Lang) -> String {
    let mut parts = iso.splitn(3, '-');
    let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
        return iso.to_string();
    };
    let (Ok(mi), Ok(di)) = (m.parse::<usize>(), d.parse::<u8>()) else {
        return iso.to_string();
    };
    const MONTHS_DE: [&str; 12] = [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ];
    const MONTHS_EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    if !(1..=12).contains(&mi) || m.len() != 2 {
        return iso.to_string();
    }
    match lang {
        Lang::De => format!("{di}. {} {y}", MONTHS_DE[mi - 1]),
        Lang::En => format!("{di} {} {y}", MONTHS_EN[mi - 1]),
    }
}

/// "The score can still rise to N", or that it is final: because everything that applies is
/// answered, or because what is still open can no longer change it.
pub fn range_line(a: &Assessment, catalog: &Catalog) -> String {
    if a.range.max > a.score {
        fill(catalog.ui("range", a.lang), &[("max", a.range.max.to_string())])
    } else if a.progress.answered < a.progress.applicable {
        catalog.ui("range_fixed", a.lang).to_string()
    } else {
        catalog.ui("range_closed", a.lang).to_string()
    }
}

/// "N of M questions answered", in the assessment's language.
pub fn progress_line(a: &Assessment, catalog: &Catalog) -> String {
    let values = [("answered", a.progress.answered.to_string()), ("applicable", a.progress.applicable.to_string())];
    fill(catalog.ui("progress", a.lang), &values)
}

/// The answers in words, in question order: (question, answer) for each question that
/// applies; open ones read "not answered".
pub fn answer_lines(answers: &Answers, a: &Assessment, catalog: &Catalog) -> Vec<(String, String)> {
    let lang = a.lang;
    a.applicable
        .iter()
        .filter_map(|qid| catalog.question(qid))
        .map(|q| {
            let text = match answers.get(q.id.as_ref()) {
                None => catalog.ui("not_answered", lang).to_string(),
                Some(ans) => {
                    let labels: Vec<&str> = q
                        .options
                        .iter()
                        .filter(|o| ans.ids().iter().any(|id| *id == o.id.as_ref()))
                        .map(|o| o.label.get(lang))
                        .collect();
                    if labels.is_empty() {
                        catalog.ui("none_selected", lang).to_string()
                    } else {
                        labels.join(", ")
                    }
                }
            };
            (q.title.get(lang).to_string(), text)
        })
        .collect()
}

/// The band in words: its name, or, while it is provisional, the bands it may still end in
/// ("still open, between Low and High").
pub fn band_line(a: &Assessment, catalog: &Catalog) -> String {
    if a.provisional {
        fill(
            catalog.ui("band_open", a.lang),
            &[
                ("min", catalog.band_label(a.band, a.lang).to_string()),
                ("max", catalog.band_label(a.band_max, a.lang).to_string()),
            ],
        )
    } else {
        a.band_label.clone()
    }
}

/// What the visitor should make of it: the band's advice, or, while the band is provisional,
/// why there is no verdict yet (nothing answered, or open questions that could change it).
pub fn advice_line(a: &Assessment, catalog: &Catalog) -> String {
    if !a.undecided.is_empty() {
        catalog.ui("undecided_advice", a.lang).to_string()
    } else if !a.provisional {
        a.band_advice.clone()
    } else if a.progress.answered == 0 {
        catalog.ui("nothing_answered", a.lang).to_string()
    } else {
        catalog.ui("provisional_advice", a.lang).to_string()
    }
}

/// What to say when no factor applies: "nothing speaks against it" only when that is final.
pub fn no_factors_line(a: &Assessment, catalog: &Catalog) -> String {
    let text = if a.provisional { catalog.ui("no_factors_yet", a.lang) } else { catalog.ui("no_factors", a.lang) };
    text.to_string()
}

/// The band scale in words: "Gering 0–12 · Mittel 13–29 · Hoch 30–49 · Kritisch 50–100".
pub fn bands_line(catalog: &Catalog, lang: crate::text::Lang) -> String {
    let bands = catalog.bands();
    bands
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let to = bands.get(i + 1).map_or(100, |n| n.min - 1);
            format!("{} {}–{}", b.label.get(lang), b.min, to)
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// "1 Punkt", "5 Punkte": a number of points in the assessment's language.
pub fn points(n: u32, catalog: &Catalog, lang: crate::text::Lang) -> String {
    let word = if n == 1 { catalog.ui("point", lang) } else { catalog.ui("points", lang) };
    format!("{n} {word}")
}

/// The interface text key of a property value.
pub fn value_key(v: PropValue) -> &'static str {
    match v {
        PropValue::Yes => "value.yes",
        PropValue::No => "value.no",
        PropValue::Partial => "value.partial",
        PropValue::Optional => "value.optional",
        PropValue::Unknown => "unknown",
    }
}
