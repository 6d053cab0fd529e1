//! Lookup tables (`Model::accelerate`) change how fast a model decodes, never what it decodes
//! to: the same characters, offsets and errors as the model alone, at every table size.

use inkleaf::codec::{Decoder, Model, Stream};
use inkleaf::{Book, Error};
use inkleaf_cli::codec::{encode, Encoded};
use proptest::prelude::*;
use std::sync::OnceLock;

/// Everything a decoder yields, up to and including its first error.
fn items(decoder: Decoder<'_, '_>) -> Vec<Result<(u32, char), Error>> {
    let mut out = Vec::new();
    for item in decoder {
        let failed = item.is_err();
        out.push(item);
        if failed {
            break;
        }
    }
    out
}

/// A copy of `model` decoding through tables of exactly `bits` bits, in `buf`.
fn with_tables<'a>(model: &Model<'a>, bits: u32, buf: &'a mut Vec<u32>) -> Model<'a> {
    buf.resize(model.table_words(bits), 0);
    let mut fast = *model;
    assert_eq!(fast.accelerate(buf), Ok(bits));
    fast
}

/// Every block and every sync point decodes alike with tables of every size.
fn assert_tables_agree(encoded: &Encoded, texts: &[&str]) {
    let model = Model::from_bytes(&encoded.model).expect("model parses");
    for bits in 4..=10 {
        let mut buf = Vec::new();
        let fast = with_tables(&model, bits, &mut buf);
        for (b, text) in texts.iter().enumerate() {
            let stream = encoded.stream(b).expect("block");
            let fast_items = items(Decoder::new(&fast, stream));
            assert_eq!(fast_items, items(Decoder::new(&model, stream)), "block {b}");
            let decoded: String = fast_items.iter().map(|i| i.expect("decodes").1).collect();
            assert_eq!(decoded, *text);
            for offset in (0..=text.len())
                .step_by(37)
                .filter(|&o| text.is_char_boundary(o))
            {
                let sync = encoded.sync_point(b, offset as u32).expect("sync point");
                let rest = Decoder::at(&fast, stream, sync).expect("starts");
                assert_eq!(
                    items(rest),
                    items(Decoder::at(&model, stream, sync).expect("starts"))
                );
            }
        }
    }
}

fn encoded_article() -> &'static (Vec<&'static str>, Encoded) {
    static ENCODED: OnceLock<(Vec<&'static str>, Encoded)> = OnceLock::new();
    ENCODED.get_or_init(|| {
        let texts: Vec<&str> = inkleaf_cli::BUNDLED_ARTICLE.lines().collect();
        let encoded = encode(&texts).expect("encodes");
        (texts, encoded)
    })
}

#[test]
fn the_article_decodes_alike_at_every_table_size() {
    let (texts, encoded) = encoded_article();
    assert_tables_agree(encoded, texts);
}

#[test]
fn long_codes_and_wide_alphabets_decode_alike() {
    // Hundreds of CJK characters with skewed frequencies: codes far longer than 10 bits,
    // escapes, and literals past ASCII.
    let mut cjk = String::new();
    let mut x = 7u32;
    for _ in 0..20_000 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
        let rank = (x >> 16) % 600;
        cjk.push(char::from_u32(0x4E00 + rank * rank / 600).expect("CJK"));
    }
    let texts = [
        cjk.as_str(),
        "“Curly” quotes — em dashes… and ‘single’ ones.",
        "Emoji 🙂🚀 and \u{10FFFF}\u{80}\u{7FF}",
        "",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    ];
    let encoded = encode(&texts).expect("encodes");
    assert_tables_agree(&encoded, &texts);
}

#[test]
fn a_flat_escape_code_decodes_alike() {
    // 700 characters seen once each: too rare for any table, so the escape code is flat
    // (every id in `id_width` bits), wider than small tables.
    let rare: String = (0..700)
        .filter_map(|i| char::from_u32(0x4E00 + i * 7))
        .collect();
    let texts = [
        rare.as_str(),
        "Some ordinary words, then the rare ones again.",
    ];
    let encoded = encode(&texts).expect("encodes");
    assert_tables_agree(&encoded, &texts);
}

#[test]
fn a_buffer_too_small_is_refused_and_the_widest_fit_is_taken() {
    let (_, encoded) = encoded_article();
    let model = Model::from_bytes(&encoded.model).expect("model parses");
    let needed = model.table_words(4);
    let mut small = vec![0u32; needed - 1];
    let mut refused = model;
    assert_eq!(
        refused.accelerate(&mut small),
        Err(Error::BufferTooSmall {
            needed: needed as u32 * 4
        })
    );
    let mut large = vec![0u32; model.table_words(10) * 3];
    let mut fast = model;
    assert_eq!(fast.accelerate(&mut large), Ok(10));
    let mut between = vec![0u32; model.table_words(7) + 1];
    assert_eq!(
        fast.accelerate(&mut between),
        Ok(7),
        "tables can be rebuilt"
    );
    let stream = encoded.stream(3).expect("block");
    assert_eq!(
        items(Decoder::new(&fast, stream)),
        items(Decoder::new(&model, stream))
    );
    // A failed rebuild keeps the tables it had.
    assert!(fast.accelerate(&mut small).is_err());
    assert_eq!(
        items(Decoder::new(&fast, stream)),
        items(Decoder::new(&model, stream))
    );
}

/// Every character of every block of `book`, read front to back.
fn book_text(book: &Book<'_>) -> Vec<Option<char>> {
    let mut out = Vec::new();
    for block in book.blocks() {
        let mut text = block.text;
        out.extend((0..text.len()).map(|i| text.char_at(i)));
    }
    out
}

#[test]
fn books_read_alike_through_tables() {
    let fixture = |name: &str| {
        let path = format!("{}/fixtures/device/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    };
    let (coded, plain) = (
        fixture("article-2.9in.inkleaf"),
        fixture("article-2.9in-plain-text.inkleaf"),
    );
    let mut tables = vec![0u32; 4096];
    let mut unused = vec![0u32; 16];
    let mut fast = Book::from_bytes(&coded).expect("the coded fixture opens");
    let mut plain_book = Book::from_bytes(&plain).expect("the plain fixture opens");
    // The built-in model: 17 codes of 128 words and 1,450 symbol words fit in 4,096.
    assert_eq!(fast.accelerate(&mut tables), Ok(7));
    assert_eq!(
        plain_book.accelerate(&mut unused),
        Ok(0),
        "plain text has no model"
    );
    let in_place = book_text(&Book::from_bytes(&coded).expect("opens"));
    assert_eq!(book_text(&fast), in_place);
    assert_eq!(book_text(&plain_book), in_place);
    assert!(in_place.iter().flatten().count() > 7_000);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn corrupt_streams_fail_alike(
        flips in prop::collection::vec(any::<prop::sample::Index>(), 1..8),
        random in prop::collection::vec(any::<u8>(), 0..300),
        text_len in 0u32..2000,
        bits in 4u32..=10,
    ) {
        let (_, encoded) = encoded_article();
        let model = Model::from_bytes(&encoded.model).expect("model parses");
        let mut buf = Vec::new();
        let fast = with_tables(&model, bits, &mut buf);
        let mut flipped = encoded.blocks[1].bits.clone();
        for flip in &flips {
            let bit = flip.index(flipped.len() * 8);
            flipped[bit / 8] ^= 0x80 >> (bit % 8);
        }
        for bits in [&flipped, &random] {
            let stream = Stream { bits, text_len };
            prop_assert_eq!(items(Decoder::new(&fast, stream)), items(Decoder::new(&model, stream)));
        }
    }
}
