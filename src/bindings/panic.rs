//! The panic hook: a bug never leaves a blank page. It logs the panic and replaces every
//! mounted widget with a short message in the language of the last render.
use std::cell::{Cell, RefCell};

use engine::Lang;
use web_sys::Element;

use crate::i18n::crash_message;

thread_local! {
    /// The elements widgets are mounted on.
    static HOSTS: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
    /// The language of the last render, for the message.
    static LANG: Cell<Lang> = const { Cell::new(Lang::De) };
}

/// Installs the panic hook once (yew would otherwise install its own).
pub fn install_panic_hook() {
    static DONE: std::sync::Once = std::sync::Once::new();
    DONE.call_once(|| yew::set_custom_panic_hook(Box::new(on_panic)));
}

/// Remembers `host` as holding a widget. Returns whether it is the only one on the page.
pub(super) fn add_host(host: &Element) -> bool {
    HOSTS.with(|h| {
        let mut h = h.borrow_mut();
        let first = h.is_empty();
        h.push(host.clone());
        first
    })
}

/// Forgets `host` (its widget was destroyed).
pub(super) fn remove_host(host: &Element) {
    HOSTS.with(|h| h.borrow_mut().retain(|e| e != host));
}

/// The language the message should be in.
pub(super) fn set_lang(lang: Lang) {
    LANG.with(|l| l.set(lang));
}

fn on_panic(info: &std::panic::PanicHookInfo<'_>) {
    let stack = js_sys::Reflect::get(&js_sys::Error::new(""), &"stack".into())
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default();
    web_sys::console::error_1(&format!("messenger-check panicked: {info}\n\n{stack}").into());
    let lang = LANG.try_with(Cell::get).unwrap_or_default();
    let hosts: Vec<Element> =
        HOSTS.try_with(|h| h.try_borrow().map(|v| v.clone()).unwrap_or_default()).unwrap_or_default();
    for host in hosts {
        show_crash(&host, lang);
    }
}

/// Replaces what `host` shows with the error message (text only).
fn show_crash(host: &Element, lang: Lang) {
    while let Some(child) = host.first_child() {
        if host.remove_child(&child).is_err() {
            break;
        }
    }
    let Some(doc) = host.owner_document() else { return };
    if let Ok(p) = doc.create_element("p") {
        p.set_class_name("mc-error");
        let _ = p.set_attribute("role", "alert");
        p.set_text_content(Some(crash_message(lang)));
        let _ = host.append_child(&p);
    }
}
