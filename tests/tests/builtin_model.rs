//! The built-in English model: pinned bytes, any text of its characters coded and decoded
//! exactly, and chosen only when it makes the blob smaller.

use inkleaf::codec::{builtin_model, Model, BUILTIN_ENGLISH};
use inkleaf_cli::codec::{encode, encode_with, train, Encoded};
use inkleaf_tests::blobs::crc32;
use inkleaf_tests::coded::{decode_all, every_sync_point};
use proptest::prelude::*;

/// Length and CRC-32 of `engine/src/codec/english.model`. Blobs name the model by one byte
/// and never carry it, so its bytes may not change under that byte: a new model needs a new
/// one (`docs/CODEC.md`, "The built-in model").
const PINNED: (usize, u32) = (11_558, 0x7438_BE0C);

fn english() -> Model<'static> {
    Model::from_bytes(&[BUILTIN_ENGLISH]).expect("the built-in model opens")
}

fn decoded(encoded: &Encoded, model: &Model<'_>, block: usize) -> String {
    decode_all(encoded, model, block).expect("decodes")
}

/// Codes `texts` with the built-in model and checks that they decode exactly, from the start
/// and from every character of the first block.
fn round_trip_builtin(texts: &[&str]) {
    let encoded = encode_with(&[BUILTIN_ENGLISH], texts).expect("the built-in model codes it");
    let model = english();
    for (b, text) in texts.iter().enumerate() {
        assert_eq!(decoded(&encoded, &model, b), *text, "block {b}");
    }
    every_sync_point(&encoded, &texts[..texts.len().min(1)]);
}

#[test]
fn the_built_in_model_is_pinned() {
    let bytes = builtin_model().expect("the tests build the engine with `english`");
    assert_eq!(
        (bytes.len(), crc32(bytes)),
        PINNED,
        "engine/src/codec/english.model changed: blobs already written name it by one byte, \
         so a new model needs a new byte (docs/CODEC.md)"
    );
    let model = english();
    assert!(model.is_builtin());
    assert_eq!((model.literals(), model.entries()), (220, 1230));
    let copy = bytes.to_vec();
    assert!(
        !Model::from_bytes(&copy).unwrap().is_builtin(),
        "a copy is not the built-in"
    );
}

#[test]
fn every_character_follows_every_character() {
    // Each of the model's characters after each other one: every literal must be codable in
    // every context, whatever the model saw while training.
    let chars: Vec<char> = english().chars().collect();
    for ch in ['\n', '“', '—', 'é', '\u{a0}', '\u{ad}', '−', '→'] {
        assert!(chars.contains(&ch), "{ch:?}");
    }
    assert!(
        chars.iter().all(|c| !c.is_control() || *c == '\n'),
        "no control characters"
    );
    let mut text = String::new();
    for &a in &chars {
        for &b in &chars {
            text.push(a);
            text.push(b);
        }
    }
    let encoded = encode_with(&[BUILTIN_ENGLISH], &[&text]).expect("codes every pair");
    assert_eq!(decoded(&encoded, &english(), 0), text);
}

#[test]
fn the_article_is_coded_with_the_built_in_model() {
    let texts: Vec<&str> = inkleaf_cli::BUNDLED_ARTICLE.lines().collect();
    let chosen = encode(&texts).unwrap();
    let trained = train(&texts).unwrap();
    assert_eq!(chosen.model, [BUILTIN_ENGLISH]);
    let size = |e: &Encoded| e.model.len() + e.text_bytes();
    assert!(
        size(&chosen) < size(&trained),
        "{} vs {}",
        size(&chosen),
        size(&trained)
    );
    round_trip_builtin(&texts[..2]);
}

#[test]
fn text_the_built_in_model_cannot_code_gets_a_model_of_its_own() {
    let texts = [
        "Tokyo is 東京 in Japanese.",
        "A second block, in plain English.",
    ];
    assert!(encode_with(&[BUILTIN_ENGLISH], &texts).is_none());
    let chosen = encode(&texts).unwrap();
    assert_ne!(chosen.model, [BUILTIN_ENGLISH]);
    let model = Model::from_bytes(&chosen.model).unwrap();
    assert!(!model.is_builtin());
    for (b, text) in texts.iter().enumerate() {
        assert_eq!(decoded(&chosen, &model, b), *text);
    }
}

#[test]
fn a_model_byte_past_the_versions_is_unsupported() {
    for byte in [0x80, 0x82, 0xFF] {
        assert_eq!(
            Model::from_bytes(&[byte]).err(),
            Some(inkleaf::Error::UnsupportedVersion(u16::from(byte)))
        );
    }
    // Only the one byte alone names the built-in model; more is a model of that version.
    assert_eq!(
        Model::from_bytes(&[BUILTIN_ENGLISH, 0]).err(),
        Some(inkleaf::Error::UnsupportedVersion(0x81))
    );
}

/// Text drawn from the model's own characters and common words, in any order.
fn english_like() -> impl Strategy<Value = String> {
    let chars: Vec<char> = english().chars().collect();
    let word = prop::sample::select(vec![
        "the ",
        "of ",
        "and ",
        "peace ",
        "diplomacy",
        "tion",
        "ing ",
        ", ",
        ". ",
        "— ",
        "“",
        "”",
    ]);
    let piece = prop_oneof![
        prop::sample::select(chars).prop_map(String::from),
        word.prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..120).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn any_text_of_its_characters_round_trips(a in english_like(), b in english_like()) {
        round_trip_builtin(&[&a, &b]);
    }
}
