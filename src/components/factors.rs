//! Why this score: the factors, largest first, each with its points, law and sources, and
//! how the score is computed.
use std::rc::Rc;

use engine::view::FactorView;
use yew::prelude::*;

use super::shared::{source_item, use_env};

#[derive(Properties, PartialEq)]
pub struct FactorsProps {
    /// The view's factors (compared by value: an answer that changes none of them does not
    /// re-render the list).
    pub factors: Rc<Vec<FactorView>>,
    /// How the score is computed.
    pub formula: AttrValue,
    /// What to say when there is no factor (`View::no_factors`).
    pub none: AttrValue,
    /// The band scale (`View::bands`).
    pub bands: AttrValue,
}

#[component]
pub fn Factors(props: &FactorsProps) -> Html {
    let env = use_env();
    let a = &props;
    let heading = env.id("factors-title");
    let items = a.factors.iter().map(|FactorView { factor: f, points, .. }| {
        html! {
            <li key={f.id.clone()} class="mc-factor">
                <h4 class="mc-item-title">
                    <span>{ &f.title }</span>
                    <span class="mc-points">{ format!("+{points}") }</span>
                </h4>
                <p>{ &f.text }</p>
                <p class="mc-law"><span class="mc-key">{ env.t("law") }{ ": " }</span>{ &f.law }</p>
                if !f.sources.is_empty() {
                    <details class="mc-more">
                        <summary>{ format!("{} ({})", env.t("sources"), f.sources.len()) }</summary>
                        <ul class="mc-sources-list">{ for f.sources.iter().map(source_item) }</ul>
                    </details>
                }
            </li>
        }
    });
    html! {
        <section class="mc-block mc-factors" aria-labelledby={heading.clone()}>
            <h3 id={heading}>{ env.t("factors") }</h3>
            if a.factors.is_empty() {
                <p>{ &a.none }</p>
            } else {
                <ol class="mc-list">{ for items }</ol>
            }
            <details class="mc-formula">
                <summary>{ env.t("formula") }</summary>
                <p>{ &a.formula }</p>
                <p>{ env.t("bands") }{ ": " }{ &a.bands }</p>
            </details>
        </section>
    }
}
