//! The layers of the code, checked (ARCHITECTURE.md, "Layers"): no module of the engine or the
//! widget uses a module of a higher layer, and the top-level modules of each crate use each
//! other in one direction only (no circle).
//!
//! The files are parsed with `syn` (the parser of Rust's own proc macros), so what counts is
//! what the compiler reads: every path in a `use` (groups and globs included) and every path
//! in the code (types, calls, patterns, attributes' arguments are not paths), resolved from
//! `crate::`, `super::` and `self::`, and the same three kinds of path inside macro calls
//! (`format!`, `matches!`, …), whose tokens `syn` does not parse. Comments and strings never
//! count. A module that is not in a table fails the test: put it in a layer.
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use proc_macro2::{TokenStream, TokenTree};
use syn::visit::Visit;

mod common;
use common::rust_files;

/// The engine (`engine/src/`), lowest layer first. A module uses only its own layer and the
/// ones below it.
const ENGINE: &[(&str, usize, &str)] = &[
    ("data", 0, "base types: static data (Str, List)"),
    ("text", 0, "base types: languages and texts"),
    ("answers", 0, "base types: answers"),
    ("limits", 0, "base types: input limits"),
    ("error", 0, "base types: the catalog's error"),
    ("catalog", 1, "catalog data: the catalog, its loading and checking"),
    ("cond", 1, "catalog data: conditions"),
    ("properties", 1, "catalog data: messenger properties"),
    ("score", 2, "scoring core: answers read and compiled, the points"),
    ("search", 2, "scoring core: the score's range"),
    ("load", 2, "scoring core: loading, which calibrates the scale"),
    ("fragment", 2, "scoring core: the share link"),
    ("assess", 3, "assessment and documents"),
    ("model", 3, "assessment and documents"),
    ("words", 3, "assessment and documents"),
    ("wording", 3, "assessment and documents"),
    ("view", 3, "assessment and documents"),
    ("report", 3, "assessment and documents"),
    ("documents", 3, "assessment and documents"),
    ("overrides", 4, "what crosses a boundary: embedders' overrides"),
    ("contract", 4, "what crosses a boundary: the inputs front-ends decode"),
    ("schema", 4, "what crosses a boundary: the JSON Schemas"),
];

/// The widget (`src/`), lowest layer first.
const WIDGET: &[(&str, usize, &str)] = &[
    ("catalog", 0, "the baked catalog"),
    ("browser", 0, "browser access"),
    ("prerendered", 0, "the prerendered first screen's data"),
    ("state", 0, "the widget's state"),
    ("i18n", 0, "the UI's texts"),
    ("running", 0, "which widget's code runs (for the panic hook)"),
    ("env", 1, "what every component reads besides its props"),
    ("remote", 1, "driving a mounted widget from outside"),
    ("components", 1, "components"),
    ("hooks", 1, "the root component's hooks"),
    ("app", 2, "the app"),
    ("bindings", 3, "the JS API"),
];

/// The module path of a file below `src` (`catalog/validate/mod.rs` -> `catalog::validate`).
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap();
    let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().to_string()).collect();
    let last = parts.pop().unwrap();
    let stem = last.trim_end_matches(".rs");
    if stem != "mod" && stem != "lib" {
        parts.push(stem.to_string());
    }
    parts
}

/// Collects the module paths a file uses, absolute and without `crate`.
struct Uses {
    /// The module whose code is read: the file's, and inside an inline `mod` (`mod tests`)
    /// that one's.
    own: Vec<String>,
    out: Vec<Vec<String>>,
    /// The modules the file declares (`mod options;`): a path that starts with one of them
    /// (`options::read`) is relative to the file's module (Rust 2018 paths).
    declared: BTreeSet<String>,
    /// The length of the file's own module path (`own` is longer inside an inline `mod`).
    depth: usize,
}

impl Uses {
    /// `segments` as written (`crate`, `super`, `self` or a name first): the absolute path, if
    /// it starts at the crate.
    fn push(&mut self, segments: &[String]) {
        let mut base: Vec<String>;
        let mut rest = segments;
        match segments.first().map(String::as_str) {
            Some("crate") => {
                base = Vec::new();
                rest = &segments[1..];
            }
            Some("self") => {
                base = self.own.to_vec();
                rest = &segments[1..];
            }
            Some("super") => {
                base = self.own.to_vec();
                while rest.first().map(String::as_str) == Some("super") {
                    base.pop();
                    rest = &rest[1..];
                }
            }
            Some(first) if self.own.len() == self.depth && self.declared.contains(first) => {
                base = self.own.clone();
            }
            _ => return,
        }
        base.extend(rest.iter().cloned());
        if !base.is_empty() {
            self.out.push(base);
        }
    }

    fn use_tree(&mut self, prefix: &mut Vec<String>, tree: &syn::UseTree) {
        match tree {
            syn::UseTree::Path(p) => {
                prefix.push(p.ident.to_string());
                self.use_tree(prefix, &p.tree);
                prefix.pop();
            }
            // `use crate::a::{self, b}`: `self` is `crate::a`.
            syn::UseTree::Name(n) if n.ident == "self" => self.push(&prefix.clone()),
            syn::UseTree::Name(n) => {
                prefix.push(n.ident.to_string());
                self.push(&prefix.clone());
                prefix.pop();
            }
            syn::UseTree::Rename(r) => {
                prefix.push(r.ident.to_string());
                self.push(&prefix.clone());
                prefix.pop();
            }
            syn::UseTree::Glob(_) => self.push(&prefix.clone()),
            syn::UseTree::Group(g) => {
                for t in &g.items {
                    self.use_tree(prefix, t);
                }
            }
        }
    }

    /// Paths inside a macro call's tokens: `crate :: a :: b`, `super :: …`, `self :: …`.
    fn tokens(&mut self, tokens: TokenStream) {
        let trees: Vec<TokenTree> = tokens.into_iter().collect();
        let mut i = 0;
        while i < trees.len() {
            match &trees[i] {
                TokenTree::Group(g) => self.tokens(g.stream()),
                TokenTree::Ident(id) if ["crate", "super", "self"].contains(&id.to_string().as_str()) => {
                    let mut segments = vec![id.to_string()];
                    let mut j = i + 1;
                    while let (Some(TokenTree::Punct(a)), Some(TokenTree::Punct(b)), Some(TokenTree::Ident(next))) =
                        (trees.get(j), trees.get(j + 1), trees.get(j + 2))
                    {
                        if a.as_char() != ':' || b.as_char() != ':' {
                            break;
                        }
                        segments.push(next.to_string());
                        j += 3;
                    }
                    if segments.len() > 1 {
                        self.push(&segments);
                    }
                    i = j;
                    continue;
                }
                _ => {}
            }
            i += 1;
        }
    }
}

impl<'ast> Visit<'ast> for Uses {
    /// `pub(super)`, `pub(in crate::x)`: who may see an item is no use of a module.
    fn visit_visibility(&mut self, _: &'ast syn::Visibility) {}

    fn visit_item_mod(&mut self, node: &'ast syn::ItemMod) {
        self.own.push(node.ident.to_string());
        syn::visit::visit_item_mod(self, node);
        self.own.pop();
    }

    fn visit_item_use(&mut self, node: &'ast syn::ItemUse) {
        self.use_tree(&mut Vec::new(), &node.tree);
    }

    fn visit_path(&mut self, node: &'ast syn::Path) {
        let segments: Vec<String> = node.segments.iter().map(|s| s.ident.to_string()).collect();
        self.push(&segments);
        syn::visit::visit_path(self, node);
    }

    fn visit_macro(&mut self, node: &'ast syn::Macro) {
        self.tokens(node.tokens.clone());
        syn::visit::visit_macro(self, node);
    }
}

/// The module paths that `source` (the file of module `own`) uses.
fn used_paths(source: &str, own: &[String]) -> Vec<Vec<String>> {
    let file = syn::parse_file(source).unwrap_or_else(|e| panic!("{}: {e}", own.join("::")));
    let declared = file
        .items
        .iter()
        .filter_map(|i| match i {
            syn::Item::Mod(m) => Some(m.ident.to_string()),
            _ => None,
        })
        .collect();
    let mut uses = Uses { own: own.to_vec(), out: Vec::new(), declared, depth: own.len() };
    uses.visit_file(&file);
    uses.out
}

fn layer_of(table: &[(&str, usize, &str)], path: &[String]) -> Option<(String, usize)> {
    let first = path.first()?;
    table.iter().find(|(m, _, _)| *m == first.as_str()).map(|(m, l, _)| (m.to_string(), *l))
}

/// Every upward use in the crate at `src` ("file (layer m) uses `path` (layer n)"), and which
/// top-level module uses which others (for the circle check).
fn violations(
    src: &Path,
    table: &[(&str, usize, &str)],
    skip: &[&str],
) -> (Vec<String>, BTreeMap<String, BTreeSet<String>>) {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    files.sort();
    let mut bad = Vec::new();
    let mut uses: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let rel = file.strip_prefix(src).unwrap().to_string_lossy().to_string();
        if skip.iter().any(|s| rel.starts_with(s)) {
            continue;
        }
        let own = module_of(src, &file);
        if own.is_empty() {
            continue; // the crate root declares and re-exports every layer
        }
        let Some((_, mine)) = layer_of(table, &own) else {
            bad.push(format!(
                "{rel}: module `{}` is in no layer (add it to the table in engine/tests/layers.rs)",
                own[0]
            ));
            continue;
        };
        let source = std::fs::read_to_string(&file).unwrap();
        for path in used_paths(&source, &own) {
            if let Some((target, theirs)) = layer_of(table, &path) {
                if theirs > mine {
                    bad.push(format!("{rel} (layer {mine}) uses `{}` (layer {theirs})", path.join("::")));
                }
                if target != own[0] {
                    uses.entry(own[0].clone()).or_default().insert(target);
                }
            }
        }
    }
    (bad, uses)
}

/// A circle among the modules of `uses`, if there is one.
fn circle(uses: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        n: &str,
        uses: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = stack.iter().position(|s| s == n) {
            let mut c = stack[i..].to_vec();
            c.push(n.to_string());
            return Some(c);
        }
        if done.contains(n) {
            return None;
        }
        stack.push(n.to_string());
        for m in uses.get(n).into_iter().flatten() {
            if let Some(c) = visit(m, uses, stack, done) {
                return Some(c);
            }
        }
        stack.pop();
        done.insert(n.to_string());
        None
    }
    let mut done = BTreeSet::new();
    uses.keys().find_map(|n| visit(n, uses, &mut Vec::new(), &mut done))
}

fn check(src: &Path, table: &[(&str, usize, &str)], skip: &[&str], what: &str) {
    let (bad, uses) = violations(src, table, skip);
    assert!(bad.is_empty(), "upward uses in the {what} (ARCHITECTURE.md, Layers):\n{}", bad.join("\n"));
    if let Some(c) = circle(&uses) {
        panic!("{what}: modules use each other in a circle: {}", c.join(" -> "));
    }
}

#[test]
fn no_engine_module_uses_a_higher_layer_or_a_circle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    check(&src, ENGINE, &["bin/"], "engine");
}

#[test]
fn no_widget_module_uses_a_higher_layer_or_a_circle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../src");
    check(&src, WIDGET, &["bin/"], "widget");
}

/// The files of a directory module (`src/bindings/`) use each other in one direction only:
/// no circle among them, its `mod.rs` counted as one of them (so a file that uses an item of
/// `mod.rs`, which uses that file, is a circle: what files share lives in a file of its own).
fn file_circle(src: &Path, dir: &str) -> Option<Vec<String>> {
    let mut files = Vec::new();
    rust_files(&src.join(dir), &mut files);
    files.sort();
    let name = |own: &[String]| own.get(1).cloned().unwrap_or_else(|| "mod".to_string());
    let children: BTreeSet<String> = files.iter().map(|f| name(&module_of(src, f))).filter(|n| n != "mod").collect();
    assert!(!children.is_empty(), "{dir} has no files");
    let mut uses: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let own = module_of(src, file);
        let me = name(&own);
        for path in used_paths(&std::fs::read_to_string(file).unwrap(), &own) {
            if path.first().map(String::as_str) != Some(dir) {
                continue;
            }
            let target = path.get(1).filter(|n| children.contains(*n)).cloned().unwrap_or_else(|| "mod".to_string());
            if target != me {
                uses.entry(me.clone()).or_default().insert(target);
            }
        }
    }
    circle(&uses)
}

/// The directory modules of the widget whose files must not form a circle.
const FILE_DAGS: &[&str] = &["bindings", "components", "hooks"];

#[test]
fn the_files_of_the_widgets_bindings_components_and_hooks_use_each_other_in_one_direction() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../src");
    for dir in FILE_DAGS {
        if let Some(c) = file_circle(&src, dir) {
            panic!("src/{dir}/: files use each other in a circle: {}", c.join(" -> "));
        }
    }
}

/// The tables name every module there is (a new module must be given a layer), and the layers
/// in ARCHITECTURE.md are these.
#[test]
fn the_tables_and_architecture_md_agree() {
    let doc = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../ARCHITECTURE.md")).unwrap();
    for (crate_name, table) in [("engine", ENGINE), ("widget", WIDGET)] {
        for (module, layer, _) in table {
            let line = format!("{crate_name} layer {layer}:");
            let listed = doc.lines().any(|l| l.contains(&line) && l.contains(&format!("`{module}`")));
            assert!(listed, "ARCHITECTURE.md has no line with `{line}` naming `{module}`");
        }
    }
}

#[test]
fn the_check_finds_what_it_is_for() {
    let own = vec!["catalog".to_string(), "validate".to_string()];
    let source = r#"
        use crate::{score::State, catalog::{Str, List}};
        use super::files::*;
        // crate::assess is only mentioned
        fn f() -> crate::model::Band {
            let _ = "crate::report";
            let _ = format!("{}", crate::search::max(1));
            self::inner::g();
            todo!()
        }
    "#;
    let paths: Vec<String> = used_paths(source, &own).into_iter().map(|p| p.join("::")).collect();
    assert_eq!(
        paths,
        [
            "score::State",
            "catalog::Str",
            "catalog::List",
            "catalog::files",
            "model::Band",
            "search::max",
            "catalog::validate::inner::g"
        ]
    );
    assert_eq!(layer_of(ENGINE, &["search".into()]).map(|l| l.1), Some(2));
    let uses = BTreeMap::from([
        ("a".to_string(), BTreeSet::from(["b".to_string()])),
        ("b".to_string(), BTreeSet::from(["a".to_string()])),
    ]);
    assert!(circle(&uses).is_some());
    let acyclic = BTreeMap::from([("a".to_string(), BTreeSet::from(["b".to_string()]))]);
    assert!(circle(&acyclic).is_none());
}

/// The reader's rules for files inside a directory module: a bare path into a module the file
/// declares counts, `super` inside an inline `mod` is relative to it, a visibility is no use.
#[test]
fn the_file_check_reads_declared_modules_inline_mods_and_visibilities() {
    let own = vec!["bindings".to_string()];
    let source = r#"
        mod options;
        use options::read;
        pub(super) fn f() {}
        pub(in crate::app) fn g() {}
        #[cfg(test)]
        mod tests {
            use super::f;
            fn t() { super::super::app::h(); }
        }
    "#;
    let paths: Vec<String> = used_paths(source, &own).into_iter().map(|p| p.join("::")).collect();
    assert_eq!(paths, ["bindings::options::read", "bindings::f", "app::h"]);
}
