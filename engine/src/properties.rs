//! The messenger properties ("key facts") a comparison shows: their ids and order, the catalog's
//! record of each (value, note, sources) and the assessment's values, all from one list.
use serde::Serialize;

use crate::data::{List, Str};
use crate::text::Text;

/// One messenger property: its value, a note, and the sources that say so.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = engine::__baked))]
pub struct Property {
    pub value: PropValue,
    pub note: Option<Text>,
    pub sources: List<Str>,
}

/// What the catalog says about a property: a value, or `unknown` where no source could verify
/// it. (The catalog's word for it, and the assessment's: `key_facts`.)
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema, ts_rs::TS))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = engine::__baked))]
#[serde(rename_all = "snake_case")]
pub enum PropValue {
    Yes,
    No,
    Partial,
    Optional,
    Unknown,
}

impl PropValue {
    /// The id as the catalog writes it.
    pub fn id(self) -> &'static str {
        match self {
            PropValue::Yes => "yes",
            PropValue::No => "no",
            PropValue::Partial => "partial",
            PropValue::Optional => "optional",
            PropValue::Unknown => "unknown",
        }
    }

    /// The value of an id, if it is one.
    pub fn from_id(id: &str) -> Option<PropValue> {
        [PropValue::Yes, PropValue::No, PropValue::Partial, PropValue::Optional, PropValue::Unknown]
            .into_iter()
            .find(|v| v.id() == id)
    }
}

macro_rules! properties {
    ($($(#[$doc:meta])* $id:ident),+ $(,)?) => {
        /// The property ids, in the order a comparison shows them.
        pub const PROPERTIES: [&str; [$(stringify!($id)),+].len()] = [$(stringify!($id)),+];

        /// A messenger's properties as the catalog records them (each with its sources).
        #[derive(Clone, Debug, PartialEq)]
        #[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = engine::__baked))]
        pub struct Properties {
            $($(#[$doc])* pub $id: Property,)+
        }

        impl Properties {
            /// A property by id.
            pub fn get(&self, id: &str) -> Option<&Property> {
                match id {
                    $(stringify!($id) => Some(&self.$id),)+
                    _ => None,
                }
            }

            /// Every property with its id, in `PROPERTIES` order.
            pub fn iter(&self) -> impl Iterator<Item = (&'static str, &Property)> {
                [$((stringify!($id), &self.$id)),+].into_iter()
            }

            /// Builds the properties from a lookup by id (`None` names the first missing id).
            #[cfg(feature = "load")]
            pub(crate) fn try_from_fn(
                mut f: impl FnMut(&'static str) -> Option<Property>,
            ) -> Result<Properties, &'static str> {
                Ok(Properties { $($id: f(stringify!($id)).ok_or(stringify!($id))?,)+ })
            }

            /// The values alone, as an assessment carries them.
            pub fn key_facts(&self) -> KeyFacts {
                KeyFacts { $($id: self.$id.value,)+ }
            }
        }

        /// The key facts side by side (`unknown` where no source could verify them), as an
        /// assessment's alternatives carry them. Their labels, notes and sources do not depend
        /// on the answers: `engine::property_details`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
        #[derive(serde::Deserialize)]
        #[cfg_attr(feature = "cli", derive(schemars::JsonSchema, ts_rs::TS))]
        pub struct KeyFacts {
            $($(#[$doc])* pub $id: PropValue,)+
        }

        impl KeyFacts {
            /// The value of a property by its id.
            pub fn get(&self, id: &str) -> Option<PropValue> {
                match id {
                    $(stringify!($id) => Some(self.$id),)+
                    _ => None,
                }
            }
        }
    };
}

properties! {
    /// End-to-end encrypted by default.
    e2e_default,
    /// Servers in the EU (or an adequate country such as Switzerland).
    servers_eu,
    /// Usable without a phone number.
    no_phone_number,
    /// Works without reading the address book.
    contacts_optional,
    open_source,
    self_hosting,
    /// Central management of staff for businesses.
    admin_console,
    /// A processing agreement (Art. 28 GDPR) on offer.
    dpa,
}
