//! The text codec: exact round trips, decoding from every sync point, and no panics or
//! runaway loops on corrupt models and streams.

use inkleaf::codec::{Decoder, Model, State, Stream, SyncPoint, BUILTIN_ENGLISH};
use inkleaf::Error;
use inkleaf_cli::codec::{encode, encode_with, train, Encoded};
use inkleaf_tests::coded::{decode_all, every_sync_point};
use proptest::prelude::*;
use std::sync::OnceLock;

fn round_trip(texts: &[&str]) -> Encoded {
    let encoded = encode(texts).expect("encodes");
    let model = Model::from_bytes(&encoded.model).expect("model parses");
    for (i, text) in texts.iter().enumerate() {
        assert_eq!(
            decode_all(&encoded, &model, i).as_deref(),
            Ok(*text),
            "block {i}"
        );
    }
    encoded
}

fn article() -> Vec<&'static str> {
    inkleaf_cli::BUNDLED_ARTICLE.lines().collect()
}

/// The article with a model of its own, encoded once for the tests that corrupt it
/// (training is slow in debug builds).
fn encoded_article() -> &'static Encoded {
    static ENCODED: OnceLock<Encoded> = OnceLock::new();
    ENCODED.get_or_init(|| train(&article()).expect("encodes"))
}

/// The article coded with the built-in English model, as `encode` stores it.
fn builtin_article() -> &'static Encoded {
    static ENCODED: OnceLock<Encoded> = OnceLock::new();
    ENCODED.get_or_init(|| encode_with(&[BUILTIN_ENGLISH], &article()).expect("encodes"))
}

#[test]
fn article_round_trips_from_every_boundary() {
    let texts = article();
    let encoded = round_trip(&texts);
    assert_eq!(
        encoded.model,
        [BUILTIN_ENGLISH],
        "the article gets the built-in model"
    );
    every_sync_point(&encoded, &texts);
    every_sync_point(encoded_article(), &texts);
}

#[test]
fn unusual_texts_round_trip() {
    let long_word = "x".repeat(5000);
    let texts = [
        "",
        "“Curly” quotes — em dashes… and ‘single’ ones.",
        "Emoji 🙂🚀 and CJK 漢字かなカナ, Hangul 한국어.",
        "Control\u{0}chars\t\r\u{7f}\u{1b}[0m and \u{feff}BOM",
        long_word.as_str(),
        "",
        "\u{10FFFF}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}",
    ];
    let encoded = round_trip(&texts);
    every_sync_point(&encoded, &texts);
}

#[test]
fn large_alphabets_round_trip() {
    // Hundreds of symbols in one code: wide count fields and long codes.
    let mut text = String::new();
    let mut x = 7u32;
    for _ in 0..40_000 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
        let rank = (x >> 16) % 600;
        // Roughly geometric frequencies over 600 CJK characters.
        let rank = rank * rank / 600;
        text.push(char::from_u32(0x4E00 + rank).expect("CJK"));
    }
    let texts = [text.as_str()];
    let encoded = round_trip(&texts);
    every_sync_point(&encoded, &texts[..0]);
}

#[test]
fn empty_and_single_inputs() {
    round_trip(&[]);
    round_trip(&[""]);
    round_trip(&["a"]);
    round_trip(&["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"]);
}

#[test]
fn a_megabyte_round_trips() {
    let words = [
        "the ",
        "reader ",
        "shows ",
        "a ",
        "page, ",
        "then ",
        "another. ",
        "Ünïcödé ",
    ];
    let mut text = String::new();
    let mut x = 12345u32;
    while text.len() < 1 << 20 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
        text.push_str(words[(x >> 16) as usize % words.len()]);
    }
    round_trip(&[&text]);
}

#[test]
fn decoders_copy_cheaply_and_independently() {
    let texts = article();
    let encoded = encode(&texts).expect("encodes");
    let model = Model::from_bytes(&encoded.model).expect("model parses");
    // 512 bytes on a 32-bit device (the engine asserts it when built for one); a 64-bit
    // host's slices and references take 32 more.
    let budget = if cfg!(target_pointer_width = "64") {
        512 + 32
    } else {
        512
    };
    assert!(
        size_of::<Decoder<'_, '_>>() + size_of::<Model<'_>>() <= budget,
        "decoder state {} + model {} bytes",
        size_of::<Decoder<'_, '_>>(),
        size_of::<Model<'_>>()
    );
    let mut decoder = Decoder::new(&model, encoded.stream(0).expect("block"));
    for _ in 0..100 {
        decoder.next_char().expect("decodes");
    }
    let snapshot = decoder;
    let ahead: String = decoder
        .by_ref()
        .take(50)
        .map(|r| r.expect("ok").1)
        .collect();
    let again: String = snapshot.take(50).map(|r| r.expect("ok").1).collect();
    assert_eq!(ahead, again);
    assert_eq!(ahead, texts[0][100..150]);
}

#[test]
fn bad_sync_requests_are_errors() {
    let texts = ["a—b the the the the the"];
    let encoded = encode(&texts).expect("encodes");
    let model = Model::from_bytes(&encoded.model).expect("model parses");
    // Inside the em dash's three bytes.
    assert!(matches!(
        encoded.sync_point(0, 2),
        Err(Error::PositionOutOfRange(_))
    ));
    assert!(matches!(
        encoded.sync_point(0, 999),
        Err(Error::PositionOutOfRange(_))
    ));
    assert!(matches!(
        encoded.sync_point(1, 0),
        Err(Error::PositionOutOfRange(_))
    ));
    let stream = encoded.stream(0).expect("block");
    let bad_context = SyncPoint {
        state: State {
            context: 200,
            class: 0,
        },
        ..SyncPoint::default()
    };
    assert_eq!(
        Decoder::at(&model, stream, bad_context).err(),
        Some(Error::CorruptText)
    );
    let skip_before_start = SyncPoint {
        skip: 5,
        offset: 2,
        ..SyncPoint::default()
    };
    assert_eq!(
        Decoder::at(&model, stream, skip_before_start).err(),
        Some(Error::CorruptText)
    );
    for bit in [stream.bits.len() as u32 * 8 + 1, u32::MAX - 7, u32::MAX] {
        let past_the_end = SyncPoint {
            bit,
            ..SyncPoint::default()
        };
        assert_eq!(
            Decoder::at(&model, stream, past_the_end).err(),
            Some(Error::CorruptText),
            "sync point at bit {bit}"
        );
    }
}

#[test]
fn bad_models_are_errors() {
    assert_eq!(Model::from_bytes(&[]).err(), Some(Error::CorruptModel));
    let encoded = train(&["some text"]).expect("encodes");
    let mut wrong_version = encoded.model.clone();
    wrong_version[0] = 2;
    assert_eq!(
        Model::from_bytes(&wrong_version).err(),
        Some(Error::UnsupportedVersion(2))
    );
    let mut trailing = encoded.model.clone();
    trailing.push(0);
    assert_eq!(
        Model::from_bytes(&trailing).err(),
        Some(Error::CorruptModel)
    );
    let truncated = &encoded.model[..encoded.model.len() - 1];
    assert_eq!(
        Model::from_bytes(truncated).err(),
        Some(Error::CorruptModel)
    );
}

#[test]
fn truncated_streams_are_errors() {
    let encoded = encoded_article();
    let model = Model::from_bytes(&encoded.model).expect("model parses");
    let stream = encoded.stream(0).expect("block");
    let short = Stream {
        bits: &stream.bits[..stream.bits.len() / 2],
        ..stream
    };
    let result: Result<Vec<_>, _> = Decoder::new(&model, short).collect();
    assert_eq!(result.err(), Some(Error::CorruptText));
}

/// Decodes a block to the end or the first error; never more than its length in bytes.
fn drain(model: &Model<'_>, stream: Stream<'_>) {
    let mut bytes = 0u32;
    for item in Decoder::new(model, stream) {
        match item {
            Ok((offset, ch)) => {
                assert_eq!(offset, bytes);
                bytes += ch.len_utf8() as u32;
                assert!(bytes <= stream.text_len);
            }
            Err(e) => {
                assert_eq!(e, Error::CorruptText);
                break;
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn any_texts_round_trip(texts in prop::collection::vec(any::<String>(), 0..6)) {
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        let encoded = round_trip(&texts);
        every_sync_point(&encoded, &texts);
    }

    #[test]
    fn wordy_texts_round_trip(words in prop::collection::vec("[a-zA-Z’—]{1,9}[ ,.]{0,2}", 1..300)) {
        let text = words.concat();
        let texts = [text.as_str(), "", text.as_str()];
        let encoded = round_trip(&texts);
        every_sync_point(&encoded, &texts);
    }

    #[test]
    fn random_models_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        if let Ok(model) = Model::from_bytes(&bytes) {
            drain(&model, Stream { bits: &bytes, text_len: 500 });
        }
    }

    #[test]
    fn flipped_models_never_panic(flips in prop::collection::vec(any::<prop::sample::Index>(), 1..4)) {
        let encoded = encoded_article();
        let mut model_bytes = encoded.model.clone();
        for flip in &flips {
            let bit = flip.index(model_bytes.len() * 8);
            model_bytes[bit / 8] ^= 0x80 >> (bit % 8);
        }
        if let Ok(model) = Model::from_bytes(&model_bytes) {
            for b in 0..4 {
                drain(&model, encoded.stream(b).expect("block"));
            }
        }
    }

    #[test]
    fn corrupt_streams_never_panic(
        flips in prop::collection::vec(any::<prop::sample::Index>(), 1..8),
        random in prop::collection::vec(any::<u8>(), 0..300),
        text_len in 0u32..2000,
    ) {
        for encoded in [encoded_article(), builtin_article()] {
            let model = Model::from_bytes(&encoded.model).expect("model parses");
            let mut bits = encoded.blocks[0].bits.clone();
            for flip in &flips {
                let bit = flip.index(bits.len() * 8);
                bits[bit / 8] ^= 0x80 >> (bit % 8);
            }
            drain(&model, Stream { bits: &bits, text_len });
            drain(&model, Stream { bits: &random, text_len });
            let sync = SyncPoint { bit: text_len * 3, skip: (text_len % 40) as u8, state: State { context: (text_len % 9) as u8, class: (text_len % 5) as u8 }, offset: text_len / 2 };
            if let Ok(decoder) = Decoder::at(&model, Stream { bits: &random, text_len }, sync) {
                for item in decoder {
                    if item.is_err() { break; }
                }
            }
        }
    }
}
