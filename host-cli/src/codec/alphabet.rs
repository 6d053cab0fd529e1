//! The literal characters of a blob and the fine contexts they open.

use std::collections::BTreeMap;

/// Fine contexts are the most frequent characters, one each; the rest share one.
const OWN_CONTEXTS: usize = 62;

/// Literals in code point order (their ids), and the fine context after each.
#[derive(Clone, Debug)]
pub(crate) struct Alphabet {
    /// Literal id → character, ascending.
    pub(crate) chars: Vec<char>,
    index: BTreeMap<char, u32>,
    /// `index` for ASCII, the usual case, without a tree walk.
    ascii: [u32; 128],
    /// Literal id → fine context after it.
    pub(crate) fine_of: Vec<u16>,
    /// Fine context at a block's start.
    pub(crate) start_fine: u16,
    /// Fine context where dictionary spellings start (after a space, if there is one).
    pub(crate) entry_fine: u16,
    /// Number of fine contexts.
    pub(crate) fines: usize,
}

impl Alphabet {
    /// The alphabet of `texts`; a text-free blob still gets one literal, a space.
    pub(crate) fn new(texts: &[&str]) -> Self {
        let mut counts: BTreeMap<char, u64> = BTreeMap::new();
        for ch in texts.iter().flat_map(|t| t.chars()) {
            *counts.entry(ch).or_default() += 1;
        }
        if counts.is_empty() {
            counts.insert(' ', 1);
        }
        let chars: Vec<char> = counts.keys().copied().collect();
        let index: BTreeMap<char, u32> = chars
            .iter()
            .enumerate()
            .map(|(i, &c)| (c, i as u32))
            .collect();
        let mut ascii = [u32::MAX; 128];
        for (&c, &id) in index.range(..'\u{80}') {
            ascii[c as usize] = id;
        }
        let mut by_count: Vec<(u64, usize)> = chars
            .iter()
            .enumerate()
            .map(|(i, c)| (counts[c], i))
            .collect();
        by_count.sort_by(|a, b| b.cmp(a));
        let shared = by_count.len().min(OWN_CONTEXTS) as u16;
        let mut fine_of = vec![shared; chars.len()];
        for (rank, &(_, id)) in by_count.iter().take(OWN_CONTEXTS).enumerate() {
            fine_of[id] = rank as u16;
        }
        let start_fine = shared + 1;
        let entry_fine = chars
            .binary_search(&' ')
            .map_or(start_fine, |id| fine_of[id]);
        Alphabet {
            chars,
            index,
            ascii,
            fine_of,
            start_fine,
            entry_fine,
            fines: usize::from(start_fine) + 1,
        }
    }

    /// The literal id of `ch`, which must be in the alphabet.
    pub(crate) fn id(&self, ch: char) -> u32 {
        match self.ascii.get(ch as usize) {
            Some(&id) => id,
            None => self.index[&ch],
        }
    }

    /// Whether `ch` is one of the literals.
    pub(crate) fn has(&self, ch: char) -> bool {
        match self.ascii.get(ch as usize) {
            Some(&id) => id != u32::MAX,
            None => self.index.contains_key(&ch),
        }
    }

    /// Number of literals.
    pub(crate) fn len(&self) -> u32 {
        self.chars.len() as u32
    }
}
