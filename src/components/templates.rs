//! The templates ("Vorlagen"): usage rules, consent and privacy information, the record entry
//! and the setup checklist, filled from the answers by the engine (`engine::documents`).
//!
//! The visitor may type the business's name once; it fills the marked blanks live, is never
//! sent, and is stored only while "remember my answers on this device" is on (its own key,
//! `browser::COMPANY_KEY`, deleted with the answers). Each template opens as a disclosure with
//! its actions and a preview, built only while it is open: print (the print stylesheet then
//! shows just that template), a Markdown download and an HTML download that word processors
//! open with headings and lists. The downloads are the engine's renderers, so they equal
//! `assess --document … --blank company=…` byte for byte.
//!
//! The section gets the answers the explanations were made for (`App`'s deferred `explained`),
//! so an answer reaches it a frame after the score; it fills only the templates that are open.
use std::rc::Rc;

use engine::documents::{self, render, Blanks, Block, DocId, Document, Item, Part, Status};
use engine::view::DocumentsView;
use engine::Answers;
use wasm_bindgen::{closure::Closure, JsCast};
use yew::prelude::*;

use super::shared::use_env;
use crate::browser;

/// The attribute that marks the template being printed (www/css/print.css).
const PRINTING: &str = "data-mc-print";

#[derive(Properties, PartialEq)]
pub struct TemplatesProps {
    /// The answers the templates are filled from.
    pub answers: Answers,
    /// Which templates fit them, and which are held back and why (`View::documents`).
    pub documents: Rc<DocumentsView>,
    /// Whether the visitor has "remember my answers on this device" on; `None` where the
    /// widget does not offer it (then the name is never stored).
    #[prop_or_default]
    pub remember: Option<bool>,
}

#[component]
pub fn Templates(props: &TemplatesProps) -> Html {
    let env = use_env();
    let remember = props.remember;
    let company = use_state(|| match remember {
        Some(true) => browser::remembered_company().unwrap_or_default(),
        _ => String::new(),
    });
    // The name is kept only under the visitor's opt-in (switching it off forgets the name with
    // the answers: `browser::forget`). Switched on with the field empty (the page started with
    // remembered answers): the remembered name comes back rather than being cleared.
    let was = use_mut_ref(|| remember);
    {
        let company = company.clone();
        use_effect_with((remember, (*company).clone()), move |(remember, name)| {
            let turned_on = *remember == Some(true) && *was.borrow() != Some(true);
            *was.borrow_mut() = *remember;
            match remember {
                Some(true) if turned_on && name.is_empty() => {
                    if let Some(stored) = browser::remembered_company() {
                        company.set(stored);
                    }
                }
                Some(true) => browser::remember_company(name),
                _ => {}
            }
        });
    }
    // The open templates, one bit each (`bit`).
    let open = use_state(|| 0u8);
    let cat = &env.cat;
    // Each open template filled (its preview), with the name typed here: the one thing this
    // component asks the engine itself, since only it knows that name.
    let available = &props.documents.available;
    let previews = use_memo(
        (props.answers.clone(), env.lang, (*company).clone(), cat.clone(), *open),
        |(a, lang, name, cat, open)| {
            let blanks = Blanks::company(name);
            let open = DocId::ALL.into_iter().filter(|id| open & bit(*id) != 0);
            open.filter_map(|id| documents::document(id, a, cat, *lang, &blanks).ok()).collect::<Vec<_>>()
        },
    );
    // After printing, the page prints the report again.
    let section = use_node_ref();
    {
        let section = section.clone();
        use_effect_with((), move |_| {
            let done = Closure::<dyn Fn()>::new(move || {
                if let Some(el) = section.cast::<web_sys::Element>() {
                    if let Ok(marked) = el.query_selector_all(&format!("[{PRINTING}]")) {
                        for i in 0..marked.length() {
                            if let Some(e) = marked.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                                let _ = e.remove_attribute(PRINTING);
                            }
                        }
                    }
                }
            });
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ = w.add_event_listener_with_callback("afterprint", done.as_ref().unchecked_ref());
            }
            move || {
                if let Some(w) = window {
                    let _ = w.remove_event_listener_with_callback("afterprint", done.as_ref().unchecked_ref());
                }
            }
        });
    }

    let templates = cat.templates();
    let text = |key: &str| templates.text(key, env.lang).to_string();
    if templates.all_hidden() {
        return html! {};
    }
    let heading = env.id("templates-title");
    let name_id = env.id("company");
    let hint_id = env.id("company-hint");
    let on_name = {
        let company = company.clone();
        Callback::from(move |e: InputEvent| company.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().value()))
    };
    let hint = if remember.is_some() { text("ui.company_hint") } else { text("ui.company_hint_no_memory") };

    let refused = &props.documents.refused;
    let refused_id = env.id("templates-refused");
    let items = available.iter().map(|&id| {
        let summary_id = env.id(&format!("doc-{id}"));
        let on_toggle = {
            let open = open.clone();
            Callback::from(move |e: Event| {
                let now = e.target_unchecked_into::<web_sys::Element>().has_attribute("open");
                open.set(if now { *open | bit(id) } else { *open & !bit(id) });
            })
        };
        let on_print = Callback::from(|e: MouseEvent| {
            let item = e.target_unchecked_into::<web_sys::Element>().closest(".mc-doc-item").ok().flatten();
            if let Some(item) = item {
                let _ = item.set_attribute(PRINTING, "");
            }
            browser::print();
        });
        // Markdown or HTML, filled when asked for (the JSON writer stays out of the wasm).
        let download = |html: bool| {
            let (answers, cat, lang, name) = (props.answers.clone(), cat.clone(), env.lang, (*company).clone());
            Callback::from(move |_: MouseEvent| {
                let Ok(doc) = documents::document(id, &answers, &cat, lang, &Blanks::company(&name)) else { return };
                let (format, text) = if html {
                    (render::Format::Html, render::html(&doc))
                } else {
                    (render::Format::Markdown, render::markdown(&doc))
                };
                let (ext, mime) = format.file();
                browser::download(&format!("messenger-check-{id}-{}.{ext}", browser::today()), mime, &text);
            })
        };
        let preview_of = previews.iter().find(|d| d.id == id);
        html! {
            <details key={id.id()} class="mc-doc-item" ontoggle={on_toggle}>
                <summary id={summary_id.clone()}>{ text(&format!("ui.doc.{id}")) }</summary>
                <div class="mc-keep-line mc-doc-actions">
                    <button type="button" class="mc-button mc-button-small mc-doc-print" onclick={on_print}
                        aria-describedby={summary_id.clone()}>{ text("ui.print") }</button>
                    <button type="button" class="mc-button mc-button-quiet mc-button-small mc-doc-md"
                        onclick={download(false)} aria-describedby={summary_id.clone()}>
                        { text("ui.markdown") }
                    </button>
                    <button type="button" class="mc-button mc-button-quiet mc-button-small mc-doc-html"
                        onclick={download(true)} aria-describedby={summary_id.clone()}>
                        { text("ui.html") }
                    </button>
                </div>
                if let Some(d) = preview_of {
                    { preview(d, &text("ui.preview")) }
                }
            </details>
        }
    });

    html! {
        <section class="mc-block mc-templates" aria-labelledby={heading.clone()} ref={section}>
            <h3 id={heading}>{ text("ui.title") }</h3>
            if available.is_empty() && refused.is_empty() {
                <p>{ text("ui.none") }</p>
            } else if !available.is_empty() {
                <p class="mc-note">{ text("ui.intro") }</p>
                <div class="mc-keep-line mc-company">
                    <label for={name_id.clone()} class="mc-key">{ text("ui.company") }</label>
                    <input type="text" id={name_id} class="mc-input" autocomplete="organization"
                        maxlength={documents::MAX_BLANK.to_string()} value={(*company).clone()} oninput={on_name}
                        aria-describedby={hint_id.clone()} />
                    <p class="mc-hint" id={hint_id}>{ hint }</p>
                </div>
                <div class="mc-docs">{ for items }</div>
            }
            if !refused.is_empty() {
                <div class="mc-doc-refused">
                    <p class="mc-key" id={refused_id.clone()}>{ text("ui.refused") }</p>
                    <ul aria-labelledby={refused_id}>
                        { for refused.iter().map(|(id, why)| html! {
                            <li key={id.id()}><strong>{ text(&format!("ui.doc.{id}")) }</strong>{ ": " }{ why }</li>
                        }) }
                    </ul>
                    if !available.is_empty() {
                        <p class="mc-note">{ text("ui.refused_note") }</p>
                    }
                </div>
            }
        </section>
    }
}

/// A template's bit in the set of open ones.
fn bit(id: DocId) -> u8 {
    1 << id as u8
}

/// A template as the visitor sees it before downloading it, and as it prints.
fn preview(d: &Document, label: &str) -> Html {
    let cite = |sources: &[u32]| -> Html {
        if !d.cite || sources.is_empty() {
            return html! {};
        }
        let n: Vec<String> = sources.iter().map(u32::to_string).collect();
        html! { <>{ " " }<sup>{ format!("[{}]", n.join(", ")) }</sup></> }
    };
    let item = |i: &Item, check: bool| -> Html {
        let done = i.status == Some(Status::Done);
        html! {
            <li class={classes!(check.then_some("mc-doc-step"), done.then_some("mc-doc-done"))}>
                if check {
                    <span aria-hidden="true" class="mc-doc-box">{ if done { "\u{2611} " } else { "\u{2610} " } }</span>
                    <strong>{ parts(i.title.as_deref().unwrap_or_default()) }</strong>
                    if let Some(l) = &i.label {
                        if done {
                            { format!(" ({l})") }
                        } else {
                            <span class="mc-visually-hidden">{ format!(" ({l})") }</span>
                        }
                    }
                    <br />
                } else if let Some(l) = &i.label {
                    <strong>{ format!("{l}: ") }</strong>
                }
                { parts(&i.parts) }
                if let Some(w) = &i.place {
                    <br /><em>{ format!("{}: ", d.labels.place) }</em>{ parts(w) }
                }
                { cite(&i.sources) }
            </li>
        }
    };
    let blocks = d.sections.iter().map(|s| {
        html! {
            <section key={s.id.clone()} class="mc-doc-section">
                <h5>{ parts(&s.heading) }</h5>
                { for s.blocks.iter().map(|b| match b {
                    Block::Paragraph { parts: p, sources } => html! { <p>{ parts(p) }{ cite(sources) }</p> },
                    Block::Note { parts: p, sources } => html! {
                        <p class="mc-doc-note"><strong>{ format!("{}: ", d.labels.note) }</strong>{ parts(p) }{ cite(sources) }</p>
                    },
                    Block::List { items } => html! { <ul>{ for items.iter().map(|i| item(i, false)) }</ul> },
                    Block::Checklist { items } => html! {
                        <ul class="mc-doc-checklist">{ for items.iter().map(|i| item(i, true)) }</ul>
                    },
                }) }
            </section>
        }
    });
    let title = documents::plain(&d.title);
    html! {
        <article class="mc-doc" lang={d.lang.code()} aria-label={format!("{label}: {title}")}>
            <h4 class="mc-doc-title">{ parts(&d.title) }</h4>
            <p class="mc-doc-meta">{ &d.meta }<br /><em>{ &d.disclaimer }</em></p>
            if let Some(n) = &d.note {
                <p class="mc-doc-embedder">{ n }</p>
            }
            { for blocks }
            if !d.sources.is_empty() {
                <h5>{ &d.sources_heading }</h5>
                <ol class="mc-doc-sources">
                    { for d.sources.iter().map(super::shared::source_item) }
                </ol>
            }
        </article>
    }
}

/// Text and blanks: a blank not filled is marked, `[label]`.
fn parts(ps: &[Part]) -> Html {
    html! {
        { for ps.iter().map(|p| match p {
            Part::Text { text } => html! { { text } },
            Part::Blank { value: Some(v), .. } => html! { { v } },
            Part::Blank { label, .. } => html! { <mark class="mc-blank">{ format!("[{label}]") }</mark> },
        }) }
    }
}
