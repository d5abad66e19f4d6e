//! The language switch: one button per language, each named in its own language, the current
//! one marked with `aria-pressed`. Switching re-renders everything from the catalog.
use engine::Lang;
use yew::prelude::*;

use super::shared::use_env;

#[derive(Properties, PartialEq)]
pub struct LangSwitchProps {
    pub lang: Lang,
    pub on_select: Callback<Lang>,
}

#[component]
pub fn LangSwitch(props: &LangSwitchProps) -> Html {
    let env = use_env();
    let buttons = Lang::ALL.into_iter().map(|l| {
        let onclick = {
            let cb = props.on_select.clone();
            Callback::from(move |_: MouseEvent| cb.emit(l))
        };
        html! {
            <button key={l.code()} type="button" class="mc-lang-button" lang={l.code()}
                aria-pressed={(l == props.lang).to_string()} data-lang={l.code()} onclick={onclick}>
                { l.native_name() }
            </button>
        }
    });
    html! {
        <div class="mc-lang" role="group" aria-label={env.t("language")}>{ for buttons }</div>
    }
}
