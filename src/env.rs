//! What every component may read besides its props: the catalog (`Cat`) for the interface
//! texts, the language, and the prefix that keeps element ids unique when several widgets
//! share a page (`Env`, which `App` provides as a context).
use std::ops::Deref;
use std::rc::Rc;

use engine::{Catalog, Lang};
use yew::prelude::*;

use crate::i18n::t;

/// The catalog the widget uses: the embedded one, or a copy with an embedder's overrides.
#[derive(Clone, Default)]
pub struct Cat(Option<Rc<Catalog>>);

impl Cat {
    pub fn custom(catalog: Catalog) -> Cat {
        Cat(Some(Rc::new(catalog)))
    }
}

impl Deref for Cat {
    type Target = Catalog;
    fn deref(&self) -> &Catalog {
        match &self.0 {
            Some(c) => c,
            None => crate::catalog(),
        }
    }
}

impl PartialEq for Cat {
    fn eq(&self, other: &Cat) -> bool {
        match (&self.0, &other.0) {
            (None, None) => true,
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// What every component needs: the catalog, the language and the prefix that keeps element
/// ids unique when several widgets share a page.
#[derive(Clone, PartialEq)]
pub struct Env {
    pub cat: Cat,
    pub lang: Lang,
    pub prefix: AttrValue,
}

impl Env {
    /// An interface text in the current language.
    pub fn t(&self, key: &str) -> String {
        t(&self.cat, key, self.lang)
    }

    /// A unique element id.
    pub fn id(&self, name: &str) -> String {
        format!("{}-{}", self.prefix, name)
    }

    /// The id of the score `<output>`: prefixed like every other id (`mc-score` for the first
    /// widget on a page), so it never clashes with a host page's own `#score`.
    pub fn score_id(&self) -> String {
        self.id("score")
    }
}
