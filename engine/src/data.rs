//! Static data: the types the baked catalog is made of. A text or a list is borrowed from static
//! data (the catalog the widget bakes in at build time) or owned where something changed it (an
//! embedder's overrides, a catalog loaded from its files).
use std::borrow::Cow;

/// A text of the catalog: borrowed from static data, or owned where an embedder changed it.
pub type Str = Cow<'static, str>;
/// A list of the catalog: a static slice, or owned where an embedder changed it.
pub type List<T> = Cow<'static, [T]>;
