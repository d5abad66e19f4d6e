//! # messenger-check: the widget
//!
//! A Yew app that runs the assessment engine (`engine/`) in the browser. Data flows one way:
//! the visitor's answers (`state`) go to `engine::assess`, and the components render the
//! `Assessment` it returns.
//!
//! - `state`: answers, undo history, language; a plain reducer (tested natively).
//! - `app`: the root component, the catalog handle (`Cat`) and the remote control (`Remote`).
//! - `components`: one component per file (question, result panel, gauge, factors, measures,
//!   what-if, alternatives, language switch, notice, keeping the result, the printed report).
//! - `i18n`: interface texts from the catalog's `ui.json`, dates.
//! - `browser`: print, downloads, today's date, the opt-in answer memory (localStorage).
//! - `bindings`: everything JavaScript sees (`start`, `mount`, `evaluate`) and the panic hook;
//!   `bindings_documents`: `documents()`, the templates (to move into `bindings` when merged).
pub mod app;
pub mod bindings;
pub mod bindings_documents;
pub mod browser;
pub mod components;
pub mod i18n;
pub mod state;

pub use app::{App, AppProps, Cat, Changed, Remote};
