//! Reusing yew roots.
//!
//! yew 0.23 never frees the event listeners it puts on the element an app renders into (its
//! `HostHandlers` forget them: "the registry is never dropped in production"), and they hold
//! that element and the app's subtree. So every `Renderer::render` leaks a little, and
//! `mount()`/`destroy()` in a loop would grow without bound. Instead, `mount()` renders into a
//! root `<div class="mc-root">` of its own inside the element, and `destroy()` parks that root:
//! its app renders nothing, the div leaves the page, and the next `mount()` in the same
//! document takes it back with new props (a new key, so every hook starts afresh). Memory then
//! stays flat however often widgets come and go.
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use web_sys::Element;
use yew::prelude::*;
use yew::{AppHandle, Renderer};

use crate::app::{App, AppProps};

#[derive(Properties, PartialEq)]
pub struct SlotProps {
    /// The widget to show (with a generation number as its key), or none while parked.
    pub app: Option<(u32, Rc<AppProps>)>,
}

/// The root component of a reusable root: one `App`, or nothing.
#[component]
pub fn Slot(props: &SlotProps) -> Html {
    match &props.app {
        Some((generation, p)) => html! {
            <App key={*generation} catalog={p.catalog.clone()} lang={p.lang} answers={p.answers.clone()}
                notice={p.notice.clone()} remote={p.remote.clone()} on_change={p.on_change.clone()}
                standalone={p.standalone} prefix={p.prefix.clone()} resume={p.resume} remembered={p.remembered}
                share={p.share.clone()} linked={p.linked} offline={p.offline} on_offline={p.on_offline.clone()} />
        },
        None => html! {},
    }
}

pub struct Root {
    pub root: Element,
    app: AppHandle<Slot>,
    /// False when no root of its own could be made and the app renders into the host.
    reusable: bool,
}

thread_local! {
    static PARKED: RefCell<Vec<Root>> = const { RefCell::new(Vec::new()) };
    static GENERATION: Cell<u32> = const { Cell::new(0) };
}

fn next_generation() -> u32 {
    GENERATION.with(|g| {
        let n = g.get().wrapping_add(1);
        g.set(n);
        n
    })
}

/// Renders `props` into a root appended to `host`: a parked one of the same document, or
/// a new one.
pub fn take(host: &Element, props: AppProps) -> Root {
    let doc = host.owner_document();
    let parked = PARKED.with(|p| {
        let mut p = p.borrow_mut();
        let i = p.iter().position(|r| r.root.owner_document() == doc)?;
        Some(p.swap_remove(i))
    });
    let slot = SlotProps { app: Some((next_generation(), Rc::new(props))) };
    match parked {
        Some(mut r) => {
            let _ = host.append_child(&r.root);
            r.app.update(slot);
            r
        }
        None => {
            let made = doc.and_then(|d| d.create_element("div").ok());
            let reusable = made.is_some();
            let root = made.unwrap_or_else(|| host.clone());
            if reusable {
                root.set_class_name("mc-root");
                let _ = host.append_child(&root);
            }
            let app = Renderer::<Slot>::with_root_and_props(root.clone(), slot).render();
            Root { root, app, reusable }
        }
    }
}

/// Unmounts the widget in `r`, takes the root out of the page and keeps it for reuse.
pub fn park(mut r: Root) {
    if !r.reusable {
        r.app.destroy();
        return;
    }
    r.app.update(SlotProps { app: None });
    // Whatever the embedder's script put on the root (theme properties, attributes) goes.
    let names: Vec<String> = r.root.get_attribute_names().iter().filter_map(|n| n.as_string()).collect();
    for name in names.iter().filter(|n| n.as_str() != "class") {
        let _ = r.root.remove_attribute(name);
    }
    r.root.set_class_name("mc-root");
    r.root.remove();
    PARKED.with(|p| p.borrow_mut().push(r));
}
