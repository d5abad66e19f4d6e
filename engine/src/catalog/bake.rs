//! Writing a validated catalog out as Rust code: a `static` the WebAssembly holds as data, with
//! nothing to parse or check when the page starts (the widget's build script calls this).
use super::Catalog;

/// The catalog as a Rust expression of type `engine::Catalog`, for
/// `static CATALOG: engine::Catalog = …;` in a crate that depends on the engine.
pub fn bake(catalog: &Catalog) -> String {
    let env = databake::CrateEnv::default();
    let data = databake::Bake::bake(&catalog.data, &env);
    format!("engine::Catalog::__baked({data})")
}
