//! The bundled article exactly as `inkleaf build --display 4.2in` writes it: 400x300, justified, in the DejaVu Sans 18 px the preset packs by default, with its footer.
#![no_std]
#![no_main]

use cortex_m_rt::entry;
use inkleaf_device::{article, fb::bytes_for, machine::Machine, surface::Blit};

static BLOB: &[u8] = include_bytes!("../../../fixtures/device/article-4.2in-dejavu.inkleaf");
const BYTES: usize = bytes_for(400, 300);

#[entry]
fn main() -> ! {
    // In .bss, not on the stack: STACK_PEAK is then the engine's stack alone.
    let buffer = cortex_m::singleton!(: [u8; BYTES] = [0; BYTES]).expect("main runs once");
    article::main_packed::<Blit>(BLOB, buffer, Machine::Lm3s6965evb)
}
