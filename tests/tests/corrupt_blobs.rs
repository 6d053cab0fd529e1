//! Damaged blobs are rejected with a typed error, never a panic: every truncation and every
//! single-bit flip of the article's blob, and bit flips that keep a valid checksum.

use embedded_graphics::Drawable;
use inkleaf::{format::Part, Book, Error, Layout};
use inkleaf_cli::build::{build_with, Options, TextStorage};
use inkleaf_tests::blobs::{article, fix_crc, preset};

/// The article with metadata, so the metadata part is not all empty strings, coded with the
/// built-in model (its model part is then one byte).
fn blob() -> Vec<u8> {
    blob_with(TextStorage::Coded)
}

/// The same, coded as `text` says.
fn blob_with(text: TextStorage) -> Vec<u8> {
    let mut doc = article();
    doc.title = "The “mission”".into();
    doc.byline = "Staff".into();
    let display = preset("oled-128x64");
    let options = Options {
        font: display.font,
        faces: &[],
        hyphenate: true,
        text,
        also_for: &[],
        also_sizes: &[],
        bake_all_lines: false,
    };
    build_with(&doc, display.profile, &options).unwrap().blob
}

#[test]
fn every_truncation_is_rejected() {
    let blob = blob();
    assert!(Book::from_bytes(&blob).is_ok());
    let full = blob.len() as u32;
    for len in 0..blob.len() {
        let needed = if len < 16 { 16 } else { full };
        assert_eq!(
            Book::from_bytes(&blob[..len]).map(drop),
            Err(Error::Truncated {
                needed,
                available: len as u32
            }),
            "prefix of {len} bytes"
        );
    }
}

#[test]
fn every_single_bit_flip_is_rejected() {
    let mut blob = blob();
    for byte in 0..blob.len() {
        for bit in 0..8 {
            blob[byte] ^= 1 << bit;
            let result = Book::from_bytes(&blob).map(drop);
            blob[byte] ^= 1 << bit;
            let Err(error) = result else {
                panic!("flipping bit {bit} of byte {byte} went unnoticed");
            };
            let expected = match byte {
                0..4 => matches!(error, Error::BadMagic(_)),
                4..6 => matches!(error, Error::UnsupportedVersion(_)),
                6..8 => matches!(error, Error::UnsupportedFlags(_)),
                // A longer declared payload runs off the end, a shorter one leaves bytes over.
                8..12 => matches!(error, Error::Truncated { .. } | Error::TrailingBytes(_)),
                _ => matches!(error, Error::ChecksumMismatch { .. }),
            };
            assert!(expected, "bit {bit} of byte {byte}: {error:?}");
        }
    }
}

/// With the checksum rewritten, a flip reaches the decoder: it must give a typed error or a
/// book that lays out and draws without panicking.
#[test]
fn bit_flips_behind_a_valid_checksum_never_panic() {
    // The built-in model's blob, and a trained model's, whose model part flips can reach.
    for (text, builtin) in [(TextStorage::Coded, true), (TextStorage::Trained, false)] {
        let blob = blob_with(text);
        let book = Book::from_bytes(&blob).unwrap();
        assert_eq!(
            book.model().map(|m| m.is_builtin()),
            Some(builtin),
            "{text:?}"
        );
        flips_never_panic(&blob);
    }
}

fn flips_never_panic(original: &[u8]) {
    let sizes = Book::from_bytes(original).unwrap().part_sizes();
    // Metadata, chapters and page indexes, the model's first bytes, the block list's length and the
    // first block's framing plus the first words of its text: each flip here is laid out and
    // drawn, which is what costs time.
    let indexes_end = sizes.header + sizes.metadata + sizes.chapters + sizes.page_index;
    let model_start = indexes_end + sizes.font;
    let blocks_start = model_start + sizes.model;
    let laid_out = |byte: usize| {
        (16..indexes_end).contains(&byte)
            || (model_start..model_start + 24).contains(&byte)
            || (blocks_start..blocks_start + 5 + 64).contains(&byte)
    };
    // The rest of the model, of the first paragraph and the last block's end are only opened.
    let bytes = (16..indexes_end)
        .chain(model_start..(model_start + 64).min(blocks_start))
        .chain(blocks_start..blocks_start + 200)
        .chain(original.len() - 32..original.len());
    let (mut opened, mut rejected) = (0, 0);
    for byte in bytes {
        for bit in 0..8 {
            let mut blob = original.to_vec();
            blob[byte] ^= 1 << bit;
            fix_crc(&mut blob);
            match Book::from_bytes(&blob) {
                Ok(book) => {
                    opened += 1;
                    assert_eq!(book.blocks().count() as u32, book.block_count());
                    if laid_out(byte) {
                        lay_out_and_draw(book);
                    }
                }
                Err(error) => {
                    rejected += 1;
                    assert!(
                        matches!(
                            error,
                            Error::Malformed(_)
                                | Error::BadFont(_)
                                | Error::TrailingPayload(Part::Blocks)
                                | Error::UnknownBlockKind(_)
                                | Error::CorruptModel
                                | Error::CorruptText
                                | Error::UnsupportedVersion(_)
                        ),
                        "bit {bit} of byte {byte}: {error:?}"
                    );
                }
            }
        }
    }
    // Most flips land in text and still decode; framing flips must be caught.
    assert!(
        opened > 0 && rejected > 0,
        "{opened} opened, {rejected} rejected"
    );
}

/// Paginates `book` on the OLED preset and draws its first and last pages.
fn lay_out_and_draw(book: Book<'_>) {
    let display = preset("oled-128x64");
    let layout = Layout::new(&book, display.profile, display.font.font()).unwrap();
    // Through the page index when the flip left it intact: the first and the last page.
    let count = layout.page_count();
    for n in [0, count.saturating_sub(1)] {
        let Ok(page) = layout.page(n) else { continue };
        let mut frame = inkleaf::Framebuffer::new([0u8; 16 * 64], 128, 64).unwrap();
        let view = page.with_total(count);
        // Both drawing paths: pixel by pixel, and glyph rows blitted into the packed buffer.
        let Ok(()) = view.draw(&mut frame);
        view.draw_into(&mut frame);
    }
}
