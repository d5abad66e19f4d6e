//! The range search: the highest score still reachable by answering the open questions, exact
//! by branch and bound. Also what the loader needs to check a catalog: the worst setup the
//! questions allow, and the question the bound should branch on.
//!
//! The bound sums each rule's best case over what is known (three-valued evaluation). It
//! branches on the question the most rules read (the messenger), treats answered questions as
//! their answer and open questions that can no longer apply as empty (conditions are monotone,
//! so both are safe), and the search stops as soon as it reaches the catalog's worst setup. If
//! the node budget runs out, the bound (never below the true maximum, never above the worst
//! setup) is returned.
use crate::catalog::Catalog;
use crate::cond::{Known, ANSWERED};
use crate::limits::MAX_QUESTIONS;
use crate::score::{points_of, to_score, State};

/// Nodes the range search may visit before it settles for its (still honest) bound.
const SEARCH_BUDGET: u32 = 200_000;

/// The highest score reachable by answering the open questions that apply or may come to apply.
pub(crate) fn max_reachable(catalog: &Catalog, state: &State) -> u8 {
    if state.iter().all(|a| a & ANSWERED == 0) {
        // Nothing answered: anything is still possible, up to the catalog's worst setup.
        return to_score(catalog.max_points());
    }
    to_score(max_points(catalog, state, SEARCH_BUDGET))
}

/// The most points any setup the questions allow can give, exactly (no budget): what the
/// loader checks against the end of the scale.
#[cfg(feature = "load")]
pub(crate) fn max_points_exact(catalog: &Catalog) -> u32 {
    max_points(catalog, &[0; MAX_QUESTIONS], u32::MAX)
}

/// The single-choice question that the most rules read.
#[cfg(feature = "load")]
pub(crate) fn most_read_question(catalog: &Catalog) -> Option<usize> {
    let questions = catalog.questions();
    let mut reads = vec![0usize; questions.len()];
    for r in catalog.rules() {
        let mut qs = Vec::new();
        for case in r.cases.iter() {
            case.when.questions(&mut qs);
        }
        qs.sort_unstable();
        qs.dedup();
        for q in qs {
            reads[q] += 1;
        }
    }
    (0..questions.len()).filter(|&q| !questions[q].multi).max_by_key(|&q| (reads[q], std::cmp::Reverse(q)))
}

fn max_points(catalog: &Catalog, state: &State, budget: u32) -> u32 {
    let n = catalog.questions().len();
    // What the bound may assume before the search decides a question: its answer if it has
    // one (should it turn out not to apply, it counts as empty, which conditions being
    // monotone can only lower), else anything.
    let mut known = [Known::Open; MAX_QUESTIONS];
    for qi in 0..n {
        if state[qi] & ANSWERED != 0 {
            known[qi] = Known::Value(state[qi]);
        }
    }
    let mut s =
        Search { cat: catalog, state, known, initial: known, eff: [0; MAX_QUESTIONS], best: 0, nodes: 0, n, budget };
    let root = s.bound();
    s.dfs(0);
    if s.nodes > budget {
        // The bound never falls below the true maximum, and nothing exceeds the worst setup.
        root.min(catalog.max_points())
    } else {
        s.best
    }
}

struct Search<'a> {
    cat: &'a Catalog,
    state: &'a State,
    known: [Known; MAX_QUESTIONS],
    /// `known` before the search decided anything, to go back to.
    initial: [Known; MAX_QUESTIONS],
    eff: State,
    best: u32,
    nodes: u32,
    n: usize,
    budget: u32,
}

impl Search<'_> {
    /// The most points any completion of what is known can reach. Summing each rule's best
    /// case on its own is loose where many rules depend on one question (the messenger: every
    /// rule would pick its own worst one), so while that question (`Catalog::pivot`) is open
    /// the bound tries each of its answers and takes the largest sum.
    fn bound(&mut self) -> u32 {
        match self.cat.pivot().filter(|&p| self.known[p] == Known::Open) {
            Some(p) => {
                let q = &self.cat.questions()[p];
                let mut values: Vec<u32> = (0..q.options.len()).map(|b| ANSWERED | 1 << b).collect();
                if q.ask.is_some() {
                    values.push(0); // it may not apply
                }
                let best = values
                    .into_iter()
                    .map(|v| {
                        self.known[p] = Known::Value(v);
                        self.rules_bound()
                    })
                    .max()
                    .unwrap_or(0);
                self.known[p] = Known::Open;
                best
            }
            None => self.rules_bound(),
        }
    }

    fn rules_bound(&self) -> u32 {
        // An open question that can no longer come to apply stays empty.
        let mut known = self.known;
        for (qi, q) in self.cat.questions().iter().enumerate().take(self.n) {
            if known[qi] == Known::Open && q.ask.as_ref().is_some_and(|c| !c.eval3(&known).0) {
                known[qi] = Known::Value(0);
            }
        }
        let known = &known[..];
        self.cat
            .rules()
            .iter()
            .map(|r| r.cases.iter().filter(|c| c.when.eval3(known).0).map(|c| c.points).max().unwrap_or(0))
            .sum()
    }

    fn dfs(&mut self, qi: usize) {
        self.nodes += 1;
        // Nothing can beat the catalog's worst setup.
        if self.nodes > self.budget || self.best >= self.cat.max_points() {
            return;
        }
        if qi == self.n {
            self.best = self.best.max(points_of(self.cat, &self.eff));
            return;
        }
        let q = &self.cat.questions()[qi];
        let applies = q.ask.as_ref().is_none_or(|c| c.eval(&self.eff));
        let fixed = if !applies {
            Some(0)
        } else if self.state[qi] & ANSWERED != 0 {
            Some(self.state[qi])
        } else {
            None
        };
        if let Some(v) = fixed {
            self.set(qi, v);
            self.dfs(qi + 1);
            self.unset(qi);
            return;
        }
        // An open question: try its answers, most promising first, pruning by bound.
        let width = q.options.len() as u32;
        let min = u32::from(q.min_choices);
        let domain: Vec<u32> = if q.multi {
            (0..1u32 << width).filter(|m| m.count_ones() >= min).map(|m| m | ANSWERED).collect()
        } else {
            (0..width).map(|b| (1 << b) | ANSWERED).collect()
        };
        let mut children: Vec<(u32, u32)> = domain
            .into_iter()
            .map(|v| {
                self.known[qi] = Known::Value(v);
                (self.bound(), v)
            })
            .collect();
        children.sort_by_key(|c| std::cmp::Reverse(c.0));
        for (b, v) in children {
            if b <= self.best && self.best > 0 || self.best >= self.cat.max_points() {
                break;
            }
            self.set(qi, v);
            self.dfs(qi + 1);
        }
        self.unset(qi);
    }

    fn set(&mut self, qi: usize, v: u32) {
        self.eff[qi] = v;
        self.known[qi] = Known::Value(v);
    }

    fn unset(&mut self, qi: usize) {
        self.eff[qi] = 0;
        self.known[qi] = self.initial[qi];
    }
}
