//! The QEMU machines the firmware runs on, and what the meter needs to know of each.
//!
//! Most firmware runs on `lm3s6965evb` (Cortex-M3, 256 KB flash, 64 KB RAM), the size of a
//! small reader's microcontroller. A 4-bit grayscale framebuffer of a 4.2" panel alone takes
//! 60,000 bytes, which leaves that board too little RAM for the stack, so the gray firmware
//! runs on `mps2-an386` (Cortex-M4, 4 MB of code and 4 MB of data SSRAM), linked to use
//! 1 MB and 256 KB of them (`memory/`). Both run the same `thumbv7m-none-eabi` code.
//!
//! The smallest part a reader is built from, a Cortex-M0 with 16 KB of RAM, is QEMU's
//! `microbit` (nRF51822, 256 KB flash); its firmware is built for `thumbv6m-none-eabi`.

/// A machine, as `qemu-system-arm -machine` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Machine {
    /// TI Stellaris LM3S6965 evaluation board.
    Lm3s6965evb,
    /// ARM MPS2 with the AN386 FPGA image.
    Mps2An386,
    /// BBC micro:bit (nRF51822, Cortex-M0).
    Microbit,
}

impl Machine {
    /// The name `qemu-system-arm -machine` takes.
    pub const fn name(self) -> &'static str {
        match self {
            Machine::Lm3s6965evb => "lm3s6965evb",
            Machine::Mps2An386 => "mps2-an386",
            Machine::Microbit => "microbit",
        }
    }

    /// `SysTick`'s processor-clock period in ps at reset: 80,000 on `lm3s6965evb` (200 MHz
    /// PLL / (`SYSDIV` 15 + 1) = 12.5 MHz), 40,000 on the MPS2 boards (25 MHz), 62,500 on
    /// the micro:bit (16 MHz), which is why it is not counted in whole ns.
    pub const fn sysclk_ps(self) -> u32 {
        match self {
            Machine::Lm3s6965evb => 80_000,
            Machine::Mps2An386 => 40_000,
            Machine::Microbit => 62_500,
        }
    }
}
