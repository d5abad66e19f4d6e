//! Interface texts: the catalog's `ui.json` in the visitor's language, plus the few texts that
//! must work when the catalog itself cannot be used (a panic).
use engine::wording::fill;
pub use engine::wording::long_date as date;
use engine::{Catalog, Lang};

/// An interface text from `ui.json`.
pub fn t(cat: &Catalog, key: &str, lang: Lang) -> String {
    cat.ui(key, lang).to_string()
}

/// An interface text with its `{name}` placeholders filled.
pub fn tf(cat: &Catalog, key: &str, lang: Lang, values: &[(&str, String)]) -> String {
    fill(cat.ui(key, lang), values)
}

/// What the visitor reads when the widget has failed (it cannot rely on the catalog then).
pub fn crash_message(lang: Lang) -> &'static str {
    match lang {
        Lang::De => "Der Messenger-Check ist auf einen Fehler gestoßen. Ihre Angaben wurden nicht gesendet.",
        Lang::En => "The messenger check ran into an error. Nothing you entered was sent.",
    }
}

/// The button that reloads a failed widget (it cannot rely on the catalog then either).
pub fn reload_label(lang: Lang) -> &'static str {
    match lang {
        Lang::De => "Messenger-Check neu laden",
        Lang::En => "Reload the messenger check",
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
