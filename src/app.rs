//! The root component: holds the state, asks the engine for the assessment and lays out the
//! questions and the result.
//!
//! Architecture Invariant: every number shown comes from `engine::assess`, every sentence about
//! it from its `engine::view` (`Summary`, `View`); components only render those and turn clicks
//! into `Action`s.
//!
//! API Boundary: `App` and its props are what `bindings` mounts (the demo page, `mount()`) and
//! what the browser tests render. It knows nothing of JavaScript beyond DOM events.
use std::rc::Rc;

use engine::{Answer, Answers, Lang};
use yew::prelude::*;

use crate::browser;
use crate::components::{
    Alternatives, Factors, Keep, LangSwitch, Measures, Notice, PrintReport, QuestionField, ResultPanel, Templates,
    WhatIfList,
};
use crate::env::{Cat, Env};
use crate::hooks::{
    use_action, use_assessment, use_explained, use_memory, use_notify, use_parts, use_refocus, use_remote, use_report,
    use_report_view, use_stage, use_summary, Refocus, Stage,
};
use crate::i18n::date;
use crate::remote::{Changed, Remote};
use crate::state::{Action, LinkNotice, State};

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
    /// Offer a link with the answers: the address of the page it is made of (without its
    /// fragment). `None`: no share link (a widget whose host did not ask for one).
    #[prop_or_default]
    pub share: Option<AttrValue>,
    /// The address holds a share link the page was opened with (only with `share`): "forget"
    /// is offered, to take it out.
    #[prop_or_default]
    pub linked: bool,
    /// Offer "make this page work offline": whether it does already. `None`: not offered.
    #[prop_or_default]
    pub offline: Option<bool>,
    /// Called when the visitor switches offline use on or off.
    #[prop_or_default]
    pub on_offline: Option<Callback<bool>>,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    // Whose code runs, for the panic hook; and the test suite's panic in a render.
    crate::running::rendering(&props.prefix);
    if crate::running::requested(&props.prefix) {
        panic!("panic requested by the test suite in a render of {}", props.prefix);
    }
    let state = use_reducer_eq(|| State {
        remember: props.resume && props.remembered,
        linked: props.share.is_some() && props.linked,
        ..State::new(props.lang, props.answers.clone(), props.notice.clone())
    });
    // The page is built in stages, one per frame, so that no start-up task is long: first what
    // the prerendered page shows (see `Stage`), then the rest after each paint.
    let stage = use_stage(&props.remote);
    let built = *stage >= Stage::Questions;
    let cat = props.catalog.clone();
    let lang = state.lang;
    // The opt-in memory: written only while the visitor has it on, on every change; switching
    // it off forgets what was stored.
    let remember = props.resume && state.remember;
    use_memory(&cat, &state.answers, remember);
    let result = use_assessment(&state.answers, lang, &cat);
    let summary = use_summary(&result, &cat);
    let current = result.as_ref().as_ref().ok().map(|a| (a.clone(), state.answers.clone()));
    let explained = use_explained(current.clone());
    let report = use_report(current, &stage);
    use_remote(&props.remote, &state);
    use_notify(&props.remote, props.on_change.clone(), result.clone(), &state, lang, &cat);
    let Refocus { undo: undo_ref, results: results_ref, pending: refocus } = use_refocus();
    let on_answer =
        use_action(&state, None, |(question, answer): (String, Option<Answer>)| Action::Set { question, answer });
    let on_merge = use_action(&state, Some(refocus.clone()), Action::Merge);
    let on_undo = use_action(&state, Some(refocus), |_: ()| Action::Undo);
    let on_lang = use_action(&state, None, Action::SetLang);
    let on_dismiss = use_action(&state, None, |_: ()| Action::DismissNotice);
    let on_reset = use_action(&state, None, |_: MouseEvent| Action::Reset);
    let on_remember = use_action(&state, None, |on: bool| {
        if !on {
            browser::forget();
        }
        Action::Remember(on)
    });
    let on_share = use_action(&state, None, |_: ()| Action::Share);
    let on_forget = use_action(&state, None, |_: ()| {
        browser::forget();
        Action::Forget
    });
    // Offline use: the page's own files in the browser's cache (the host page's script installs
    // them, see www/boot.js), switched by the visitor.
    let offline = use_state_eq(|| props.offline.unwrap_or(false));
    let on_offline = {
        let (offline, report) = (offline.clone(), props.on_offline.clone());
        Callback::from(move |on: bool| {
            offline.set(on);
            if let Some(r) = &report {
                r.emit(on);
            }
        })
    };
    // The link with the answers, while the visitor shares them.
    let share_link = match (&props.share, state.sharing) {
        (Some(base), true) => {
            Some(AttrValue::from(format!("{base}#{}", engine::fragment::encode(&state.answers, &cat))))
        }
        _ => None,
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
    let sections = cat.sections().iter().map(|s| {
        let questions: Vec<(&str, bool)> = cat
            .questions()
            .iter()
            .filter(|q| q.section == s.id)
            .map(|q| (q.id.as_ref(), applicable.iter().any(|a| *a == q.id.as_ref())))
            .collect();
        let empty = !questions.iter().any(|(_, applies)| *applies);
        let heading = env.id(&format!("section-{}", s.id));
        html! {
            <section key={s.id.to_string()} class="mc-section" aria-labelledby={heading.clone()} hidden={empty}>
                <h2 id={heading} class="mc-section-title">{ s.title.get(lang) }</h2>
                { for questions.into_iter().map(|(qid, applies)| html! {
                    <QuestionField key={qid} question={AttrValue::from(qid.to_string())} applies={applies} built={built}
                        answer={state.answers.get(qid).cloned()} on_answer={on_answer.clone()} />
                }) }
            </section>
        }
    });

    let results_title = env.id("results-title");
    let parts = use_parts(&explained, &cat);
    let report_view = use_report_view(&report, &cat);
    let results = match (&*result, &*explained, &*parts, &*summary) {
        (Ok(a), Some((_, explained_answers)), Some(e), Some(summary)) => html! {
            <>
                // Each part gets only its own data, compared by value: an answer re-renders
                // only the parts it changes. The score is current; the lists are `explained`.
                <ResultPanel assessment={a.clone()} summary={summary.clone()} />
                <WhatIfList what_if={e.what_if.clone()} can_undo={state.can_undo()} on_apply={on_merge.clone()}
                    on_undo={on_undo} undo_ref={undo_ref} />
                <Factors factors={e.factors.clone()} formula={e.formula.clone()} none={e.none.clone()} bands={e.bands.clone()} />
                <Measures measures={e.measures.clone()} on_apply={on_merge} />
                if *stage >= Stage::Results {
                    <Alternatives alternatives={e.alternatives.clone()} properties={e.properties.clone()} />
                    <Keep remote={props.remote.clone()} remember={props.resume.then_some(remember)} on_remember={on_remember}
                        share={props.share.is_some().then_some(share_link)} linked={state.linked} on_share={on_share} on_forget={on_forget}
                        offline={props.offline.map(|_| *offline)} on_offline={on_offline} />
                    <Templates answers={explained_answers.clone()} documents={e.documents.clone()} remember={props.resume.then_some(remember)} />
                    <crate::components::CallToAction />
                }
            </>
        },
        // Cannot happen with answers the widget produced itself; say so rather than go blank.
        (Err(e), _, _, _) => html! { <p class="mc-error" role="alert">{ e.to_string() }</p> },
        // The first valid answers after an error: explained from the next render on.
        (Ok(_), _, _, _) => html! {},
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
                    // autocomplete="off": the browser keeps no copy of the answers in the session
                    // history (form state for back/forward and session restore), and does not
                    // serialise every widget's controls on each change (1,000 widgets on a page).
                    <form class="mc-questions" aria-label={env.t("questions")} onsubmit={on_submit} novalidate=true
                        autocomplete="off">
                        { for sections }
                        if let (Ok(a), Some(summary)) = (&*result, &*summary) {
                            <p class="mc-mini">
                                <a href={format!("#{}", env.id("results-title"))}>
                                    { env.t("score") }{ ": " }<strong>{ a.score }</strong>{ " " }{ env.t("out_of") }
                                    { " · " }{ &summary.band }
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
                    <p class="mc-disclaimer">{ cat.disclaimer().get(lang) }</p>
                    // Always in the markup, and hidden in the first render: the prerendered page,
                    // built on another day, is adopted as it is (see bindings::takeover); the
                    // visitor's date counts from the next frame on.
                    <p class="mc-note mc-stale" role="note" hidden={!(built && cat.stale_on(&browser::today()))}>
                        { crate::i18n::tf(&cat, "stale", lang, &[("date", date(cat.as_of(), lang))]) }
                    </p>
                    <p class="mc-asof">
                        { format!("{}: {} · {} {}", env.t("as_of"), date(cat.as_of(), lang), env.t("report.catalog"), cat.version()) }
                    </p>
                </footer>
                if let Some((a, view)) = &*report_view {
                    <PrintReport assessment={a.clone()} view={view.clone()} />
                }
            </div>
        </ContextProvider<Env>>
    }
}
