//! What if …: the single answer changes that lower the score most, with the score each would
//! give (from the engine). One click applies a change; "Undo" goes back. (`App` moves focus to
//! the undo button after a change, so keyboard users are not dropped at the top of the page.)
use std::rc::Rc;

use engine::{Answers, WhatIf};
use yew::prelude::*;

use super::shared::use_env;

#[derive(Properties, PartialEq)]
pub struct WhatIfProps {
    /// The assessment's what-ifs (compared by value).
    pub what_if: Rc<Vec<WhatIf>>,
    pub can_undo: bool,
    pub on_apply: Callback<Answers>,
    pub on_undo: Callback<()>,
    /// Set on the undo button.
    pub undo_ref: NodeRef,
}

#[component]
pub fn WhatIfList(props: &WhatIfProps) -> Html {
    let env = use_env();
    let a = &props;
    if a.what_if.is_empty() && !props.can_undo {
        return html! {};
    }
    let heading = env.id("what-if-title");
    let items = a.what_if.iter().map(|w| {
        let label_id = env.id(&format!("what-if-{}", w.question));
        let onclick = {
            let on_apply = props.on_apply.clone();
            let mut changes = Answers::new();
            changes.insert(w.question.clone(), w.answer.clone());
            Callback::from(move |_: MouseEvent| on_apply.emit(changes.clone()))
        };
        html! {
            <li key={w.question.clone()} class="mc-what-if">
                <p id={label_id.clone()} class="mc-what-if-text">
                    <span class="mc-what-if-q">{ &w.question_text }</span>
                    { " " }<strong class="mc-what-if-a">{ "→ " }{ &w.answer_text }</strong>
                </p>
                if let Some(reach) = &w.reach {
                    <p class="mc-note mc-reach">{ reach }</p>
                }
                <p class="mc-after">
                    <span class="mc-nowrap">
                        <span class="mc-key">{ env.t("score_after") }{ ": " }</span>
                        <strong class="mc-what-if-score">{ w.score }</strong>
                        <span class="mc-gain">{ format!(" (−{})", w.gain) }</span>
                    </span>
                    { " " }
                    <button type="button" class="mc-button mc-button-small mc-apply" onclick={onclick} aria-describedby={label_id}>
                        { env.t("apply") }
                    </button>
                </p>
            </li>
        }
    });
    let on_undo = {
        let cb = props.on_undo.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    html! {
        <section class="mc-block mc-what-ifs" aria-labelledby={heading.clone()}>
            <h3 id={heading}>{ env.t("what_if") }</h3>
            if !a.what_if.is_empty() {
                <ul class="mc-list">{ for items }</ul>
            }
            if props.can_undo {
                <p class="mc-undo-line">
                    <button type="button" class="mc-button mc-undo" ref={props.undo_ref.clone()} onclick={on_undo}>{ env.t("undo") }</button>
                </p>
            }
        </section>
    }
}
