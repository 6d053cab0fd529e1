//! One hand-made fixture per error, each asserting the exact variant.
//!
//! Payload bytes are postcard: a string is a varint length and its bytes; the payload is five
//! metadata strings, an `Option<BuiltFor>` (tag 0 or 1), an `Option` packed font section and
//! the blocks as one byte string of
//! `kind byte, text, hyphenation points` records. Fixtures that aim past the header carry a correct CRC-32, so the
//! error comes from the part under test, not from the checksum.

use inkleaf::{
    pack_into, Align, Book, BuiltFor, Error, FontId, Layout, Margins, Meta, Part, Position, Profile,
};
use inkleaf_tests::blobs::{blob_with_payload, crc32, header, pack_blocks};

/// Five empty metadata strings, no recorded profile and no packed font.
const EMPTY_META_NO_PROFILE: [u8; 7] = [0, 0, 0, 0, 0, 0, 0];

/// A payload holding one paragraph, "a".
fn one_paragraph() -> Vec<u8> {
    let mut payload = EMPTY_META_NO_PROFILE.to_vec();
    payload.extend_from_slice(&[4, 0, 1, b'a', 0]); // blocks: kind 0, text "a", no hyphens
    payload
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
    let packed = pack_blocks(&[(inkleaf::BlockKind::Paragraph, "a")]);
    assert_eq!(&packed[16..], one_paragraph());
    assert_eq!(packed, blob_with_payload(&one_paragraph()));
    let book = open(&packed).unwrap();
    assert_eq!(book.blocks().map(|b| b.text).collect::<Vec<_>>(), ["a"]);
}

#[test]
fn bad_magic() {
    let payload = one_paragraph();
    let mut blob = header(*b"INKX", 1, 0, payload.len() as u32, crc32(&payload));
    blob.extend_from_slice(&payload);
    assert_eq!(open(&blob).map(drop), Err(Error::BadMagic(*b"INKX")));
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    assert_eq!(open(png).map(drop), Err(Error::BadMagic(*b"\x89PNG")));
}

#[test]
fn unsupported_version() {
    let payload = one_paragraph();
    for version in [0, 2, u16::MAX] {
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
        let mut blob = header(*b"INKL", 1, flags, payload.len() as u32, crc32(&payload));
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
    let huge = header(*b"INKL", 1, 0, u32::MAX, 0);
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
    let mut payload = vec![1, 0xFF, 0, 0, 0, 0, 0];
    payload.extend_from_slice(&[0]);
    assert_eq!(
        open_payload(&payload),
        Err(Error::Malformed(Part::Metadata))
    );
    // Nothing at all.
    assert_eq!(open_payload(&[]), Err(Error::Malformed(Part::Metadata)));
}

/// A recorded 100x50 profile, no margins or spacing, justified, no footer, `font`, 7 pages.
fn built_for_bytes(font: u8) -> Vec<u8> {
    vec![1, 100, 50, 0, 0, 0, 0, 0, 0, 1, 0, font, 7]
}

#[test]
fn built_for_fixture_decodes_when_valid() {
    let mut payload = vec![0, 0, 0, 0, 0];
    payload.extend(built_for_bytes(1));
    payload.extend_from_slice(&[0, 0]); // no packed font, no blocks
    let blob = blob_with_payload(&payload);
    let book = open(&blob).unwrap();
    let mut profile = Profile::new(100, 50);
    profile.margins = Margins::all(0);
    profile.paragraph_spacing = 0;
    assert_eq!(profile.align, Align::Justify);
    assert_eq!(
        book.built_for(),
        Some(&BuiltFor {
            profile,
            font: FontId::Mono8x13,
            pages: 7
        })
    );
    assert_eq!(book.block_count(), 0);
}

#[test]
fn malformed_built_for() {
    let with = |built_for: &[u8]| {
        let mut payload = vec![0, 0, 0, 0, 0];
        payload.extend_from_slice(built_for);
        payload.push(0);
        open_payload(&payload)
    };
    // An option tag that is neither None nor Some.
    assert_eq!(with(&[2]), Err(Error::Malformed(Part::BuiltFor)));
    // A font the engine does not have.
    assert_eq!(
        with(&built_for_bytes(9)),
        Err(Error::Malformed(Part::BuiltFor))
    );
    // A footer flag that is not a bool.
    let mut bad_bool = built_for_bytes(0);
    bad_bool[10] = 2;
    assert_eq!(with(&bad_bool), Err(Error::Malformed(Part::BuiltFor)));
    // A profile cut short.
    assert_eq!(with(&[1, 100]), Err(Error::Malformed(Part::BuiltFor)));
}

#[test]
fn malformed_blocks() {
    let with = |blocks: &[u8]| {
        let mut payload = EMPTY_META_NO_PROFILE.to_vec();
        payload.extend_from_slice(blocks);
        open_payload(&payload)
    };
    // No block list at all.
    assert_eq!(with(&[]), Err(Error::Malformed(Part::Blocks)));
    // A block list that claims 5 bytes and has 3.
    assert_eq!(with(&[5, 0, 1, b'a']), Err(Error::Malformed(Part::Blocks)));
    // A block whose text claims 2 bytes inside a 3-byte list.
    assert_eq!(with(&[3, 0, 2, b'a']), Err(Error::Malformed(Part::Blocks)));
    // A block whose text is not UTF-8, after a good block.
    assert_eq!(
        with(&[6, 0, 1, b'a', 0, 1, 0xC3]),
        Err(Error::Malformed(Part::Blocks))
    );
}

#[test]
fn garbage_payload_with_a_correct_checksum_is_malformed() {
    let garbage: Vec<u8> = (0u32..200).map(|i| (i * 167 + 13) as u8 | 0x80).collect();
    assert_eq!(
        open_payload(&garbage),
        Err(Error::Malformed(Part::Metadata))
    );
}

#[test]
fn unknown_block_kind() {
    let mut payload = EMPTY_META_NO_PROFILE.to_vec();
    payload.extend_from_slice(&[3, 7, 0, 0]); // one block of kind 7, empty text, no hyphens
    assert_eq!(open_payload(&payload), Err(Error::UnknownBlockKind(7)));
    let mut payload = EMPTY_META_NO_PROFILE.to_vec();
    payload.extend_from_slice(&[7, 6, 1, b'h', 0, 0xFF, 0, 0]); // a level-6 heading, then kind 255
    assert_eq!(open_payload(&payload), Err(Error::UnknownBlockKind(0xFF)));
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
    assert_eq!(
        pack_into(&Meta::default(), None, &[], &mut out),
        Err(Error::BufferTooSmall { needed: 24 })
    );
}

#[test]
fn profile_too_small() {
    let blob = blob_with_payload(&one_paragraph());
    let book = open(&blob).unwrap();
    let font = FontId::Mono6x10.font();
    // 4 px margins leave 2x2 px.
    assert_eq!(
        Layout::new(book, Profile::new(10, 10), font).map(drop),
        Err(Error::ProfileTooSmall {
            text_width: 2,
            text_height: 2
        })
    );
    // One line of an ellipsis (18 px) and a hyphen (6 px) needs 25 px of width.
    let mut narrow = Profile::new(24, 20);
    narrow.margins = Margins::all(0);
    assert_eq!(
        Layout::new(book, narrow, font).map(drop),
        Err(Error::ProfileTooSmall {
            text_width: 24,
            text_height: 20
        })
    );
    narrow.width = 25;
    assert!(Layout::new(book, narrow, font).is_ok());
}

#[test]
fn page_and_position_out_of_range() {
    let blob = blob_with_payload(&one_paragraph());
    let book = open(&blob).unwrap();
    let layout = Layout::new(book, Profile::new(64, 64), FontId::Mono6x10.font()).unwrap();
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
        (Error::Malformed(Part::BuiltFor), "display profile"),
        (Error::BufferTooSmall { needed: 23 }, "23"),
    ];
    for (error, shown) in cases {
        assert!(error.to_string().contains(shown), "{error}");
    }
}
