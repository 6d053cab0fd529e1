//! Any blob (with its header's length and CRC fixed up, so mutations reach the payload):
//! opening returns a book or an error, and a book turns to a page the input chooses (by
//! number, or the page of a position; with the profile it was built for, or a small default)
//! and draws it, and reads a block it chooses, without panicking, drawing outside or reading
//! a block longer than it is.
//!
//! The four bytes of the header's CRC choose, before the CRC is fixed up: the fuzzer mutates
//! them freely, and a committed blob stays a valid seed. Opening costs a walk over the blocks'
//! framing and a page turn costs its page, so an execution no longer grows with the book.
#![no_main]

use inkleaf::{Book, Framebuffer, Layout, Position, Profile};
use libfuzzer_sys::fuzz_target;

/// Pages a book without a page index is laid out through at most, to reach a chosen page.
const MAX_PAGES: u32 = 8;
/// Framebuffer bytes at most (a fuzzed profile may ask for a 65535 px square): a 4.2" panel
/// in 16 grays takes 60,000.
const MAX_FRAMEBUFFER: usize = 64 * 1024;

fuzz_target!(|data: &[u8]| {
    let mut blob = data.to_vec();
    let mut choice = [0u8; 4];
    if blob.len() >= 16 {
        choice.copy_from_slice(&blob[12..16]);
        let payload_len = (blob.len() - 16) as u32;
        let crc = crc32fast::hash(&blob[16..]);
        blob[8..12].copy_from_slice(&payload_len.to_le_bytes());
        blob[12..16].copy_from_slice(&crc.to_le_bytes());
    }
    let Ok(book) = Book::from_bytes(&blob) else {
        return;
    };
    read_a_block(&book, choice[2]);
    turn_pages(&book, choice);
});

/// Reads block `pick` (modulo the count) to its end: it reads its whole length exactly when
/// its check passes, and a block that fails its check reads short, never long.
fn read_a_block(book: &Book<'_>, pick: u8) {
    let count = book.block_count();
    if count == 0 {
        return;
    }
    let block = book
        .block(u32::from(pick) % count)
        .expect("inside the book");
    let read: usize = block.text.chars().map(char::len_utf8).sum();
    match block.check() {
        Ok(()) => assert_eq!(read, block.text.len(), "a checked block reads whole"),
        Err(_) => assert!(read <= block.text.len(), "a block never reads long"),
    }
}

/// Lays the book out and draws one page `choice` picks: by number, or (with a page index)
/// the page a position it picks is on. One page an execution keeps executions fast.
fn turn_pages(book: &Book<'_>, choice: [u8; 4]) {
    let Ok(font) = book.layout_font() else {
        return;
    };
    let profile = book
        .built_for()
        .map_or(Profile::new(128, 64), |b| b.profile);
    let Ok(layout) = Layout::new(book, profile, &font) else {
        return;
    };
    let (width, height) = (u32::from(profile.width), u32::from(profile.height));
    let bytes = Framebuffer::<Vec<u8>>::bytes_needed(width, height);
    if bytes > MAX_FRAMEBUFFER {
        return;
    }
    let mut framebuffer =
        Framebuffer::new(vec![0u8; bytes], width, height).expect("sized for the profile");
    // With a baked index the count is read, not laid out; without one, only the first pages.
    let total = match layout.page_index() {
        Some(_) => layout.page_count(),
        None => MAX_PAGES,
    };
    if total == 0 {
        return;
    }
    let page = if choice[3] & 1 == 1 && layout.page_index().is_some() {
        let block = u32::from(choice[2]) % book.block_count().max(1);
        layout.page_of(Position::new(block, u32::from(choice[1])))
    } else {
        layout.page(u32::from(u16::from_le_bytes([choice[0], choice[1]])) % total)
    };
    if let Ok(page) = page {
        page.with_total(total).draw_into(&mut framebuffer);
    }
}
