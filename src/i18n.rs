//! Interface texts: the catalog's `ui.json` in the visitor's language, plus the few texts that
//! must work when the catalog itself cannot be used (a panic).
use engine::wording::fill;
use engine::{Catalog, Lang};

/// An interface text from `ui.json`.
pub fn t(cat: &Catalog, key: &str, lang: Lang) -> String {
    cat.ui(key, lang).to_string()
}

/// An interface text with its `{name}` placeholders filled.
pub fn tf(cat: &Catalog, key: &str, lang: Lang, values: &[(&str, String)]) -> String {
    fill(cat.ui(key, lang), values)
}

/// A catalog date (`YYYY-MM-DD`) as the language writes it: `23. November 2026`, `23 November 2026`.
pub fn date(iso: &str, lang: Lang) -> String {
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

/// What the visitor reads when the widget has failed (it cannot rely on the catalog then).
pub fn crash_message(lang: Lang) -> &'static str {
    match lang {
        Lang::De => "Der Messenger-Check ist auf einen Fehler gestoßen. Bitte laden Sie die Seite neu.",
        Lang::En => "The messenger check ran into an error. Please reload the page.",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_naturally() {
        assert_eq!(date("2026-03-09", Lang::De), "9. März 2026");
        assert_eq!(date("2026-11-23", Lang::En), "23 November 2026");
        assert_eq!(date("soon", Lang::En), "soon");
    }

    #[test]
    fn the_texts_for_keeping_a_result_exist_in_both_languages() {
        let cat = crate::catalog();
        for key in [
            "keep.title",
            "keep.print",
            "keep.report_lang",
            "keep.markdown",
            "keep.json",
            "keep.remember",
            "keep.remember_hint",
            "keep.forget",
            "report.title",
            "report.generated",
            "report.catalog",
            "report.answers",
        ] {
            for lang in Lang::ALL {
                assert_ne!(t(cat, key, lang), "?", "ui.json has `{key}` in {}", lang.code());
            }
        }
    }
}
