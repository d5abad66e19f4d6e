//! # messenger-check: the widget
//!
//! A Yew app that runs the assessment engine (`engine/`) in the browser. Data flows one way:
//! the visitor's answers (`state`) go to `engine::assess`, and the components render the
//! `Assessment` it returns.
//!
//! - `state`: answers, undo history, language; a plain reducer (tested natively).
//! - `app`: the root component; it wires the state, the engine, the hooks and the components.
//! - `hooks`: the root component's hooks, one job each (stages, explanations and report, the
//!   memory, the remote control, `onChange`, actions and focus).
//! - `env`: what every component reads besides its props: the catalog handle (`Cat`), the
//!   language, the id prefix (`Env`).
//! - `remote`: the remote control of a mounted widget (`Remote`), which `bindings` drives.
//! - `running`: which widget's code runs now, for the panic hook.
//! - `components`: one component per file (question, result panel, gauge, factors, measures,
//!   what-if, alternatives, language switch, notice, keeping the result, the templates, the
//!   printed report).
//! - `i18n`: interface texts from the catalog's `ui.json`, dates.
//! - `browser`: print, downloads, today's date, the opt-in answer memory (localStorage; the
//!   answers and the business's name for the templates).
//! - `bindings`: everything JavaScript sees (`start`, `mount`, `evaluate`, `documents`) and the
//!   panic hook.
//! - `prerendered`: the markup of the prerendered first screen, shared by `src/bin/prerender.rs`
//!   (which writes it) and `bindings` (which takes it over).
//!
//! The modules form layers (ARCHITECTURE.md, "Layers"; checked by `engine/tests/layers.rs`).
// The baked catalog (build.rs) names `alloc::borrow::Cow`.
extern crate alloc;

pub mod app;
pub mod bindings;
pub mod browser;
mod catalog;
pub mod components;
pub mod env;
mod hooks;
pub mod i18n;
pub mod prerendered;
pub mod remote;
mod running;
pub mod state;

pub use app::{App, AppProps};
pub use catalog::catalog;
pub use env::{Cat, Env};
pub use remote::{Changed, Remote};
