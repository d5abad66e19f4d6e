//! What follows the score one frame later: the explanations and the printed report.
use std::rc::Rc;

use engine::{Answers, Assessment};
use yew::prelude::*;

use super::stage::Stage;
use crate::browser::{self, after_paint};

/// An assessment with the answers it is of.
pub type Explained = Option<(Rc<Assessment>, Answers)>;

/// The assessment the explanations (what-ifs, factors, measures, alternatives) and the
/// templates show: `current` one frame later, so an answer shows its score at once and what it
/// changes in the lists the next frame. A new language shows everywhere at once.
#[hook]
pub fn use_explained(current: Explained) -> UseStateHandle<Explained> {
    let explained = use_state_eq(|| current.clone());
    {
        let explained = explained.clone();
        use_effect_with(current, move |current| {
            let same_lang = matches!((&*explained, current), (Some((e, _)), Some((c, _))) if e.lang == c.lang);
            let (set, current) = (explained.setter(), current.clone());
            if same_lang {
                after_paint(move || set.set(current));
            } else {
                set.set(current);
            }
        });
    }
    explained
}

/// The assessment the printed report shows: built last (`Stage::Complete`), then following
/// `current` one frame later, and at once when the browser is about to print (which also
/// completes the stages).
#[hook]
pub fn use_report(current: Explained, stage: &UseStateHandle<Stage>) -> UseStateHandle<Explained> {
    let report = use_state_eq(|| None::<(Rc<Assessment>, Answers)>);
    let latest = use_mut_ref(|| None);
    latest.replace(current.clone());
    {
        let report = report.clone();
        use_effect_with((current, **stage == Stage::Complete), move |(current, complete)| {
            if *complete {
                let (set, current) = (report.setter(), current.clone());
                if report.is_none() {
                    set.set(current);
                } else {
                    after_paint(move || set.set(current));
                }
            }
        });
    }
    {
        let (set_report, set_stage) = (report.setter(), stage.setter());
        use_effect_with((), move |_| {
            let listener = browser::on_before_print(move || {
                set_stage.set(Stage::Complete);
                set_report.set(latest.borrow().clone());
            });
            move || drop(listener)
        });
    }
    report
}
