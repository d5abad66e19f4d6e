//! One component per file. Each reads the catalog and language from the `Env` context and
//! renders part of the `Assessment` and its view; none computes a number. What several use
//! (`use_env`, a source as a link, the "show all" button) is in `shared`.
mod alternatives;
mod call_to_action;
mod factors;
mod gauge;
mod keep;
mod lang_switch;
mod measures;
mod notice;
mod print_report;
mod question;
mod result_panel;
mod shared;
mod templates;
mod what_if;

pub use alternatives::Alternatives;
pub use call_to_action::CallToAction;
pub use factors::Factors;
pub use gauge::Gauge;
pub use keep::Keep;
pub use lang_switch::LangSwitch;
pub use measures::Measures;
pub use notice::Notice;
pub use print_report::PrintReport;
pub use question::QuestionField;
pub use result_panel::ResultPanel;
pub use templates::Templates;
pub use what_if::WhatIfList;
