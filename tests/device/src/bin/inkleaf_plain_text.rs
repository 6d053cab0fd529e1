//! `inkleaf-plain` with the 2.9" blob built with `--text plain` (blocks stored as UTF-8, no
//! text model): the footprint benchmark shows what decoding coded text costs.
#![no_std]
#![no_main]

use cortex_m_rt::entry;
use inkleaf_device::{article, fb::bytes_for, surface::Blit};

static BLOB: &[u8] = include_bytes!("../../../fixtures/device/article-2.9in-plain-text.inkleaf");
const BYTES: usize = bytes_for(296, 128);

#[entry]
fn main() -> ! {
    // In .bss, not on the stack: STACK_PEAK is then the engine's stack alone.
    let buffer = cortex_m::singleton!(: [u8; BYTES] = [0; BYTES]).expect("main runs once");
    article::main::<Blit>(BLOB, buffer, article::plain)
}
