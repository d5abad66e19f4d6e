//! One question: a `<fieldset>` with its `<legend>`, a "why we ask" note linked by
//! `aria-describedby`, and real radio buttons or checkboxes (`name` = question id,
//! `value` = option id). Arrow keys and Space work as the browser provides them.
//!
//! A question that does not apply is rendered `hidden` (out of sight, out of the tab order and
//! of the accessibility tree): when it comes to apply, showing it is one attribute change
//! instead of building its inputs, which keeps the answer-to-score update fast. One `change`
//! listener on the fieldset serves all its inputs.
use engine::Answer;
use yew::prelude::*;

use super::shared::use_env;

#[derive(Properties, PartialEq)]
pub struct QuestionProps {
    pub question: AttrValue,
    /// Whether the question applies now; one that does not renders nothing (its answer is
    /// kept in the state).
    pub applies: bool,
    /// Whether to build the question even when it does not apply (hidden); false only
    /// before the first paint.
    #[prop_or(true)]
    pub built: bool,
    pub answer: Option<Answer>,
    /// (question id, new answer or `None` when taken back)
    pub on_answer: Callback<(String, Option<Answer>)>,
}

#[component]
pub fn QuestionField(props: &QuestionProps) -> Html {
    let env = use_env();
    let Some(q) = env.cat.question(&props.question).filter(|_| props.applies || props.built) else {
        return html! {};
    };
    let lang = env.lang;
    let selected: &[String] = props.answer.as_ref().map(Answer::ids).unwrap_or(&[]);
    let why_id = env.id(&format!("why-{}", q.id));
    let multi_id = env.id(&format!("multi-{}", q.id));
    let described = if q.multi { format!("{why_id} {multi_id}") } else { why_id.clone() };

    let onchange = {
        let on_answer = props.on_answer.clone();
        let qid = q.id.to_string();
        let multi = q.multi;
        let min_choices = usize::from(q.min_choices);
        let all: Vec<String> = q.options.iter().map(|x| x.id.to_string()).collect();
        let current: Vec<String> = selected.to_vec();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
            let oid = input.value();
            if !all.contains(&oid) {
                return;
            }
            if !multi {
                on_answer.emit((qid.clone(), Some(Answer::One(oid))));
                return;
            }
            let on = input.checked();
            // Keep the catalog's option order, so the same choice always reads the same.
            let ids: Vec<String> =
                all.iter().filter(|id| if **id == oid { on } else { current.contains(id) }).cloned().collect();
            let answer = if ids.is_empty() && min_choices > 0 { None } else { Some(Answer::Many(ids)) };
            on_answer.emit((qid.clone(), answer));
        })
    };
    let kind = if q.multi { "checkbox" } else { "radio" };
    html! {
        <fieldset class={classes!("mc-question", props.answer.is_some().then_some("is-answered"))}
            id={env.id(&format!("q-{}", q.id))} aria-describedby={described} hidden={!props.applies} {onchange}>
            <legend class="mc-legend">{ q.title.get(lang) }</legend>
            <p class="mc-why" id={why_id}>
                <span class="mc-why-label">{ env.t("why_ask") }{ ": " }</span>{ q.why.get(lang) }
            </p>
            if q.multi {
                <p class="mc-multi" id={multi_id}>{ env.t("choose_many") }</p>
            }
            <Options question={props.question.clone()} kind={kind} answer={props.answer.clone()} />
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
struct OptionsProps {
    question: AttrValue,
    kind: &'static str,
    answer: Option<Answer>,
}

/// The inputs of a question: a component of their own, so that a question coming to apply
/// (or ceasing to) changes one attribute and does not rebuild its options.
#[component]
fn Options(props: &OptionsProps) -> Html {
    let env = use_env();
    let Some(q) = env.cat.question(&props.question) else { return html! {} };
    let lang = env.lang;
    let selected: &[String] = props.answer.as_ref().map(Answer::ids).unwrap_or(&[]);
    let options = q.options.iter().map(|o| {
        html! {
            <label key={o.id.to_string()} class="mc-option">
                <input type={props.kind} name={q.id.to_string()} value={o.id.to_string()}
                    id={env.id(&format!("{}-{}", q.id, o.id))} checked={selected.iter().any(|s| *s == o.id.as_ref())} />
                <span class="mc-option-text">
                    <span class="mc-option-label">{ o.label.get(lang) }</span>
                    if let Some(h) = &o.hint {
                        <span class="mc-option-hint">{ h.get(lang) }</span>
                    }
                </span>
            </label>
        }
    });
    html! { <div class="mc-options">{ for options }</div> }
}
