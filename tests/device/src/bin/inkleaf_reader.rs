//! The 2.9" device book (`tests/fixtures/device/book-2.9in.inkleaf`) read through the
//! engine's reader core (`inkleaf_device::reader`) on the Cortex-M3 (`lm3s6965evb`): the
//! same firmware as `inkleaf-reader-m0`, for the footprint benchmark's other column.
#![no_std]
#![no_main]

use cortex_m_rt::entry;
use inkleaf_device::{fb::bytes_for, machine::Machine, reader};

static BLOB: &[u8] = include_bytes!("../../../fixtures/device/book-2.9in.inkleaf");
const BYTES: usize = bytes_for(296, 128);

#[entry]
fn main() -> ! {
    // 4,736 bytes in .bss, not on the stack: STACK_PEAK is then the engine's stack alone.
    let buffer = cortex_m::singleton!(: [u8; BYTES] = [0; BYTES]).expect("main runs once");
    reader::main(BLOB, buffer, Machine::Lm3s6965evb)
}
