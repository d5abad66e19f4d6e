//! The score as a half-circle gauge: one arc per band (its colour from the stylesheet) and a
//! needle. Decoration only (`aria-hidden`): the score and the band are also written out as
//! text next to it, so colour is never the only signal. While the band is provisional, no arc
//! is highlighted.
//!
//! No trigonometry: every arc is the same half circle with `pathLength="100"`, cut to its band
//! by a dash pattern, and the needle is one line turned by a `rotate` transform. Both are SVG
//! attributes (not style attributes, which a strict CSP forbids), the same on the server that
//! prerenders the page and in the browser.
use yew::prelude::*;

use super::shared::use_env;

#[derive(Properties, PartialEq)]
pub struct GaugeProps {
    pub score: u8,
    /// The band the engine gave; its arc is highlighted. `None` while it is provisional.
    pub band: Option<engine::Band>,
}

/// The half circle from the left (0) to the right (100), centre (100, 100), radius 80.
const HALF_CIRCLE: &str = "M 20 100 A 80 80 0 0 1 180 100";

#[component]
pub fn Gauge(props: &GaugeProps) -> Html {
    let env = use_env();
    let bands = env.cat.bands();
    let segments = bands.iter().enumerate().map(|(i, b)| {
        let from = u32::from(b.min);
        let to = bands.get(i + 1).map_or(100, |n| u32::from(n.min));
        let active = props.band.is_some_and(|band| b.id == band.id());
        html! {
            // Draw `to - from` of the 100 units, starting `from` units along the path.
            <path key={b.id.to_string()} d={HALF_CIRCLE} pathLength="100"
                stroke-dasharray={format!("0 {from} {} 100", to - from)}
                class={classes!("mc-gauge-seg", format!("mc-seg-{}", b.id), active.then_some("is-active"))} />
        }
    });
    // The needle points left at 0 and turns clockwise, 1.8 degrees per point.
    let turn = u32::from(props.score) * 18;
    html! {
        <svg class="mc-gauge" viewBox="0 0 200 112" aria-hidden="true" focusable="false">
            { for segments }
            <line class="mc-gauge-needle" x1="100" y1="100" x2="38" y2="100"
                transform={format!("rotate({}.{} 100 100)", turn / 10, turn % 10)} />
            <circle class="mc-gauge-hub" cx="100" cy="100" r="6" />
        </svg>
    }
}
