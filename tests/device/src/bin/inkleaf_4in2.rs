//! The bundled article as `inkleaf build --display 4.2in` made it: 400x300, 8x13, with the
//! "page x / y" footer.
#![no_std]
#![no_main]

use cortex_m_rt::entry;
use inkleaf_device::{article, fb::bytes_for, surface::Blit};

static BLOB: &[u8] = include_bytes!("../../../fixtures/device/article-4.2in.inkleaf");
const BYTES: usize = bytes_for(400, 300);

#[entry]
fn main() -> ! {
    // In .bss, not on the stack: STACK_PEAK is then the engine's stack alone.
    let buffer = cortex_m::singleton!(: [u8; BYTES] = [0; BYTES]).expect("main runs once");
    article::main::<Blit>(BLOB, buffer, article::as_built)
}
