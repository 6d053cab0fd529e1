//! Coded text read out of order gives exactly the characters of the plain text: the reader
//! goes back through its checkpoints, or to the block's start, and never loses its place.

use inkleaf::{font::FontId, Book};
use inkleaf_cli::build::TextStorage;
use inkleaf_tests::blobs::{article, preset};

/// Both ways of coding: the built-in English model (which the article gets by default) and
/// a model trained for the text, stored in the blob.
const CODINGS: [(TextStorage, bool); 2] =
    [(TextStorage::Coded, true), (TextStorage::Trained, false)];

/// The article's blocks as stored coded, next to the same blocks as plain strings.
fn coded_article(text: TextStorage) -> (Vec<u8>, Vec<String>) {
    let doc = article();
    let options = inkleaf_cli::build::Options {
        font: FontId::Mono6x10,
        faces: &[],
        hyphenate: false,
        text,
        also_for: &[],
        also_sizes: &[],
        bake_all_lines: false,
    };
    let blob = inkleaf_cli::build::build_with(&doc, preset("2.9in").profile, &options)
        .expect("the article builds")
        .blob;
    let plain = doc.blocks.iter().map(|b| b.text.clone()).collect();
    (blob, plain)
}

/// What `char_at(i)` must give: the character starting at byte `i`, if one does.
fn expected(plain: &str, i: usize) -> Option<char> {
    plain.get(i..).and_then(|rest| rest.chars().next())
}

#[test]
fn reads_in_any_order_match_the_plain_text() {
    for (storage, builtin) in CODINGS {
        reads_in_any_order(storage, builtin);
    }
}

fn reads_in_any_order(storage: TextStorage, builtin: bool) {
    let (blob, plain) = coded_article(storage);
    let book = Book::from_bytes(&blob).expect("a fresh blob opens");
    let model = book.model().expect("the blob stores coded text");
    assert_eq!(model.is_builtin(), builtin, "{storage:?}");
    let mut reads = 0;
    for (block, plain) in book.blocks().zip(&plain) {
        let mut text = block.text;
        assert_eq!(text.len(), plain.len());
        // A walk with steps back of every size the layout takes (a character, a word, a
        // line, a window of lines) and past the end, from a small deterministic generator.
        let mut state = 0x2545_F491_u32;
        let mut at = 0usize;
        for _ in 0..2_000 {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            let step = (state % 700) as usize;
            at = match state >> 30 {
                0 => at.saturating_sub(step % 40),
                1 => at.saturating_sub(step),
                _ => (at + step % 90) % (plain.len() + 8),
            };
            assert_eq!(
                text.char_at(at),
                expected(plain, at),
                "byte {at} of {plain:?}"
            );
            reads += 1;
        }
        // A copy reads on its own and leaves the original where it was.
        let mut copy = text;
        assert_eq!(copy.char_at(0), expected(plain, 0));
        let end = plain.len().saturating_sub(1);
        assert_eq!(text.char_at(end), expected(plain, end));
    }
    assert!(reads > 10_000, "{reads} reads");
}

#[test]
fn every_offset_backwards_matches_the_plain_text() {
    for (storage, builtin) in CODINGS {
        let (blob, plain) = coded_article(storage);
        let book = Book::from_bytes(&blob).expect("a fresh blob opens");
        assert_eq!(book.model().map(|m| m.is_builtin()), Some(builtin));
        every_offset_backwards(&book, &plain);
    }
}

fn every_offset_backwards(book: &Book<'_>, plain: &[String]) {
    for (block, plain) in book.blocks().zip(plain) {
        let mut text = block.text;
        // The worst order for a forward decoder: every byte, last first.
        for at in (0..=plain.len()).rev() {
            assert_eq!(text.char_at(at), expected(plain, at), "byte {at}");
        }
        let collected: String = block.text.chars().collect();
        assert_eq!(&collected, plain);
    }
}
