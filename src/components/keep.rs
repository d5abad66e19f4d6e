//! Keeping the result: print (or save as PDF), download the report as Markdown or JSON in a
//! language the visitor picks (the interface language unless they pick another), a link with
//! the answers (only when the visitor asks for one, where the host offers it), the opt-in
//! "remember my answers on this device", "forget" (which takes the answers out of this device
//! and out of the address), and "make this page work offline" (the standalone page).
//!
//! The downloads are the engine's own reports (`engine::report::markdown`, `json_export`):
//! the Markdown file is byte for byte what `assess --format markdown` prints.
use engine::{assess, Lang};
use yew::prelude::*;

use super::shared::use_env;
use crate::browser;
use crate::remote::Remote;

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
    /// A link with the answers is offered (`Some`): the link, once the visitor asked for it.
    #[prop_or_default]
    pub share: Option<Option<AttrValue>>,
    #[prop_or_default]
    pub on_share: Callback<()>,
    /// The address holds a share link the page was opened with: "forget" takes it out.
    #[prop_or_default]
    pub linked: bool,
    #[prop_or_default]
    pub on_forget: Callback<()>,
    /// Offline use is offered (`Some`): whether it is on.
    #[prop_or_default]
    pub offline: Option<bool>,
    #[prop_or_default]
    pub on_offline: Callback<bool>,
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
        let cb = props.on_forget.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let on_share = {
        let cb = props.on_share.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let copied = use_state_eq(|| false);
    let link_ref = use_node_ref();
    let on_copy = {
        let (copied, link_ref) = (copied.clone(), link_ref.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = link_ref.cast::<web_sys::HtmlInputElement>() {
                input.select();
                browser::copy_text(&input.value());
                copied.set(true);
            }
        })
    };
    let on_offline = {
        let cb = props.on_offline.clone();
        Callback::from(move |e: Event| cb.emit(e.target_unchecked_into::<web_sys::HtmlInputElement>().checked()))
    };
    let sharing = matches!(props.share, Some(Some(_)));
    let remembering = props.remember == Some(true);

    let heading = env.id("keep-title");
    let lang_id = env.id("report-lang");
    let remember_id = env.id("remember");
    let remember_hint = env.id("remember-hint");
    let share_id = env.id("share-link");
    let share_hint = env.id("share-hint");
    let linked_hint = env.id("linked-hint");
    let offline_id = env.id("offline");
    let offline_hint = env.id("offline-hint");
    html! {
        <section class="mc-block mc-keep" aria-labelledby={heading.clone()}>
            <h3 id={heading}>{ env.t("keep.title") }</h3>
            <p class="mc-keep-line">
                <button type="button" class="mc-button mc-print-button" onclick={on_print}>{ env.t("keep.print") }</button>
            </p>
            <div class="mc-keep-line mc-export">
                <label for={lang_id.clone()} class="mc-key">{ env.t("keep.report_lang") }</label>
                <select id={lang_id} class="mc-select" onchange={on_pick} autocomplete="off">
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
            if let Some(link) = &props.share {
                <div class="mc-keep-line mc-share">
                    if let Some(link) = link {
                        <label for={share_id.clone()} class="mc-key">{ env.t("keep.share_label") }</label>
                        <input type="text" id={share_id} class="mc-input mc-share-link" readonly=true value={link.clone()}
                            ref={link_ref} aria-describedby={share_hint.clone()} autocomplete="off" spellcheck="false" />
                        <button type="button" class="mc-button mc-button-quiet mc-button-small mc-copy" onclick={on_copy}>
                            { env.t("keep.copy") }
                        </button>
                        <span class="mc-hint" role="status">{ if *copied { env.t("keep.copied") } else { String::new() } }</span>
                        <p class="mc-hint" id={share_hint}>{ env.t("keep.share_hint") }</p>
                    } else {
                        <button type="button" class="mc-button mc-button-quiet mc-button-small mc-share-button" onclick={on_share}>
                            { env.t("keep.share") }
                        </button>
                    }
                </div>
            }
            if let Some(on) = props.remember {
                <div class="mc-keep-line mc-remember">
                    <label class="mc-check" for={remember_id.clone()}>
                        <input type="checkbox" id={remember_id} checked={on} onchange={on_toggle}
                            aria-describedby={remember_hint.clone()} autocomplete="off" />
                        { " " }{ env.t("keep.remember") }
                    </label>
                    <p class="mc-hint" id={remember_hint}>{ env.t("keep.remember_hint") }</p>
                </div>
            }
            if remembering || sharing || props.linked {
                <p class="mc-keep-line">
                    <button type="button" class="mc-button mc-button-quiet mc-button-small mc-forget" onclick={on_forget}
                        aria-describedby={(props.linked && !sharing).then(|| linked_hint.clone())}>
                        { env.t("keep.forget") }
                    </button>
                </p>
                if props.linked && !sharing {
                    <p class="mc-hint mc-linked-hint" id={linked_hint}>{ env.t("keep.linked_hint") }</p>
                }
            }
            if let Some(on) = props.offline {
                <div class="mc-keep-line mc-offline">
                    <label class="mc-check" for={offline_id.clone()}>
                        <input type="checkbox" id={offline_id} checked={on} onchange={on_offline}
                            aria-describedby={offline_hint.clone()} autocomplete="off" />
                        { " " }{ env.t("keep.offline") }
                    </label>
                    <p class="mc-hint" id={offline_hint}>{ env.t("keep.offline_hint") }</p>
                </div>
            }
        </section>
    }
}
