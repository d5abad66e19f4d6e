//! Keeping the result: print (or save as PDF), download the report as Markdown or JSON in a
//! language the visitor picks (the interface language unless they pick another), and the
//! opt-in "remember my answers on this device" with its "forget" button.
//!
//! The downloads are the engine's own reports (`engine::report::markdown`, `json_export`):
//! the Markdown file is byte for byte what `assess --format markdown` prints.
use engine::{assess, Lang};
use yew::prelude::*;

use super::use_env;
use crate::app::Remote;
use crate::browser;

#[derive(Properties, PartialEq)]
pub struct KeepProps {
    /// Where the current answers are read when a download is asked for (so an answer does not
    /// re-render this section).
    pub remote: Remote,
    /// Whether answers are being remembered on this device; `None` when the widget does not
    /// offer it (widgets mounted on someone else's page).
    #[prop_or_default]
    pub remember: Option<bool>,
    #[prop_or_default]
    pub on_remember: Callback<bool>,
}

#[component]
pub fn Keep(props: &KeepProps) -> Html {
    let env = use_env();
    // The report language: the interface language until the visitor picks one.
    let picked = use_state_eq(|| None::<Lang>);
    let report_lang = picked.unwrap_or(env.lang);

    let on_print = Callback::from(|_: MouseEvent| browser::print());
    let on_pick = {
        let picked = picked.clone();
        Callback::from(move |e: Event| {
            let select = e.target_unchecked_into::<web_sys::HtmlSelectElement>();
            picked.set(Lang::parse(&select.value()));
        })
    };
    let export = |markdown: bool| {
        let (cat, remote) = (env.cat.clone(), props.remote.clone());
        Callback::from(move |_: MouseEvent| {
            let answers = remote.latest().map(|c| c.answers).unwrap_or_default();
            let Ok(a) = assess(&answers, &cat, report_lang) else { return };
            let day = browser::today();
            if markdown {
                let text = engine::report::markdown(&a, &answers, &cat);
                browser::download(&format!("messenger-check-{day}.md"), "text/markdown;charset=utf-8", &text);
            } else {
                let text = engine::report::json_export(&a, &answers);
                browser::download(&format!("messenger-check-{day}.json"), "application/json", &text);
            }
        })
    };
    let on_toggle = {
        let cb = props.on_remember.clone();
        Callback::from(move |e: Event| cb.emit(e.target_unchecked_into::<web_sys::HtmlInputElement>().checked()))
    };
    let on_forget = {
        let cb = props.on_remember.clone();
        Callback::from(move |_: MouseEvent| cb.emit(false))
    };

    let heading = env.id("keep-title");
    let lang_id = env.id("report-lang");
    let remember_id = env.id("remember");
    let remember_hint = env.id("remember-hint");
    html! {
        <section class="mc-block mc-keep" aria-labelledby={heading.clone()}>
            <h3 id={heading}>{ env.t("keep.title") }</h3>
            <p class="mc-keep-line">
                <button type="button" class="mc-button mc-print-button" onclick={on_print}>{ env.t("keep.print") }</button>
            </p>
            <div class="mc-keep-line mc-export">
                <label for={lang_id.clone()} class="mc-key">{ env.t("keep.report_lang") }</label>
                <select id={lang_id} class="mc-select" onchange={on_pick}>
                    { for Lang::ALL.into_iter().map(|l| html! {
                        <option key={l.code()} value={l.code()} lang={l.code()} selected={l == report_lang}>{ l.native_name() }</option>
                    }) }
                </select>
                <button type="button" class="mc-button mc-button-quiet mc-button-small mc-export-md" onclick={export(true)}>
                    { env.t("keep.markdown") }
                </button>
                <button type="button" class="mc-button mc-button-quiet mc-button-small mc-export-json" onclick={export(false)}>
                    { env.t("keep.json") }
                </button>
            </div>
            if let Some(on) = props.remember {
                <div class="mc-keep-line mc-remember">
                    <label class="mc-check" for={remember_id.clone()}>
                        <input type="checkbox" id={remember_id} checked={on} onchange={on_toggle}
                            aria-describedby={remember_hint.clone()} />
                        { " " }{ env.t("keep.remember") }
                    </label>
                    if on {
                        <button type="button" class="mc-button mc-button-quiet mc-button-small mc-forget" onclick={on_forget}>
                            { env.t("keep.forget") }
                        </button>
                    }
                    <p class="mc-hint" id={remember_hint}>{ env.t("keep.remember_hint") }</p>
                </div>
            }
        </section>
    }
}
