//! The score as a half-circle gauge: one arc per band (its colour from the stylesheet) and a
//! needle. Decoration only (`aria-hidden`): the score and the band are also written out as
//! text next to it, so colour is never the only signal. SVG attributes, no style attributes.
use yew::prelude::*;

use super::use_env;

#[derive(Properties, PartialEq)]
pub struct GaugeProps {
    pub score: u8,
    /// The band the engine gave; its arc is highlighted. `None` while it is provisional.
    pub band: Option<engine::Band>,
}

const CX: f64 = 100.0;
const CY: f64 = 100.0;
const R: f64 = 80.0;

/// The point on the arc (radius `r`) for a value 0..=100, left to right, as SVG numbers with
/// one decimal. (JavaScript's `Math` and integer formatting keep Rust's float formatting and
/// trigonometry out of the wasm.)
fn at(value: f64, r: f64) -> (String, String) {
    let angle = std::f64::consts::PI * (1.0 - value / 100.0);
    (num(CX + r * js_sys::Math::cos(angle)), num(CY - r * js_sys::Math::sin(angle)))
}

/// A non-negative coordinate with one decimal.
fn num(x: f64) -> String {
    let tenths = (x.max(0.0) * 10.0 + 0.5) as u32;
    format!("{}.{}", tenths / 10, tenths % 10)
}

fn arc(from: f64, to: f64) -> String {
    let (x1, y1) = at(from, R);
    let (x2, y2) = at(to, R);
    format!("M {x1} {y1} A 80 80 0 0 1 {x2} {y2}")
}

#[component]
pub fn Gauge(props: &GaugeProps) -> Html {
    let env = use_env();
    let bands = env.cat.bands();
    let score = f64::from(props.score);
    let segments = bands.iter().enumerate().map(|(i, b)| {
        let from = f64::from(b.min);
        let to = bands.get(i + 1).map(|n| f64::from(n.min)).unwrap_or(100.0);
        let active = props.band.is_some_and(|band| b.id == band.id());
        html! {
            <path key={b.id.to_string()} d={arc(from, to)}
                class={classes!("mc-gauge-seg", format!("mc-seg-{}", b.id), active.then_some("is-active"))} />
        }
    });
    let (nx, ny) = at(score, R - 18.0);
    html! {
        <svg class="mc-gauge" viewBox="0 0 200 112" aria-hidden="true" focusable="false">
            { for segments }
            <line class="mc-gauge-needle" x1="100" y1="100" x2={nx} y2={ny} />
            <circle class="mc-gauge-hub" cx="100" cy="100" r="6" />
        </svg>
    }
}
