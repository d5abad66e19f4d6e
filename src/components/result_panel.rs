//! The score at a glance: the gauge, the score in an `<output>` (polite live region that holds
//! just the number), the band in words with its advice, how far the score can still move, and
//! progress (answered of applicable). While the band is provisional (open questions could
//! still change it) no band is named or coloured: the panel says what is still open instead.
use std::rc::Rc;

use engine::view::Summary;
use engine::Assessment;
use yew::prelude::*;

use super::gauge::Gauge;
use super::shared::use_env;

#[derive(Properties, PartialEq)]
pub struct ResultPanelProps {
    pub assessment: Rc<Assessment>,
    /// Its sentences (`Summary::of` the same assessment).
    pub summary: Rc<Summary>,
}

#[component]
pub fn ResultPanel(props: &ResultPanelProps) -> Html {
    let env = use_env();
    let (a, s) = (&props.assessment, &props.summary);
    let band_class = if a.provisional { "mc-band-open".to_string() } else { format!("mc-band-{}", a.band.id()) };
    let progress_id = env.id("progress");
    let score_label_id = env.id("score-label");
    html! {
        <div class={classes!("mc-summary", band_class)}>
            <Gauge score={a.score} band={(!a.provisional).then_some(a.band)} />
            <p class="mc-score-line">
                <span class="mc-score-label" id={score_label_id.clone()}>{ env.t("score") }</span>
                <span class="mc-score-value">
                    <output id={env.score_id()} class="mc-score" aria-live="polite" aria-labelledby={score_label_id}>{ a.score }</output>
                    <span class="mc-score-of">{ " " }{ env.t("out_of") }</span>
                </span>
            </p>
            <p class="mc-band-line" aria-live="polite">
                { env.t("band") }{ ": " }<strong class="mc-band-label">{ &s.band }</strong>
            </p>
            <p class="mc-advice">{ &s.advice }</p>
            <p class="mc-range">{ &s.range }</p>
            <div class="mc-progress">
                <progress max={a.progress.applicable.max(1).to_string()} value={a.progress.answered.to_string()}
                    aria-labelledby={progress_id.clone()}></progress>
                <span id={progress_id}>{ &s.progress }</span>
            </div>
        </div>
    }
}
