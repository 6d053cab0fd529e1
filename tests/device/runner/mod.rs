//! The host side of the QEMU firmware in `tests/device`: check the tools, build the
//! firmware, run it, read its line protocol, and draw the pages it should have drawn.
//!
//! Shared through `#[path]` by `tests/tests/device.rs` and
//! `tests/benches/device_footprint.rs`; each uses a different part.
#![allow(dead_code)]

pub mod firmware;
pub mod protocol;
pub mod qemu;
pub mod reference;
pub mod size;

use std::time::Duration;

use protocol::Report;

/// A whole run takes well under a second; this only stops a hung emulator.
const QEMU_LIMIT: Duration = Duration::from_secs(60);

/// Runs firmware `bin` (already built) and reads its report; a panic, a fault, a failed
/// calibration or a missing `DONE` is an error.
pub fn run(bin: &str) -> Result<Report, String> {
    let finished = qemu::run(&firmware::elf(bin), QEMU_LIMIT)?;
    let report = protocol::parse(&finished.stdout)?;
    let calibrated = report.calibration.iter().all(|(e, m)| e == m);
    if !finished.status.success() || report.panic.is_some() || !calibrated || report.done.is_none()
    {
        return Err(format!(
            "{bin} failed ({}): {}\nlast output:\n{}\nQEMU said: {}",
            finished.status,
            report.panic.as_deref().unwrap_or("no PANIC line"),
            qemu::tail(&finished.stdout),
            finished.stderr.trim()
        ));
    }
    Ok(report)
}
