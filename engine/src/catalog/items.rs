//! What a loaded catalog holds: validated, with conditions compiled and ids resolved. Static
//! data (`Str`, `List`) so that a catalog baked at build time is held as it is, with no parsing;
//! an embedder's overrides copy only what they change. (The files' own shapes are in `files`.)
use super::{List, Str};
use crate::cond::Compiled;
use crate::properties::Properties;
use crate::text::Text;

macro_rules! baked {
    ($($item:item)*) => {
        $(
            #[derive(Clone, Debug, PartialEq)]
            #[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = engine::__baked))]
            $item
        )*
    };
}

baked! {
    /// The catalog's version, as-of date, bands, and the texts and facts about the whole.
    pub struct Meta {
        /// Catalog version, e.g. `2026.11.1`.
        pub version: Str,
        /// The date the facts and rules were last checked, `YYYY-MM-DD`.
        pub as_of: Str,
        /// Rising by `min`, the first from 0.
        pub bands: List<BandDef>,
        pub disclaimer: Text,
        /// How the score is computed, in words the visitor reads.
        pub formula: Text,
        /// Dated legal facts the rules rest on.
        pub facts: List<Fact>,
    }

    pub struct BandDef {
        /// `low`, `moderate`, `high` or `critical`.
        pub id: Str,
        /// The lowest score in this band.
        pub min: u8,
        pub label: Text,
        pub advice: Text,
    }

    pub struct Fact {
        pub id: Str,
        pub text: Text,
        /// Whether a source confirmed it (`false`: say "unknown" or "reported").
        pub verified: bool,
        pub checked: Str,
        pub sources: List<Str>,
    }

    /// A source as the catalog records it.
    pub struct Source {
        pub id: Str,
        /// In each language (a German statute keeps its German name).
        pub title: Text,
        /// The specific document, never a bare domain.
        pub url: Option<Str>,
        /// Publication date: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
        pub date: Option<Str>,
        /// When it was last checked, `YYYY-MM-DD` (every source with an address has one,
        /// unless it is `reported`).
        pub checked: Option<Str>,
        /// Only secondary sources confirm what it says.
        pub reported: bool,
        /// One of `SOURCE_KINDS`.
        pub kind: Str,
        /// The messengers it is about (empty: none in particular). A case that cites it fires
        /// only for these messengers (the loader checks it).
        pub about: List<Str>,
        /// The sectors it concerns (empty: all).
        pub sectors: List<Str>,
    }

    pub struct Section {
        pub id: Str,
        pub title: Text,
    }

    pub struct Question {
        pub id: Str,
        /// The id of its section.
        pub section: Str,
        pub multi: bool,
        /// For multi questions: the fewest options an answer must select.
        pub min_choices: u8,
        /// Whether the engine may suggest another answer as a what-if.
        pub what_if: bool,
        pub title: Text,
        pub why: Text,
        pub options: List<QOption>,
        /// When it applies (`None`: always); reads only earlier questions.
        #[doc(hidden)]
        pub ask: Option<Compiled>,
    }

    pub struct QOption {
        pub id: Str,
        pub label: Text,
        pub hint: Option<Text>,
        /// Whether a what-if may suggest switching to it.
        pub suggest: bool,
        /// When a what-if may suggest it (`None`: whenever `suggest` allows).
        #[doc(hidden)]
        pub suggest_when: Option<Compiled>,
        /// When a what-if must not suggest it.
        #[doc(hidden)]
        pub suggest_unless: Option<Compiled>,
        /// Chosen, but decides nothing yet: counted as not answered.
        pub open: bool,
    }

    /// A risk factor: the case with the most points among those that hold gives its points.
    pub struct Rule {
        pub id: Str,
        pub title: Text,
        pub text: Text,
        /// Cited in each language's form (`Art. 6 Abs. 1 lit. b DSGVO` / `Art. 6(1)(b) GDPR`).
        pub law: Text,
        pub sources: List<Str>,
        pub cases: List<Case>,
    }

    pub struct Case {
        /// The rule's common condition and the case's own, together.
        #[doc(hidden)]
        pub when: Compiled,
        pub points: u32,
        /// Replaces the rule's text when this case gives the points.
        pub text: Option<Text>,
        /// Replaces the rule's law line when this case gives the points.
        pub law: Option<Text>,
        /// Cited beside the rule's general sources (`@key`: the sector profile's for `key`).
        pub sources: List<Str>,
    }

    pub struct Measure {
        pub id: Str,
        pub title: Text,
        pub text: Text,
        pub law: Text,
        pub sources: List<Str>,
        /// The answer changes that make up the measure.
        #[doc(hidden)]
        pub changes: List<AnswerChange>,
        /// For whom it fits (`None`: everyone); a measure that does not fit is not offered.
        #[doc(hidden)]
        pub when: Option<Compiled>,
        /// For whom it is never offered.
        #[doc(hidden)]
        pub unless: Option<Compiled>,
        /// What it costs in reach, and when.
        pub reach: Option<Reach>,
        /// Variants of title and text; the first that holds is used.
        pub cases: List<MeasureCase>,
    }

    pub struct MeasureCase {
        #[doc(hidden)]
        pub when: Compiled,
        pub title: Option<Text>,
        pub text: Option<Text>,
        pub sources: List<Str>,
    }

    pub struct Reach {
        #[doc(hidden)]
        pub when: Compiled,
        pub text: Text,
    }

    /// An answer change with the question's index and option bits resolved: `set` replaces
    /// the answer; `add` and `remove` change a multi question's selection.
    #[doc(hidden)]
    pub struct AnswerChange {
        pub q: usize,
        pub set: Option<u32>,
        pub add: u32,
        pub remove: u32,
    }

    pub struct Messenger {
        /// An option id of the `messenger` question, or a messenger beyond them.
        pub id: Str,
        pub name: Str,
        /// Whether it is offered as an alternative (embedders may change this).
        pub recommend: bool,
        pub summary: Text,
        pub operator: Text,
        /// What it costs the business: money and trade-offs.
        pub cost: Text,
        pub properties: Properties,
        /// Fit before the visitor's needs count, 0..=100.
        pub base_fit: i32,
        pub fit: List<FitRule>,
        /// Answers that come with choosing it (e.g. EU storage for the Business Platform),
        /// each if its condition holds; later ones win.
        #[doc(hidden)]
        pub assume: List<(Option<Compiled>, AnswerChange)>,
        /// The sources of the facts its summary, operator and cost state.
        pub sources: List<Str>,
        /// For whom it is an alternative at all (`None`: everyone).
        #[doc(hidden)]
        pub offer_when: Option<Compiled>,
        /// What switching to it costs in reach, and when.
        pub reach: Option<Reach>,
    }

    /// A sector's profile (`sectors.json`): the law that applies to it and its words, as
    /// values that texts use as placeholders.
    pub struct Profile {
        /// An option id of the `sector` question.
        pub id: Str,
        /// Whose words stand while the sector is not answered.
        pub default: bool,
        pub flags: List<Str>,
        /// Sorted by key.
        pub values: List<(Str, ProfileValue)>,
    }

    pub struct ProfileValue {
        pub text: Text,
        pub sources: List<Str>,
    }

    pub struct FitRule {
        #[doc(hidden)]
        pub when: Compiled,
        pub points: i32,
        pub reason: Text,
    }

    /// An embedder's call to action: a label and a link.
    pub struct CallToAction {
        pub label: Text,
        pub url: Str,
    }
}

/// What a source is: a statute or regulation, a court decision, a supervisory authority's
/// paper, the provider's own page, press, or a secondary source (an article by a named
/// publisher, marked as such).
pub const SOURCE_KINDS: [&str; 6] = ["law", "court", "authority", "vendor", "press", "secondary"];

impl Profile {
    /// A value by key.
    pub fn value(&self, key: &str) -> Option<&ProfileValue> {
        self.values.binary_search_by(|(k, _)| k.as_ref().cmp(key)).ok().map(|i| &self.values[i].1)
    }
}
