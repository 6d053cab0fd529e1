//! Coding texts with a model that is already made (the built-in English model, say): no
//! training, only the cheapest tokens under its codes.

use alloc::collections::BTreeMap;
use alloc::string::String;
use alloc::vec::Vec;

use super::bitwriter::BitWriter;
use super::dict::Trie;
use super::output::{Encoded, EncodedBlock, TokenAt};
use crate::codec::{Model, State};

/// What coding with one model needs, read once from it.
struct Coder<'m> {
    model: &'m Model<'m>,
    /// Literal id of every character the model has.
    ids: BTreeMap<char, u32>,
    /// `words[code][symbol]`: `(length, code)`, escape code first.
    words: Vec<Vec<Option<(u32, u32)>>>,
    literals: u32,
    symbols: u32,
}

impl Coder<'_> {
    /// The codes that write `symbol` in `context`: directly, or its escape then the escape
    /// code's word.
    fn words(&self, context: u8, symbol: u32) -> Option<[(u32, u32); 2]> {
        let own = self.words.get(usize::from(context) + 1)?;
        if let Some(word) = own.get(symbol as usize).copied().flatten() {
            return Some([word, (0, 0)]);
        }
        let escape = own.get(self.symbols as usize).copied().flatten()?;
        let escaped = self.words[0].get(symbol as usize).copied().flatten()?;
        Some([escape, escaped])
    }

    fn cost(&self, context: u8, symbol: u32) -> Option<u32> {
        self.words(context, symbol).map(|[a, b]| a.0 + b.0)
    }

    /// One block: the cheapest tokens (a shortest path over the text's characters), written.
    /// `None` if the text has a character the model cannot code.
    fn block(&self, text: &str, trie: &Trie) -> Option<EncodedBlock> {
        // The state before each character depends only on the characters before it: an
        // entry's spelling ends in the state its text implies.
        let n = text.len();
        let mut states = alloc::vec![None; n + 1];
        let mut state = self.model.start_state();
        for (i, ch) in text.char_indices() {
            states[i] = Some(state);
            state = self.model.next_state(state, *self.ids.get(&ch)?);
        }
        states[n] = Some(state);
        let end_state = state;
        let mut best = alloc::vec![u64::MAX; n + 1];
        let mut back = alloc::vec![(0u32, 0u32); n + 1];
        best[0] = 0;
        for (i, ch) in text.char_indices() {
            let (here, Some(state)) = (best[i], states[i]) else {
                continue;
            };
            if here == u64::MAX {
                continue;
            }
            let mut relax = |symbol: u32, len: usize| {
                if let Some(cost) = self.cost(state.context, symbol) {
                    let total = here + u64::from(cost);
                    if total < best[i + len] {
                        best[i + len] = total;
                        back[i + len] = (i as u32, symbol);
                    }
                }
            };
            relax(self.ids[&ch], ch.len_utf8());
            trie.prefixes(&text.as_bytes()[i..], |entry, len| {
                relax(self.literals + entry, len);
            });
        }
        if best[n] == u64::MAX {
            return None;
        }
        let mut path = Vec::new();
        let mut at = n;
        while at > 0 {
            let (start, symbol) = back[at];
            path.push((start, symbol));
            at = start as usize;
        }
        let mut w = BitWriter::default();
        let mut tokens = Vec::with_capacity(path.len());
        for &(start, symbol) in path.iter().rev() {
            let state: State = states[start as usize]?;
            tokens.push(TokenAt {
                start,
                bit: u32::try_from(w.len()).ok()?,
                symbol,
                state,
            });
            for (len, code) in self.words(state.context, symbol)? {
                w.bits(code, len);
            }
        }
        let text_len = u32::try_from(n).ok()?;
        Some(EncodedBlock::new(
            w.into_bytes(),
            text_len,
            tokens,
            end_state,
        ))
    }
}

/// Codes `texts` (one per block) with the model in `bytes`, which the result carries as its
/// model bytes (`stored`). `None` if the model does not open or cannot code some text.
pub(crate) fn encode_with(bytes: &[u8], stored: Vec<u8>, texts: &[&str]) -> Option<Encoded> {
    let model = Model::from_bytes(bytes).ok()?;
    let literals = model.literals();
    let ids = (0..literals).map(|id| (model.literal(id), id)).collect();
    let entries: Vec<String> = (0..model.entries()).map(|e| model.entry_text(e)).collect();
    let coder = Coder {
        model: &model,
        ids,
        words: model.codewords(),
        literals,
        symbols: literals + model.entries(),
    };
    let trie = Trie::new(&entries);
    let blocks = texts
        .iter()
        .map(|text| coder.block(text, &trie))
        .collect::<Option<Vec<_>>>()?;
    Some(Encoded::new(stored, blocks, entries, literals))
}
