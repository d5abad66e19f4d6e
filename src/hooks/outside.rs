//! What leaves the root component: the opt-in memory, the remote control, the embedder's
//! `onChange`.
use std::rc::Rc;

use engine::{AnswerError, Answers, Assessment, Lang};
use yew::prelude::*;

use crate::browser;
use crate::env::Cat;
use crate::remote::{Changed, Remote};
use crate::state::State;

/// The opt-in memory: written only while the visitor has it on (`on`), on every change.
#[hook]
pub fn use_memory(cat: &Cat, answers: &Answers, on: bool) {
    let cat = cat.clone();
    use_effect_with((answers.clone(), on), move |(answers, on)| {
        if *on {
            browser::remember(&engine::fragment::encode(answers, &cat));
        }
    });
}

/// Connects `remote` (driven by the bindings) to the state: its actions are dispatched, and
/// its re-render requests force one.
#[hook]
pub fn use_remote(remote: &Remote, state: &UseReducerHandle<State>) {
    let force = use_force_update();
    let dispatcher = state.dispatcher();
    use_effect_with(remote.clone(), move |remote| {
        remote.connect(Callback::from(move |a| dispatcher.dispatch(a)), Callback::from(move |_| force.force_update()));
        let remote = remote.clone();
        move || remote.disconnect()
    });
}

/// Tells `remote` (the bindings' `answers()` and `assessment()`) and `on_change` of every
/// change of answers, language, catalog or sharing.
#[hook]
pub fn use_notify(
    remote: &Remote,
    on_change: Option<Callback<Changed>>,
    result: Rc<Result<Rc<Assessment>, AnswerError>>,
    state: &State,
    lang: Lang,
    cat: &Cat,
) {
    let remote = remote.clone();
    use_effect_with((state.answers.clone(), lang, cat.clone(), state.sharing, state.cleared), move |deps| {
        let (answers, lang, _, sharing, cleared) = deps;
        if let Ok(a) = &*result {
            let changed = Changed {
                answers: answers.clone(),
                lang: *lang,
                assessment: a.clone(),
                sharing: *sharing,
                cleared: *cleared,
            };
            remote.store(changed.clone());
            if let Some(cb) = on_change {
                cb.emit(changed);
            }
        }
    });
}
