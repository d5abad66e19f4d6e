//! Warming up: the browser compiles WebAssembly functions when they first run, and without
//! this the visitor's first answer would pay for compiling everything the result panel needs.
use engine::{answers_from_value, Lang};
use yew::Renderer;

use super::location::later;
use crate::app::{after_paint, App, AppProps, Cat, Remote};

/// Renders a full result once, off the page, right after the first paint (once per page).
pub(super) fn warm_up() {
    static DONE: std::sync::Once = std::sync::Once::new();
    DONE.call_once(|| {
        after_paint(|| {
            let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.create_element("div").ok())
            else {
                return;
            };
            let answers = serde_json::json!({
                "sector": "health", "audience": ["customers", "internal"], "broadcast": "yes",
                "messenger": "whatsapp", "dpa": "no", "device": "private_phone", "contact_access": "granted",
                "address_book": "mixed", "first_contact": "business", "consent": "none",
                "content": ["business_letters", "personal_data"], "chat_backup": "cloud", "media_autosave": "on",
                "archiving": "none", "usage_policy": "none", "works_council": "no_agreement"
            });
            let answers = answers_from_value(&answers, crate::catalog()).unwrap_or_default();
            let props = AppProps {
                catalog: Cat::default(),
                lang: Lang::De,
                answers,
                notice: None,
                remote: Remote::default(),
                on_change: None,
                standalone: false,
                prefix: "mc-warm".into(),
                resume: false,
                remembered: false,
            };
            let app = Renderer::<App>::with_root_and_props(el, props).render();
            later(move || app.destroy());
        });
    });
}
