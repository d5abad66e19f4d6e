//! The catalog, validated and baked into the widget at build time (`build.rs`): static data, no
//! JSON to parse and nothing to check when the page starts.
use engine::Catalog;

include!(concat!(env!("OUT_DIR"), "/catalog.rs"));

/// The catalog of `engine/catalog/`, as this build baked it.
pub fn catalog() -> &'static Catalog {
    &CATALOG
}
