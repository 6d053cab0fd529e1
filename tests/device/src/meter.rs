//! What a code region costs under QEMU: guest instructions and stack bytes.
//!
//! Instructions: QEMU's `-icount shift=S` advances virtual time by exactly 2^S ns per
//! guest instruction, and `SysTick` on the processor clock counts virtual time in sysclk
//! periods (80 ns on `lm3s6965evb` at reset, 40 ns on `mps2-an386`: see
//! [`Machine::sysclk_ps`]). So instructions = ticks * period / 2^S. With S = 8 one
//! instruction is 3.2 ticks (6.4 on the MPS2 board, 4.096 on the micro:bit), fine enough
//! that rounding recovers the exact count; [`calibrate`] checks that at run time. The 24-bit counter wraps every
//! ~5.2 M instructions (~2.6 M); the `SysTick` handler counts wraps, and its own few
//! instructions per wrap are subtracted.
//!
//! Stack: cortex-m-rt's `paint-stack` fills `_stack_end.._stack_start` with
//! `0xCCCC_CCCC` before `main`; the lowest word no longer holding the paint is the
//! deepest the stack has reached. [`measure`] repaints below the current SP first, so
//! each region gets its own figure, and a [`Mark`] reports the deepest any region went
//! below it: the stack a code path needs, whatever ran between its regions (reporting
//! to the host, for one) left out.

use core::{
    arch::asm,
    ptr,
    sync::atomic::{AtomicU32, AtomicUsize, Ordering::Relaxed},
};

use cortex_m::{
    peripheral::{syst::SystClkSource, SYST},
    register::msp,
};
use cortex_m_rt::exception;

use crate::machine::Machine;

/// The `-icount shift=` the runner must pass to QEMU (see `.cargo/config.toml`).
pub const ICOUNT_SHIFT: u32 = 8;
/// Largest 24-bit reload, so wraps are rare.
const RELOAD: u32 = 0x00ff_ffff;
/// Ticks per wrap.
const PERIOD: u64 = RELOAD as u64 + 1;
/// What cortex-m-rt paints the stack with (`cortex_m_rt::STACK_PAINT_VALUE`).
const PAINT: u32 = cortex_m_rt::STACK_PAINT_VALUE;

/// `SysTick`'s processor-clock period in ps on the machine [`start`] was told of.
static SYSCLK_PS: AtomicU32 = AtomicU32::new(0);
/// `SysTick` wraps since [`start`]; only the `SysTick` handler writes it.
static WRAPS: AtomicU32 = AtomicU32::new(0);
/// Instructions a [`measure`] of an empty region reports; subtracted from every result.
static OVERHEAD: AtomicU32 = AtomicU32::new(0);
/// Instructions of one `SysTick` handler run; subtracted per wrap.
static WRAP_COST: AtomicU32 = AtomicU32::new(0);
/// Deepest stack address any [`measure`]d region reached since the latest [`Mark`].
static REGION_DEEPEST: AtomicUsize = AtomicUsize::new(usize::MAX);

// Linker symbols from cortex-m-rt's link.x: the stack grows down from `_stack_start`
// (end of RAM) to `_stack_end` (end of .bss/.uninit, same as `__sheap`).
extern "C" {
    static _stack_start: u32;
    static _stack_end: u32;
}

#[exception]
fn SysTick() {
    // Plain load/store: the handler is the only writer, and it keeps the handler short,
    // since its instructions land in whatever region is being measured.
    WRAPS.store(WRAPS.load(Relaxed).wrapping_add(1), Relaxed);
}

/// What one region cost.
#[derive(Clone, Copy, Debug)]
pub struct Cost {
    /// Guest instructions, measurement overhead and `SysTick` handlers removed.
    pub instructions: u64,
    /// `SysTick` wraps during the region (each ran the handler, whose cost is removed).
    pub wraps: u64,
    /// Bytes of stack below the SP at the start of the region. A wrap pushes an
    /// exception frame (32 B, plus the handler's 8 B), which can show up here.
    pub stack_bytes: usize,
}

/// What [`calibrate`] learned and checked.
#[derive(Clone, Copy, Debug)]
pub struct Calibration {
    /// Instructions an empty region reports; subtracted from every count.
    pub overhead: u32,
    /// Instructions per `SysTick` wrap (the handler); subtracted per wrap.
    pub wrap_cost: u32,
    /// A short and a wrapping loop; both must match.
    pub checks: [Check; 2],
}

/// A known loop, measured: the two must agree for counts to be trusted.
#[derive(Clone, Copy, Debug)]
pub struct Check {
    pub expected: u64,
    pub measured: u64,
}

/// Starts `SysTick` free-running on `machine`'s processor clock, interrupting on each wrap.
pub fn start(mut syst: SYST, machine: Machine) {
    SYSCLK_PS.store(machine.sysclk_ps(), Relaxed);
    syst.set_clock_source(SystClkSource::Core);
    syst.set_reload(RELOAD);
    syst.clear_current();
    syst.enable_interrupt();
    syst.enable_counter();
}

/// Learns the fixed cost of [`measure`] and the cost of one wrap (the `SysTick` handler's
/// instructions), then checks two known loops, one short and one that wraps `SysTick`
/// a few times. Counts are only meaningful if both checks match, which needs QEMU's
/// `-icount shift=ICOUNT_SHIFT`.
pub fn calibrate() -> Calibration {
    OVERHEAD.store(0, Relaxed);
    WRAP_COST.store(0, Relaxed);
    let ((), empty) = measure(|| ());
    OVERHEAD.store(saturate(empty.instructions), Relaxed);
    let (learn, wraps) = spin_check(8_000_000);
    let excess = learn.measured.saturating_sub(learn.expected);
    WRAP_COST.store(saturate(excess / wraps.max(1)), Relaxed);
    Calibration {
        overhead: OVERHEAD.load(Relaxed),
        wrap_cost: WRAP_COST.load(Relaxed),
        // Other lengths than the one learned from, so a wrong model cannot pass.
        checks: [spin_check(1_000).0, spin_check(11_000_003).0],
    }
}

/// `spin(1 + iterations)` minus `spin(1)`: exactly `2 * iterations` instructions.
/// Also returns how many more wraps the longer run saw.
fn spin_check(iterations: u32) -> (Check, u64) {
    let base = measure_spin(1);
    let run = measure_spin(1 + iterations);
    let check = Check {
        expected: 2 * u64::from(iterations),
        measured: run.instructions.wrapping_sub(base.instructions),
    };
    (check, run.wraps.saturating_sub(base.wraps))
}

fn saturate(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// One copy of the measuring code for every length, so the glue around `spin` is the
/// same in both runs of a check and cancels out.
#[inline(never)]
fn measure_spin(iterations: u32) -> Cost {
    measure(|| spin(iterations)).1
}

/// Runs `f` and reports its instruction count and stack depth.
pub fn measure<R>(f: impl FnOnce() -> R) -> (R, Cost) {
    repaint();
    let base = sp();
    let t0 = ticks();
    let result = f();
    let t1 = ticks();
    let deepest = deepest();
    // Load and store, not `fetch_min`: a Cortex-M0 has no atomic read-modify-write, and
    // only this (thread-mode) code writes the value.
    REGION_DEEPEST.store(REGION_DEEPEST.load(Relaxed).min(deepest), Relaxed);
    let wraps = t1 / PERIOD - t0 / PERIOD;
    let corrections =
        u64::from(OVERHEAD.load(Relaxed)) + wraps * u64::from(WRAP_COST.load(Relaxed));
    let cost = Cost {
        instructions: to_instructions(t1 - t0).saturating_sub(corrections),
        wraps,
        stack_bytes: base.saturating_sub(deepest),
    };
    (result, cost)
}

/// The stack pointer where a code path starts, to report how deep its regions went.
#[derive(Clone, Copy, Debug)]
pub struct Mark {
    sp: usize,
}

impl Mark {
    /// Marks the current stack pointer and forgets the regions measured before.
    #[inline(always)]
    pub fn here() -> Self {
        REGION_DEEPEST.store(usize::MAX, Relaxed);
        Self { sp: sp() }
    }

    /// Bytes from the mark down to the deepest word any region since then wrote.
    pub fn peak(&self) -> usize {
        self.sp.saturating_sub(REGION_DEEPEST.load(Relaxed))
    }
}

/// Bytes reserved for the stack: all RAM that `.data`, `.bss` and `.uninit` leave.
pub fn stack_size() -> usize {
    let (bottom, top) = stack_bounds();
    top - bottom
}

/// Exactly `2 * iterations` instructions (plus the call), whatever the optimiser does.
#[inline(never)]
fn spin(iterations: u32) {
    debug_assert!(iterations > 0, "0 would loop 2^32 times");
    // SAFETY: register-only countdown loop; touches no memory and no stack.
    unsafe {
        asm!(
            "2:",
            "subs {n}, #1",
            "bne 2b",
            n = inout(reg) iterations => _,
            options(nomem, nostack),
        );
    }
}

/// `SysTick` ticks since [`start`], carried across 24-bit wraps.
#[inline(never)]
fn ticks() -> u64 {
    loop {
        let wraps = WRAPS.load(Relaxed);
        let current = SYST::get_current();
        // A wrap between the two loads would pair an old count with a new value.
        if WRAPS.load(Relaxed) == wraps {
            return u64::from(wraps) * PERIOD + u64::from(RELOAD - current);
        }
    }
}

/// `ticks * period / 2^S`, rounded to nearest, with the period in ps.
fn to_instructions(ticks: u64) -> u64 {
    let period = u64::from(SYSCLK_PS.load(Relaxed));
    let instruction_ps = 1000 << ICOUNT_SHIFT;
    (ticks * period + instruction_ps / 2) / instruction_ps
}

fn sp() -> usize {
    msp::read() as usize
}

/// `(bottom, top)` of the stack: `_stack_end` and `_stack_start`.
fn stack_bounds() -> (usize, usize) {
    (
        ptr::addr_of!(_stack_end) as usize,
        ptr::addr_of!(_stack_start) as usize,
    )
}

/// Lowest stack address whose paint has been scrubbed off (`top` if none has).
fn deepest() -> usize {
    let (bottom, top) = stack_bounds();
    let mut addr = bottom;
    // SAFETY: every word in `bottom..top` is RAM reserved for the stack; reading it
    // races with nothing, as this core is the only one.
    while addr < top && unsafe { ptr::read_volatile(addr as *const u32) } == PAINT {
        addr += 4;
    }
    addr
}

/// Repaints everything below the current SP.
fn repaint() {
    let (bottom, _) = stack_bounds();
    let sp = sp();
    let mut addr = bottom;
    while addr < sp {
        // SAFETY: memory below SP holds no live data (AAPCS has no red zone); an
        // interrupt may push a frame there meanwhile, which only marks it used.
        unsafe { ptr::write_volatile(addr as *mut u32, PAINT) };
        addr += 4;
    }
}
