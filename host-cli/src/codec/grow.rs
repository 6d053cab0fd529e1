//! Which candidates to add to the dictionary, judged on the current tokenization.
//!
//! A candidate found at byte `i` with length `n` would replace whatever the current cheapest
//! tokens spend between `i` and `i + n`; it costs a code of its own at each use plus its
//! spelling and table entries once.

use std::collections::BTreeSet;

use super::contexts::log2;
use super::dict::Trie;

/// Bits an entry costs once besides its spelling: its offset and a table slot or two.
const ENTRY_OVERHEAD: f32 = 24.0;

/// Up to `limit` candidates from `pool` (found with `trie`) worth adding, with an estimated
/// code length for each. `costs[t][i]` is the cost of text `t`'s cheapest tokens up to byte
/// `i`; `tokens` is how many tokens those are in all.
pub(crate) fn additions(
    texts: &[&str],
    pool: &[String],
    trie: &Trie,
    skip: &BTreeSet<&str>,
    costs: &[Vec<f32>],
    tokens: usize,
    limit: usize,
) -> Vec<(String, f32)> {
    let mut found = vec![(0u32, 0f32); pool.len()];
    for (text, cost) in texts.iter().zip(costs) {
        let bytes = text.as_bytes();
        for (i, _) in text.char_indices() {
            let here = cost[i];
            trie.prefixes(&bytes[i..], |c, len| {
                let span = cost[i + len] - here;
                if span.is_finite() {
                    let slot = &mut found[c as usize];
                    slot.0 += 1;
                    slot.1 += span;
                }
            });
        }
    }
    let mut scored: Vec<(f32, usize, f32)> = found
        .iter()
        .enumerate()
        .filter(|&(c, &(n, _))| n >= 2 && !skip.contains(pool[c].as_str()))
        .map(|(c, &(n, spans))| {
            let code = log2(tokens as f64 / f64::from(n)) as f32 + 1.0;
            let spelled = spans / n as f32;
            (spans - n as f32 * code - spelled - ENTRY_OVERHEAD, c, code)
        })
        .filter(|s| s.0 > 0.0)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    scored
        .into_iter()
        .take(limit)
        .map(|(_, c, code)| (pool[c].clone(), code))
        .collect()
}
