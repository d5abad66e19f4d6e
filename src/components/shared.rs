//! What the components share: the `Env` hook, a source as a link, the "show all" button.
use yew::prelude::*;

use crate::env::Env;

/// The `Env` the `App` provides. Every component asks for it first thing, which also tells the
/// panic hook whose code runs (`bindings::rendering`): a panic replaces only its own widget.
#[hook]
pub fn use_env() -> Env {
    let env = use_context::<Env>().expect("components render inside App");
    crate::running::rendering(&env.prefix);
    env
}

/// A source as a link (when it has an address) or as plain text.
pub(crate) fn source_item(s: &engine::SourceRef) -> Html {
    let label = match &s.date {
        Some(d) => format!("{} ({d})", s.title),
        None => s.title.clone(),
    };
    html! {
        <li key={s.id.to_string()}>
            if let Some(url) = &s.url {
                <a href={url.clone()} rel="noopener noreferrer external">{ label }</a>
            } else {
                { label }
            }
        </li>
    }
}

/// The "show all N / show fewer" button under a shortened list (`list_id`), which toggles
/// `show_all`. `more` and `fewer` are ui.json keys; `more` has a `{count}` placeholder.
pub(crate) fn show_all_button(
    env: &Env,
    show_all: &UseStateHandle<bool>,
    list_id: String,
    total: usize,
    (more, fewer): (&str, &str),
) -> Html {
    let toggle = {
        let show_all = show_all.clone();
        Callback::from(move |_: MouseEvent| show_all.set(!*show_all))
    };
    html! {
        <p>
            <button type="button" class="mc-button mc-button-quiet" aria-expanded={show_all.to_string()}
                aria-controls={list_id} onclick={toggle}>
                if **show_all {
                    { env.t(fewer) }
                } else {
                    { crate::i18n::tf(&env.cat, more, env.lang, &[("count", total.to_string())]) }
                }
            </button>
        </p>
    }
}
