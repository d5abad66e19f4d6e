//! The engine asked, once per change: the assessment of the answers (`use_assessment`), the
//! score panel's sentences with it (`use_summary`), and the views the lists and the printed
//! report render (`use_parts`, `use_report_view`), each made only when what it is of changes.
use std::rc::Rc;

use engine::view::{AlternativeView, DocumentsView, FactorView, MeasureView, Summary, View};
use engine::{assess, AnswerError, Answers, Assessment, Lang, WhatIf};
use yew::prelude::*;

use super::explain::Explained;
use crate::env::Cat;

/// An assessment compared by identity (for `use_memo`: the same explanation, not an equal one).
#[derive(Clone)]
struct Same(Rc<Assessment>);

impl PartialEq for Same {
    fn eq(&self, other: &Same) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The assessment of the answers in the language, or why there is none (an id the catalog
/// does not know, which answers the widget made itself never have).
pub type Assessed = Rc<Result<Rc<Assessment>, AnswerError>>;

#[hook]
pub fn use_assessment(answers: &Answers, lang: Lang, cat: &Cat) -> Assessed {
    use_memo((answers.clone(), lang, cat.clone()), |(answers, lang, cat)| assess(answers, cat, *lang).map(Rc::new))
}

/// The score panel's sentences, made with the score.
#[hook]
pub fn use_summary(result: &Assessed, cat: &Cat) -> Rc<Option<Rc<Summary>>> {
    let cat = cat.clone();
    use_memo(result.as_ref().as_ref().ok().map(|a| Same(a.clone())), move |a| {
        a.as_ref().map(|Same(a)| Rc::new(Summary::of(a, &cat)))
    })
}

/// What the lists render, made once per explanation from its `View`: each in its own `Rc`,
/// so the score's own render (on every answer) compares them without cloning every list.
pub struct Parts {
    pub what_if: Rc<Vec<WhatIf>>,
    pub factors: Rc<Vec<FactorView>>,
    pub formula: AttrValue,
    pub none: AttrValue,
    pub bands: AttrValue,
    pub measures: Rc<Vec<MeasureView>>,
    pub alternatives: Rc<Vec<AlternativeView>>,
    pub properties: Rc<Vec<String>>,
    pub documents: Rc<DocumentsView>,
}

#[hook]
pub fn use_parts(explained: &Explained, cat: &Cat) -> Rc<Option<Parts>> {
    let cat = cat.clone();
    use_memo(explained.as_ref().map(|(e, answers)| (Same(e.clone()), answers.clone())), move |e| {
        e.as_ref().map(|(Same(e), answers)| {
            let v = View::of(e, answers, &cat);
            Parts {
                what_if: Rc::new(e.what_if.clone()),
                factors: Rc::new(v.factors),
                formula: AttrValue::from(e.formula.clone()),
                none: AttrValue::from(v.no_factors),
                bands: AttrValue::from(v.bands),
                measures: Rc::new(v.measures),
                alternatives: Rc::new(v.alternatives),
                properties: Rc::new(v.properties),
                documents: Rc::new(v.documents),
            }
        })
    })
}

/// The printed report's assessment and view, made when the report is (last, `use_report`).
#[hook]
pub fn use_report_view(report: &Explained, cat: &Cat) -> Rc<Option<(Rc<Assessment>, Rc<View>)>> {
    let cat = cat.clone();
    use_memo(report.as_ref().map(|(a, answers)| (Same(a.clone()), answers.clone())), move |r| {
        r.as_ref().map(|(Same(a), answers)| (a.clone(), Rc::new(View::of(a, answers, &cat))))
    })
}
