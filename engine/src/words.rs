//! The words of the visitor's sector and messenger in the catalog's texts: `{people}`,
//! `{secrecy_law}` and the other values of the sector's profile (`sectors.json`), `{messenger}`
//! for the chosen messenger's name; and in source lists, `sector:key` for the sources of a
//! profile value and `@property` for the chosen messenger's sources of a property. So a text
//! names the law of the visitor's own sector, and cites the documents of the visitor's own
//! messenger, without a rule that hard-codes either. The loader checks every name
//! (`catalog::validate::placeholders`); a name that is none of them stays as it is.
use crate::catalog::PROFILE_SOURCES;
use crate::catalog::{Catalog, Profile, Str};
use crate::cond::ANSWERED;
use crate::score::State;
use crate::text::Lang;

/// What fills the placeholders for one visitor.
#[derive(Clone, Copy)]
pub(crate) struct Words<'a> {
    cat: &'a Catalog,
    profile: &'a Profile,
    /// The chosen messenger's option id, if one is chosen.
    messenger: Option<&'a str>,
    lang: Lang,
}

/// The option id a single-choice question has in the effective answers.
pub(crate) fn chosen<'a>(cat: &'a Catalog, eff: &State, question: &str) -> Option<&'a str> {
    let qi = cat.question_idx(question)?;
    let v = eff[qi];
    if v & ANSWERED == 0 {
        return None;
    }
    let bit = (v & !ANSWERED).trailing_zeros() as usize;
    cat.questions()[qi].options.get(bit).map(|o| o.id.as_ref())
}

impl<'a> Words<'a> {
    /// The words for these effective answers: the answered sector's profile (else the
    /// default's) and the chosen messenger.
    pub fn of(cat: &'a Catalog, eff: &State, lang: Lang) -> Words<'a> {
        let profile = chosen(cat, eff, "sector").and_then(|s| cat.profile(s)).unwrap_or_else(|| cat.default_profile());
        Words { cat, profile, messenger: chosen(cat, eff, "messenger"), lang }
    }

    /// The same words about another messenger (a what-if or an alternative).
    pub fn about(self, messenger: &'a str) -> Words<'a> {
        Words { messenger: Some(messenger), ..self }
    }

    /// The chosen messenger's name as the texts write it.
    pub fn messenger_name(&self) -> &'a str {
        let named = self.messenger.and_then(|m| self.cat.templates().messenger(m)).map(|(_, s)| s.name.get(self.lang));
        match named {
            Some(n) if !n.contains('{') => n,
            _ => self.cat.ui("messenger_unnamed", self.lang),
        }
    }

    /// The value of a placeholder, if it names one.
    pub fn value(&self, name: &str) -> Option<&'a str> {
        if name == "messenger" {
            return Some(self.messenger_name());
        }
        self.profile.value(name).map(|v| v.text.get(self.lang))
    }

    /// A text with its placeholders filled (values may name the messenger and other values
    /// themselves, one level deep).
    pub fn fill(&self, text: &str) -> String {
        self.fill_depth(text, 2).trim().to_string()
    }

    fn fill_depth(&self, text: &str, depth: u8) -> String {
        let mut out = String::with_capacity(text.len() + 32);
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let Some(close) = rest[open..].find('}').map(|c| c + open) else {
                break;
            };
            let name = &rest[open + 1..close];
            match self.value(name) {
                Some(v) if depth > 0 => out.push_str(&self.fill_depth(v, depth - 1)),
                _ => out.push_str(&rest[open..=close]),
            }
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        out
    }

    /// Source ids with `sector:key` and `@property` resolved, each once, in order.
    pub fn sources(&self, lists: &[&[Str]]) -> Vec<Str> {
        let mut out: Vec<Str> = Vec::new();
        let mut push = |id: &Str| {
            if !out.contains(id) {
                out.push(id.clone());
            }
        };
        for id in lists.iter().flat_map(|l| l.iter()) {
            if let Some(key) = id.strip_prefix(PROFILE_SOURCES) {
                self.profile.value(key).into_iter().flat_map(|v| v.sources.iter()).for_each(&mut push);
            } else if let Some(prop) = id.strip_prefix('@') {
                let m = self.messenger.and_then(|m| self.cat.messenger(m));
                m.and_then(|m| m.properties.get(prop)).into_iter().flat_map(|p| p.sources.iter()).for_each(&mut push);
            } else {
                push(id);
            }
        }
        out
    }
}
