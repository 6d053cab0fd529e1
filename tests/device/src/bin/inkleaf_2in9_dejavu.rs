//! The bundled article exactly as `inkleaf build --display 2.9in` writes it: 296x128, justified, in the DejaVu Sans 14 px the preset packs by default.
#![no_std]
#![no_main]

use cortex_m_rt::entry;
use inkleaf_device::{article, fb::bytes_for, machine::Machine, surface::Blit};

static BLOB: &[u8] = include_bytes!("../../../fixtures/device/article-2.9in-dejavu.inkleaf");
const BYTES: usize = bytes_for(296, 128);

#[entry]
fn main() -> ! {
    // In .bss, not on the stack: STACK_PEAK is then the engine's stack alone.
    let buffer = cortex_m::singleton!(: [u8; BYTES] = [0; BYTES]).expect("main runs once");
    article::main_packed::<Blit>(BLOB, buffer, Machine::Lm3s6965evb)
}
