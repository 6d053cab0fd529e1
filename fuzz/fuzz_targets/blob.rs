//! Any blob (with its header's length and CRC fixed up, so mutations reach the payload):
//! opening returns a book or an error, and a book turns to a page the input chooses and
//! draws it, and reads a block it chooses, without panicking, drawing outside or reading a
//! block longer than it is. With a page index the page is chosen by number or by a position
//! on it; without one, a few pages are laid out from the start or from a position the input
//! picks (as a reader resumes at a saved place), so any part of a book can be reached.
//!
//! The four bytes of the header's CRC choose, before the CRC is fixed up: the fuzzer mutates
//! them freely, and a committed blob stays a valid seed. Opening costs a walk over the blocks'
//! framing and a page turn at most a few pages, so an execution no longer grows with the book.
//!
//! Run it with `-entropic_scale_per_exec_time=1` (after `--`), as the README says: a page of
//! coded text without a page index takes from 3 to 150 ms under the sanitizers, against well
//! under one for most inputs, and without that flag libFuzzer picks such inputs as often as
//! the rest, so a run slows down as its corpus gathers them.
#![no_main]

use std::cell::RefCell;

use inkleaf::{Book, Framebuffer, Layout, Position, Profile};
use libfuzzer_sys::fuzz_target;

/// Pages laid out at most without a page index, from the start or from a chosen position:
/// the first, and the one that continues it.
const MAX_PAGES: u32 = 2;
/// Framebuffer bytes at most (a fuzzed profile may ask for a 65535 px square): a 4.2" panel
/// in 16 grays takes 60,000.
const MAX_FRAMEBUFFER: usize = 64 * 1024;

thread_local! {
    /// The blob and framebuffers of the last execution, kept: fresh allocations of this size
    /// cost page faults under the address sanitizer, which quarantines what is freed.
    static BUFFERS: RefCell<(Vec<u8>, Screens)> = const {
        RefCell::new((Vec::new(), (Vec::new(), Vec::new())))
    };
}

/// A page drawn after laying it out, and the same page as a device turns to it.
type Screens = (Vec<u8>, Vec<u8>);

fuzz_target!(|data: &[u8]| {
    BUFFERS.with_borrow_mut(|(blob, screens)| run(data, blob, screens));
});

fn run(data: &[u8], blob: &mut Vec<u8>, screens: &mut Screens) {
    blob.clear();
    blob.extend_from_slice(data);
    let mut choice = [0u8; 4];
    if blob.len() >= 16 {
        choice.copy_from_slice(&blob[12..16]);
        let payload_len = (blob.len() - 16) as u32;
        let crc = crc32fast::hash(&blob[16..]);
        blob[8..12].copy_from_slice(&payload_len.to_le_bytes());
        blob[12..16].copy_from_slice(&crc.to_le_bytes());
    }
    let Ok(book) = Book::from_bytes(blob) else {
        return;
    };
    read_a_block(&book, choice[2]);
    turn_pages(&book, choice, screens);
}

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

/// Lays the book out and draws one page `choice` picks: by number or by a position on it
/// with a page index; without one, the page at the start or at a position, or the next. One
/// page an execution keeps executions fast. Then turns to that page as a device does, in one
/// pass (`Layout::draw_counted_page_into`: baked lines read, or the page's breaks recorded
/// and replayed): where that draws a page, it is the same page, in the same pixels.
fn turn_pages(book: &Book<'_>, choice: [u8; 4], (framebuffer, turned): &mut Screens) {
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
    for screen in [&mut *framebuffer, &mut *turned] {
        screen.clear();
        screen.resize(bytes, 0);
    }
    let mut framebuffer =
        Framebuffer::new(&mut framebuffer[..], width, height).expect("sized for the profile");
    let mut turned =
        Framebuffer::new(&mut turned[..], width, height).expect("sized for the profile");
    let block = u32::from(choice[2]) % book.block_count().max(1);
    let position = Position::new(block, u32::from(choice[1]));
    let by_position = choice[3] & 1 == 1;
    // With a baked index the count is read, not laid out; without one, only a few pages.
    let (page, total) = match layout.page_index() {
        Some(_) => {
            let total = layout.page_count();
            if total == 0 {
                return;
            }
            let page = if by_position {
                layout.page_of(position)
            } else {
                layout.page(u32::from(u16::from_le_bytes([choice[0], choice[1]])) % total)
            };
            (page, total)
        }
        None => {
            let start = if by_position {
                position
            } else {
                Position::START
            };
            let nth = u32::from(choice[0]) % MAX_PAGES;
            let page = layout.pages_from(0, start).and_then(|mut pages| {
                pages
                    .nth(nth as usize)
                    .ok_or(inkleaf::Error::PageOutOfRange(nth))
            });
            (page, MAX_PAGES)
        }
    };
    let Ok(page) = page else {
        return;
    };
    let page = page.with_total(total);
    page.draw_into(&mut framebuffer);
    if let Ok(drawn) = layout.draw_counted_page_into(page.index, page.start, total, &mut turned) {
        assert_eq!(drawn, page, "a page turned to is the page laid out");
        assert!(
            turned.as_bytes() == framebuffer.as_bytes(),
            "a page turned to draws as the page laid out"
        );
    }
}
