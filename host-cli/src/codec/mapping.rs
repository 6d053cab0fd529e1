//! The trainer's view of contexts: fine context → group → class, and (class, group) → context.
//!
//! A fine context is the character before a position (one per frequent character, one shared
//! by the rest, and pseudo-characters for a block's start). Contexts are chosen by the last two
//! characters: the group of the last, and the class of the one before.

use super::alphabet::Alphabet;
use super::contexts::cluster;
use inkleaf::codec::format::MAX_CONTEXTS;
use inkleaf::codec::State;

/// Most classes (the map's rows).
const CLASSES: usize = 4;

/// How fine contexts become contexts.
#[derive(Clone, Debug)]
pub(crate) struct Mapping {
    pub(crate) group_of_fine: Vec<u8>,
    pub(crate) class_of_group: Vec<u8>,
    /// `class * groups + group` → context.
    pub(crate) ctx_of: Vec<u8>,
    pub(crate) groups: usize,
    pub(crate) contexts: usize,
}

impl Mapping {
    /// Everything in one context (the first round's view).
    pub(crate) fn single(fines: usize) -> Self {
        Mapping {
            group_of_fine: vec![0; fines],
            class_of_group: vec![0],
            ctx_of: vec![0],
            groups: 1,
            contexts: 1,
        }
    }

    /// Chooses groups, classes and contexts from token statistics.
    ///
    /// `by_last[fine][symbol]` counts symbols by the fine context before them; `by_pair(f)`
    /// must count them again by `f(fine before last, last fine)` for the final grouping.
    pub(crate) fn train(
        by_last: &[Vec<u64>],
        pair_bits: f64,
        by_pair: impl Fn(&dyn Fn(u16, u16) -> usize, usize) -> Vec<Vec<u64>>,
    ) -> Self {
        let group_of_fine = cluster(by_last, 0.0, 16);
        let groups = count(&group_of_fine);
        let mut group_rows = vec![vec![0u64; by_last.first().map_or(0, Vec::len)]; groups];
        for (fine, row) in by_last.iter().enumerate() {
            for (g, c) in group_rows[usize::from(group_of_fine[fine])]
                .iter_mut()
                .zip(row)
            {
                *g += c;
            }
        }
        let class_of_group = cluster(&group_rows, 0.0, CLASSES);
        let classes = count(&class_of_group);
        let key = |fine2: u16, fine1: u16| {
            let class = class_of_group[usize::from(group_of_fine[usize::from(fine2)])];
            usize::from(class) * groups + usize::from(group_of_fine[usize::from(fine1)])
        };
        let pairs = by_pair(&key, classes * groups);
        let ctx_of = cluster(&pairs, pair_bits, MAX_CONTEXTS);
        let contexts = count(&ctx_of);
        Mapping {
            group_of_fine,
            class_of_group,
            ctx_of,
            groups,
            contexts,
        }
    }

    fn group(&self, fine: u16) -> u8 {
        self.group_of_fine[usize::from(fine)]
    }

    /// The state after a character of fine context `fine1` that followed one of `fine2`.
    pub(crate) fn state(&self, fine2: u16, fine1: u16) -> State {
        let class2 = self.class_of_group[usize::from(self.group(fine2))];
        let group1 = self.group(fine1);
        State {
            context: self.ctx_of[usize::from(class2) * self.groups + usize::from(group1)],
            class: self.class_of_group[usize::from(group1)],
        }
    }

    /// The state after `literal` in `state` (what the decoder computes).
    pub(crate) fn next(&self, alphabet: &Alphabet, state: State, literal: u32) -> State {
        let group1 = self.group(alphabet.fine_of[literal as usize]);
        State {
            context: self.ctx_of[usize::from(state.class) * self.groups + usize::from(group1)],
            class: self.class_of_group[usize::from(group1)],
        }
    }

    /// The state at byte `i` of `text`.
    pub(crate) fn at(&self, alphabet: &Alphabet, text: &str, i: usize) -> State {
        let (fine2, fine1) = fines_before(alphabet, text, i, alphabet.start_fine);
        self.state(fine2, fine1)
    }

    /// The state a block starts in.
    pub(crate) fn start(&self, alphabet: &Alphabet) -> State {
        self.state(alphabet.start_fine, alphabet.start_fine)
    }

    /// The state entry spellings start in.
    pub(crate) fn entry(&self, alphabet: &Alphabet) -> State {
        self.state(alphabet.entry_fine, alphabet.entry_fine)
    }
}

/// Fine contexts of the two characters before byte `i` (`edge` standing in for missing ones).
pub(crate) fn fines_before(alphabet: &Alphabet, text: &str, i: usize, edge: u16) -> (u16, u16) {
    let mut before = text[..i]
        .chars()
        .rev()
        .map(|c| alphabet.fine_of[alphabet.id(c) as usize]);
    let fine1 = before.next().unwrap_or(edge);
    (before.next().unwrap_or(edge), fine1)
}

fn count(ids: &[u8]) -> usize {
    usize::from(ids.iter().copied().max().unwrap_or(0)) + 1
}
