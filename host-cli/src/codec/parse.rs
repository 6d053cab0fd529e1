//! Cheapest tokenization of a text under given symbol costs (a shortest path over bytes).

use super::alphabet::Alphabet;
use super::dict::Trie;
use super::mapping::{fines_before, Mapping};

/// A token: where its text starts and its symbol id (literal id, or literals + entry index).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    pub(crate) start: u32,
    pub(crate) symbol: u32,
}

/// Everything the parser needs to price a token.
pub(crate) struct Pricing<'p> {
    pub(crate) alphabet: &'p Alphabet,
    pub(crate) trie: &'p Trie,
    /// How the characters before a token choose its context.
    pub(crate) mapping: &'p Mapping,
    /// `costs[ctx][symbol]` in bits; `f32::INFINITY` where a symbol cannot be coded.
    pub(crate) costs: &'p [Vec<f32>],
    /// An entry the parse may not use (to price the alternative to it), or `u32::MAX`.
    pub(crate) banned: u32,
}

impl Pricing<'_> {
    /// The context at byte `i` of `text`; `edge` stands in for characters before the start.
    fn context(&self, text: &str, i: usize, edge: u16) -> usize {
        let (fine2, fine1) = fines_before(self.alphabet, text, i, edge);
        usize::from(self.mapping.state(fine2, fine1).context)
    }

    /// The cheapest tokens for `text`, with `edge` the fine context before the start, and their cost.
    pub(crate) fn parse(&self, text: &str, edge: u16) -> (Vec<Token>, f32) {
        let (tokens, best) = self.parse_costs(text, edge);
        (tokens, best[text.len()])
    }

    /// The cheapest tokens and the cost of the cheapest way to reach every byte.
    pub(crate) fn parse_costs(&self, text: &str, edge: u16) -> (Vec<Token>, Vec<f32>) {
        let n = text.len();
        let lits = self.alphabet.len();
        let mut best = vec![f32::INFINITY; n + 1];
        let mut back = vec![(0u32, 0u32); n + 1];
        best[0] = 0.0;
        let bytes = text.as_bytes();
        for (i, ch) in text.char_indices() {
            let here = best[i];
            if !here.is_finite() {
                continue;
            }
            let costs = &self.costs[self.context(text, i, edge)];
            let lit = self.alphabet.id(ch);
            let j = i + ch.len_utf8();
            let c = here + costs[lit as usize];
            if c < best[j] {
                best[j] = c;
                back[j] = (i as u32, lit);
            }
            self.trie.prefixes(&bytes[i..], |entry, len| {
                let symbol = lits + entry;
                let c = here + costs[symbol as usize];
                if entry != self.banned && c < best[i + len] {
                    best[i + len] = c;
                    back[i + len] = (i as u32, symbol);
                }
            });
        }
        let mut tokens = Vec::new();
        let mut j = n;
        while j > 0 {
            let (from, symbol) = back[j];
            tokens.push(Token {
                start: from,
                symbol,
            });
            j = from as usize;
        }
        tokens.reverse();
        (tokens, best)
    }
}
