//! One training round: the entries a tokenization used, its contexts and codes, its size.

use super::alphabet::Alphabet;
use super::codes::Codes;
use super::dict::Trie;
use super::mapping::{fines_before, Mapping};
use super::output::{self, Encoded, Plan};
use super::parse::{Pricing, Token};
use super::prune;
use inkleaf::format::width_for;

/// One round's choices: the entries in use, contexts, codes and the tokens they code.
pub(crate) struct Round {
    pub(crate) entries: Vec<String>,
    pub(crate) tokens: Vec<Vec<Token>>,
    pub(crate) mapping: Mapping,
    pub(crate) codes: Codes,
    /// `uses[ctx][symbol]`: token counts per context (spellings included).
    pub(crate) uses: Vec<Vec<u64>>,
}

impl Round {
    /// Keeps the entries `tokens` use and fits codes to them, and contexts unless `fixed`.
    pub(crate) fn new(
        alphabet: &Alphabet,
        texts: &[&str],
        mut tokens: Vec<Vec<Token>>,
        entries: &[String],
        fixed: Option<&Mapping>,
    ) -> Self {
        let lits = alphabet.len();
        let mut used = vec![false; entries.len()];
        for t in tokens.iter().flatten() {
            if let Some(e) = t.symbol.checked_sub(lits) {
                used[e as usize] = true;
            }
        }
        let mut renumber = vec![u32::MAX; entries.len()];
        let mut kept = Vec::new();
        for (i, entry) in entries.iter().enumerate().filter(|(i, _)| used[*i]) {
            renumber[i] = kept.len() as u32;
            kept.push(entry.clone());
        }
        for t in tokens.iter_mut().flatten() {
            if let Some(e) = t.symbol.checked_sub(lits) {
                t.symbol = lits + renumber[e as usize];
            }
        }
        let symbols = lits + kept.len() as u32;
        let count = |key: &dyn Fn(u16, u16) -> usize, rows: usize| {
            counts(alphabet, texts, &tokens, &kept, symbols as usize, rows, key)
        };
        let by_last = count(&|_, fine1| usize::from(fine1), alphabet.fines);
        let pair_bits = f64::from(width_for(symbols)) + 2.0;
        let mapping = match fixed {
            Some(m) => m.clone(),
            None => Mapping::train(&by_last, pair_bits, count),
        };
        let uses = count(
            &|fine2, fine1| usize::from(mapping.state(fine2, fine1).context),
            mapping.contexts,
        );
        let codes = Codes::build(&uses, symbols);
        Round {
            entries: kept,
            tokens,
            mapping,
            codes,
            uses,
        }
    }

    /// The same round with codes that can code every literal in every context.
    pub(crate) fn covering(mut self, literals: u32) -> Self {
        self.codes = Codes::covering(&self.uses, self.codes.symbols, literals);
        self
    }

    pub(crate) fn plan<'p>(&'p self, alphabet: &'p Alphabet) -> Plan<'p> {
        Plan {
            alphabet,
            mapping: &self.mapping,
            entries: &self.entries,
            codes: &self.codes,
        }
    }

    /// Model plus stream bytes.
    pub(crate) fn size(&self, alphabet: &Alphabet, texts: &[&str]) -> Option<usize> {
        let plan = self.plan(alphabet);
        let mut size = plan.model()?.len();
        for (text, tokens) in texts.iter().zip(&self.tokens) {
            size += plan.block(text, tokens)?.bits.len();
        }
        Some(size)
    }

    /// Re-tokenizes `texts` under the final codes (never worse than the tokens they were fit
    /// to) and writes everything. `None` if some text cannot be coded: a character the codes
    /// lack, say, when the round was fit to other texts.
    pub(crate) fn finish(self, alphabet: &Alphabet, texts: &[&str]) -> Option<Encoded> {
        let plan = self.plan(alphabet);
        let costs = prune::strict_costs(&self.codes, self.uses.len());
        let trie = Trie::new(&self.entries);
        let pricing = Pricing {
            alphabet,
            trie: &trie,
            mapping: &self.mapping,
            costs: &costs,
            banned: u32::MAX,
        };
        let mut blocks = Vec::with_capacity(texts.len());
        for text in texts {
            if text.chars().any(|c| !alphabet.has(c)) {
                return None;
            }
            let (tokens, cost) = pricing.parse(text, alphabet.start_fine);
            if !cost.is_finite() {
                return None;
            }
            blocks.push(plan.block(text, &tokens)?);
        }
        Some(output::encoded(plan.model()?, blocks, &plan))
    }
}

/// `counts[row][symbol]` of the tokens and of the entries' spellings, where `key(fine before
/// last, last fine)` gives a position's row.
fn counts(
    alphabet: &Alphabet,
    texts: &[&str],
    tokens: &[Vec<Token>],
    entries: &[String],
    symbols: usize,
    rows: usize,
    key: &dyn Fn(u16, u16) -> usize,
) -> Vec<Vec<u64>> {
    let mut counts = vec![vec![0u64; symbols]; rows];
    for (text, tokens) in texts.iter().zip(tokens) {
        for t in tokens {
            let (fine2, fine1) =
                fines_before(alphabet, text, t.start as usize, alphabet.start_fine);
            counts[key(fine2, fine1)][t.symbol as usize] += 1;
        }
    }
    for entry in entries {
        let (mut fine2, mut fine1) = (alphabet.entry_fine, alphabet.entry_fine);
        for ch in entry.chars() {
            let literal = alphabet.id(ch);
            counts[key(fine2, fine1)][literal as usize] += 1;
            (fine2, fine1) = (fine1, alphabet.fine_of[literal as usize]);
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use inkleaf::codec::Model;

    /// A round fit to `texts` coded character by character, with no entries.
    fn literal_round(alphabet: &Alphabet, texts: &[&str]) -> Round {
        let tokens = texts
            .iter()
            .map(|t| {
                t.char_indices()
                    .map(|(i, ch)| Token {
                        start: i as u32,
                        symbol: alphabet.id(ch),
                    })
                    .collect()
            })
            .collect();
        Round::new(alphabet, texts, tokens, &[], None)
    }

    #[test]
    fn a_round_codes_texts_it_was_not_fit_to_exactly_or_not_at_all() {
        let alphabet = Alphabet::new(&["abc cab", "xyz"]);
        let round = || literal_round(&alphabet, &["abc cab"]);
        assert!(
            round().finish(&alphabet, &["abq"]).is_none(),
            "q is no literal"
        );
        // `z` is a literal the round never saw: coded through an escape, or refused.
        for texts in [["abc", "bca"], ["abz", "zzz"]] {
            if let Some(encoded) = round().finish(&alphabet, &texts) {
                let model = Model::from_bytes(&encoded.model).expect("opens");
                assert!(encoded.decodes_to(&model, &texts), "{texts:?}");
            }
        }
        assert!(
            round().finish(&alphabet, &["abc"]).is_some(),
            "its own characters"
        );
    }
}
