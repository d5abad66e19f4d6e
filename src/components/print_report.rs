//! The printed report (print, or "save as PDF"): shown only in print, where it replaces the
//! interactive widget (`@media print` in www/css/print.css). Compact, for at most three A4 pages:
//! today's date, catalog version and as-of date, the answers as a list, score and band, the
//! factors with law and numbered sources, the measures, the alternatives as a table, the
//! sources, the disclaimer. Everything from the `Assessment`; nothing is computed here.
use std::rc::Rc;

use engine::{Answers, Assessment, SourceRef};
use yew::prelude::*;

use super::use_env;
use crate::browser;
use crate::i18n::date;

/// Measures printed with their explanation; the others print as title and effect.
const PRINT_MEASURES_IN_FULL: usize = 3;
/// Alternatives printed: those that fit best, as many as the screen shows before "show all".
const PRINT_ALTERNATIVES: usize = 4;

#[derive(Properties, PartialEq)]
pub struct PrintReportProps {
    pub assessment: Rc<Assessment>,
    pub answers: Answers,
}

#[component]
pub fn PrintReport(props: &PrintReportProps) -> Html {
    let env = use_env();
    let (a, cat, lang) = (&props.assessment, &env.cat, env.lang);

    // Sources are listed once at the end and cited by number.
    let mut sources: Vec<&SourceRef> = Vec::new();
    let mut factors: Vec<Html> = Vec::new();
    for f in &a.factors {
        let mut numbers = Vec::new();
        for s in &f.sources {
            let n = match sources.iter().position(|x| x.id == s.id) {
                Some(i) => i + 1,
                None => {
                    sources.push(s);
                    sources.len()
                }
            };
            numbers.push(format!("[{n}]"));
        }
        let cited = numbers.join(" ");
        factors.push(html! {
            <li key={f.id.clone()} class="mc-p-factor">
                <strong class="mc-p-title">{ &f.title }</strong>{ format!(" (+{})", engine::wording::points(f.points, cat, lang)) }
                <span class="mc-p-text">{ " " }{ &f.text }</span>
                <span class="mc-p-law">
                    { " " }{ env.t("law") }{ ": " }{ &f.law }
                    if !cited.is_empty() {
                        { " · " }{ env.t("sources") }{ ": " }{ cited }
                    }
                </span>
            </li>
        });
    }
    let range = engine::wording::range_line(a, cat);
    let progress = engine::wording::progress_line(a, cat);

    html! {
        <section class="mc-print" aria-label={env.t("report.title")}>
            <h2 class="mc-p-head">{ env.t("report.title") }</h2>
            <p class="mc-p-meta">
                { format!("{} {} · {} {} · {}: {}", env.t("report.generated"), date(&browser::today(), lang),
                    env.t("report.catalog"), a.catalog.version, env.t("as_of"), date(&a.catalog.as_of, lang)) }
            </p>
            <p class="mc-p-score">
                { env.t("score") }{ ": " }<strong>{ a.score }</strong>{ " " }{ env.t("out_of") }
                { " · " }{ env.t("band") }{ ": " }<strong>{ engine::wording::band_line(a, cat) }</strong>
            </p>
            <p class="mc-p-small">{ engine::wording::advice_line(a, cat) }{ " " }{ range }{ " " }{ progress }{ "." }</p>

            <h3>{ env.t("report.answers") }</h3>
            <dl class="mc-p-answers">
                { for engine::wording::answer_lines(&props.answers, a, cat).into_iter().map(|(q, ans)| html! {
                    <div><dt>{ q }</dt><dd>{ ans }</dd></div>
                }) }
            </dl>

            <h3>{ env.t("factors") }</h3>
            if a.factors.is_empty() {
                <p>{ engine::wording::no_factors_line(a, cat) }</p>
            } else {
                <ol class="mc-p-list">{ for factors }</ol>
            }

            <h3>{ env.t("measures") }</h3>
            if a.measures.is_empty() {
                <p>{ env.t("no_measures") }</p>
            } else {
                <ol class="mc-p-list">
                    // The most effective measures in full (with their reach), the rest as one line
                    // each: title, score after, gain.
                    { for a.measures.iter().enumerate().map(|(i, m)| html! {
                        <li key={m.id.to_string()} class="mc-p-measure">
                            <strong>{ &m.title }</strong>
                            { format!(" ({}: {}, −{})", env.t("score_after"), m.score, engine::wording::points(u32::from(m.gain), cat, lang)) }
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

            if !sources.is_empty() {
                <h3>{ env.t("sources") }</h3>
                <ol class="mc-p-sources">
                    { for sources.iter().map(|s| html! {
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
