//! `inkleaf-plain` with 4 KB of RAM for lookup tables (`Book::accelerate`): what a device
//! with RAM to spare gains on a page turn of coded text.
#![no_std]
#![no_main]

use cortex_m_rt::entry;
use inkleaf_device::{article, fb::bytes_for, surface::Blit};

static BLOB: &[u8] = include_bytes!("../../../fixtures/device/article-2.9in.inkleaf");
const BYTES: usize = bytes_for(296, 128);
/// 4 KB: the article's model (9 codes, 89 symbols) gets 6-bit tables.
const TABLE_WORDS: usize = 1024;

#[entry]
fn main() -> ! {
    // In .bss, not on the stack: STACK_PEAK is then the engine's stack alone.
    let buffer = cortex_m::singleton!(: [u8; BYTES] = [0; BYTES]).expect("main runs once");
    let tables =
        cortex_m::singleton!(: [u32; TABLE_WORDS] = [0; TABLE_WORDS]).expect("main runs once");
    article::main_with_tables::<Blit>(BLOB, buffer, article::plain, tables)
}
