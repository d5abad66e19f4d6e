//! The embedder's call to action (the `catalog.call_to_action` override of `mount()`, e.g.
//! "Beratung anfragen" with the consultancy's link), below the alternatives. Without one,
//! nothing. A plain link: it carries none of the visitor's answers.
use yew::prelude::*;

use super::shared::use_env;

#[component]
pub fn CallToAction() -> Html {
    let env = use_env();
    let Some(cta) = env.cat.call_to_action() else {
        return html! {};
    };
    html! {
        <p class="mc-cta">
            <a class="mc-button mc-cta-link" href={cta.url.clone()}>{ cta.label.get(env.lang) }</a>
        </p>
    }
}
