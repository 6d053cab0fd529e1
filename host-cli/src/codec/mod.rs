//! Training a model on a blob's texts and coding them, in the layout the engine reads
//! (`docs/CODEC.md`; the limits come from [`inkleaf::codec::format`]).
//!
//! A round tokenizes every text at least cost ([`parse`]), counts symbols by the characters
//! before them, groups those into contexts ([`mapping`]), builds codes ([`codes`]) and measures
//! the exact size ([`round`]). Rounds climb ([`climb`]): each drops dictionary entries that do
//! not pay ([`prune`]) and adds candidates that look like they would ([`grow`]). Two climbs, one
//! from no entries and one from every candidate ([`dict`]); the smaller result wins. Texts the
//! built-in English model codes in fewer bytes than a trained model do are coded with it
//! instead ([`fixed`]), and store one byte for their model. Past a budget of text the climbs
//! run on a sample of it, then a few rounds on all of it ([`sample`]), so a book trains in
//! time linear in its length.

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
mod sample;

use alphabet::Alphabet;
use climb::{Start, ROUNDS};
pub use output::{Encoded, EncodedBlock};
use sample::{POLISH_ROUNDS, TRAINING_BUDGET};

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
/// Past [`TRAINING_BUDGET`] bytes of text the climbs run on a sample of them ([`sample`]),
/// and then [`POLISH_ROUNDS`] rounds on all of them: time grows in step with the text.
///
/// Errors for texts past the format's 32-bit limits ([`Error::TooLarge`]), and
/// [`Error::CorruptText`] if the model it made cannot code a text or its coding does not
/// decode back to it (a trainer bug, reported rather than written).
pub fn train(texts: &[&str]) -> Result<Encoded, Error> {
    train_within(texts, TRAINING_BUDGET)
}

/// [`train`], climbing on a sample of `texts` if they are more than `budget` bytes.
fn train_within(texts: &[&str], budget: usize) -> Result<Encoded, Error> {
    if texts.iter().any(|t| u32::try_from(t.len()).is_err()) {
        return Err(Error::TooLarge);
    }
    // From every text, sampled or not, so that every character can be coded.
    let alphabet = Alphabet::new(texts);
    let sample = sample::sample(texts, budget);
    let trained_on = sample.as_deref().unwrap_or(texts);
    let pool = candidate_pool(trained_on);
    let climb_from = |entries| {
        let start = Start::fresh(trained_on, &alphabet, entries);
        climb::climb(trained_on, &alphabet, &pool, start, ROUNDS)
    };
    // Two starts: growing from no entries, and pruning from every candidate.
    let grown = climb_from(Vec::new());
    let pruned = climb_from(pool.clone());
    let mut round = [grown, pruned]
        .into_iter()
        .flatten()
        .min_by_key(|b| b.size)
        .ok_or(Error::CorruptText)?
        .round;
    if sample.is_some() {
        // A few rounds on every text, for what the sample missed: the codes then fit them all.
        let pool = candidate_pool(texts);
        round = climb::climb(texts, &alphabet, &pool, Start::after(round), POLISH_ROUNDS)
            .ok_or(Error::CorruptText)?
            .round;
    }
    let encoded = round.finish(&alphabet, texts).ok_or(Error::CorruptText)?;
    let model = inkleaf::codec::Model::from_bytes(&encoded.model)?;
    if !encoded.decodes_to(&model, texts) {
        return Err(Error::CorruptText);
    }
    Ok(encoded)
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
    let start = Start::fresh(corpus, &alphabet, Vec::new());
    let best = climb::climb(corpus, &alphabet, &pool, start, ROUNDS).ok_or(Error::CorruptText)?;
    let round = best.round.covering(alphabet.len());
    round.plan(&alphabet).model().ok_or(Error::CorruptText)
}

/// The dictionary candidates a climb draws from: more for more text.
fn candidate_pool(texts: &[&str]) -> Vec<String> {
    let total: usize = texts.iter().map(|t| t.len()).sum();
    dict::candidates(texts, 256 + total / 32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use inkleaf::codec::{Decoder, Model};

    /// Block `b` of `encoded`, decoded on its own.
    fn decoded(encoded: &Encoded, b: usize) -> String {
        let model = Model::from_bytes(&encoded.model).expect("the model opens");
        let stream = encoded.stream(b).expect("a block per text");
        Decoder::new(&model, stream)
            .map(|item| item.expect("decodes").1)
            .collect()
    }

    #[test]
    fn a_sampled_model_codes_characters_only_unsampled_blocks_have() {
        let mut texts: Vec<String> = crate::BUNDLED_ARTICLE.lines().map(String::from).collect();
        // Characters of one block each, most of which the sample cannot hold.
        for (i, rare) in ['ǂ', 'Ж', '→', '€', 'ß', 'ø'].into_iter().enumerate() {
            texts.insert(i * 3, format!("The rare sign {rare} once."));
        }
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        let budget = 2000;
        let sample = sample::sample(&texts, budget).expect("the article is over 2 KB");
        let missed = texts
            .iter()
            .filter(|t| t.contains("rare sign") && !sample.contains(t))
            .count();
        assert!(missed > 0, "some rare sign is outside the sample");

        let encoded = train_within(&texts, budget).expect("every block is coded");
        assert_eq!(encoded.blocks.len(), texts.len());
        for (b, text) in texts.iter().enumerate() {
            assert_eq!(decoded(&encoded, b), *text, "block {b}");
        }
    }
}
