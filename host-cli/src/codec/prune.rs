//! Which dictionary entries pay for themselves, and symbol prices for the next round.

use super::alphabet::Alphabet;
use super::codes::Codes;
use super::dict::Trie;
use super::parse::Pricing;
use super::round::Round;
use inkleaf::format::width_for;

/// Bits to code each symbol in each context; infinite where the codes cannot.
pub(crate) fn strict_costs(codes: &Codes, contexts: usize) -> Vec<Vec<f32>> {
    (0..contexts)
        .map(|ctx| {
            (0..codes.symbols)
                .map(|s| codes.cost(ctx, s).map_or(f32::INFINITY, |c| c as f32))
                .collect()
        })
        .collect()
}

/// Like [`strict_costs`], but a symbol a context lacks is priced as if escaped, so the next
/// round may use it (its codes will then list it).
pub(crate) fn soft_costs(codes: &Codes, contexts: usize, symbols: &[u32]) -> Vec<Vec<f32>> {
    let longest = |table: usize| codes.tables[table].longest();
    let g_fallback = longest(0) + 2;
    (0..contexts)
        .map(|ctx| {
            let table = &codes.tables[ctx + 1];
            let esc = table
                .get(codes.symbols)
                .map_or(longest(ctx + 1) + 2, |p| p.0);
            symbols
                .iter()
                .map(|&s| {
                    let fallback = esc + codes.tables[0].get(s).map_or(g_fallback, |p| p.0);
                    codes.cost(ctx, s).unwrap_or(fallback) as f32
                })
                .collect()
        })
        .collect()
}

/// The entries worth keeping, and prices (over literals and kept entries) for the next round.
pub(crate) fn prune(round: &Round, alphabet: &Alphabet) -> (Vec<String>, Vec<Vec<f32>>) {
    let codes = &round.codes;
    let contexts = round.uses.len();
    let strict = strict_costs(codes, contexts);
    let trie = Trie::new(&round.entries);
    let lits = alphabet.len();
    let id_width = width_for(codes.symbols) as f32;
    let mut keep = Vec::new();
    let mut symbols: Vec<u32> = (0..lits).collect();
    for (k, entry) in round.entries.iter().enumerate() {
        let symbol = lits + k as u32;
        let s = symbol as usize;
        let (mut uses, mut paid) = (0f32, 0f32);
        for (counts, costs) in round.uses.iter().zip(&strict) {
            let n = counts[s];
            if n > 0 {
                uses += n as f32;
                paid += n as f32 * costs[s];
            }
        }
        let pricing = Pricing {
            alphabet,
            trie: &trie,
            mapping: &round.mapping,
            costs: &strict,
            banned: k as u32,
        };
        let (_, alternative) = pricing.parse(entry, alphabet.entry_fine);
        let spelled = spelling_cost(entry, alphabet, round, &strict);
        let listed = codes
            .tables
            .iter()
            .filter(|t| t.get(symbol).is_some())
            .count();
        let overhead = 12.0 + id_width * listed as f32;
        let benefit = uses * alternative.min(1e6) - paid - spelled - overhead;
        if benefit > 0.0 {
            keep.push(entry.clone());
            symbols.push(symbol);
        }
    }
    (keep, soft_costs(codes, contexts, &symbols))
}

fn spelling_cost(entry: &str, alphabet: &Alphabet, round: &Round, strict: &[Vec<f32>]) -> f32 {
    let mut state = round.mapping.entry(alphabet);
    let mut bits = 0.0;
    for ch in entry.chars() {
        let literal = alphabet.id(ch);
        bits += strict[usize::from(state.context)][literal as usize].min(64.0);
        state = round.mapping.next(alphabet, state, literal);
    }
    bits
}
