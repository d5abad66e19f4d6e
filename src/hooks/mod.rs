//! The root component's hooks, one job each, as in Yew's own examples: `App` calls them and
//! wires what they return into the components.
//!
//! - `stage`: how much of the page is built, one stage per frame (`use_stage`).
//! - `explain`: the explanations and the printed report, which follow the score one frame
//!   later (`use_explained`, `use_report`).
//! - `view`: the engine asked once per change: the assessment, its summary, the views the
//!   lists and the printed report render (`use_assessment`, `use_summary`, `use_parts`,
//!   `use_report_view`).
//! - `outside`: what leaves the component: the opt-in memory, the remote control, the
//!   embedder's `onChange` (`use_memory`, `use_remote`, `use_notify`).
//! - this file: callbacks that dispatch actions (`use_action`) and where the focus goes after
//!   one (`use_refocus`).
use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::state::{Action, State};

mod explain;
mod outside;
mod stage;
mod view;

pub use explain::{use_explained, use_report};
pub use outside::{use_memory, use_notify, use_remote};
pub use stage::{use_stage, Stage};
pub use view::{use_assessment, use_parts, use_report_view, use_summary};

/// A callback that turns what a component reports into an action for the state: the same
/// callback on every render, so a child whose other props are unchanged is not re-rendered
/// (todomvc's `make_callback`, as a hook). `refocus`: the clicked control may be gone after
/// the change; focus moves on (`use_refocus`).
#[hook]
pub fn use_action<E: 'static>(
    state: &UseReducerHandle<State>,
    refocus: Option<Rc<RefCell<bool>>>,
    to_action: fn(E) -> Action,
) -> Callback<E> {
    let dispatcher = state.dispatcher();
    use_callback((), move |e: E, _| {
        if let Some(r) = &refocus {
            *r.borrow_mut() = true;
        }
        dispatcher.dispatch(to_action(e))
    })
}

/// Where the focus goes after a what-if, a measure or undo, whose button may be gone: to the
/// undo button, or to the result's heading when there is nothing left to undo.
pub struct Refocus {
    pub undo: NodeRef,
    pub results: NodeRef,
    /// Set by an action's callback; the next render moves the focus and clears it.
    pub pending: Rc<RefCell<bool>>,
}

#[hook]
pub fn use_refocus() -> Refocus {
    let undo = use_node_ref();
    let results = use_node_ref();
    let pending = use_mut_ref(|| false);
    {
        let (undo, results, pending) = (undo.clone(), results.clone(), pending.clone());
        use_effect(move || {
            if std::mem::take(&mut *pending.borrow_mut()) {
                let target = undo.cast::<web_sys::HtmlElement>().or_else(|| results.cast::<web_sys::HtmlElement>());
                if let Some(el) = target {
                    let _ = el.focus();
                }
            }
        });
    }
    Refocus { undo, results, pending }
}
