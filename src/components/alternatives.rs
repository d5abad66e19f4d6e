//! Alternatives that fit: the engine's ranking as cards a visitor can scan side by side — fit,
//! the score they would have with it, why it fits or not (marked + and −, not only by colour),
//! what it costs them, and the key properties in the same order on every card.
use std::rc::Rc;

use engine::catalog::PropValue;
use engine::view::AlternativeView;
use yew::prelude::*;

use super::shared::{show_all_button, source_item, use_env};

/// Cards shown before "show all".
const FIRST: usize = 4;

#[derive(Properties, PartialEq)]
pub struct AlternativesProps {
    /// The view's alternatives: compared by value, so an answer that changes none of them
    /// does not re-render the cards.
    pub alternatives: Rc<Vec<AlternativeView>>,
    /// The key facts' labels, in the order of each alternative's `facts` (`View::properties`).
    pub properties: Rc<Vec<String>>,
}

fn value_class(v: PropValue) -> &'static str {
    match v {
        PropValue::Yes => "is-yes",
        PropValue::No => "is-no",
        PropValue::Partial | PropValue::Optional => "is-partial",
        PropValue::Unknown => "is-unknown",
    }
}

fn value_mark(v: PropValue) -> &'static str {
    match v {
        PropValue::Yes => "✓",
        PropValue::No => "✗",
        PropValue::Partial | PropValue::Optional => "◐",
        PropValue::Unknown => "?",
    }
}

#[component]
pub fn Alternatives(props: &AlternativesProps) -> Html {
    let env = use_env();
    let show_all = use_state(|| false);
    let a = &props;
    if a.alternatives.is_empty() {
        return html! {};
    }
    let heading = env.id("alternatives-title");
    let list_id = env.id("alternatives-list");
    let shown = if *show_all { a.alternatives.len() } else { FIRST.min(a.alternatives.len()) };
    let table_title = env.id("compare-title");
    let shown_alts: Vec<&AlternativeView> = a
        .alternatives
        .iter()
        .enumerate()
        .filter(|(i, v)| *i < shown || v.alternative.current)
        .map(|(_, v)| v)
        .collect();
    let cards = shown_alts.iter().map(|view| {
        let alt = &view.alternative;
        let name_id = env.id(&format!("alt-{}", alt.id));
        html! {
            <li key={alt.id.clone()} class={classes!("mc-alt", alt.current.then_some("is-current"))} aria-labelledby={name_id.clone()}>
                <h4 class="mc-alt-name" id={name_id}>
                    { &alt.name }
                    if alt.current {
                        <span class="mc-tag">{ env.t("current") }</span>
                    }
                </h4>
                <dl class="mc-alt-figures">
                    <div><dt>{ env.t("fit") }</dt><dd><strong>{ alt.fit }</strong>{ " / 100" }</dd></div>
                    <div>
                        <dt>{ env.t("your_score_with") }</dt>
                        <dd>
                            if let Some(s) = alt.score_if_used {
                                <strong>{ s }</strong>{ " / 100" }
                            } else {
                                { env.t("unknown") }
                            }
                        </dd>
                    </div>
                </dl>
                <p class="mc-alt-summary">{ &alt.summary }</p>
                if !alt.reasons.is_empty() {
                    <ul class="mc-reasons" aria-label={env.t("reasons")}>
                        { for alt.reasons.iter().map(|r| html! {
                            <li class={if r.positive { "is-pro" } else { "is-con" }}>
                                <span class="mc-mark" aria-hidden="true">{ if r.positive { "+" } else { "−" } }</span>
                                <span class="mc-visually-hidden">{ if r.positive { env.t("pro") } else { env.t("con") } }{ ": " }</span>
                                { &r.text }
                            </li>
                        }) }
                    </ul>
                }
                <p class="mc-cost"><span class="mc-key">{ env.t("cost") }{ ": " }</span>{ &alt.cost }</p>
                if !view.sources.is_empty() || !view.notes.is_empty() {
                    <details class="mc-more">
                        <summary>{ env.t("details_sources") }</summary>
                        if !view.notes.is_empty() {
                            <ul class="mc-notes">
                                { for view.notes.iter().map(|(label, note)| html! {
                                    <li><span class="mc-key">{ label }{ ": " }</span>{ note }</li>
                                }) }
                            </ul>
                        }
                        <ul class="mc-sources-list">{ for view.sources.iter().map(source_item) }</ul>
                    </details>
                }
            </li>
        }
    });
    html! {
        <section class="mc-block mc-alternatives" aria-labelledby={heading.clone()}>
            <h3 id={heading}>{ env.t("alternatives") }</h3>
            <ul class="mc-alt-list" id={list_id.clone()}>{ for cards }</ul>
            <div class="mc-table-scroll" role="region" aria-labelledby={table_title.clone()} tabindex="0">
                <table class="mc-compare">
                    <caption id={table_title}>{ env.t("compare") }</caption>
                    <thead>
                        <tr>
                            <td></td>
                            { for shown_alts.iter().map(|v| html! { <th scope="col" key={v.alternative.id.clone()}>{ &v.alternative.name }</th> }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for a.properties.iter().enumerate().map(|(i, label)| html! {
                            <tr key={i}>
                                <th scope="row">{ label }</th>
                                { for shown_alts.iter().filter_map(|v| v.facts.get(i).map(|f| (v, f))).map(|(v, f)| html! {
                                    <td key={v.alternative.id.clone()} class={value_class(f.value)}>
                                        <span class="mc-mark" aria-hidden="true">{ value_mark(f.value) }</span>
                                        { " " }{ &f.text }
                                    </td>
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            if a.alternatives.len() > FIRST {
                { show_all_button(&env, &show_all, list_id, a.alternatives.len(), ("show_all", "show_fewer")) }
            }
        </section>
    }
}
