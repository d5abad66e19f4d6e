//! Compiling conditions: from the files' ids (`Cond`) to question indices and option bit masks
//! (`Compiled`), checking every id on the way. Named conditions (`ref`) are expanded and
//! messenger facts (`fact`) become the set of messengers that have them.
use std::collections::{BTreeMap, HashMap};

use super::{Compiled, Cond};
use crate::error::CatalogError;
use crate::properties::{PropValue, PROPERTIES};

/// Where a condition stands, for error messages: file, entry and field.
pub(crate) struct Place<'a> {
    pub file: &'a str,
    pub entry: &'a str,
    pub field: &'a str,
}

impl Place<'_> {
    fn err(&self, message: impl Into<String>) -> CatalogError {
        CatalogError::new(self.file, self.entry, self.field, message)
    }
}

/// What compiling needs to know: the questions so far (a question's condition may only read
/// earlier ones) with their options, the named conditions, and each messenger's facts.
pub(crate) struct Ctx<'a> {
    pub index: &'a HashMap<String, usize>,
    pub options: &'a HashMap<String, Vec<String>>,
    pub named: &'a BTreeMap<String, Cond>,
    /// Messenger id -> property id -> value.
    pub facts: &'a HashMap<String, BTreeMap<String, PropValue>>,
    /// Sector id -> the flags of its profile.
    pub profiles: &'a HashMap<String, Vec<String>>,
}

/// Compiles a condition, or says what is wrong with it.
pub(crate) fn compile(c: &Cond, ctx: &Ctx, at: &Place) -> Result<Compiled, CatalogError> {
    compile_in(c, ctx, at, &mut Vec::new())
}

/// The named conditions a condition refers to directly.
pub(crate) fn refs_in(c: &Cond) -> Vec<&str> {
    match c {
        Cond::Ref(r) => vec![r.as_str()],
        Cond::All(cs) | Cond::Any(cs) => cs.iter().flat_map(refs_in).collect(),
        _ => Vec::new(),
    }
}

/// `stack`: the named conditions being expanded, to refuse one that refers to itself.
fn compile_in(c: &Cond, ctx: &Ctx, at: &Place, stack: &mut Vec<String>) -> Result<Compiled, CatalogError> {
    let qidx = |id: &str| ctx.index.get(id).copied().ok_or_else(|| at.err(format!("unknown question `{id}`")));
    let options = |q: &str| ctx.options.get(q).ok_or_else(|| at.err(format!("unknown question `{q}`")));
    let many = |cs: &[Cond], stack: &mut Vec<String>| -> Result<Vec<Compiled>, CatalogError> {
        cs.iter().map(|c| compile_in(c, ctx, at, stack)).collect()
    };
    Ok(match c {
        Cond::Is(list) => {
            let (q, wanted) =
                list.split_first().ok_or_else(|| at.err("`is` needs a question id and at least one option id"))?;
            if wanted.is_empty() {
                return Err(at.err(format!("`is` on `{q}` names no option")));
            }
            let qi = qidx(q)?;
            let all = options(q)?;
            let mut mask = 0u32;
            for o in wanted {
                let bit = all
                    .iter()
                    .position(|x| x == o)
                    .ok_or_else(|| at.err(format!("unknown option `{o}` for question `{q}`")))?;
                mask |= 1 << bit;
            }
            Compiled::Is { q: qi, mask }
        }
        Cond::Answered(q) => Compiled::Answered(qidx(q)?),
        Cond::All(cs) => Compiled::All(many(cs, stack)?.into()),
        Cond::Any(cs) => Compiled::Any(many(cs, stack)?.into()),
        Cond::Ref(name) => {
            let def = ctx.named.get(name).ok_or_else(|| at.err(format!("unknown condition `{name}`")))?;
            if stack.contains(name) {
                return Err(at.err(format!("condition `{name}` refers to itself")));
            }
            stack.push(name.clone());
            let compiled = compile_in(def, ctx, at, stack);
            stack.pop();
            compiled?
        }
        Cond::Fact(list) => {
            let (property, wanted) =
                list.split_first().ok_or_else(|| at.err("`fact` needs a property and at least one value"))?;
            if !PROPERTIES.contains(&property.as_str()) {
                return Err(at.err(format!("unknown property `{property}` (known: {})", PROPERTIES.join(", "))));
            }
            if wanted.is_empty() {
                return Err(at.err(format!("`fact` on `{property}` names no value")));
            }
            let mut values = Vec::new();
            for w in wanted {
                let v = PropValue::from_id(w).ok_or_else(|| {
                    at.err(format!("unknown value `{w}` (known: yes, no, partial, optional, unknown)"))
                })?;
                values.push(v);
            }
            let qi = qidx("messenger")?;
            let mut mask = 0u32;
            for (bit, id) in options("messenger")?.iter().enumerate() {
                let value = ctx.facts.get(id).and_then(|p| p.get(property));
                if value.is_some_and(|v| values.contains(v)) {
                    mask |= 1 << bit;
                }
            }
            if mask == 0 {
                return Err(at.err(format!("`fact` on `{property}` matches no messenger")));
            }
            Compiled::Is { q: qi, mask }
        }
        Cond::Profile(flags) => {
            if flags.is_empty() {
                return Err(at.err("`profile` needs at least one flag"));
            }
            let known: Vec<&String> = ctx.profiles.values().flatten().collect();
            if let Some(f) = flags.iter().find(|f| !known.contains(f)) {
                return Err(at.err(format!("unknown profile flag `{f}` (sectors.json)")));
            }
            let qi = qidx("sector")?;
            let mut mask = 0u32;
            for (bit, id) in options("sector")?.iter().enumerate() {
                if ctx.profiles.get(id).is_some_and(|fs| fs.iter().any(|f| flags.contains(f))) {
                    mask |= 1 << bit;
                }
            }
            Compiled::Is { q: qi, mask }
        }
    })
}
