//! The device book (`tests/fixtures/device/book/`) as `inkleaf build --display 2.9in` made
//! it: 296x128, justified, in the DejaVu Sans faces it packs (the 2.9" preset has no footer). Read
//! page by page and through its table of contents (`inkleaf_device::book`) on a Cortex-M0
//! with 16 KB of RAM, QEMU's `microbit`.
#![no_std]
#![no_main]

use cortex_m_rt::entry;
use inkleaf_device::{book, fb::bytes_for, machine::Machine, surface::Blit};

static BLOB: &[u8] = include_bytes!("../../../fixtures/device/book-2.9in.inkleaf");
const BYTES: usize = bytes_for(296, 128);

#[entry]
fn main() -> ! {
    // 4,736 bytes in .bss, not on the stack: STACK_PEAK is then the engine's stack alone.
    let buffer = cortex_m::singleton!(: [u8; BYTES] = [0; BYTES]).expect("main runs once");
    book::main::<Blit>(BLOB, buffer, Machine::Microbit)
}
