//! `meta.json`: version, as-of date, the bands (low, moderate, high, critical, rising from 0),
//! the disclaimer and formula, and the dated facts with their sources.
use super::{check_date, check_text, err, Sources};
use crate::catalog::{files, BandDef, CatalogError, Fact, Meta};

pub(crate) fn check(m: files::Meta, sources: &Sources) -> Result<Meta, CatalogError> {
    const FILE: &str = "meta.json";
    check_date(FILE, "", "as_of", &m.as_of)?;
    if m.version.trim().is_empty() {
        return Err(err(FILE, "", "version", "must not be empty"));
    }
    check_text(FILE, "", "disclaimer", &m.disclaimer)?;
    check_text(FILE, "", "formula", &m.formula)?;
    if m.bands.first().map(|b| b.min) != Some(0) {
        return Err(err(FILE, "", "bands[0].min", "the first band must start at 0"));
    }
    let ids = ["low", "moderate", "high", "critical"];
    if m.bands.iter().map(|b| b.id.as_str()).ne(ids) {
        return Err(err(FILE, "", "bands", "must be low, moderate, high and critical, in this order"));
    }
    for (i, b) in m.bands.iter().enumerate() {
        let entry = format!("band `{}`", b.id);
        if i > 0 && b.min <= m.bands[i - 1].min {
            return Err(err(FILE, entry, "min", "bands must rise"));
        }
        check_text(FILE, &entry, "label", &b.label)?;
        check_text(FILE, &entry, "advice", &b.advice)?;
    }
    let mut facts = Vec::new();
    for f in m.facts {
        let entry = format!("fact `{}`", f.id);
        check_text(FILE, &entry, "text", &f.text)?;
        check_date(FILE, &entry, "checked", &f.checked)?;
        let verified = f.status == files::FactStatus::Verified;
        let sources = sources.check(FILE, &entry, &f.sources, verified)?;
        facts.push(Fact { id: f.id.into(), text: f.text, verified, checked: f.checked.into(), sources });
    }
    Ok(Meta {
        version: m.version.into(),
        as_of: m.as_of.into(),
        bands: m
            .bands
            .into_iter()
            .map(|b| BandDef { id: b.id.into(), min: b.min, label: b.label, advice: b.advice })
            .collect::<Vec<_>>()
            .into(),
        disclaimer: m.disclaimer,
        formula: m.formula,
        facts: facts.into(),
    })
}
