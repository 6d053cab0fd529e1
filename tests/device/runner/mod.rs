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

use std::path::Path;
use std::time::Duration;

use protocol::Report;

/// A whole run takes well under a second; this only stops a hung emulator.
const QEMU_LIMIT: Duration = Duration::from_secs(60);
/// The Cortex-M0 books run about a billion instructions (some 14 s on an idle machine,
/// several times that on a loaded one): a hung emulator is still stopped, later.
const QEMU_LIMIT_M0: Duration = Duration::from_secs(300);

/// Runs firmware `bin` (already built) and reads its report; a typed failure, a panic, a
/// fault, a failed calibration or a missing `DONE` is an error.
pub fn run(bin: &str) -> Result<Report, String> {
    run_elf(bin, &firmware::elf(bin))
}

/// [`run`] with the ELF at `elf`, e.g. from a build into a target directory of its own.
pub fn run_elf(bin: &str, elf: &Path) -> Result<Report, String> {
    run_until(bin, elf, Ending::Done)
}

/// Runs the ELF at `elf`, which should stop on a typed failure (`FAILED`) and exit 1; its
/// report, or an error if it finished, panicked, faulted or failed calibration instead.
pub fn run_to_failure(bin: &str, elf: &Path) -> Result<Report, String> {
    run_until(bin, elf, Ending::Failed)
}

/// How a firmware run should end.
#[derive(Copy, Clone, PartialEq, Eq)]
enum Ending {
    /// `DONE` and exit status 0.
    Done,
    /// A typed `FAILED` line and exit status 1.
    Failed,
}

fn run_until(bin: &str, elf: &Path, ending: Ending) -> Result<Report, String> {
    let (finished, report) = start(elf, firmware::machine(bin))?;
    let calibrated = report.calibration.iter().all(|(e, m)| e == m);
    let as_expected = match ending {
        Ending::Done => {
            finished.status.success() && report.failed.is_none() && report.done.is_some()
        }
        Ending::Failed => {
            finished.status.code() == Some(1) && report.failed.is_some() && report.done.is_none()
        }
    };
    if !as_expected || report.panic.is_some() || !calibrated {
        return Err(failure(bin, &finished, &report));
    }
    Ok(report)
}

fn start(elf: &Path, machine: qemu::Machine) -> Result<(qemu::Finished, Report), String> {
    let limit = match machine {
        qemu::Machine::Microbit => QEMU_LIMIT_M0,
        _ => QEMU_LIMIT,
    };
    let finished = qemu::run(elf, machine, limit)?;
    let report = protocol::parse(&finished.stdout)?;
    Ok((finished, report))
}

/// What went wrong with a run, for a test's panic message.
fn failure(bin: &str, finished: &qemu::Finished, report: &Report) -> String {
    let why = match (&report.failed, &report.panic) {
        (Some(failed), _) => format!("FAILED {} {}", failed.kind, failed.message),
        (None, Some(panic)) => format!("PANIC {panic}"),
        (None, None) => "no FAILED or PANIC line".to_owned(),
    };
    format!(
        "{bin} did not run as expected ({}, {}): {why}\nlast output:\n{}\nQEMU said: {}",
        finished.status,
        match report.done {
            Some(pages) => format!("DONE after {pages} pages"),
            None => "no DONE".to_owned(),
        },
        qemu::tail(&finished.stdout),
        finished.stderr.trim()
    )
}
