//! Bakes the catalog into the widget: loads `engine/catalog/*.json` with the engine's own loader
//! and validation (natively, at build time), and writes it out as a Rust `static`. So the
//! WebAssembly holds the catalog as data, with no JSON to parse and nothing to check when the
//! page starts; and a broken catalog fails the build with the error that names the file, the
//! entry and the field.
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=engine/catalog");
    println!("cargo:rerun-if-changed=engine/src");
    let catalog = engine::Catalog::from_files(&engine::catalog::EMBEDDED_FILES)
        .unwrap_or_else(|e| panic!("the catalog is invalid: {e}"));
    let code = format!(
        "/// The catalog of `engine/catalog/`, validated and baked at build time (build.rs).\n\
         pub static CATALOG: engine::Catalog = {};\n",
        engine::catalog::bake(&catalog)
    );
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("catalog.rs");
    std::fs::write(out, code).expect("OUT_DIR is writable");
}
