//! Reading the catalog files: each is parsed on its own (a syntax or type error names the file
//! and the JSON path of the field, and keeps serde_json's error as its cause), then `validate`
//! checks the references between them. The scale is calibrated on the result one layer up
//! (`crate::load`, which makes the `Catalog`).
use super::validate::{self, Files};
use super::{CatalogData, CatalogError};

/// The files of the catalog, as embedded in native builds (the widget bakes them instead).
pub const EMBEDDED_FILES: [(&str, &str); 11] = [
    ("meta.json", include_str!("../../catalog/meta.json")),
    ("conditions.json", include_str!("../../catalog/conditions.json")),
    ("sources.json", include_str!("../../catalog/sources.json")),
    ("sources-messengers.json", include_str!("../../catalog/sources-messengers.json")),
    ("sectors.json", include_str!("../../catalog/sectors.json")),
    ("questions.json", include_str!("../../catalog/questions.json")),
    ("rules.json", include_str!("../../catalog/rules.json")),
    ("measures.json", include_str!("../../catalog/measures.json")),
    ("messengers.json", include_str!("../../catalog/messengers.json")),
    ("ui.json", include_str!("../../catalog/ui.json")),
    ("templates.json", include_str!("../../catalog/templates.json")),
];

/// Parses one file; an error names the JSON path of the bad field.
fn parse<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T, CatalogError> {
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        CatalogError::new(file, "", if path == "." { String::new() } else { path }, inner.to_string()).caused_by(inner)
    })
}

/// The checked data of the files (name, content), not yet calibrated.
pub(crate) fn data(files: &[(&str, &str)]) -> Result<CatalogData, CatalogError> {
    let get = |name: &str| {
        files
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, t)| *t)
            .ok_or_else(|| CatalogError::new(name, "", "", "file is missing"))
    };
    let f = Files {
        meta: parse("meta.json", get("meta.json")?)?,
        conditions: parse("conditions.json", get("conditions.json")?)?,
        sources: parse("sources.json", get("sources.json")?)?,
        messenger_sources: parse("sources-messengers.json", get("sources-messengers.json")?)?,
        sectors: parse("sectors.json", get("sectors.json")?)?,
        questions: parse("questions.json", get("questions.json")?)?,
        rules: parse("rules.json", get("rules.json")?)?,
        measures: parse("measures.json", get("measures.json")?)?,
        messengers: parse("messengers.json", get("messengers.json")?)?,
        ui: parse("ui.json", get("ui.json")?)?,
        templates: parse("templates.json", get("templates.json")?)?,
    };
    validate::catalog(f)
}
