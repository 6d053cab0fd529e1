//! One hand-made fixture per error, each asserting the exact variant.
//!
//! Payload bytes are postcard (format version 7): a string or byte string is a varint length
//! and its bytes; an `Option` is a tag byte, 0 or 1, then the value; an enum is its variant
//! index as a varint, then the variant's fields; a `u8` is one byte, wider integers varints.
//! The payload is, in order, five metadata strings, the chapter records as one byte string
//! (empty here: `engine/src/format/chapters.rs` tests each bad chapter field), the page indexes as one byte string of
//! index records back to back, the font part as one byte string of `face byte, section bytes`
//! entries (empty for a built-in font), an `Option` text model (`None` for plain text) and the
//! blocks as one byte string of records. A plain block record is its kind (`BlockKind`: 0
//! paragraph, 1 heading and its level byte, 2 list item with its marker and looseness, 3 code,
//! 4 rule, 5 table row), its nesting (depth byte, quote bits byte), its label, its text, its
//! hyphenation points and its style runs. An index record is the layout rules byte, a
//! `BuiltFor` (profile, font id, page count), a font check (line height, four advances and a
//! hash of every face), the bit widths of a start's block index and byte offset, and the
//! starts as a byte string of fixed-width, most-significant-bit-first records. Fixtures that
//! aim past the header carry a correct CRC-32, so the error comes from the part under test,
//! not from the checksum.

use inkleaf::{
    build::{pack_into, Contents, StoredText},
    font::FontId,
    format::Meta,
    format::{BuiltFor, FontCheck, Part, FORMAT_VERSION},
    layout::LAYOUT_RULES,
    layout::{Align, Margins},
    text::{Block, BlockKind, Nesting, Run, Runs, Style},
    Book, Error, Layout, Position, Profile,
};
use inkleaf_cli::pack::{bake_page_index, pack_to_vec};
use inkleaf_tests::blobs::{blob_with_payload, crc32, header, pack_blocks};

/// Five empty metadata strings, no chapters, no page index, an empty font part and no text model.
const EMPTY_META_NO_INDEX: [u8; 9] = [0, 0, 0, 0, 0, 0, 0, 0, 0];

/// The block record of a top-level paragraph "a": kind 0, nesting (0, 0), no label, text "a",
/// no hyphenation points, no style runs.
const PARAGRAPH_A: [u8; 8] = [0, 0, 0, 0, 1, b'a', 0, 0];

/// A payload holding one paragraph, "a".
fn one_paragraph() -> Vec<u8> {
    with_blocks(&[&PARAGRAPH_A])
}

/// A payload with no page index, no font and no model, and the block records `records`.
fn with_blocks(records: &[&[u8]]) -> Vec<u8> {
    let joined = records.concat();
    let mut payload = EMPTY_META_NO_INDEX.to_vec();
    payload.push(u8::try_from(joined.len()).expect("small fixture"));
    payload.extend(joined);
    payload
}

/// A plain block record of kind bytes `kind` and text `text` (each under 128 bytes), at the
/// top level, with no label, hyphenation points or style runs.
fn block_record(kind: &[u8], text: &[u8]) -> Vec<u8> {
    let mut record = kind.to_vec();
    record.extend_from_slice(&[0, 0, 0]); // nesting (0, 0), no label
    record.push(text.len() as u8);
    record.extend_from_slice(text);
    record.extend_from_slice(&[0, 0]); // no hyphens, no runs
    record
}

fn open(blob: &[u8]) -> Result<Book<'_>, Error> {
    Book::from_bytes(blob)
}

fn open_payload(payload: &[u8]) -> Result<(), Error> {
    open(&blob_with_payload(payload)).map(drop)
}

#[test]
fn the_fixture_payload_is_what_the_engine_packs() {
    assert_eq!(crc32(b"123456789"), 0xCBF4_3926, "the standard check value");
    let packed = pack_blocks(&[(BlockKind::Paragraph, "a")]);
    assert_eq!(&packed[16..], one_paragraph());
    assert_eq!(packed, blob_with_payload(&one_paragraph()));
    // A rich block: a heading 2 inside a quote, "*Hi* there" with "Hi" italic, as the builder
    // packs it.
    let runs = [2 << 5 | 1];
    let heading = Block {
        nesting: Nesting::TOP.quote(),
        runs: Runs::from_encoded(&runs),
        ..Block::new(BlockKind::Heading(2), "Hi there")
    };
    let rich = pack_to_vec(&Contents::plain(Meta::default(), &[heading])).unwrap();
    let record = [&[1, 2, 1, 1, 0, 8][..], b"Hi there", &[0, 1, 0x41]].concat();
    assert_eq!(&rich[16..], with_blocks(&[&record]));
    let book = open(&rich).unwrap();
    let read = book.block(0).unwrap();
    assert_eq!((read.kind, read.nesting), (heading.kind, heading.nesting));
    assert_eq!(
        read.runs.collect::<Vec<_>>(),
        [Run {
            len: 2,
            style: Style::ITALIC
        }]
    );
    let book = open(&packed).unwrap();
    assert_eq!(
        book.blocks()
            .map(|b| b.text.to_string())
            .collect::<Vec<_>>(),
        ["a"]
    );
    assert_eq!(book.built_for(), None);
    assert_eq!(book.page_indexes().count(), 0);
}

#[test]
fn bad_magic() {
    let payload = one_paragraph();
    let mut blob = header(
        *b"INKX",
        FORMAT_VERSION,
        0,
        payload.len() as u32,
        crc32(&payload),
    );
    blob.extend_from_slice(&payload);
    assert_eq!(open(&blob).map(drop), Err(Error::BadMagic(*b"INKX")));
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    assert_eq!(open(png).map(drop), Err(Error::BadMagic(*b"\x89PNG")));
}

#[test]
fn unsupported_version() {
    assert_eq!(FORMAT_VERSION, 7);
    let payload = one_paragraph();
    // Version 1 had no page indexes or text model; version 2 had no block nesting, labels,
    // style runs or font faces; version 3 no table of contents; version 4 one text size and
    // no line breaks; version 5 coded every line's break and a bit offset for every page;
    // version 6 coded the length of a line that ends at a newline.
    for version in [0, 1, 2, 3, 4, 5, 6, 8, u16::MAX] {
        let mut blob = header(*b"INKL", version, 0, payload.len() as u32, crc32(&payload));
        blob.extend_from_slice(&payload);
        assert_eq!(
            open(&blob).map(drop),
            Err(Error::UnsupportedVersion(version))
        );
    }
}

#[test]
fn unsupported_flags() {
    let payload = one_paragraph();
    for flags in [1, 0x8000] {
        let mut blob = header(
            *b"INKL",
            FORMAT_VERSION,
            flags,
            payload.len() as u32,
            crc32(&payload),
        );
        blob.extend_from_slice(&payload);
        assert_eq!(open(&blob).map(drop), Err(Error::UnsupportedFlags(flags)));
    }
}

#[test]
fn truncated() {
    let blob = blob_with_payload(&one_paragraph());
    let len = blob.len() as u32;
    assert_eq!(
        open(&[]).map(drop),
        Err(Error::Truncated {
            needed: 16,
            available: 0
        })
    );
    assert_eq!(
        open(&blob[..15]).map(drop),
        Err(Error::Truncated {
            needed: 16,
            available: 15
        })
    );
    assert_eq!(
        open(&blob[..blob.len() - 1]).map(drop),
        Err(Error::Truncated {
            needed: len,
            available: len - 1
        })
    );
    // A header that promises 4 GiB on a 16-byte input.
    let huge = header(*b"INKL", FORMAT_VERSION, 0, u32::MAX, 0);
    assert_eq!(
        open(&huge).map(drop),
        Err(Error::Truncated {
            needed: u32::MAX,
            available: 16
        })
    );
}

#[test]
fn trailing_bytes() {
    let mut blob = blob_with_payload(&one_paragraph());
    blob.extend_from_slice(&[0, 0, 0]);
    assert_eq!(open(&blob).map(drop), Err(Error::TrailingBytes(3)));
}

#[test]
fn checksum_mismatch() {
    let mut blob = blob_with_payload(&one_paragraph());
    let computed = crc32(&blob[16..]);
    blob[12] ^= 0x01;
    assert_eq!(
        open(&blob).map(drop),
        Err(Error::ChecksumMismatch {
            stored: computed ^ 0x01,
            computed
        })
    );
    // A changed payload byte under the old checksum.
    let mut blob = blob_with_payload(&one_paragraph());
    let stored = crc32(&blob[16..]);
    *blob.last_mut().unwrap() = b'b';
    let computed = crc32(&blob[16..]);
    assert_eq!(
        open(&blob).map(drop),
        Err(Error::ChecksumMismatch { stored, computed })
    );
}

#[test]
fn malformed_metadata() {
    // A varint that never ends.
    assert_eq!(
        open_payload(&[0xFF; 12]),
        Err(Error::Malformed(Part::Metadata))
    );
    // A title that claims 5 bytes and has 1.
    assert_eq!(
        open_payload(&[5, b'a']),
        Err(Error::Malformed(Part::Metadata))
    );
    // A title that is not UTF-8.
    let mut payload = vec![1, 0xFF, 0, 0, 0, 0];
    payload.extend_from_slice(&[0, 0, 0, 0]);
    assert_eq!(
        open_payload(&payload),
        Err(Error::Malformed(Part::Metadata))
    );
    // Nothing at all.
    assert_eq!(open_payload(&[]), Err(Error::Malformed(Part::Metadata)));
}

/// The blocks every page index fixture points into: paragraphs "a" (block 0) and "bcd"
/// (block 1), as the block list byte string.
const INDEXED_BLOCKS: [u8; 19] = [
    18, // bytes of the records
    0, 0, 0, 0, 1, b'a', 0, 0, // paragraph, top level, no label, "a", no hyphens, no runs
    0, 0, 0, 0, 3, b'b', b'c', b'd', 0, 0, // the same with "bcd"
];

/// Where [`index_record`] keeps the layout rules, the footer flag, the font id, the page
/// count and the two bit widths.
const RULES_AT: usize = 0;
const FOOTER_AT: usize = 11;
const FONT_AT: usize = 12;
const PAGES_AT: usize = 13;
const BLOCK_BITS_AT: usize = 24;
const OFFSET_BITS_AT: usize = 25;

/// The font check's hash of every face of the built-in 8x13 font (`FontCheck::of`), as a
/// postcard varint: seven bits at a time, least significant first.
const FACES_8X13: [u8; 5] = [147, 191, 132, 161, 9];

/// The page starts of [`index_record`]: (0, 0), (1, 0) and (1, 2) in 1 block bit and 2 offset
/// bits each, `0 00 | 1 00 | 1 10` and seven bits of padding.
const THREE_STARTS: [u8; 2] = [0b0001_0011, 0b0000_0000];

/// One index record of this engine's layout rules: a 100x50 profile with no margins, spacing
/// or indent, justified, no footer; font `font`; `pages` pages; the 8x13 font check; 1 block
/// bit and 2 offset bits; then `starts`.
fn index_record(font: u8, pages: u8, starts: &[u8]) -> Vec<u8> {
    let mut record = vec![
        LAYOUT_RULES,
        100,
        50, // width, height
        0,
        0,
        0,
        0, // margins: top, right, bottom, left
        0,
        0,
        0, // line and paragraph spacing, first-line indent
        1, // align: Justify
        0, // footer: false
        font,
        pages, // BuiltFor's font id and page count
        13,
        8,
        8,
        8,
        8, // font check: line height, advances of ' ', 'e', 'm', '-'
    ];
    record.extend_from_slice(&FACES_8X13); // font check: every face's hash
    record.extend_from_slice(&[1, 2]); // block bits, offset bits
    record.push(starts.len() as u8);
    record.extend_from_slice(starts);
    record.push(0); // no line breaks
    record
}

/// The record [`index_record`] builds for 8x13 and three pages.
fn valid_record() -> Vec<u8> {
    index_record(1, 3, &THREE_STARTS)
}

/// The engine's record of [`expected_built_for`] in 8x13, one page per start.
fn packed(starts: &[(u32, u32)]) -> Vec<u8> {
    let starts: Vec<Position> = starts.iter().map(|&(b, o)| Position::new(b, o)).collect();
    let built_for = expected_built_for(FontId::Mono8x13, starts.len() as u32);
    bake_page_index(
        built_for,
        FontCheck::of(FontId::Mono8x13.font()),
        &starts,
        None,
    )
}

/// A payload with `indexes` (already a byte string: length, then records) and [`INDEXED_BLOCKS`].
fn indexed_payload(indexes: &[u8]) -> Vec<u8> {
    let mut payload = vec![0, 0, 0, 0, 0, 0];
    payload.extend_from_slice(indexes);
    payload.extend_from_slice(&[0, 0]); // an empty font part, no text model
    payload.extend_from_slice(&INDEXED_BLOCKS);
    payload
}

/// A payload whose page indexes are the records `records`, back to back.
fn with_records(records: &[&[u8]]) -> Vec<u8> {
    let joined = records.concat();
    let mut indexes = vec![u8::try_from(joined.len()).expect("small fixture")];
    indexes.extend(joined);
    indexed_payload(&indexes)
}

fn expected_built_for(font: FontId, pages: u32) -> BuiltFor {
    let mut profile = Profile::new(100, 50);
    profile.margins = Margins::all(0);
    profile.paragraph_spacing = 0;
    assert_eq!(profile.align, Align::Justify);
    assert!(!profile.footer);
    BuiltFor {
        profile,
        font,
        pages,
    }
}

#[test]
fn page_index_fixture_decodes_when_valid() {
    let blob = blob_with_payload(&with_records(&[&valid_record()]));
    let book = open(&blob).unwrap();
    let built_for = expected_built_for(FontId::Mono8x13, 3);
    assert_eq!(book.built_for(), Some(built_for));
    assert_eq!(book.block_count(), 2);
    assert_eq!(book.page_indexes().count(), 1);
    let index = book.page_indexes().next().unwrap();
    assert_eq!(index.built_for(), built_for);
    assert_eq!(
        index.font_check(),
        FontCheck {
            line_height: 13,
            advances: [8; 4],
            faces: 19 | 63 << 7 | 4 << 14 | 33 << 21 | 9 << 28,
        }
    );
    assert_eq!(index.font_check(), FontCheck::of(FontId::Mono8x13.font()));
    assert!(index.fits(&built_for.profile, FontId::Mono8x13.font()));
    assert_eq!(index.pages(), 3);
    assert_eq!(index.start(0), Some(Position::new(0, 0)));
    assert_eq!(index.start(1), Some(Position::new(1, 0)));
    assert_eq!(index.start(2), Some(Position::new(1, 2)));
    assert_eq!(index.start(3), None);
    assert_eq!(index.page_of(Position::new(1, 1)), 1);
    assert_eq!(index.starts_len(), THREE_STARTS.len());
    let font = FontId::Mono8x13.font();
    assert!(book.page_index(&built_for.profile, font).is_some());

    // Baked by other layout rules: the index still reads, but no layout trusts it, and the
    // book is paginated afresh (one line of 8x13 holds "a", the next "bcd").
    let mut other_rules = valid_record();
    other_rules[RULES_AT] = LAYOUT_RULES + 1;
    let blob = blob_with_payload(&with_records(&[&other_rules]));
    let book = open(&blob).unwrap();
    let index = book.page_indexes().next().unwrap();
    assert_eq!(index.pages(), 3);
    assert!(!index.fits(&built_for.profile, font));
    assert_eq!(book.page_index(&built_for.profile, font), None);
    let layout = Layout::new(&book, built_for.profile, font).unwrap();
    assert!(layout.page_index().is_none());
    assert_eq!(layout.page_count(), 1);
}

#[test]
fn page_index_fixture_is_what_the_engine_packs() {
    let starts = [
        Position::new(0, 0),
        Position::new(1, 0),
        Position::new(1, 2),
    ];
    let check = FontCheck::of(FontId::Mono8x13.font());
    let record = bake_page_index(
        expected_built_for(FontId::Mono8x13, 3),
        check,
        &starts,
        None,
    );
    assert_eq!(record, valid_record());

    // A second record, for 6x10 and one page, follows the first; the book's profile is the
    // first one's.
    let one_page = bake_page_index(
        expected_built_for(FontId::Mono6x10, 1),
        FontCheck::of(FontId::Mono6x10.font()),
        &[Position::new(0, 0)],
        None,
    );
    let indexes = [valid_record(), one_page.clone()].concat();
    let blocks = [
        Block::new(BlockKind::Paragraph, "a"),
        Block::new(BlockKind::Paragraph, "bcd"),
    ];
    let packed = pack_to_vec(&Contents {
        meta: Meta::default(),
        chapters: &[],
        page_indexes: &indexes,
        fonts: &[],
        text: StoredText::Plain(&blocks),
    })
    .unwrap();
    let payload = with_records(&[&valid_record(), &one_page]);
    assert_eq!(&packed[16..], payload);
    assert_eq!(packed, blob_with_payload(&payload));
    let book = open(&packed).unwrap();
    assert_eq!(
        book.built_for(),
        Some(expected_built_for(FontId::Mono8x13, 3))
    );
    let pages: Vec<u32> = book.page_indexes().map(|i| i.pages()).collect();
    assert_eq!(pages, [3, 1]);
}

#[test]
fn malformed_page_index() {
    let bad = Err(Error::Malformed(Part::PageIndex));
    let with = |record: &[u8]| open_payload(&with_records(&[record]));
    // The valid record with byte `at` set to `value`.
    let with_byte = |at: usize, value: u8| {
        let mut record = valid_record();
        record[at] = value;
        with(&record)
    };
    // An index byte string that claims more bytes than the payload has.
    assert_eq!(open_payload(&indexed_payload(&[100, 1, 100, 50])), bad);
    // A length varint that never ends.
    assert_eq!(open_payload(&[0, 0, 0, 0, 0, 0, 0xFF, 0xFF]), bad);
    // A font the engine does not have.
    assert_eq!(with_byte(FONT_AT, 9), bad);
    // A footer flag that is not a bool.
    assert_eq!(with_byte(FOOTER_AT, 2), bad);
    // A profile cut short.
    assert_eq!(with(&[100, 50]), bad);
    // A record cut short: its starts claim 2 bytes and the index ends after 1.
    let record = valid_record();
    assert_eq!(with(&record[..record.len() - 1]), bad);
    // A good record followed by a partial one.
    assert_eq!(with(&[valid_record(), vec![100]].concat()), bad);
    // No pages.
    assert_eq!(with(&index_record(1, 0, &[])), bad);
    // Starts of the wrong length: three 3-bit starts take 2 bytes, not 1 or 3.
    assert_eq!(with(&index_record(1, 3, &THREE_STARTS[..1])), bad);
    assert_eq!(with(&index_record(1, 3, &[0b0001_0011, 0, 0])), bad);
    // Bit widths past 32.
    assert_eq!(with_byte(BLOCK_BITS_AT, 33), bad);
    assert_eq!(with_byte(OFFSET_BITS_AT, 33), bad);
    // A start past the text of its block: (1, 3) in "bcd".
    let past_text = index_record(1, 3, &[0b0001_0011, 0b1000_0000]);
    assert_eq!(past_text, packed(&[(0, 0), (1, 0), (1, 3)]));
    assert_eq!(with(&past_text), bad);
    // A start past the blocks: (2, 0) of two blocks, in 2 block bits and no offset bits.
    let past_blocks = packed(&[(0, 0), (1, 0), (2, 0)]);
    assert_eq!(past_blocks[BLOCK_BITS_AT..], [2, 0, 1, 0b0001_1000, 0]);
    assert_eq!(with(&past_blocks), bad);
    // Starts that do not increase: (0, 0), (1, 2), (1, 0).
    let backwards = index_record(1, 3, &[0b0001_1010, 0b0000_0000]);
    assert_eq!(backwards, packed(&[(0, 0), (1, 2), (1, 0)]));
    assert_eq!(with(&backwards), bad);
    // A page count raised to 4: four 3-bit starts still take 2 bytes, but the fourth reads
    // the padding as (0, 0), which goes back.
    assert_eq!(with_byte(PAGES_AT, 4), bad);
    // An index whose blocks are missing altogether.
    let mut no_blocks = vec![0, 0, 0, 0, 0, 0];
    let record = valid_record();
    no_blocks.push(record.len() as u8);
    no_blocks.extend(record);
    no_blocks.extend_from_slice(&[0, 0, 0]); // an empty font part, no model, no blocks
    assert_eq!(open_payload(&no_blocks), bad);
}

#[test]
fn malformed_font_section() {
    let with = |fonts: &[u8]| {
        let mut payload = vec![0, 0, 0, 0, 0, 0, 0];
        payload.push(u8::try_from(fonts.len()).expect("small fixture"));
        payload.extend_from_slice(fonts);
        payload.push(0); // no model
        payload.extend_from_slice(&[PARAGRAPH_A.len() as u8]);
        payload.extend_from_slice(&PARAGRAPH_A);
        open_payload(&payload)
    };
    let bad = Err(Error::Malformed(Part::Font));
    // The framing of a face section is checked when the book opens; its bytes are not.
    assert_eq!(with(&[0, 1, 0xAA]), Ok(()));
    assert_eq!(
        with(&[0, 1, 0xAA, 4, 1, 0xBB]),
        Ok(()),
        "regular, then mono"
    );
    // A font part that claims more bytes than the payload has.
    let mut payload = vec![0, 0, 0, 0, 0, 0, 0, 100, 0, 1];
    payload.extend_from_slice(&PARAGRAPH_A);
    assert_eq!(open_payload(&payload), bad);
    // A section that claims more bytes than its part has.
    assert_eq!(with(&[0, 5, 0xAA]), bad);
    // A face byte past the seven faces of a family.
    assert_eq!(with(&[0, 1, 0xAA, 7, 1, 0xBB]), bad);
    // A family that does not start with its regular face.
    assert_eq!(with(&[1, 1, 0xAA]), bad);
    // Faces out of order, or twice, in a family.
    assert_eq!(with(&[0, 1, 0xAA, 4, 1, 0xBB, 2, 1, 0xCC]), bad);
    assert_eq!(with(&[0, 1, 0xAA, 4, 1, 0xBB, 4, 1, 0xCC]), bad);
    // A regular face opens the next family, one per text size; each is checked alike.
    assert_eq!(
        with(&[0, 1, 0xAA, 0, 1, 0xBB]),
        Ok(()),
        "two sizes, regular only"
    );
    assert_eq!(
        with(&[0, 1, 0xAA, 4, 1, 0xBB, 0, 1, 0xCC, 1, 1, 0xDD]),
        Ok(())
    );
    assert_eq!(with(&[0, 1, 0xAA, 0, 1, 0xBB, 4, 1, 0xCC, 1, 1, 0xDD]), bad);
    assert_eq!(with(&[0, 1, 0xAA, 0, 1, 0xBB, 7, 1, 0xCC]), bad);
    // A face with no section after it.
    assert_eq!(with(&[0]), bad);
}

#[test]
fn bad_font_section_is_reported_when_used() {
    let mut payload = vec![0, 0, 0, 0, 0, 0, 0, 3, 0, 1, 0xAA, 0];
    payload.push(PARAGRAPH_A.len() as u8);
    payload.extend_from_slice(&PARAGRAPH_A);
    let blob = blob_with_payload(&payload);
    let book = open(&blob).unwrap();
    assert!(matches!(book.font(), Err(Error::BadFont(_))));
    assert!(matches!(book.layout_font(), Err(Error::BadFont(_))));
}

#[test]
fn malformed_model() {
    let with = |model: &[u8]| {
        let mut payload = vec![0, 0, 0, 0, 0, 0, 0, 0]; // metadata, no index, no font
        payload.extend_from_slice(model);
        payload.push(PARAGRAPH_A.len() as u8);
        payload.extend_from_slice(&PARAGRAPH_A);
        open_payload(&payload)
    };
    // An option tag that is neither None nor Some.
    assert_eq!(with(&[2]), Err(Error::Malformed(Part::Model)));
    // A model that claims more bytes than the payload has.
    assert_eq!(with(&[1, 100]), Err(Error::Malformed(Part::Model)));
    // No model option at all.
    assert_eq!(
        open_payload(&[0, 0, 0, 0, 0, 0, 0, 0]),
        Err(Error::Malformed(Part::Model))
    );
}

#[test]
fn malformed_blocks() {
    let with = |blocks: &[u8]| {
        let mut payload = EMPTY_META_NO_INDEX.to_vec();
        payload.extend_from_slice(blocks);
        open_payload(&payload)
    };
    let bad = Err(Error::Malformed(Part::Blocks));
    // No block list at all.
    assert_eq!(with(&[]), bad);
    // A block list that claims 9 bytes and has 8.
    assert_eq!(with(&[&[9][..], &PARAGRAPH_A].concat()), bad);
    // A block whose text claims 2 bytes and has 1 before the list ends.
    assert_eq!(with(&[6, 0, 0, 0, 0, 2, b'a']), bad);
    // A block cut short before its style runs.
    assert_eq!(with(&[7, 0, 0, 0, 0, 1, b'a', 0]), bad);
    // A block whose text is not UTF-8, after a good block.
    let not_utf8 = block_record(&[0], &[0xC3]);
    assert_eq!(open_payload(&with_blocks(&[&PARAGRAPH_A, &not_utf8])), bad);
    // A code block whose label is not UTF-8.
    let label = [3, 0, 0, 1, 0xFF, 1, b'a', 0, 0];
    assert_eq!(open_payload(&with_blocks(&[&label])), bad);
    let rust = [3, 0, 0, 4, b'r', b'u', b's', b't', 1, b'a', 0, 0];
    assert_eq!(open_payload(&with_blocks(&[&rust])), Ok(()));
}

#[test]
fn malformed_nesting() {
    let nested = |depth: u8, quotes: u8| {
        let record = [0, depth, quotes, 0, 1, b'a', 0, 0];
        open_payload(&with_blocks(&[&record]))
    };
    let bad = Err(Error::Malformed(Part::Blocks));
    // A list in a quote in a list, and the deepest nesting kept.
    assert_eq!(nested(3, 0b010), Ok(()));
    assert_eq!(nested(8, 0xFF), Ok(()));
    // Deeper than the eight levels a writer keeps.
    assert_eq!(nested(9, 0), bad);
    // A quote bit above the depth: level 1 of a block one level deep.
    assert_eq!(nested(1, 0b10), bad);
}

#[test]
fn malformed_style_runs() {
    let styled = |text: &[u8], runs: &[u8]| {
        let mut record = vec![0, 0, 0, 0, text.len() as u8];
        record.extend_from_slice(text);
        record.push(0); // no hyphens
        record.push(runs.len() as u8);
        record.extend_from_slice(runs);
        open_payload(&with_blocks(&[&record]))
    };
    let bad = Err(Error::Malformed(Part::Blocks));
    // "ab" with "a" plain and "b" bold: 1 << 5, then 1 << 5 | 2.
    assert_eq!(styled(b"ab", &[0x20, 0x22]), Ok(()));
    // A run that covers no text.
    assert_eq!(styled(b"ab", &[0x20, 0x02]), bad);
    // Runs that end past the text: 3 bytes of "ab".
    assert_eq!(styled(b"ab", &[0x62]), bad);
    // A run that ends inside a character: the first byte of "é".
    assert_eq!(styled("é".as_bytes(), &[0x21]), bad);
    // A run whose varint never ends.
    assert_eq!(styled(b"ab", &[0xFF]), bad);
}

#[test]
fn garbage_payload_with_a_correct_checksum_is_malformed() {
    let garbage: Vec<u8> = (0u32..200).map(|i| (i * 167 + 13) as u8 | 0x80).collect();
    assert_eq!(
        open_payload(&garbage),
        Err(Error::Malformed(Part::Metadata))
    );
}

/// What a user gets for a block kind the engine does not know. A kind past the six the enum
/// has is not valid postcard for it, so the blocks are malformed; a kind that decodes but
/// holds a value the format does not allow (a heading level, a list marker) is
/// `UnknownBlockKind` with the offending byte.
#[test]
fn unknown_block_kind() {
    let kind = |kind: &[u8]| open_payload(&with_blocks(&[&block_record(kind, b"h")]));
    // The six kinds, each with a value it allows.
    assert_eq!(kind(&[0]), Ok(()), "paragraph");
    assert_eq!(kind(&[1, 6]), Ok(()), "heading level 6");
    assert_eq!(
        kind(&[2, 0, b'-', 1]),
        Ok(()),
        "loose bullet item, written '-'"
    );
    assert_eq!(kind(&[2, 1, 3, b')', 0]), Ok(()), "item number 3)");
    assert_eq!(kind(&[2, 2, 1, 0]), Ok(()), "checked task");
    assert_eq!(kind(&[3]), Ok(()), "code");
    assert_eq!(kind(&[4]), Ok(()), "rule");
    assert_eq!(kind(&[5, 1]), Ok(()), "table header row");
    // Heading levels run from 1 to 6.
    assert_eq!(kind(&[1, 7]), Err(Error::UnknownBlockKind(7)));
    assert_eq!(kind(&[1, 0]), Err(Error::UnknownBlockKind(0)));
    // A number's delimiter is '.' or ')'; a bullet is a visible ASCII character.
    assert_eq!(
        kind(&[2, 1, 3, b':', 0]),
        Err(Error::UnknownBlockKind(b':'))
    );
    assert_eq!(kind(&[2, 0, b' ', 0]), Err(Error::UnknownBlockKind(b' ')));
    assert_eq!(kind(&[2, 0, 0xE2, 0]), Err(Error::UnknownBlockKind(0xE2)));
    // After a good block: the first bad one is reported.
    let heading = block_record(&[1, 2], b"Hi");
    let bad = block_record(&[1, 9], b"h");
    assert_eq!(
        open_payload(&with_blocks(&[&heading, &bad])),
        Err(Error::UnknownBlockKind(9))
    );
    // Kinds 6 and 7 are past the enum; a marker, a task's box or a row's header flag past
    // theirs are bad postcard too.
    let malformed = Err(Error::Malformed(Part::Blocks));
    assert_eq!(kind(&[6]), malformed);
    assert_eq!(kind(&[7]), malformed);
    assert_eq!(kind(&[2, 3, 0]), malformed, "marker 3");
    assert_eq!(kind(&[2, 2, 2, 0]), malformed, "task box 2");
    assert_eq!(kind(&[5, 2]), malformed, "header flag 2");
}

#[test]
fn trailing_payload() {
    let mut payload = one_paragraph();
    payload.push(0);
    assert_eq!(
        open_payload(&payload),
        Err(Error::TrailingPayload(Part::Blocks))
    );
}

#[test]
fn buffer_too_small() {
    let mut out = [0u8; 8];
    // Header 16, five empty strings 5, no chapters 1, no index 1, an empty font part 1, no
    // model 1, no blocks 1.
    assert_eq!(
        pack_into(&Contents::plain(Meta::default(), &[]), &mut out),
        Err(Error::BufferTooSmall { needed: 26 })
    );
}

#[test]
fn profile_too_small() {
    let blob = blob_with_payload(&one_paragraph());
    let book = open(&blob).unwrap();
    let font = FontId::Mono6x10.font();
    // 4 px margins leave 2x2 px.
    assert_eq!(
        Layout::new(&book, Profile::new(10, 10), font).map(drop),
        Err(Error::ProfileTooSmall {
            text_width: 2,
            text_height: 2
        })
    );
    // A line must hold the widest character of any face and a hyphen: in a font used as a
    // family that is its bold face's ellipsis (three cells, each emboldened, 21 px) and bold
    // hyphen (7 px), whatever the text holds, so 29 px of width.
    let mut narrow = Profile::new(28, 20);
    narrow.margins = Margins::all(0);
    assert_eq!(
        Layout::new(&book, narrow, font).map(drop),
        Err(Error::ProfileTooSmall {
            text_width: 28,
            text_height: 20
        })
    );
    narrow.width = 29;
    assert!(Layout::new(&book, narrow, font).is_ok());
}

#[test]
fn page_and_position_out_of_range() {
    let blob = blob_with_payload(&one_paragraph());
    let book = open(&blob).unwrap();
    let layout = Layout::new(&book, Profile::new(64, 64), FontId::Mono6x10.font()).unwrap();
    assert_eq!(layout.page_count(), 1);
    assert_eq!(layout.page(1), Err(Error::PageOutOfRange(1)));
    assert_eq!(layout.page(u32::MAX), Err(Error::PageOutOfRange(u32::MAX)));
    let past = Position::new(0, 2);
    assert_eq!(layout.page_of(past), Err(Error::PositionOutOfRange(past)));
}

#[test]
fn errors_display_their_values() {
    let cases = [
        (Error::UnsupportedVersion(9), "9"),
        (Error::TrailingBytes(3), "3"),
        (Error::UnknownBlockKind(7), "7"),
        (Error::Malformed(Part::PageIndex), "page index"),
        (Error::Malformed(Part::Model), "text model"),
        (Error::BufferTooSmall { needed: 23 }, "23"),
    ];
    for (error, shown) in cases {
        assert!(error.to_string().contains(shown), "{error}");
    }
}
