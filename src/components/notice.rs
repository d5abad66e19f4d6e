//! The notice about a share link that held something unusable: what was dropped and why.
//! Items are the link's own text, shortened by the engine, and rendered as text only (yew
//! escapes text nodes), never as markup.
use std::rc::Rc;

use yew::prelude::*;

use super::shared::use_env;
use crate::i18n::tf;
use crate::state::LinkNotice;

#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    pub notice: Rc<LinkNotice>,
    pub on_dismiss: Callback<()>,
}

#[component]
pub fn Notice(props: &NoticeProps) -> Html {
    let env = use_env();
    let n = &props.notice;
    let more = n.count.saturating_sub(n.items.len());
    let onclick = {
        let cb = props.on_dismiss.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    html! {
        <div class="mc-notice" role="status">
            <p class="mc-notice-text">{ env.t("link.notice") }</p>
            if !n.items.is_empty() {
                <ul class="mc-notice-items">
                    { for n.items.iter().map(|d| html! {
                        <li><code class="mc-notice-item">{ &d.item }</code>{ " – " }{ env.t(d.reason.ui_key()) }</li>
                    }) }
                </ul>
            }
            if more > 0 {
                <p>{ tf(&env.cat, "link.more", env.lang, &[("count", more.to_string())]) }</p>
            }
            <button type="button" class="mc-button mc-button-small mc-button-quiet" onclick={onclick}>{ env.t("close") }</button>
        </div>
    }
}
