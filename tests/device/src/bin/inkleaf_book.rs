//! A book of three chapters with nested sections (`tests/fixtures/device/book/`) as
//! `inkleaf build --display 4.2in` made it: 400x300, justified, in the DejaVu Sans faces it
//! packs, with the footer that shows the chapter title and "x / y · p%". Read page by page
//! and through its table of contents (`inkleaf_device::book`).
#![no_std]
#![no_main]

use cortex_m_rt::entry;
use inkleaf_device::{book, fb::bytes_for, machine::Machine, surface::Blit};

static BLOB: &[u8] = include_bytes!("../../../fixtures/device/book-4.2in.inkleaf");
const BYTES: usize = bytes_for(400, 300);

#[entry]
fn main() -> ! {
    // 15,000 bytes in .bss, not on the stack: STACK_PEAK is then the engine's stack alone.
    let buffer = cortex_m::singleton!(: [u8; BYTES] = [0; BYTES]).expect("main runs once");
    book::main::<Blit>(BLOB, buffer, Machine::Lm3s6965evb)
}
