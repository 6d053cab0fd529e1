//! Saved records: what round-trips, and one refusal for each fault.

use super::record::write_record;
use super::tests::{handle, open, reader, ARTICLE, BOOK};
use super::{Event, ReaderState, StateFault};
use crate::font::AnyFamily;
use crate::{Book, Error, Layout, Position};

fn saved(book: &Book<'_>, state: &ReaderState) -> heapless::Vec<u8, { ReaderState::MAX_LEN }> {
    let mut out = [0u8; ReaderState::MAX_LEN];
    let len = state.save(book, &mut out).unwrap();
    heapless::Vec::from_slice(&out[..len]).unwrap()
}

fn full_state(layout: &Layout<'_, AnyFamily<'_>>) -> ReaderState {
    let mut bookmarks = heapless::Vec::new();
    for n in (2..34).step_by(4) {
        bookmarks.push(layout.page(n).unwrap().start).unwrap();
    }
    ReaderState {
        position: layout
            .page(33)
            .unwrap()
            .lines()
            .unwrap()
            .last()
            .unwrap()
            .position(),
        bookmarks,
        display: 0,
        size: 0,
    }
}

#[test]
fn saved_states_round_trip_and_stay_small() {
    let book = open(BOOK);
    let layout = book.layout().unwrap();
    let start = saved(&book, &ReaderState::START);
    assert_eq!(ReaderState::restore(&book, &start), Ok(ReaderState::START));
    let full = full_state(&layout);
    let record = saved(&book, &full);
    assert_eq!(ReaderState::restore(&book, &record), Ok(full));
    // A typical state: mid-book, three bookmarks.
    let mut reader = reader(&layout);
    for percent in [20, 50, 80] {
        handle(&mut reader, Event::Percent(percent));
        handle(&mut reader, Event::ToggleBookmark);
    }
    let typical = saved(&book, reader.state());
    assert_eq!((start.len(), typical.len(), record.len()), (15, 25, 36));
    assert!(record.len() <= ReaderState::MAX_LEN);
}

#[test]
fn a_buffer_too_small_for_the_record_is_refused() {
    let book = open(BOOK);
    let mut out = [0u8; 14];
    assert_eq!(
        ReaderState::START.save(&book, &mut out),
        Err(Error::BufferTooSmall { needed: 15 })
    );
}

fn refused(book: &Book<'_>, bytes: &[u8]) -> StateFault {
    match ReaderState::restore(book, bytes) {
        Err(Error::BadState(fault)) => fault,
        other => panic!("expected a refused record, got {other:?}"),
    }
}

/// A record with a sound check value for any `state`, even one no reader would save.
fn forged(identity: u32, state: &ReaderState) -> heapless::Vec<u8, { ReaderState::MAX_LEN }> {
    let mut out = [0u8; ReaderState::MAX_LEN];
    let len = write_record(identity, state, &mut out).unwrap();
    heapless::Vec::from_slice(&out[..len]).unwrap()
}

/// Seals `body` with its check value, as a writer of any version would.
fn sealed(body: &[u8]) -> heapless::Vec<u8, 128> {
    let mut record = heapless::Vec::from_slice(body).unwrap();
    let crc = crate::format::crc32(body);
    record.extend_from_slice(&crc.to_le_bytes()).unwrap();
    record
}

#[test]
fn short_records_are_truncated() {
    let book = open(BOOK);
    let record = saved(&book, &ReaderState::START);
    for len in 0..record.len() - 4 {
        let fault = refused(&book, &record[..len]);
        assert!(
            matches!(fault, StateFault::Truncated(n) if n as usize == len)
                || matches!(fault, StateFault::Checksum { .. }),
            "{len}: {fault:?}"
        );
    }
    assert_eq!(refused(&book, &[]), StateFault::Truncated(0));
}

#[test]
fn every_flipped_bit_is_a_corrupt_record() {
    let book = open(BOOK);
    let layout = book.layout().unwrap();
    let record = saved(&book, &full_state(&layout));
    for bit in 0..record.len() * 8 {
        let mut copy = record.clone();
        copy[bit / 8] ^= 1 << (bit % 8);
        assert!(
            matches!(refused(&book, &copy), StateFault::Checksum { .. }),
            "bit {bit}"
        );
    }
    let mut longer = record.clone();
    longer.push(0).unwrap();
    assert!(matches!(
        refused(&book, &longer),
        StateFault::Checksum { .. }
    ));
}

#[test]
fn another_version_is_refused_by_its_number() {
    let book = open(BOOK);
    let mut record = saved(&book, &ReaderState::START);
    record.truncate(record.len() - 4);
    record[0] = 2;
    assert_eq!(refused(&book, &sealed(&record)), StateFault::Version(2));
}

#[test]
fn a_record_for_another_book_is_foreign() {
    let (book, article) = (open(BOOK), open(ARTICLE));
    let record = saved(&article, &ReaderState::START);
    assert_eq!(
        refused(&book, &record),
        StateFault::Foreign {
            saved: article.identity(),
            book: book.identity()
        }
    );
}

#[test]
fn sealed_fields_that_do_not_decode_are_malformed() {
    let book = open(BOOK);
    // Nine bookmarks, then a varint that never ends.
    let nine = [1u8, 0x80, 0x80, 0, 0, 0, 9];
    let endless = [1u8, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF];
    for body in [&nine[..], &endless[..]] {
        assert_eq!(refused(&book, &sealed(body)), StateFault::Malformed);
    }
    let mut trailing = saved(&book, &ReaderState::START);
    trailing.truncate(trailing.len() - 4);
    trailing.push(0).unwrap();
    assert_eq!(refused(&book, &sealed(&trailing)), StateFault::Malformed);
}

#[test]
fn places_the_book_does_not_have_are_refused() {
    let book = open(BOOK);
    let id = book.identity();
    let past = Position::new(book.block_count() + 1, 0);
    let at = |position| ReaderState {
        position,
        ..ReaderState::START
    };
    assert_eq!(
        refused(&book, &forged(id, &at(past))),
        StateFault::PositionOutside(past)
    );
    let mid_char = Position::new(0, 100_000);
    assert_eq!(
        refused(&book, &forged(id, &at(mid_char))),
        StateFault::PositionOutside(mid_char)
    );
    let mut bookmarks = heapless::Vec::new();
    bookmarks
        .extend_from_slice(&[Position::new(3, 0), Position::new(1, 0)])
        .unwrap();
    let unordered = ReaderState {
        bookmarks,
        ..ReaderState::START
    };
    assert_eq!(
        refused(&book, &forged(id, &unordered)),
        StateFault::BookmarksUnordered
    );
    let display = ReaderState {
        display: 1,
        ..ReaderState::START
    };
    assert_eq!(
        refused(&book, &forged(id, &display)),
        StateFault::DisplayOutside(1)
    );
    let size = ReaderState {
        size: 1,
        ..ReaderState::START
    };
    assert_eq!(
        refused(&book, &forged(id, &size)),
        StateFault::SizeOutside(1)
    );
}
