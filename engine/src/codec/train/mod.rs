//! Training a model on a blob's texts and coding them (host only, `alloc` feature).
//!
//! A round tokenizes every text at least cost ([`parse`]), counts symbols by the characters
//! before them, groups those into contexts ([`mapping`]), builds codes ([`codes`]) and measures
//! the exact size ([`round`]). Rounds climb ([`climb`]): each drops dictionary entries that do
//! not pay ([`prune`]) and adds candidates that look like they would ([`grow`]). Two climbs, one
//! from no entries and one from every candidate ([`dict`]); the smaller result wins.

mod alphabet;
mod bitwriter;
mod climb;
mod codes;
mod contexts;
mod dict;
mod grow;
mod huffman;
mod mapping;
mod output;
mod parse;
mod prune;
mod round;

use alloc::vec::Vec;

use alphabet::Alphabet;
pub use output::{Encoded, EncodedBlock};

use crate::Error;

/// Trains a model on `texts` (one per block) and codes each of them.
///
/// Errors only for texts past the format's 32-bit limits ([`Error::TooLarge`]).
pub fn encode(texts: &[&str]) -> Result<Encoded, Error> {
    if texts.iter().any(|t| u32::try_from(t.len()).is_err()) {
        return Err(Error::TooLarge);
    }
    let alphabet = Alphabet::new(texts);
    let total: usize = texts.iter().map(|t| t.len()).sum();
    let pool = dict::candidates(texts, 256 + total / 32);
    // Two starts: growing from no entries, and pruning from every candidate.
    let grown = climb::climb(texts, &alphabet, &pool, Vec::new());
    let pruned = climb::climb(texts, &alphabet, &pool, pool.clone());
    let round = [grown, pruned]
        .into_iter()
        .flatten()
        .min_by_key(|b| b.size)
        .ok_or(Error::CorruptText)?
        .round;
    round.finish(&alphabet, texts).ok_or(Error::CorruptText)
}
