//! The address bar: the language from `?lang=`, the answers from the share link in
//! `location.hash` (and following a link pasted into an open page), and writing them with
//! `history.replaceState`. Also the page's `<html lang>` and title.
//!
//! Privacy Invariant: the address holds the answers only after the visitor asked for a link
//! with them ("share"); from then on it follows the answers, until "forget" or "clear all
//! answers" take them out again. Answering alone never writes them: browser history is often
//! synced off the device, and the host page's scripts read the address.
use std::cell::RefCell;
use std::rc::Rc;

use engine::fragment::{self, Parsed};
use engine::{Answers, Catalog, Lang};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::env::Cat;
use crate::i18n::t;
use crate::remote::Remote;
use crate::state::{Action, LinkNotice};

/// A `hashchange` listener, kept alive while its widget is mounted.
type HashListener = Closure<dyn FnMut()>;

/// What to do with the fragment when the address is written.
#[derive(Clone)]
pub(super) enum Hash {
    /// Leave it as it is (the visitor has not asked for a link).
    Keep,
    /// The answers (a share link the visitor asked for).
    Answers(Answers),
    /// Take the answers out ("forget", "clear all answers").
    Clear,
}

thread_local! {
    /// The address to write once the current task is done (see `write_location_soon`).
    static LOCATION: RefCell<Option<(Cat, Hash, Lang)>> = const { RefCell::new(None) };
    /// `hashchange` listeners of widgets that follow the share link, by host.
    static LISTENERS: RefCell<Vec<(Element, HashListener)>> = const { RefCell::new(Vec::new()) };
}

/// `?lang=de|en`, else the browser's languages, else German.
pub(super) fn page_lang(window: &web_sys::Window) -> Lang {
    let search = window.location().search().unwrap_or_default();
    let from_query = search.trim_start_matches('?').split('&').find_map(|kv| {
        let (k, v) = kv.split_once('=')?;
        (k == "lang").then(|| Lang::from_code(v)).flatten()
    });
    if let Some(l) = from_query {
        return l;
    }
    let nav = window.navigator();
    nav.languages()
        .iter()
        .filter_map(|v| v.as_string())
        .chain(nav.language())
        .find_map(|code| Lang::parse(&code))
        .unwrap_or_default()
}

/// Answers from the share link in `location.hash`, with a notice for what was dropped.
pub(super) fn read_hash(cat: &Catalog) -> (Answers, Option<Rc<LinkNotice>>) {
    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    if hash.trim_start_matches('#').is_empty() {
        return (Answers::new(), None);
    }
    split(fragment::parse(&hash, cat))
}

pub(super) fn split(parsed: Parsed) -> (Answers, Option<Rc<LinkNotice>>) {
    let notice =
        (parsed.dropped_count > 0).then(|| Rc::new(LinkNotice { items: parsed.dropped, count: parsed.dropped_count }));
    (parsed.answers, notice)
}

/// Follows a share link pasted into the address bar of an open page, for the widget on `host`
/// (until `unfollow(host)`).
pub(super) fn follow(host: &Element, cat: &Cat, remote: &Remote) {
    if let Some(l) = listen_hash(cat, remote) {
        LISTENERS.with(|ls| ls.borrow_mut().push((host.clone(), l)));
    }
}

/// Stops following the share link for the widget on `host`.
pub(super) fn unfollow(host: &Element) {
    let listeners: Vec<HashListener> = LISTENERS.with(|ls| {
        // Also called by the panic hook, whatever held the list then.
        let Ok(mut ls) = ls.try_borrow_mut() else { return Vec::new() };
        let (gone, keep): (Vec<_>, Vec<_>) = ls.drain(..).partition(|(h, _)| h == host);
        *ls = keep;
        gone.into_iter().map(|(_, l)| l).collect()
    });
    if let Some(w) = web_sys::window() {
        for l in &listeners {
            let _ = w.remove_event_listener_with_callback("hashchange", l.as_ref().unchecked_ref());
        }
    }
}

fn listen_hash(cat: &Cat, remote: &Remote) -> Option<HashListener> {
    let window = web_sys::window()?;
    let cat = cat.clone();
    let remote = remote.clone();
    let closure = Closure::<dyn FnMut()>::new(move || {
        let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
        let parsed = fragment::parse(&hash, &cat);
        let same = remote.latest().is_some_and(|c| c.answers == parsed.answers);
        if !same || parsed.dropped_count > 0 {
            let (answers, notice) = split(parsed);
            // A link from outside: "forget" is offered to take it out again.
            remote.send(Action::Linked(!answers.is_empty()));
            remote.send(Action::Load { answers, notice });
        }
    });
    window.add_event_listener_with_callback("hashchange", closure.as_ref().unchecked_ref()).ok()?;
    Some(closure)
}

/// Runs `f` once the current task is done (after the browser could paint).
pub(super) fn later(f: impl FnOnce() + 'static) {
    if let Some(w) = web_sys::window() {
        let cb = Closure::once_into_js(f);
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), 0);
    }
}

/// Writes the address after the current task, so the answer shows first; several changes in
/// one task write once (a `Clear` is not lost to a later `Keep`).
pub(super) fn write_location_soon(cat: &Cat, hash: Hash, lang: Lang) {
    let first = LOCATION.with(|l| {
        let mut l = l.borrow_mut();
        let hash = match (l.as_ref().map(|(_, h, _)| h), hash) {
            (Some(Hash::Clear), Hash::Keep) => Hash::Clear,
            (_, h) => h,
        };
        l.replace((cat.clone(), hash, lang)).is_none()
    });
    if first {
        later(|| {
            if let Some((cat, hash, lang)) = LOCATION.with(|l| l.borrow_mut().take()) {
                write_location(&cat, &hash, lang);
            }
        });
    }
}

/// The page's address without its fragment: what a share link is made of.
pub(super) fn share_base() -> Option<String> {
    let location = web_sys::window()?.location();
    let href = location.href().ok()?;
    Some(href.split('#').next().unwrap_or_default().to_string())
}

/// Keeps the address current without adding history entries: the fragment as `hash` says,
/// and `?lang=` when the page was opened with one.
fn write_location(cat: &Catalog, hash: &Hash, lang: Lang) {
    let Some(window) = web_sys::window() else { return };
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let search = location.search().unwrap_or_default();
    let search = if search.is_empty() {
        search
    } else {
        let parts: Vec<String> = search
            .trim_start_matches('?')
            .split('&')
            .map(|kv| if kv.starts_with("lang=") { format!("lang={}", lang.code()) } else { kv.to_string() })
            .collect();
        format!("?{}", parts.join("&"))
    };
    let hash = match hash {
        Hash::Keep => location.hash().unwrap_or_default(),
        Hash::Answers(a) if !a.is_empty() => format!("#{}", fragment::encode(a, cat)),
        Hash::Answers(_) | Hash::Clear => String::new(),
    };
    let url = format!("{path}{search}{hash}");
    let current = format!("{path}{}{}", location.search().unwrap_or_default(), location.hash().unwrap_or_default());
    if url != current {
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
        }
    }
}

/// The page's language and title follow the widget's.
pub(super) fn update_document(cat: &Catalog, lang: Lang) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    // (Only when they change: this runs on every answer, in the task that shows its score.)
    if let Some(root) = doc.document_element() {
        if root.get_attribute("lang").as_deref() != Some(lang.code()) {
            let _ = root.set_attribute("lang", lang.code());
        }
    }
    let title = t(cat, "title", lang);
    if doc.title() != title {
        doc.set_title(&title);
    }
}
