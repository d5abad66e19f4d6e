//! How much of the page is built.
use yew::prelude::*;

use crate::browser::after_paint;
use crate::remote::Remote;

/// How much of the page is built. The first render is what the prerendered page shows
/// (src/bin/prerender.rs) and what `start()` adopts from it; each later stage follows one
/// paint after the one before, so that no start-up task is long.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stage {
    /// The header, the questions that apply, the score, what-ifs, factors and measures.
    First,
    /// Also the questions that do not apply yet (hidden): from now on, showing a question is
    /// an attribute change, not a build.
    Questions,
    /// Also the alternatives, keeping the result, the templates and the call to action.
    Results,
    /// Also the printed report (it follows the screen one frame later from now on).
    Complete,
}

impl Stage {
    fn next(self) -> Option<Stage> {
        match self {
            Stage::First => Some(Stage::Questions),
            Stage::Questions => Some(Stage::Results),
            Stage::Results => Some(Stage::Complete),
            Stage::Complete => None,
        }
    }
}

/// The stage, which moves on after each paint; once complete, `remote` hears of it.
#[hook]
pub fn use_stage(remote: &Remote) -> UseStateHandle<Stage> {
    let stage = use_state_eq(|| Stage::First);
    let set = stage.setter();
    let remote = remote.clone();
    use_effect_with(*stage, move |stage| match stage.next() {
        Some(next) => after_paint(move || set.set(next)),
        None => remote.mark_complete(),
    });
    stage
}
