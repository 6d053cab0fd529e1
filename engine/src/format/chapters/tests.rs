//! Each bad field of a chapter record is refused by name; good records read back.

use super::{ChapterFault, ChapterRecord};
use crate::build::{pack_into, Contents};
use crate::format::{Header, Meta, HEADER_LEN};
use crate::text::{Block, BlockKind};
use crate::{Book, Error, Position};

const BLOCKS: [Block<'static>; 4] = [
    Block::new(BlockKind::Heading(1), "One"),
    Block::new(BlockKind::Paragraph, "First."),
    Block::new(BlockKind::Heading(2), "Two"),
    Block::new(BlockKind::Paragraph, "Second."),
];

/// A blob of [`BLOCKS`] whose chapter part holds `part` as written, with a good CRC-32.
fn blob_with_part(part: &[u8], out: &mut [u8; 256]) -> usize {
    let mut plain = [0u8; 256];
    let len = pack_into(&Contents::plain(Meta::default(), &BLOCKS), &mut plain).unwrap();
    // Five empty metadata strings, then the empty chapter part's length byte.
    let meta = HEADER_LEN + 5;
    assert_eq!(plain[meta], 0, "no chapters packed");
    let rest = &plain[meta + 1..len];
    let payload_len = 5 + 1 + part.len() + rest.len();
    let payload = &mut out[HEADER_LEN..HEADER_LEN + payload_len];
    payload[5] = u8::try_from(part.len()).unwrap();
    payload[6..6 + part.len()].copy_from_slice(part);
    payload[6 + part.len()..].copy_from_slice(rest);
    let (head, payload) = out.split_first_chunk_mut::<HEADER_LEN>().unwrap();
    Header::write(&payload[..payload_len], head).unwrap();
    HEADER_LEN + payload_len
}

fn open(part: &[u8]) -> Result<u32, Error> {
    let mut out = [0u8; 256];
    let len = blob_with_part(part, &mut out);
    Book::from_bytes(&out[..len]).map(|book| book.chapter_count())
}

fn fault(chapter: u32, fault: ChapterFault) -> Result<u32, Error> {
    Err(Error::BadChapter { chapter, fault })
}

#[test]
fn good_records_read_back() {
    // Block 0, level 1, new page, "One", no language; block 2, level 2, runs on, "Two", "de".
    let part = [
        0, 1, 1, 3, b'O', b'n', b'e', 0, 2, 2, 0, 3, b'T', b'w', b'o', 2, b'd', b'e',
    ];
    assert_eq!(open(&part), Ok(2));
    let mut out = [0u8; 256];
    let len = blob_with_part(&part, &mut out);
    let book = Book::from_bytes(&out[..len]).unwrap();
    assert_eq!(book.part_sizes().chapters, 1 + part.len());
    let two = book.chapter(1).unwrap();
    let expected = (1, "Two", 2, Position::new(2, 0), false, "de");
    assert_eq!(
        (
            two.index,
            two.title,
            two.level,
            two.start,
            two.new_page,
            two.language
        ),
        expected
    );
    assert_eq!(book.chapter(2), None);
    assert_eq!(
        book.chapter_of(Position::new(1, 3)).map(|c| c.index),
        Some(0)
    );
    assert_eq!(
        book.chapter_of(Position::new(3, 0)).map(|c| c.index),
        Some(1)
    );
}

#[test]
fn each_bad_field_is_named() {
    // First block 4 of a book of 4 blocks.
    assert_eq!(
        open(&[4, 1, 0, 0, 0]),
        fault(0, ChapterFault::BlockPastEnd(4))
    );
    // Block 2, then block 1.
    let decreasing = [2, 1, 0, 0, 0, 1, 1, 0, 0, 0];
    assert_eq!(
        open(&decreasing),
        fault(1, ChapterFault::BlocksDecreasing(1))
    );
    assert_eq!(open(&[0, 0, 0, 0, 0]), fault(0, ChapterFault::Level(0)));
    assert_eq!(open(&[0, 9, 0, 0, 0]), fault(0, ChapterFault::Level(9)));
    assert_eq!(open(&[0, 1, 2, 0, 0]), fault(0, ChapterFault::NewPage(2)));
    assert_eq!(
        open(&[0, 1, 0, 1, 0xFF, 0]),
        fault(0, ChapterFault::NotUtf8)
    );
    assert_eq!(
        open(&[0, 1, 0, 0, 1, 0xC3]),
        fault(0, ChapterFault::NotUtf8)
    );
    // A whole record, then bytes that do not make one.
    assert_eq!(open(&[0, 1, 0, 0, 0, 1, 1]), fault(1, ChapterFault::Cut));
    // A title that claims more bytes than the part has.
    assert_eq!(open(&[0, 1, 0, 9, b'a']), fault(0, ChapterFault::Cut));
    // A block varint that never ends.
    assert_eq!(open(&[0xFF; 6]), fault(0, ChapterFault::Cut));
}

#[test]
fn the_builder_refuses_what_a_reader_would() {
    let record = |block, level| ChapterRecord {
        block,
        level,
        ..ChapterRecord::default()
    };
    let mut out = [0u8; 256];
    for (chapters, expected) in [
        (
            [record(0, 1), record(4, 1)],
            fault(1, ChapterFault::BlockPastEnd(4)),
        ),
        (
            [record(2, 1), record(1, 1)],
            fault(1, ChapterFault::BlocksDecreasing(1)),
        ),
        (
            [record(0, 0), record(1, 1)],
            fault(0, ChapterFault::Level(0)),
        ),
        (
            [record(0, 1), record(1, 9)],
            fault(1, ChapterFault::Level(9)),
        ),
    ] {
        let contents = Contents {
            chapters: &chapters,
            ..Contents::plain(Meta::default(), &BLOCKS)
        };
        assert_eq!(
            pack_into(&contents, &mut out).map(|_| 0),
            expected.map(|_| 0)
        );
    }
}
