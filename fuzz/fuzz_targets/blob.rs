//! Any blob (with its header's length and CRC fixed up, so mutations reach the payload):
//! opening returns a book or an error, and a book lays out and draws every page with the
//! profile it was built for, or a small default, without panicking or drawing outside.
#![no_main]

use inkleaf::{Book, Framebuffer, Layout, Position, Profile};
use libfuzzer_sys::fuzz_target;

/// Pages laid out at most, so a huge fuzzed book cannot time the run out.
const MAX_PAGES: u32 = 64;
/// Framebuffer bytes at most (a fuzzed profile may ask for a 65535 px square).
const MAX_FRAMEBUFFER: usize = 1 << 20;

fuzz_target!(|data: &[u8]| {
    let mut blob = data.to_vec();
    if blob.len() >= 16 {
        let payload_len = (blob.len() - 16) as u32;
        let crc = crc32fast::hash(&blob[16..]);
        blob[8..12].copy_from_slice(&payload_len.to_le_bytes());
        blob[12..16].copy_from_slice(&crc.to_le_bytes());
    }
    let Ok(book) = Book::from_bytes(&blob) else {
        return;
    };
    let Ok(font) = book.layout_font() else {
        return;
    };
    let profile = book
        .built_for()
        .map_or(Profile::new(128, 64), |b| b.profile);
    let Ok(layout) = Layout::new(&book, profile, &font) else {
        return;
    };
    let (width, height) = (u32::from(profile.width), u32::from(profile.height));
    let bytes = Framebuffer::<Vec<u8>>::bytes_needed(width, height);
    if bytes > MAX_FRAMEBUFFER {
        return;
    }
    let mut framebuffer =
        Framebuffer::new(vec![0u8; bytes], width, height).expect("sized for the profile");
    let total = layout.page_count().min(MAX_PAGES);
    let mut start = Position::START;
    for n in 0..total {
        let Ok(page) = layout.page_at(n, start) else {
            return;
        };
        page.with_total(total).draw_into(&mut framebuffer);
        start = page.end;
    }
});
