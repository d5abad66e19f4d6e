//! The root component: holds the state, asks the engine for the assessment and lays out the
//! questions and the result.
//!
//! Architecture Invariant: every number shown comes from `engine::assess`; components only
//! render the `Assessment` and turn clicks into `Action`s.
//!
//! API Boundary: `App` and its props are what `bindings` mounts (the demo page, `mount()`) and
//! what the browser tests render. It knows nothing of JavaScript beyond DOM events.
use std::cell::RefCell;
use std::ops::Deref;
use std::rc::Rc;

use engine::{assess, Answer, Answers, Assessment, Catalog, Lang};
use yew::prelude::*;

use crate::components::{
    Alternatives, Factors, Keep, LangSwitch, Measures, Notice, PrintReport, QuestionField, ResultPanel, WhatIfList,
};
use crate::i18n::{date, t};
use crate::state::{Action, LinkNotice, State};

/// The catalog the widget uses: the embedded one, or a copy with an embedder's overrides.
#[derive(Clone, Default)]
pub struct Cat(Option<Rc<Catalog>>);

impl Cat {
    pub fn custom(catalog: Catalog) -> Cat {
        Cat(Some(Rc::new(catalog)))
    }
}

impl Deref for Cat {
    type Target = Catalog;
    fn deref(&self) -> &Catalog {
        match &self.0 {
            Some(c) => c,
            None => Catalog::embedded(),
        }
    }
}

impl PartialEq for Cat {
    fn eq(&self, other: &Cat) -> bool {
        match (&self.0, &other.0) {
            (None, None) => true,
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// What every component needs: the catalog, the language and the prefix that keeps element
/// ids unique when several widgets share a page.
#[derive(Clone, PartialEq)]
pub struct Env {
    pub cat: Cat,
    pub lang: Lang,
    pub prefix: AttrValue,
}

impl Env {
    /// An interface text in the current language.
    pub fn t(&self, key: &str) -> String {
        t(&self.cat, key, self.lang)
    }

    /// A unique element id.
    pub fn id(&self, name: &str) -> String {
        format!("{}-{}", self.prefix, name)
    }

    /// The id of the score `<output>`: `score` for the first widget on a page.
    pub fn score_id(&self) -> String {
        if self.prefix == "mc" {
            "score".to_string()
        } else {
            self.id("score")
        }
    }
}

/// The widget after a change, for whoever mounted it.
#[derive(Clone, Debug, PartialEq)]
pub struct Changed {
    pub answers: Answers,
    pub lang: Lang,
    pub assessment: Rc<Assessment>,
}

#[derive(Default)]
struct RemoteInner {
    dispatch: Option<Callback<Action>>,
    /// Actions sent before the app rendered for the first time.
    pending: Vec<Action>,
    latest: Option<Changed>,
}

/// A way to drive a mounted widget from outside (the JS handle): send actions, read the
/// latest answers and assessment.
#[derive(Clone, Default)]
pub struct Remote(Rc<RefCell<RemoteInner>>);

impl PartialEq for Remote {
    fn eq(&self, other: &Remote) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Remote {
    /// Sends an action to the widget (queued until it has rendered once).
    pub fn send(&self, action: Action) {
        let dispatch = self.0.borrow().dispatch.clone();
        match dispatch {
            Some(d) => d.emit(action),
            None => self.0.borrow_mut().pending.push(action),
        }
    }

    /// The answers, language and assessment after the last render, if it has rendered.
    pub fn latest(&self) -> Option<Changed> {
        self.0.borrow().latest.clone()
    }

    fn connect(&self, dispatch: Callback<Action>) {
        let pending = {
            let mut inner = self.0.borrow_mut();
            inner.dispatch = Some(dispatch.clone());
            std::mem::take(&mut inner.pending)
        };
        for a in pending {
            dispatch.emit(a);
        }
    }

    fn disconnect(&self) {
        self.0.borrow_mut().dispatch = None;
    }

    fn store(&self, changed: Changed) {
        self.0.borrow_mut().latest = Some(changed);
    }
}

/// Runs `f` after the browser has painted the next frame (at once outside a browser).
pub(crate) fn after_paint(f: impl FnOnce() + 'static) {
    use wasm_bindgen::{closure::Closure, JsCast};
    let Some(window) = web_sys::window() else {
        f();
        return;
    };
    let in_task = Closure::once_into_js(f);
    let after_frame = Closure::once_into_js(move || {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(in_task.unchecked_ref(), 0);
        }
    });
    let _ = window.request_animation_frame(after_frame.unchecked_ref());
}

impl Reducible for State {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(State::reduce(&self, action))
    }
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    #[prop_or_default]
    pub catalog: Cat,
    /// The language to start in.
    #[prop_or_default]
    pub lang: Lang,
    /// The answers to start with (prefilled, or from a share link).
    #[prop_or_default]
    pub answers: Answers,
    /// What a share link held that was not used.
    #[prop_or_default]
    pub notice: Option<Rc<LinkNotice>>,
    #[prop_or_default]
    pub remote: Remote,
    /// Called after the first render and after every change of answers or language.
    #[prop_or_default]
    pub on_change: Option<Callback<Changed>>,
    /// The whole page (the title is the page's `<h1>`) rather than a part of someone's page.
    #[prop_or_default]
    pub standalone: bool,
    /// Prefix of element ids; `mc` for the first widget on a page.
    #[prop_or(AttrValue::Static("mc"))]
    pub prefix: AttrValue,
    /// Offer "remember my answers on this device" (the demo page does; `mount()` only with
    /// `remember: true`).
    #[prop_or_default]
    pub resume: bool,
    /// Start with remembering on (the answers came from this device's memory).
    #[prop_or_default]
    pub remembered: bool,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer_eq(|| State::new(props.lang, props.answers.clone(), props.notice.clone()));
    // Questions that do not apply yet are built (hidden) only after the first paint, so the
    // first questions show sooner; from then on showing one is an attribute change.
    let built = use_state_eq(|| false);
    {
        let built = built.setter();
        use_effect_with((), move |_| after_paint(move || built.set(true)));
    }
    let cat = props.catalog.clone();
    let lang = state.lang;
    // The opt-in memory: written only while the visitor has it on, on every change.
    let remember = use_state_eq(|| props.resume && props.remembered);
    {
        let cat = cat.clone();
        use_effect_with((state.answers.clone(), *remember), move |(answers, on)| {
            if *on {
                crate::browser::remember(&engine::fragment::encode(answers, &cat));
            }
        });
    }
    let on_remember = {
        let remember = remember.setter();
        use_callback((), move |on: bool, _| {
            if !on {
                crate::browser::forget();
            }
            remember.set(on);
        })
    };
    let result = use_memo((state.answers.clone(), lang, cat.clone()), |(answers, lang, cat)| {
        assess(answers, cat, *lang).map(Rc::new)
    });

    {
        let dispatcher = state.dispatcher();
        use_effect_with(props.remote.clone(), move |remote| {
            remote.connect(Callback::from(move |a| dispatcher.dispatch(a)));
            let remote = remote.clone();
            move || remote.disconnect()
        });
    }
    {
        let remote = props.remote.clone();
        let on_change = props.on_change.clone();
        let result = result.clone();
        use_effect_with((state.answers.clone(), lang, cat.clone()), move |(answers, lang, _)| {
            if let Ok(a) = &*result {
                let changed = Changed { answers: answers.clone(), lang: *lang, assessment: a.clone() };
                remote.store(changed.clone());
                if let Some(cb) = on_change {
                    cb.emit(changed);
                }
            }
        });
    }

    let dispatch = {
        let dispatcher = state.dispatcher();
        use_callback((), move |a: Action, _| dispatcher.dispatch(a))
    };
    let on_answer = {
        let dispatch = dispatch.clone();
        use_callback((), move |(question, answer): (String, Option<Answer>), _| {
            dispatch.emit(Action::Set { question, answer })
        })
    };
    // After a what-if, a measure or undo, the clicked button may be gone: focus goes to the
    // undo button, or to the result's heading when there is nothing left to undo.
    let undo_ref = use_node_ref();
    let results_ref = use_node_ref();
    let refocus = use_mut_ref(|| false);
    {
        let (undo_ref, results_ref, refocus) = (undo_ref.clone(), results_ref.clone(), refocus.clone());
        use_effect(move || {
            if std::mem::take(&mut *refocus.borrow_mut()) {
                let target =
                    undo_ref.cast::<web_sys::HtmlElement>().or_else(|| results_ref.cast::<web_sys::HtmlElement>());
                if let Some(el) = target {
                    let _ = el.focus();
                }
            }
        });
    }
    let on_merge = {
        let (dispatch, refocus) = (dispatch.clone(), refocus.clone());
        use_callback((), move |changes: Answers, _| {
            *refocus.borrow_mut() = true;
            dispatch.emit(Action::Merge(changes))
        })
    };
    let on_undo = {
        let (dispatch, refocus) = (dispatch.clone(), refocus.clone());
        use_callback((), move |_: (), _| {
            *refocus.borrow_mut() = true;
            dispatch.emit(Action::Undo)
        })
    };
    let on_lang = {
        let dispatch = dispatch.clone();
        use_callback((), move |l: Lang, _| dispatch.emit(Action::SetLang(l)))
    };
    let on_dismiss = {
        let dispatch = dispatch.clone();
        use_callback((), move |_: (), _| dispatch.emit(Action::DismissNotice))
    };
    let on_reset = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::Reset))
    };
    let on_submit = Callback::from(|e: SubmitEvent| e.prevent_default());

    let env = Env { cat: cat.clone(), lang, prefix: props.prefix.clone() };
    let title = env.t("title");
    let applicable: &[String] = match &*result {
        Ok(a) => &a.applicable,
        Err(_) => &[],
    };

    // Every section and question is always rendered (those that do not apply are hidden), so
    // a question that comes to apply is shown, not built, and no node moves: moving the
    // focused input would drop keyboard focus.
    let sections = cat.sections.iter().map(|s| {
        let questions: Vec<(&str, bool)> = cat
            .questions
            .iter()
            .filter(|q| q.section == s.id)
            .map(|q| (q.id.as_str(), applicable.contains(&q.id)))
            .collect();
        let empty = !questions.iter().any(|(_, applies)| *applies);
        let heading = env.id(&format!("section-{}", s.id));
        html! {
            <section key={s.id.clone()} class="mc-section" aria-labelledby={heading.clone()} hidden={empty}>
                <h2 id={heading} class="mc-section-title">{ s.title.get(lang) }</h2>
                { for questions.into_iter().map(|(qid, applies)| html! {
                    <QuestionField key={qid} question={AttrValue::from(qid.to_string())} applies={applies} built={*built}
                        answer={state.answers.get(qid).cloned()} on_answer={on_answer.clone()} />
                }) }
            </section>
        }
    });

    let results_title = env.id("results-title");
    let results = match &*result {
        Ok(a) => html! {
            <>
                <ResultPanel assessment={a.clone()} />
                <WhatIfList assessment={a.clone()} can_undo={state.can_undo()} on_apply={on_merge.clone()} on_undo={on_undo}
                    undo_ref={undo_ref} />
                <Factors assessment={a.clone()} />
                <Measures assessment={a.clone()} on_apply={on_merge} />
                <Alternatives assessment={a.clone()} />
                <Keep answers={state.answers.clone()} remember={props.resume.then_some(*remember)} on_remember={on_remember} />
                <crate::components::Templates answers={state.answers.clone()} remember={props.resume.then_some(*remember)} />
                <crate::components::CallToAction />
            </>
        },
        // Cannot happen with answers the widget produced itself; say so rather than go blank.
        Err(e) => html! { <p class="mc-error" role="alert">{ e.to_string() }</p> },
    };

    html! {
        <ContextProvider<Env> context={env.clone()}>
            <div class="mc" lang={lang.code()}>
                <header class="mc-head">
                    if props.standalone {
                        <h1 class="mc-title">{ title }</h1>
                    } else {
                        <h2 class="mc-title">{ title }</h2>
                    }
                    <p class="mc-intro">{ env.t("intro") }</p>
                    <LangSwitch lang={lang} on_select={on_lang} />
                </header>
                if let Some(n) = &state.notice {
                    <Notice notice={n.clone()} on_dismiss={on_dismiss} />
                }
                <div class="mc-layout">
                    <form class="mc-questions" aria-label={env.t("questions")} onsubmit={on_submit} novalidate=true>
                        { for sections }
                        if let Ok(a) = &*result {
                            <p class="mc-mini">
                                <a href={format!("#{}", env.id("results-title"))}>
                                    { env.t("score") }{ ": " }<strong>{ a.score }</strong>{ " " }{ env.t("out_of") }
                                    { " · " }{ engine::wording::band_line(a, &cat) }
                                    <span class="mc-mini-more">{ " · " }{ env.t("to_results") }</span>
                                </a>
                            </p>
                        }
                        <p class="mc-reset-line">
                            <button type="button" class="mc-button mc-button-quiet" onclick={on_reset}
                                disabled={state.answers.is_empty()}>{ env.t("reset") }</button>
                        </p>
                    </form>
                    <section class="mc-results" aria-labelledby={results_title.clone()}>
                        <h2 id={results_title} class="mc-results-title" tabindex="-1" ref={results_ref}>{ env.t("results") }</h2>
                        { results }
                    </section>
                </div>
                <footer class="mc-foot">
                    <p class="mc-disclaimer">{ cat.meta.disclaimer.get(lang) }</p>
                    if cat.stale_on(&crate::browser::today()) {
                        <p class="mc-note mc-stale" role="note">
                            { crate::i18n::tf(&cat, "stale", lang, &[("date", date(cat.as_of(), lang))]) }
                        </p>
                    }
                    <p class="mc-asof">
                        { format!("{}: {} · {} {}", env.t("as_of"), date(cat.as_of(), lang), env.t("report.catalog"), cat.version()) }
                    </p>
                </footer>
                if let Ok(a) = &*result {
                    <PrintReport assessment={a.clone()} answers={state.answers.clone()} />
                }
            </div>
        </ContextProvider<Env>>
    }
}
