//! What lowers the risk most: the engine's measures, most effective first, each with the score
//! afterwards and a button that applies its answer changes (undoable).
use std::rc::Rc;

use engine::view::MeasureView;
use engine::Answers;
use yew::prelude::*;

use super::shared::{show_all_button, source_item, use_env};

/// Measures shown before "show all".
const FIRST: usize = 5;

#[derive(Properties, PartialEq)]
pub struct MeasuresProps {
    /// The view's measures (compared by value: unchanged measures are not re-rendered).
    pub measures: Rc<Vec<MeasureView>>,
    pub on_apply: Callback<Answers>,
}

#[component]
pub fn Measures(props: &MeasuresProps) -> Html {
    let env = use_env();
    let show_all = use_state(|| false);
    let a = &props;
    let heading = env.id("measures-title");
    let list_id = env.id("measures-list");
    let shown = if *show_all { a.measures.len() } else { FIRST.min(a.measures.len()) };
    let items = a.measures.iter().take(shown).map(|MeasureView { measure: m, gain }| {
        let title_id = env.id(&format!("measure-{}", m.id));
        let onclick = {
            let on_apply = props.on_apply.clone();
            let changes = m.changes.clone();
            Callback::from(move |_: MouseEvent| on_apply.emit(changes.clone()))
        };
        html! {
            <li key={m.id.to_string()} class="mc-measure">
                <h4 class="mc-item-title">
                    <span id={title_id.clone()}>{ &m.title }</span>
                    <span class="mc-points mc-gain">{ format!("−{gain}") }</span>
                </h4>
                <p>{ &m.text }</p>
                if let Some(reach) = &m.reach {
                    <p class="mc-note mc-reach">{ reach }</p>
                }
                <p class="mc-after">
                    <span class="mc-nowrap"><span class="mc-key">{ env.t("score_after") }{ ": " }</span><strong>{ m.score }</strong></span>
                    { " " }
                    <button type="button" class="mc-button mc-button-small" onclick={onclick} aria-describedby={title_id}>
                        { env.t("apply") }
                    </button>
                </p>
                if !m.law.is_empty() || !m.sources.is_empty() {
                    <details class="mc-more">
                        <summary>{ env.t("law") }{ " · " }{ env.t("sources") }</summary>
                        if !m.law.is_empty() {
                            <p class="mc-law">{ &m.law }</p>
                        }
                        <ul class="mc-sources-list">{ for m.sources.iter().map(source_item) }</ul>
                    </details>
                }
            </li>
        }
    });
    html! {
        <section class="mc-block mc-measures" aria-labelledby={heading.clone()}>
            <h3 id={heading}>{ env.t("measures") }</h3>
            if a.measures.is_empty() {
                <p>{ env.t("no_measures") }</p>
            } else {
                <ol class="mc-list" id={list_id.clone()}>{ for items }</ol>
            }
            if a.measures.len() > FIRST {
                { show_all_button(&env, &show_all, list_id, a.measures.len(), ("show_all_measures", "show_fewer_measures")) }
            }
        </section>
    }
}
