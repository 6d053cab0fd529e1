//! `inkleaf-plain` with 12 KB of RAM for lookup tables (`Book::accelerate`): what a device
//! with RAM to spare gains on a page turn of coded text.
#![no_std]
#![no_main]

use cortex_m_rt::entry;
use inkleaf_device::{article, fb::bytes_for, surface::Blit};

static BLOB: &[u8] = include_bytes!("../../../fixtures/device/article-2.9in.inkleaf");
const BYTES: usize = bytes_for(296, 128);
/// 12 KB: the built-in model the article is coded with (17 codes, 1,450 symbols, a word
/// each) gets 6-bit tables.
const TABLE_WORDS: usize = 3072;

#[entry]
fn main() -> ! {
    // In .bss, not on the stack: STACK_PEAK is then the engine's stack alone.
    let buffer = cortex_m::singleton!(: [u8; BYTES] = [0; BYTES]).expect("main runs once");
    let tables =
        cortex_m::singleton!(: [u32; TABLE_WORDS] = [0; TABLE_WORDS]).expect("main runs once");
    article::main_with_tables::<Blit>(BLOB, buffer, article::plain, tables)
}
