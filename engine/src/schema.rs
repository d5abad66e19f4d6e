//! JSON Schemas for the answers (generated from the catalog, so that every question and
//! option id is listed), for the assessment and for a filled template (derived from the Rust
//! types).
use serde_json::{json, Map, Value};

use crate::catalog::Catalog;

/// The JSON Schema of answers for this catalog.
pub fn answers_schema(catalog: &Catalog) -> Value {
    let mut props = Map::new();
    for q in catalog.questions() {
        let ids: Vec<&str> = q.options.iter().map(|o| o.id.as_ref()).collect();
        let one = json!({"type": "string", "enum": ids});
        let schema = if q.multi {
            json!({"description": q.title.en, "anyOf": [
                {"type": "array", "items": one, "uniqueItems": true, "minItems": q.min_choices},
                {"type": "null"}
            ]})
        } else {
            json!({"description": q.title.en, "anyOf": [one, {"type": "null"}]})
        };
        props.insert(q.id.to_string(), schema);
    }
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://messenger-check.example/schema/answers.schema.json",
        "title": "messenger-check answers",
        "description": format!("Question id to option id (a list for multi questions); a missing key or null means not answered. Catalog {}.", catalog.version()),
        "type": "object",
        "properties": props,
        "additionalProperties": false
    })
}

/// The JSON Schema of the assessment.
pub fn assessment_schema() -> Value {
    serde_json::to_value(schemars::schema_for!(crate::model::Assessment)).expect("a schema is JSON")
}

/// The JSON Schema of a filled template (`assess --document … --format json`, the JS API's
/// `documents()`): sections, blocks, items with the facts of the setup description they name,
/// and the description itself.
pub fn document_schema() -> Value {
    serde_json::to_value(schemars::schema_for!(crate::documents::Document)).expect("a schema is JSON")
}
