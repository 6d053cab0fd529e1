//! A rich Markdown document (`tests/fixtures/device/rich/`) as `inkleaf build --display 2.9in`
//! made it: 296x128, justified, set in the DejaVu Sans faces it packs (regular, bold, italic,
//! mono, two heading sizes) at 1 bit per pixel, with lists, quotes, code, rules and tables.
#![no_std]
#![no_main]

use cortex_m_rt::entry;
use inkleaf_device::{article, fb::bytes_for, machine::Machine, surface::Blit};

static BLOB: &[u8] = include_bytes!("../../../fixtures/device/rich-2.9in.inkleaf");
const BYTES: usize = bytes_for(296, 128);

#[entry]
fn main() -> ! {
    // In .bss, not on the stack: STACK_PEAK is then the engine's stack alone.
    let buffer = cortex_m::singleton!(: [u8; BYTES] = [0; BYTES]).expect("main runs once");
    article::main_packed::<Blit>(BLOB, buffer, Machine::Lm3s6965evb)
}
