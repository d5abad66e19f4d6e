//! Driving a mounted widget from outside (the JS handle in `bindings`): `Remote` sends actions
//! to the `App` and hands out what it rendered last (`Changed`). The `App` connects to it when
//! it renders.
use std::cell::RefCell;
use std::rc::Rc;

use engine::{Answers, Assessment, Lang};
use yew::prelude::*;

use crate::state::Action;

/// The widget after a change, for whoever mounted it.
#[derive(Clone, Debug, PartialEq)]
pub struct Changed {
    pub answers: Answers,
    pub lang: Lang,
    pub assessment: Rc<Assessment>,
    /// The visitor asked for a link with the answers: the address should hold them.
    pub sharing: bool,
    /// Counts "forget" and "clear all answers": a new count takes the answers out of the
    /// address.
    pub cleared: u32,
}

#[derive(Default)]
struct RemoteInner {
    dispatch: Option<Callback<Action>>,
    /// Renders the app again (for the test suite's panic in a render).
    rerender: Option<Callback<()>>,
    /// Actions sent before the app rendered for the first time.
    pending: Vec<Action>,
    /// What to run once it has.
    on_rendered: Vec<Box<dyn FnOnce()>>,
    latest: Option<Changed>,
    /// Everything is built (see `Stage`).
    complete: bool,
    /// What to run once it is.
    on_complete: Vec<Box<dyn FnOnce()>>,
}

/// A way to drive a mounted widget from outside (the JS handle): send actions, read the
/// latest answers and assessment.
#[derive(Clone, Default)]
pub struct Remote(Rc<RefCell<RemoteInner>>);

impl PartialEq for Remote {
    fn eq(&self, other: &Remote) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Remote {
    /// Sends an action to the widget (queued until it has rendered once).
    pub fn send(&self, action: Action) {
        let dispatch = self.0.borrow().dispatch.clone();
        match dispatch {
            Some(d) => d.emit(action),
            None => self.0.borrow_mut().pending.push(action),
        }
    }

    /// The answers, language and assessment after the last render, if it has rendered.
    pub fn latest(&self) -> Option<Changed> {
        self.0.borrow().latest.clone()
    }

    /// Runs `f` once the widget has rendered for the first time (at once if it has).
    pub fn when_rendered(&self, f: impl FnOnce() + 'static) {
        let mut inner = self.0.borrow_mut();
        if inner.dispatch.is_some() {
            drop(inner);
            f();
        } else {
            inner.on_rendered.push(Box::new(f));
        }
    }

    /// Runs `f` once the widget is complete: every part is built (see `Stage`), every question
    /// (also those that do not apply yet) is in the DOM; at once if it is already.
    pub fn when_complete(&self, f: impl FnOnce() + 'static) {
        let mut inner = self.0.borrow_mut();
        if inner.complete {
            drop(inner);
            f();
        } else {
            inner.on_complete.push(Box::new(f));
        }
    }

    pub(crate) fn mark_complete(&self) {
        let waiting = {
            let mut inner = self.0.borrow_mut();
            inner.complete = true;
            std::mem::take(&mut inner.on_complete)
        };
        for f in waiting {
            f();
        }
    }

    /// Renders the widget again, if it has rendered.
    pub fn rerender(&self) {
        let rerender = self.0.borrow().rerender.clone();
        if let Some(r) = rerender {
            r.emit(());
        }
    }

    pub(crate) fn connect(&self, dispatch: Callback<Action>, rerender: Callback<()>) {
        let (pending, rendered) = {
            let mut inner = self.0.borrow_mut();
            inner.dispatch = Some(dispatch.clone());
            inner.rerender = Some(rerender);
            (std::mem::take(&mut inner.pending), std::mem::take(&mut inner.on_rendered))
        };
        for a in pending {
            dispatch.emit(a);
        }
        for f in rendered {
            f();
        }
    }

    pub(crate) fn disconnect(&self) {
        let mut inner = self.0.borrow_mut();
        inner.dispatch = None;
        inner.rerender = None;
    }

    pub(crate) fn store(&self, changed: Changed) {
        self.0.borrow_mut().latest = Some(changed);
    }
}
