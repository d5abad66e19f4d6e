//! The printed report (print, or "save as PDF"): shown only in print, where it replaces the
//! interactive widget (`@media print` in www/css/print.css). Compact, for at most three A4 pages:
//! today's date, catalog version and as-of date, the answers as a list, score and band, the
//! factors with law and numbered sources, the measures, the alternatives as a table, the
//! sources, the disclaimer. Everything from the `Assessment` and its `View`; nothing is
//! computed or worded here.
use std::rc::Rc;

use engine::view::{FactorView, MeasureView, View};
use engine::Assessment;
use yew::prelude::*;

use super::shared::use_env;
use crate::browser;
use crate::i18n::date;

/// Measures printed with their explanation; the others print as title and effect.
const PRINT_MEASURES_IN_FULL: usize = 3;
/// Alternatives printed: those that fit best, as many as the screen shows before "show all".
const PRINT_ALTERNATIVES: usize = 4;

#[derive(Properties, PartialEq)]
pub struct PrintReportProps {
    pub assessment: Rc<Assessment>,
    /// Its view (`View::of` the same assessment and its answers).
    pub view: Rc<View>,
}

#[component]
pub fn PrintReport(props: &PrintReportProps) -> Html {
    let env = use_env();
    let (a, v, lang) = (&props.assessment, &props.view, env.lang);
    let factors = v.factors.iter().map(|FactorView { factor: f, points, cited }| {
        let cited: Vec<String> = cited.iter().map(|n| format!("[{n}]")).collect();
        let cited = cited.join(" ");
        html! {
            <li key={f.id.clone()} class="mc-p-factor">
                <strong class="mc-p-title">{ &f.title }</strong>{ format!(" (+{points})") }
                <span class="mc-p-text">{ " " }{ &f.text }</span>
                <span class="mc-p-law">
                    { " " }{ env.t("law") }{ ": " }{ &f.law }
                    if !cited.is_empty() {
                        { " · " }{ env.t("sources") }{ ": " }{ cited }
                    }
                </span>
            </li>
        }
    });
    let s = &v.summary;

    html! {
        <section class="mc-print" aria-label={env.t("report.title")}>
            <h2 class="mc-p-head">{ env.t("report.title") }</h2>
            <p class="mc-p-meta">
                { format!("{} {} · {} {} · {}: {}", env.t("report.generated"), date(&browser::today(), lang),
                    env.t("report.catalog"), a.catalog.version, env.t("as_of"), date(&a.catalog.as_of, lang)) }
            </p>
            <p class="mc-p-score">
                { env.t("score") }{ ": " }<strong>{ a.score }</strong>{ " " }{ env.t("out_of") }
                { " · " }{ env.t("band") }{ ": " }<strong>{ &s.band }</strong>
            </p>
            <p class="mc-p-small">{ &s.advice }{ " " }{ &s.range }{ " " }{ &s.progress }{ "." }</p>

            <h3>{ env.t("report.answers") }</h3>
            <dl class="mc-p-answers">
                { for v.answers.iter().map(|line| html! {
                    <div><dt>{ &line.question }</dt><dd>{ &line.answer }</dd></div>
                }) }
            </dl>

            <h3>{ env.t("factors") }</h3>
            if v.factors.is_empty() {
                <p>{ &v.no_factors }</p>
            } else {
                <ol class="mc-p-list">{ for factors }</ol>
            }

            <h3>{ env.t("measures") }</h3>
            if v.measures.is_empty() {
                <p>{ env.t("no_measures") }</p>
            } else {
                <ol class="mc-p-list">
                    // The most effective measures in full (with their reach), the rest as one line
                    // each: title, score after, gain.
                    { for v.measures.iter().enumerate().map(|(i, MeasureView { measure: m, gain })| html! {
                        <li key={m.id.to_string()} class="mc-p-measure">
                            <strong>{ &m.title }</strong>
                            { format!(" ({}: {}, −{gain})", env.t("score_after"), m.score) }
                            if i < PRINT_MEASURES_IN_FULL {
                                <span class="mc-p-text">{ " " }{ &m.text }</span>
                                if let Some(r) = &m.reach {
                                    <span class="mc-p-text">{ " " }{ r }</span>
                                }
                            }
                        </li>
                    }) }
                </ol>
            }

            if !a.alternatives.is_empty() {
                <h3>{ env.t("alternatives") }</h3>
                <table class="mc-p-table">
                    <thead>
                        <tr>
                            <th scope="col">{ "Messenger" }</th>
                            <th scope="col">{ env.t("fit") }</th>
                            <th scope="col">{ env.t("your_score_with") }</th>
                            <th scope="col">{ env.t("cost") }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for a.alternatives.iter().take(PRINT_ALTERNATIVES).map(|alt| html! {
                            <tr key={alt.id.clone()}>
                                <th scope="row">
                                    { &alt.name }
                                    if alt.current {
                                        { format!(" ({})", env.t("current")) }
                                    }
                                </th>
                                <td class="mc-p-num">{ alt.fit }</td>
                                <td class="mc-p-num">{ alt.score_if_used.map_or_else(|| env.t("unknown"), |s| s.to_string()) }</td>
                                <td>{ &alt.cost }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }

            if !v.sources.is_empty() {
                <h3>{ env.t("sources") }</h3>
                <ol class="mc-p-sources">
                    { for v.sources.iter().map(|s| html! {
                        <li key={s.id.to_string()}>
                            { &s.title }
                            // The date, unless the title already gives it.
                            if let Some(d) = s.date.as_ref().filter(|d| !s.title.contains(d.get(..4).unwrap_or(d))) {
                                { format!(" ({d})") }
                            }
                            if let Some(u) = &s.url {
                                { " " }<span class="mc-p-url">{ u }</span>
                            }
                        </li>
                    }) }
                </ol>
            }

            <p class="mc-p-disclaimer">{ &a.disclaimer }</p>
        </section>
    }
}
