//! The rich Markdown document as `inkleaf build --display 4.2in --bits 4` made it: 400x300,
//! justified, "page x / y" footer, its DejaVu Sans faces anti-aliased at 4 bits per pixel,
//! drawn through the engine's gray path into a 16-level framebuffer.
//!
//! That framebuffer takes 60,000 bytes, more than `lm3s6965evb` leaves beside the stack, so
//! this firmware runs on `mps2-an386` (see `src/machine.rs`).
#![no_std]
#![no_main]

use cortex_m_rt::entry;
use inkleaf_device::{article, gray::bytes_for, machine::Machine, surface::Gray};

static BLOB: &[u8] = include_bytes!("../../../fixtures/device/rich-4.2in-4bit.inkleaf");
const BYTES: usize = bytes_for(400, 300);

#[entry]
fn main() -> ! {
    // In .bss, not on the stack: STACK_PEAK is then the engine's stack alone.
    let buffer = cortex_m::singleton!(: [u8; BYTES] = [0; BYTES]).expect("main runs once");
    article::main_packed::<Gray>(BLOB, buffer, Machine::Mps2An386)
}
