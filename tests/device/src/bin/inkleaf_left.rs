//! The 2.9" article built for a flush-left reader (`inkleaf build --display 2.9in --font
//! builtin:6x10 --align left --margin 0`), laid out as built: its page index bakes every
//! line's break, so a page turn sets lines without breaking them. `inkleaf-plain` lays the
//! justified blob out flush left instead, a profile nobody baked, and breaks every line.
#![no_std]
#![no_main]

use cortex_m_rt::entry;
use inkleaf_device::{article, fb::bytes_for, surface::Blit};

static BLOB: &[u8] = include_bytes!("../../../fixtures/device/article-2.9in-left.inkleaf");
const BYTES: usize = bytes_for(296, 128);

#[entry]
fn main() -> ! {
    // In .bss, not on the stack: STACK_PEAK is then the engine's stack alone.
    let buffer = cortex_m::singleton!(: [u8; BYTES] = [0; BYTES]).expect("main runs once");
    article::main::<Blit>(BLOB, buffer, article::as_built)
}
