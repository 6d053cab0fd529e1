//! Running a firmware ELF under QEMU, with a time limit.

use std::{
    io::Read,
    path::Path,
    process::{Command, ExitStatus, Stdio},
    thread,
    time::{Duration, Instant},
};

/// The emulator.
pub const PROGRAM: &str = "qemu-system-arm";

/// The arguments after the machine's, as the runner in `tests/device/.cargo/config.toml`
/// has them; `-icount shift=8` is what makes instruction counts exact (the firmware checks
/// it at start-up).
const ARGS: [&str; 5] = [
    "-nographic",
    "-semihosting-config",
    "enable=on,target=native",
    "-icount",
    "shift=8",
];

/// A QEMU machine a firmware runs on (`tests/device/src/machine.rs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Machine {
    /// Cortex-M3, 256 KB flash, 64 KB RAM: most firmware.
    Lm3s6965evb,
    /// Cortex-M4 with megabytes of SSRAM: firmware whose framebuffer the other cannot hold.
    Mps2An386,
    /// Cortex-M0, 256 KB flash, 16 KB RAM: the BBC micro:bit (`thumbv6m-none-eabi`).
    Microbit,
}

impl Machine {
    /// `-cpu` and `-machine`.
    fn args(self) -> [&'static str; 4] {
        match self {
            Machine::Lm3s6965evb => ["-cpu", "cortex-m3", "-machine", "lm3s6965evb"],
            Machine::Mps2An386 => ["-cpu", "cortex-m4", "-machine", "mps2-an386"],
            Machine::Microbit => ["-cpu", "cortex-m0", "-machine", "microbit"],
        }
    }
}

/// What a run printed and how it ended.
#[derive(Debug)]
pub struct Finished {
    /// The firmware's semihosting output: the line protocol.
    pub stdout: String,
    /// QEMU's own messages.
    pub stderr: String,
    /// 0 after `DONE`, 1 after `FAILED` or `PANIC`.
    pub status: ExitStatus,
}

/// Runs `elf` on `machine` to completion, killing QEMU after `limit`.
pub fn run(elf: &Path, machine: Machine, limit: Duration) -> Result<Finished, String> {
    let mut child = Command::new(PROGRAM)
        .args(machine.args())
        .args(ARGS)
        .arg("-kernel")
        .arg(elf)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {PROGRAM}: {e}"))?;
    // Drain both pipes while waiting, or a chatty firmware would block on a full pipe.
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            break status;
        }
        if started.elapsed() > limit {
            child.kill().ok();
            child.wait().ok();
            return Err(format!(
                "{} did not finish within {limit:?}; it printed:\n{}",
                elf.display(),
                tail(&stdout.join().unwrap_or_default())
            ));
        }
        thread::sleep(Duration::from_millis(10));
    };
    Ok(Finished {
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
        status,
    })
}

fn drain(pipe: Option<impl Read + Send + 'static>) -> thread::JoinHandle<String> {
    thread::spawn(move || {
        let mut text = String::new();
        if let Some(mut pipe) = pipe {
            pipe.read_to_string(&mut text).ok();
        }
        text
    })
}

/// The last lines of `text`, page data cut short, for error messages.
pub fn tail(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let start = lines.len().saturating_sub(20);
    lines[start..]
        .iter()
        .map(|line| line.chars().take(120).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}
