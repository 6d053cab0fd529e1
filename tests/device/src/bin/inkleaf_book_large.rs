//! A book of 24 pages of the Rust book's HTML, chapters 3 to 7, with over 200 KB of text
//! (`tests/fixtures/device/book-large/`), as `inkleaf build --display 4.2in` made it: the
//! `inkleaf-book` firmware's opening on a book big enough to show how it grows, and its
//! first pages. On `mps2-an386`, for the flash the blob takes.
#![no_std]
#![no_main]

use cortex_m_rt::entry;
use inkleaf_device::{book, fb::bytes_for, machine::Machine, surface::Blit};

static BLOB: &[u8] = include_bytes!("../../../fixtures/device/book-large-4.2in.inkleaf");
const BYTES: usize = bytes_for(400, 300);
/// Pages turned to; keep in step with `LARGE_BOOK_PAGES` in the footprint benchmark.
const PAGES: u32 = 3;

#[entry]
fn main() -> ! {
    let buffer = cortex_m::singleton!(: [u8; BYTES] = [0; BYTES]).expect("main runs once");
    // 810 pages: the first few show a turn; opening is what this book is for.
    book::main_opening::<Blit>(BLOB, buffer, Machine::Mps2An386, PAGES)
}
