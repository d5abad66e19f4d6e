//! `sources.json` and `sources-messengers.json`: unique ids, a known kind, titles in both
//! languages, and for every web source the specific document (never a bare domain), the date it
//! was checked, and no second source with the same address.
use super::{check_date, check_text, err};
use crate::catalog::{files, CatalogError, List, Source, Str, SOURCE_KINDS};

/// The sources in file order, and their ids with their index, sorted by id.
type Checked = (List<Source>, List<(Str, usize)>);

pub(crate) fn check(main: Vec<files::Source>, messengers: Vec<files::Source>) -> Result<Checked, CatalogError> {
    let n_main = main.len();
    let mut out: Vec<Source> = Vec::new();
    let mut index: Vec<(Str, usize)> = Vec::new();
    for (i, s) in main.into_iter().chain(messengers).enumerate() {
        let file = if i < n_main { "sources.json" } else { "sources-messengers.json" };
        let entry = format!("source `{}`", s.id);
        if s.id.is_empty() {
            return Err(err(file, format!("source #{i}"), "id", "must not be empty"));
        }
        if index.iter().any(|(k, _)| *k == s.id.as_str()) {
            return Err(err(file, entry, "id", "duplicate id"));
        }
        check_text(file, &entry, "title", &s.title)?;
        if !SOURCE_KINDS.contains(&s.kind.as_str()) {
            return Err(err(file, entry, "kind", format!("must be one of: {}", SOURCE_KINDS.join(", "))));
        }
        if let Some(d) = &s.checked {
            check_date(file, &entry, "checked", d)?;
        }
        if let Some(u) = &s.url {
            check_address(u).map_err(|m| err(file, &entry, "url", m))?;
            if s.checked.is_none() && !s.reported {
                return Err(err(
                    file,
                    entry,
                    "checked",
                    "a source with an address needs the date it was checked (or `reported`: true)",
                ));
            }
            if let Some(other) = out.iter().find(|o| o.url.as_deref() == Some(u.as_str())) {
                return Err(err(file, entry, "url", format!("same address as source `{}`: cite that one", other.id)));
            }
        }
        index.push((s.id.clone().into(), out.len()));
        out.push(Source {
            id: s.id.into(),
            title: s.title,
            url: s.url.map(Str::from),
            date: s.date.map(Str::from),
            checked: s.checked.map(Str::from),
            reported: s.reported,
            kind: s.kind.into(),
            about: s.about.iter().cloned().map(Str::from).collect::<Vec<_>>().into(),
            sectors: s.sectors.iter().cloned().map(Str::from).collect::<Vec<_>>().into(),
        });
    }
    index.sort_by(|a, b| a.0.cmp(&b.0));
    Ok((out.into(), index.into()))
}

/// A web address that names a specific document: http(s), with a path beyond the domain.
fn check_address(u: &str) -> Result<(), String> {
    let rest = u
        .strip_prefix("https://")
        .or_else(|| u.strip_prefix("http://"))
        .ok_or_else(|| "must be an http(s) address".to_string())?;
    // The fragment names a place in a page, not a page: it does not count.
    let rest = rest.split('#').next().unwrap_or_default();
    let (host, path) = rest.split_at(rest.find(['/', '?']).unwrap_or(rest.len()));
    if host.is_empty() || !host.contains('.') {
        return Err(format!("`{u}` has no host"));
    }
    if path.trim_matches(['/', '?', '#']).is_empty() {
        return Err(format!("`{u}` is a bare domain: cite the specific document (the page, section or decision)"));
    }
    Ok(())
}
