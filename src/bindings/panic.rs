//! The panic hook: a bug never leaves a blank page, and never takes the other widgets with it.
//!
//! The release build aborts on a panic (`panic = "abort"`: an `unreachable` trap), so nothing
//! unwinds: whatever the panicking code held stays held, and yew's scheduler, shared by every
//! widget on the page, would never run again. So the hook
//! 1. logs the panic;
//! 2. replaces the widget that panicked, and only that one, with a short message and a button
//!    that reloads it (the element the widget rendered into is replaced by a fresh one, so no
//!    listener of the dead instance stays attached);
//! 3. schedules a fresh WebAssembly instance for the next call (`schedule_reinit`: the glue
//!    then instantiates the same module anew, and refuses objects and closures of the old one);
//! 4. tells whoever registered with `onPanic` (the npm package, the demo page, the iframe
//!    page), which then mounts the other widgets again in the fresh instance, each with its
//!    answers and language, and makes the button work.
//!
//! Which widget panicked: the one whose JavaScript method is running (`Calling`), else the one
//! whose code ran last: a component rendering (`rendering`, called by every component through
//! `use_env`, `crate::running`) or an event in it (a capture listener on each host).
use std::cell::{Cell, RefCell};

use engine::Lang;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::i18n::{crash_message, reload_label};

/// The events after which a panic is the widget's own (the ones its components listen to).
const EVENTS: [&str; 5] = ["click", "change", "input", "submit", "keydown"];

struct Entry {
    /// The element the widget was mounted on.
    host: Element,
    /// The element yew renders into: the host, a `.mc-root` inside it, or an adopted screen.
    root: Element,
    /// The widget's id prefix, unique on the page (`mc`, `mc2`, …).
    prefix: String,
    lang: Lang,
    /// The whole host is the widget's (the demo page): a crash replaces the host.
    own: bool,
    /// Marks the widget as the current one when an event reaches it (capture phase, on the
    /// root, which a crash replaces: no listener of a dead instance stays on the page).
    listener: Option<Closure<dyn FnMut()>>,
}

thread_local! {
    static HOSTS: RefCell<Vec<Entry>> = const { RefCell::new(Vec::new()) };
    /// The hosts whose JavaScript methods are running, innermost last.
    static CALLING: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
    /// Who wants to hear of a panic (`onPanic`).
    static LISTENERS: RefCell<Vec<js_sys::Function>> = const { RefCell::new(Vec::new()) };
    static PANICKED: Cell<bool> = const { Cell::new(false) };
}

/// Installs the panic hook once (yew would otherwise install its own).
pub fn install_panic_hook() {
    static DONE: std::sync::Once = std::sync::Once::new();
    DONE.call_once(|| yew::set_custom_panic_hook(Box::new(on_panic)));
}

/// Whether no widget is mounted.
pub(super) fn is_empty() -> bool {
    HOSTS.with(|h| h.borrow().is_empty())
}

/// Remembers the widget on `host` (rendering into `root`, ids prefixed `prefix`; `own`: the
/// whole host is the widget's).
pub(super) fn add_host(host: &Element, root: &Element, prefix: &str, lang: Lang, own: bool) {
    let listener = {
        let prefix = prefix.to_string();
        Closure::<dyn FnMut()>::new(move || crate::running::rendering(&prefix))
    };
    for event in EVENTS {
        let _ = root.add_event_listener_with_callback_and_bool(event, listener.as_ref().unchecked_ref(), true);
    }
    let entry = Entry {
        host: host.clone(),
        root: root.clone(),
        prefix: prefix.to_string(),
        lang,
        own,
        listener: Some(listener),
    };
    HOSTS.with(|h| h.borrow_mut().push(entry))
}

/// Forgets `host` (its widget was destroyed).
pub(super) fn remove_host(host: &Element) {
    let gone: Vec<Entry> = HOSTS.with(|h| {
        let mut h = h.borrow_mut();
        let (gone, keep) = h.drain(..).partition(|e| e.host == *host);
        *h = keep;
        gone
    });
    for e in gone {
        if let Some(l) = &e.listener {
            for event in EVENTS {
                let _ = e.root.remove_event_listener_with_callback_and_bool(event, l.as_ref().unchecked_ref(), true);
            }
        }
    }
}

/// The language the message for the widget with `prefix` should be in.
pub(super) fn set_lang(prefix: &str, lang: Lang) {
    HOSTS.with(|h| {
        if let Some(e) = h.borrow_mut().iter_mut().find(|e| e.prefix == prefix) {
            e.lang = lang;
        }
    });
}

/// While alive, a JavaScript method of the widget on the host runs: a panic is that widget's.
pub(super) struct Calling;

impl Calling {
    pub(super) fn enter(host: &Element) -> Calling {
        CALLING.with(|c| c.borrow_mut().push(host.clone()));
        Calling
    }
}

impl Drop for Calling {
    fn drop(&mut self) {
        CALLING.with(|c| c.borrow_mut().pop());
    }
}

/// `onPanic(callback)`: `callback(element)` after a panic, with the element that now shows the
/// message (or `undefined` when no widget panicked, e.g. in `evaluate`). Called while the
/// instance is going down: it must not call into the widget before the current task is done.
pub(super) fn listen(callback: js_sys::Function) {
    LISTENERS.with(|l| {
        let mut l = l.borrow_mut();
        if !l.iter().any(|f| AsRef::<JsValue>::as_ref(f) == AsRef::<JsValue>::as_ref(&callback)) {
            l.push(callback);
        }
    });
}

pub(super) use crate::running::request;

fn on_panic(info: &std::panic::PanicHookInfo<'_>) {
    let stack = js_sys::Reflect::get(&js_sys::Error::new(""), &"stack".into())
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default();
    web_sys::console::error_1(&format!("messenger-check panicked: {info}\n\n{stack}").into());
    // A panic while handling a panic: the first one's message stands.
    if PANICKED.try_with(|p| p.replace(true)).unwrap_or(true) {
        return;
    }
    let shown = culprit().and_then(|(root, host, lang, own)| {
        // Its `hashchange` listener goes too (it belongs to this instance).
        super::location::unfollow(&host);
        show_crash(&root, &host, lang, own)
    });
    // The next call gets a fresh instance (the glue re-instantiates the module).
    wasm_bindgen::handler::schedule_reinit();
    let listeners: Vec<js_sys::Function> =
        LISTENERS.try_with(|l| l.try_borrow().map(|v| v.clone()).unwrap_or_default()).unwrap_or_default();
    let arg = shown.map(JsValue::from).unwrap_or(JsValue::UNDEFINED);
    for f in listeners {
        let _ = f.call1(&JsValue::NULL, &arg);
    }
}

/// The widget that panicked: its root, host, language, and whether the host is all its own.
fn culprit() -> Option<(Element, Element, Lang, bool)> {
    let calling = CALLING.try_with(|c| c.try_borrow().ok().and_then(|c| c.last().cloned())).ok().flatten();
    let current = crate::running::current();
    HOSTS
        .try_with(|h| {
            let h = h.try_borrow().ok()?;
            let entry = match (&calling, &current) {
                (Some(host), _) => h.iter().find(|e| e.host == *host),
                (None, Some(prefix)) => h.iter().find(|e| e.prefix == *prefix),
                (None, None) => None,
            }
            // Only one widget on the page: it is the one.
            .or_else(|| if h.len() == 1 { h.first() } else { None })?;
            Some((entry.root.clone(), entry.host.clone(), entry.lang, entry.own))
        })
        .ok()
        .flatten()
}

/// Replaces the widget's root with the message and a reload button (text only), and returns
/// the element that shows them. A fresh element, so no listener of this instance stays on it:
/// for a widget that owns its host (the demo page), the host itself is replaced by a shallow
/// copy, so also the prerendered screens of other languages go.
fn show_crash(root: &Element, host: &Element, lang: Lang, own: bool) -> Option<Element> {
    let doc = host.owner_document()?;
    let boxed = doc.create_element("div").ok()?;
    boxed.set_class_name("mc-root mc-crashed");
    let _ = boxed.set_attribute("role", "alert");
    let _ = boxed.set_attribute("lang", lang.code());
    let _ = boxed.set_attribute("data-mc-crashed", "");
    let p = doc.create_element("p").ok()?;
    p.set_class_name("mc-error");
    p.set_text_content(Some(crash_message(lang)));
    let line = doc.create_element("p").ok()?;
    let button = doc.create_element("button").ok()?;
    let _ = button.set_attribute("type", "button");
    button.set_class_name("mc-button mc-reload");
    button.set_text_content(Some(reload_label(lang)));
    let _ = line.append_child(&button);
    let _ = boxed.append_child(&p);
    let _ = boxed.append_child(&line);
    if own {
        let copy = host.clone_node().ok()?.dyn_into::<Element>().ok()?;
        let _ = copy.remove_attribute("data-mc-live");
        let _ = copy.append_child(&boxed);
        host.replace_with_with_node_1(&copy).ok()?;
    } else {
        root.replace_with_with_node_1(&boxed).ok()?;
    }
    Some(boxed)
}
