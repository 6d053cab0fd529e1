//! Coding texts with a model that is already made (the built-in English model, say): no
//! training, only the cheapest tokens under its codes.

use std::collections::BTreeMap;

use super::bitwriter::BitWriter;
use super::dict::Trie;
use super::output::{Encoded, EncodedBlock, TokenAt};
use inkleaf::codec::{Model, State};

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
        let mut states = vec![None; n + 1];
        let mut state = self.model.start_state();
        for (i, ch) in text.char_indices() {
            states[i] = Some(state);
            state = self.model.next_state(state, *self.ids.get(&ch)?);
        }
        states[n] = Some(state);
        let end_state = state;
        let mut best = vec![u64::MAX; n + 1];
        let mut back = vec![(0u32, 0u32); n + 1];
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

/// Every code's `(length, code)` per symbol id, escape code first: what the coder writes. A
/// context code's entry for the id after the last symbol is its escape.
fn codewords(model: &Model<'_>) -> Vec<Vec<Option<(u32, u32)>>> {
    let ids = model.literals() + model.entries() + 1;
    (0..=model.contexts())
        .map(|code| {
            let mut words = vec![None; ids as usize];
            model.for_each_codeword(code, |symbol, len, bits| {
                if let Some(slot) = words.get_mut(symbol as usize) {
                    *slot = Some((len, bits));
                }
            });
            words
        })
        .collect()
}

/// Codes `texts` (one per block) with the model in `bytes`, which the result carries as its
/// model bytes (`stored`). `None` if the model does not open, has an entry of one character
/// (after which the state is not the one the text implies, which [`Coder::block`] relies on)
/// or cannot code some text.
pub(crate) fn encode_with(bytes: &[u8], stored: Vec<u8>, texts: &[&str]) -> Option<Encoded> {
    let model = Model::from_bytes(bytes).ok()?;
    let literals = model.literals();
    let ids = model.chars().zip(0..literals).collect();
    let entries: Vec<String> = (0..model.entries())
        .map(|e| model.entry_chars(e).collect())
        .collect();
    if entries.iter().any(|e| e.chars().nth(1).is_none()) {
        return None;
    }
    let coder = Coder {
        model: &model,
        ids,
        words: codewords(&model),
        literals,
        symbols: literals + model.entries(),
    };
    let trie = Trie::new(&entries);
    let blocks = texts
        .iter()
        .map(|text| coder.block(text, &trie))
        .collect::<Option<Vec<_>>>()?;
    let encoded = Encoded::new(stored, blocks, entries, literals);
    // A model this coder misreads must not yield a blob with other text in it.
    encoded.decodes_to(&model, texts).then_some(())?;
    Some(encoded)
}

#[cfg(test)]
mod tests {
    use super::super::alphabet::Alphabet;
    use super::super::parse::Token;
    use super::super::round::Round;
    use super::encode_with;

    /// A model whose one entry is the single character `a`.
    fn one_character_entry_model() -> Vec<u8> {
        let texts = ["bab abba"];
        let alphabet = Alphabet::new(&texts);
        let entries = [String::from("a")];
        let tokens: Vec<Vec<Token>> = texts
            .iter()
            .map(|t| {
                t.char_indices()
                    .map(|(i, ch)| Token {
                        start: i as u32,
                        symbol: if ch == 'a' {
                            alphabet.len()
                        } else {
                            alphabet.id(ch)
                        },
                    })
                    .collect()
            })
            .collect();
        let round = Round::new(&alphabet, &texts, tokens, &entries, None);
        round.plan(&alphabet).model().expect("spells")
    }

    // With few contexts the misread state can happen to pick the same code, so this model
    // decodes right even when used; the entry check refuses it all the same.
    #[test]
    fn models_with_one_character_entries_are_not_used() {
        let model = one_character_entry_model();
        assert!(
            inkleaf::codec::Model::from_bytes(&model).is_ok(),
            "the format allows it"
        );
        assert!(encode_with(&model, model.clone(), &["bab"]).is_none());
    }

    #[test]
    fn the_built_in_entries_are_two_characters_or_more() {
        let english =
            inkleaf::codec::builtin_model().expect("inkleaf-cli builds the engine with `english`");
        let model = inkleaf::codec::Model::from_bytes(english).unwrap();
        for e in 0..model.entries() {
            assert!(model.entry_chars(e).count() >= 2, "entry {e}");
        }
        assert!(encode_with(english, Vec::new(), &["The built-in model codes this."]).is_some());
    }
}
