//! Start-up and shut-down shared by every firmware, and how a failure or a crash reaches the
//! host.

use core::fmt::{self, Write as _};

use cortex_m_rt::{exception, ExceptionFrame};
use cortex_m_semihosting::{debug, hio};

use crate::{host::Host, machine::Machine, meter};

/// [`boot_on`] `lm3s6965evb`, where most of the firmware runs.
pub fn boot() -> Host {
    boot_on(Machine::Lm3s6965evb)
}

/// Starts the meter for `machine`'s clock, opens the host stream and checks the instruction
/// counts.
///
/// Sends `CAL_CORRECTION` and two `CAL` lines; panics (so QEMU exits 1) if a check is off,
/// as it is on another machine than `machine`.
pub fn boot_on(machine: Machine) -> Host {
    let core = cortex_m::Peripherals::take().expect("core peripherals are taken once");
    meter::start(core.SYST, machine);
    let mut host = Host::open();
    let calibration = meter::calibrate();
    host.line(format_args!(
        "CAL_CORRECTION {} {}",
        calibration.overhead, calibration.wrap_cost
    ));
    for check in calibration.checks {
        host.line(format_args!("CAL {} {}", check.expected, check.measured));
        assert_eq!(
            check.expected,
            check.measured,
            "instruction counts are off: run QEMU with -machine {} -icount shift={}",
            machine.name(),
            meter::ICOUNT_SHIFT
        );
    }
    host
}

/// Sends `STACK_PEAK` (the deepest any region went below `mark`) and `DONE`, then exits 0.
pub fn finish(host: &mut Host, mark: meter::Mark, pages: u32) -> ! {
    host.line(format_args!(
        "STACK_PEAK {} {}",
        mark.peak(),
        meter::stack_size()
    ));
    host.line(format_args!("DONE {pages}"));
    exit(debug::EXIT_SUCCESS)
}

/// Sends `FAILED <kind> <message>`, then exits 1: the run stopped on an error it knows the
/// type of, which the host can tell from a panic or a fault.
pub fn fail(host: &mut Host, kind: &str, message: &dyn fmt::Display) -> ! {
    host.line(format_args!("FAILED {kind} {message}"));
    exit(debug::EXIT_FAILURE)
}

/// Ends the QEMU session with `status`; spins if a debugger resumes us instead.
pub fn exit(status: debug::ExitStatus) -> ! {
    debug::exit(status);
    loop {
        cortex_m::asm::wfi();
    }
}

/// Reports the panic and exits QEMU with a failure status, so a runner never hangs.
#[panic_handler]
fn panic(info: &core::panic::PanicInfo) -> ! {
    if let Ok(mut out) = hio::hstdout() {
        writeln!(out, "PANIC {info}").ok();
    }
    exit(debug::EXIT_FAILURE)
}

#[exception]
unsafe fn HardFault(frame: &ExceptionFrame) -> ! {
    if let Ok(mut out) = hio::hstdout() {
        writeln!(out, "PANIC hard fault at pc={:#010x}", frame.pc()).ok();
    }
    exit(debug::EXIT_FAILURE)
}

#[exception]
unsafe fn DefaultHandler(irqn: i16) {
    panic!("unexpected exception {irqn}");
}
