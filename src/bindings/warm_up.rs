//! Warming up: the browser compiles WebAssembly functions when they first run, and without
//! this the visitor's first answer would pay for compiling everything the result panel needs.
use engine::{Answer, Answers, Lang};
use yew::Renderer;

use super::location::later;
use crate::app::{App, AppProps};
use crate::browser::after_paint;
use crate::env::Cat;
use crate::remote::Remote;

/// Renders a full result once, off the page, right after the first paint (once per page).
pub(super) fn warm_up() {
    static DONE: std::sync::Once = std::sync::Once::new();
    DONE.call_once(|| {
        after_paint(|| {
            let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.create_element("div").ok())
            else {
                return;
            };
            let answers = answers();
            let props = AppProps {
                catalog: Cat::default(),
                lang: Lang::default(),
                answers,
                notice: None,
                remote: Remote::default(),
                on_change: None,
                standalone: false,
                prefix: "mc-warm".into(),
                resume: false,
                remembered: false,
                share: None,
                linked: false,
                offline: None,
                on_offline: None,
            };
            let app = Renderer::<App>::with_root_and_props(el, props).render();
            later(move || app.destroy());
        });
    });
}

/// A full set of answers with many factors, measures and what-ifs.
fn answers() -> Answers {
    let one = |q: &str, o: &str| (q.to_string(), Answer::One(o.to_string()));
    let many = |q: &str, os: &[&str]| (q.to_string(), Answer::Many(os.iter().map(|o| o.to_string()).collect()));
    [
        one("sector", "health"),
        many("audience", &["customers", "internal"]),
        one("broadcast", "yes"),
        one("messenger", "whatsapp"),
        one("dpa", "no"),
        one("device", "private_phone"),
        one("contact_access", "granted"),
        one("address_book", "mixed"),
        one("first_contact", "business"),
        one("consent", "none"),
        many("content", &["business_letters", "personal_data"]),
        one("chat_backup", "cloud"),
        one("media_autosave", "on"),
        one("archiving", "none"),
        one("usage_policy", "none"),
        one("works_council", "no_agreement"),
        one("hosting", "no_preference"),
        one("budget", "any"),
    ]
    .into_iter()
    .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_warm_up_answers_are_the_catalogs_and_fill_every_part() {
        let a = engine::assess(&super::answers(), crate::catalog(), engine::Lang::De).expect("known ids");
        assert_eq!(a.progress.answered, a.progress.applicable, "every question that applies is answered");
        assert!(!a.factors.is_empty() && !a.measures.is_empty() && !a.what_if.is_empty() && !a.alternatives.is_empty());
    }
}
