//! What a widget starts with (`Config`): read from the options (`options`) or made by the
//! demo page (`start`), and given to `mount_with`.
use std::rc::Rc;

use engine::{Answers, Lang};

use crate::env::Cat;
use crate::state::LinkNotice;

/// Everything a widget starts with (by default: the baked catalog, the main language, no
/// answers, nothing offered).
#[derive(Default)]
pub struct Config {
    pub catalog: Cat,
    pub lang: Lang,
    pub answers: Answers,
    pub notice: Option<Rc<LinkNotice>>,
    /// Read the share link in `location.hash`, offer the visitor a link with the answers, and
    /// write it there once they ask (and `?lang=`); the demo page does.
    pub share_link: bool,
    /// The whole page: also sets `<html lang>` and the document title.
    pub standalone: bool,
    /// Offer "remember my answers on this device" (the demo page).
    pub resume: bool,
    /// The answers came from this device's memory: start with remembering on.
    pub remembered: bool,
    pub on_change: Option<js_sys::Function>,
    /// Say nothing of the first render (a takeover whose answers or language follow at once:
    /// the embedder hears of the widget as it then is, once).
    pub quiet_start: bool,
    /// Offer "make this page work offline" (the demo page, where the browser can): whether it
    /// does already, and whom to tell when the visitor switches it.
    pub offline: Option<(bool, js_sys::Function)>,
}
