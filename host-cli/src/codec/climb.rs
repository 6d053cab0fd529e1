//! Hill climbing over dictionaries: each round proposes pruning entries that do not pay and
//! adding candidates that look like they would, and keeps the result only if it is smaller.

use std::collections::BTreeSet;

use super::alphabet::Alphabet;
use super::contexts::log2;
use super::dict::Trie;
use super::grow;
use super::mapping::Mapping;
use super::parse::{Pricing, Token};
use super::prune;
use super::round::Round;

/// Most rounds of one climb.
pub(crate) const ROUNDS: usize = 40;

/// Proposals in a row that may fail before the climb stops.
const PATIENCE: usize = 6;

/// The smallest round of a climb, with what the next proposal needs from it.
pub(crate) struct Best {
    pub(crate) size: usize,
    pub(crate) round: Round,
    /// Per text, the cost of its cheapest tokens up to each byte.
    reach: Vec<Vec<f32>>,
    /// Tokens in all texts.
    count: usize,
}

/// Where a climb starts: a dictionary, and the contexts and prices of its first parse.
pub(crate) struct Start {
    entries: Vec<String>,
    mapping: Mapping,
    /// `costs[ctx][symbol]` over literals and `entries`.
    costs: Vec<Vec<f32>>,
}

impl Start {
    /// From `entries`, with one context and characters priced by their frequency in `texts`.
    pub(crate) fn fresh(texts: &[&str], alphabet: &Alphabet, entries: Vec<String>) -> Self {
        let costs = vec![initial_costs(texts, alphabet, entries.len())];
        Start {
            entries,
            mapping: Mapping::single(alphabet.fines),
            costs,
        }
    }

    /// From where `round` ended, on whatever texts it was trained: its entries, contexts and
    /// codes, a symbol a context never saw priced as if escaped.
    pub(crate) fn after(round: Round) -> Self {
        let symbols: Vec<u32> = (0..round.codes.symbols).collect();
        let costs = prune::soft_costs(&round.codes, round.uses.len(), &symbols);
        Start {
            entries: round.entries,
            mapping: round.mapping,
            costs,
        }
    }
}

/// Climbs from `start` for at most `rounds` rounds, drawing new entries from `pool`.
pub(crate) fn climb(
    texts: &[&str],
    alphabet: &Alphabet,
    pool: &[String],
    start: Start,
    rounds: usize,
) -> Option<Best> {
    let pool_trie = Trie::new(pool);
    let mut rejected: BTreeSet<String> = BTreeSet::new();
    let mut added: Vec<String> = Vec::new();
    let Start {
        mut entries,
        mut mapping,
        costs,
    } = start;
    let mut costs = costs;
    // Hill climbing: each proposal starts from the best round so far.
    let mut best: Option<Best> = None;
    let mut failures = 0;
    for _ in 0..rounds {
        let trie = Trie::new(&entries);
        let pricing = Pricing {
            alphabet,
            trie: &trie,
            mapping: &mapping,
            costs: &costs,
            banned: u32::MAX,
        };
        let (tokens, reach): (Vec<Vec<Token>>, Vec<Vec<f32>>) = texts
            .iter()
            .map(|t| pricing.parse_costs(t, alphabet.start_fine))
            .unzip();
        let count: usize = tokens.iter().map(Vec::len).sum();
        // Contexts refit to new statistics can come out worse; the old ones are the fallback.
        let refit = Round::new(alphabet, texts, tokens.clone(), &entries, None);
        let kept = best
            .as_ref()
            .map(|b| Round::new(alphabet, texts, tokens, &entries, Some(&b.round.mapping)));
        let sized = |r: Round| r.size(alphabet, texts).map(|s| (s, r));
        let Some((size, round)) = [Some(refit), kept]
            .into_iter()
            .flatten()
            .filter_map(sized)
            .min_by_key(|p| p.0)
        else {
            break;
        };
        if best.as_ref().is_none_or(|b| size < b.size) {
            best = Some(Best {
                size,
                round,
                reach,
                count,
            });
            failures = 0;
        } else {
            rejected.extend(added.drain(..));
            failures += 1;
            if failures == PATIENCE {
                break;
            }
        }
        let Some(b) = best.as_ref() else { break };
        let (kept, mut next_costs) = prune::prune(&b.round, alphabet);
        rejected.extend(
            b.round
                .entries
                .iter()
                .filter(|e| !kept.contains(e))
                .cloned(),
        );
        let mut skip: BTreeSet<&str> = rejected.iter().map(String::as_str).collect();
        skip.extend(kept.iter().map(String::as_str));
        let limit = 8 + kept.len() / 4;
        let grown = grow::additions(texts, pool, &pool_trie, &skip, &b.reach, b.count, limit);
        if grown.is_empty() && kept.len() == b.round.entries.len() {
            break;
        }
        entries = kept;
        added.clear();
        for (entry, code) in grown {
            added.push(entry.clone());
            entries.push(entry);
            for c in &mut next_costs {
                c.push(code);
            }
        }
        mapping = b.round.mapping.clone();
        costs = next_costs;
    }
    best
}

/// Order-0 character costs and a flat guess for entries, for the first parse.
fn initial_costs(texts: &[&str], alphabet: &Alphabet, entries: usize) -> Vec<f32> {
    let mut counts = vec![1u64; alphabet.chars.len()];
    for ch in texts.iter().flat_map(|t| t.chars()) {
        counts[alphabet.id(ch) as usize] += 1;
    }
    let total: u64 = counts.iter().sum();
    let mut costs: Vec<f32> = counts
        .iter()
        .map(|&c| log2(total as f64 / c as f64) as f32)
        .collect();
    costs.extend(core::iter::repeat_n(10.0, entries));
    costs
}
