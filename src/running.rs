//! Which widget's code runs now, for the panic hook (`bindings::panic`) to blame the right one:
//! every component reports its widget when it renders (`rendering`, through `use_env`), and the
//! hook reads it (`current`). Also the test suite's request that a widget panic in its next
//! render (`request`, `requested`). Below the components, so that they can call it.
use std::cell::RefCell;

thread_local! {
    /// The prefix of the widget whose code ran last (a render or an event).
    static CURRENT: RefCell<Option<String>> = const { RefCell::new(None) };
    /// The widget the test suite asked to panic in its next render (`Widget.__panicForTests`).
    static REQUESTED: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The widget with `prefix` runs its code now (a component renders; see `components::shared::use_env`).
pub fn rendering(prefix: &str) {
    let _ = CURRENT.try_with(|c| {
        if let Ok(mut c) = c.try_borrow_mut() {
            if c.as_deref() != Some(prefix) {
                *c = Some(prefix.to_string());
            }
        }
    });
}

/// The prefix of the widget whose code ran last, if any (none while it is borrowed).
pub fn current() -> Option<String> {
    CURRENT.try_with(|c| c.try_borrow().ok().and_then(|c| c.clone())).ok().flatten()
}

/// For the test suite: the widget with `prefix` panics in its next render.
pub fn request(prefix: &str) {
    REQUESTED.with(|r| *r.borrow_mut() = Some(prefix.to_string()));
}

/// Whether the test suite asked the widget with `prefix` to panic now (see `request`).
pub fn requested(prefix: &str) -> bool {
    REQUESTED.with(|r| {
        let mut r = r.borrow_mut();
        if r.as_deref() == Some(prefix) {
            *r = None;
            true
        } else {
            false
        }
    })
}
