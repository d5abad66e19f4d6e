//! The share link: answers in the URL fragment, readable and versioned:
//! `#v=1&sector=trade&audience=customers,internal&messenger=whatsapp`.
//!
//! Parsing never fails and never panics: whatever is valid is kept, the rest is listed in
//! `dropped` so the page can say so. Values are never markup; the widget shows them as text.
use crate::answers::{Answer, Answers};
use crate::catalog::Catalog;

/// The format version this build writes and reads.
pub const VERSION: &str = "1";
/// Longest fragment that is read at all; the rest is dropped with a notice.
pub const MAX_LEN: usize = 4096;
/// At most this many dropped items are listed (a hostile link could produce thousands).
pub const MAX_DROPPED: usize = 10;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DropReason {
    UnknownVersion,
    UnknownQuestion,
    UnknownOption,
    BadEncoding,
    Duplicate,
    WrongShape,
    TooLong,
}

impl DropReason {
    /// The key of the interface text that explains it (`link.*` in ui.json).
    pub fn ui_key(&self) -> &'static str {
        match self {
            DropReason::UnknownVersion => "link.unknown_version",
            DropReason::UnknownQuestion => "link.unknown_question",
            DropReason::UnknownOption => "link.unknown_option",
            DropReason::BadEncoding => "link.bad_encoding",
            DropReason::Duplicate => "link.duplicate",
            DropReason::WrongShape => "link.wrong_shape",
            DropReason::TooLong => "link.too_long",
        }
    }
}

/// Something the link held that was not used. `item` is the offending text, shortened, to be
/// shown as plain text only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dropped {
    pub item: String,
    pub reason: DropReason,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parsed {
    pub answers: Answers,
    pub dropped: Vec<Dropped>,
    /// How many items were dropped in all (`dropped` lists at most `MAX_DROPPED`).
    pub dropped_count: usize,
}

impl Parsed {
    fn drop(&mut self, item: &str, reason: DropReason) {
        self.dropped_count += 1;
        if self.dropped.len() < MAX_DROPPED {
            self.dropped.push(Dropped { item: shorten(item), reason });
        }
    }
}

/// The item as the notice shows it: cut, control characters written out (`limits::excerpt`).
fn shorten(s: &str) -> String {
    crate::limits::excerpt(s)
}

/// Decodes `%XX` escapes and `+`; `None` if an escape is broken or the bytes are not UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' => {
                let hex = b.get(i + 1..i + 3)?;
                let hex = std::str::from_utf8(hex).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// Reads answers from a fragment (with or without the leading `#`).
pub fn parse(fragment: &str, catalog: &Catalog) -> Parsed {
    let mut p = Parsed::default();
    let mut f = fragment.strip_prefix('#').unwrap_or(fragment);
    if f.len() > MAX_LEN {
        let mut cut = MAX_LEN;
        while !f.is_char_boundary(cut) {
            cut -= 1;
        }
        p.drop(&f[cut..], DropReason::TooLong);
        f = &f[..cut];
    }
    let mut pairs: Vec<(String, String)> = Vec::new();
    for part in f.split('&').filter(|s| !s.is_empty()) {
        let (k, v) = part.split_once('=').unwrap_or((part, ""));
        match (percent_decode(k), percent_decode(v)) {
            (Some(k), Some(v)) => pairs.push((k.trim().to_string(), v.trim().to_string())),
            _ => p.drop(part, DropReason::BadEncoding),
        }
    }
    if let Some((_, v)) = pairs.iter().find(|(k, _)| k == "v") {
        if v != VERSION {
            p.drop(&format!("v={v}"), DropReason::UnknownVersion);
            return p;
        }
    }
    for (k, v) in pairs {
        if k == "v" {
            continue;
        }
        let Some(q) = catalog.question(&k) else {
            p.drop(&format!("{k}={v}"), DropReason::UnknownQuestion);
            continue;
        };
        if p.answers.contains_key(&k) {
            p.drop(&format!("{k}={v}"), DropReason::Duplicate);
            continue;
        }
        let ids: Vec<&str> = v.split(',').map(str::trim).filter(|s| !s.is_empty()).collect();
        let mut valid: Vec<String> = Vec::new();
        for id in &ids {
            if q.options.iter().any(|o| o.id == *id) {
                if !valid.iter().any(|x| x == id) {
                    valid.push(id.to_string());
                }
            } else {
                p.drop(&format!("{k}={id}"), DropReason::UnknownOption);
            }
        }
        if q.multi {
            // Keep catalog order, so that the same selection always reads the same.
            let ordered: Vec<String> = q
                .options
                .iter()
                .filter(|o| valid.iter().any(|v| *v == o.id.as_ref()))
                .map(|o| o.id.to_string())
                .collect();
            // Every option was unknown (already reported): the question stays unanswered. Only
            // an empty value (`content=`) is the empty list, "none of these".
            if !ids.is_empty() && ordered.is_empty() {
                continue;
            }
            if ordered.len() < usize::from(q.min_choices) {
                p.drop(&format!("{k}={v}"), DropReason::WrongShape);
                continue;
            }
            p.answers.insert(k, Answer::Many(ordered));
        } else if valid.len() == 1 && ids.len() == 1 {
            p.answers.insert(k, Answer::One(valid.remove(0)));
        } else if ids.len() > 1 {
            p.drop(&format!("{k}={v}"), DropReason::WrongShape);
        } else if ids.is_empty() {
            p.drop(&format!("{k}="), DropReason::WrongShape);
        }
    }
    p
}

/// Writes answers as a fragment (without `#`), questions in catalog order. Ids are plain
/// ASCII words, so nothing needs escaping.
pub fn encode(answers: &Answers, catalog: &Catalog) -> String {
    let mut out = format!("v={VERSION}");
    for q in catalog.questions() {
        if let Some(a) = answers.get(q.id.as_ref()) {
            out.push('&');
            out.push_str(&q.id);
            out.push('=');
            out.push_str(&a.ids().join(","));
        }
    }
    out
}

#[cfg(all(test, feature = "load"))]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_list_value_leaves_the_question_unanswered() {
        let cat = Catalog::embedded();
        let p = parse("#v=1&content=fax&messenger=wire", cat);
        assert!(!p.answers.contains_key("content"), "not \"none of these\": {:?}", p.answers);
        assert_eq!(p.answers["messenger"], Answer::One("wire".into()));
        assert_eq!(p.dropped, vec![Dropped { item: "content=fax".into(), reason: DropReason::UnknownOption }]);
        // Only an empty value is the empty list.
        assert_eq!(parse("#v=1&content=", cat).answers.get("content"), Some(&Answer::Many(vec![])));
        // The known part of a list is kept.
        let p = parse("#v=1&content=fax,appointments", cat);
        assert_eq!(p.answers["content"], Answer::Many(vec!["appointments".into()]));
        assert_eq!(p.dropped_count, 1);
    }

    #[test]
    fn a_dropped_item_is_shown_cut_and_without_control_characters() {
        let cat = Catalog::embedded();
        let p = parse(&format!("#v=1&sector=%1B%5B2J{}", "x".repeat(500)), cat);
        let item = &p.dropped[0].item;
        assert!(item.starts_with("sector=\\u{1b}[2Jxxx"), "{item}");
        assert!(item.chars().count() <= 41 && item.ends_with('…'), "{item}");
    }
}
