//! Training a model on a blob's texts and coding them, in the layout the engine reads
//! (`docs/CODEC.md`; the limits come from [`inkleaf::codec::format`]).
//!
//! A round tokenizes every text at least cost ([`parse`]), counts symbols by the characters
//! before them, groups those into contexts ([`mapping`]), builds codes ([`codes`]) and measures
//! the exact size ([`round`]). Rounds climb ([`climb`]): each drops dictionary entries that do
//! not pay ([`prune`]) and adds candidates that look like they would ([`grow`]). Two climbs, one
//! from no entries and one from every candidate ([`dict`]); the smaller result wins. Texts the
//! built-in English model codes in fewer bytes than a trained model do are coded with it
//! instead ([`fixed`]), and store one byte for their model.

mod alphabet;
mod bitwriter;
mod climb;
mod codes;
mod contexts;
mod dict;
mod fixed;
mod grow;
mod huffman;
mod mapping;
mod output;
mod parse;
mod prune;
mod round;

use alphabet::Alphabet;
pub use output::{Encoded, EncodedBlock};

use inkleaf::codec::BUILTIN_ENGLISH;
use inkleaf::Error;

/// Codes `texts` (one per block) in the fewest bytes: with a model trained on them
/// ([`train`]), or with the built-in English model if that codes them smaller, model included.
///
/// Errors only for texts past the format's 32-bit limits ([`Error::TooLarge`]).
pub fn encode(texts: &[&str]) -> Result<Encoded, Error> {
    let trained = train(texts)?;
    let built_in = inkleaf::codec::builtin_model()
        .and_then(|english| fixed::encode_with(english, vec![BUILTIN_ENGLISH], texts));
    let size = |e: &Encoded| e.model.len() + e.text_bytes();
    Ok(match built_in {
        Some(b) if size(&b) < size(&trained) => b,
        _ => trained,
    })
}

/// Trains a model on `texts` (one per block) and codes each of them: a blob that carries its
/// model, for engines built without the built-in one.
///
/// Errors only for texts past the format's 32-bit limits ([`Error::TooLarge`]).
pub fn train(texts: &[&str]) -> Result<Encoded, Error> {
    if texts.iter().any(|t| u32::try_from(t.len()).is_err()) {
        return Err(Error::TooLarge);
    }
    let alphabet = Alphabet::new(texts);
    let pool = candidate_pool(texts);
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

/// Codes `texts` with the model in `model` (its bytes, as [`encode`] writes them) instead of
/// training one. `None` if the model does not open, lacks a character of the texts, has a
/// dictionary entry of one character, or codes a block that does not decode back to its text.
pub fn encode_with(model: &[u8], texts: &[&str]) -> Option<Encoded> {
    fixed::encode_with(model, model.to_vec(), texts)
}

/// Trains a model on `corpus` for texts it has not seen: like [`encode`]'s, but every
/// literal can be coded in every context. This is how the built-in English model is made.
pub fn train_general(corpus: &[&str]) -> Result<Vec<u8>, Error> {
    let alphabet = Alphabet::new(corpus);
    let pool = candidate_pool(corpus);
    let best = climb::climb(corpus, &alphabet, &pool, Vec::new()).ok_or(Error::CorruptText)?;
    let round = best.round.covering(alphabet.len());
    round.plan(&alphabet).model().ok_or(Error::CorruptText)
}

/// The dictionary candidates a climb draws from: more for more text.
fn candidate_pool(texts: &[&str]) -> Vec<String> {
    let total: usize = texts.iter().map(|t| t.len()).sum();
    dict::candidates(texts, 256 + total / 32)
}
