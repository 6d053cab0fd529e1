//! Building the firmware: a nested `cargo build` in `tests/device`, its own workspace and
//! target directory, with none of the outer cargo's settings leaking in.

use std::{
    env,
    ffi::OsStr,
    path::{Path, PathBuf},
    process::Command,
};

use super::qemu::Machine;

/// The firmware's target: QEMU's `lm3s6965evb` is a Cortex-M3, and a Cortex-M4 runs its
/// code too.
pub const TARGET: &str = "thumbv7m-none-eabi";
/// The Cortex-M0 firmware's target (QEMU's `microbit`).
pub const M0_TARGET: &str = "thumbv6m-none-eabi";

/// The binaries linked for `mps2-an386` (`tests/device/build.rs`); every other one runs on
/// `lm3s6965evb`, except [`MICROBIT`]'s.
const MPS2_AN386: [&str; 2] = ["inkleaf-rich-4in2-gray", "inkleaf-book-large"];
/// The binaries built for `thumbv6m-none-eabi` and linked for `microbit`.
const MICROBIT: [&str; 2] = ["inkleaf-book-m0", "inkleaf-reader-m0"];

/// Build arguments of the Cortex-M0 firmware: its target, and the feature that lets cargo
/// build it. Its ELFs land under their own target triple, so the default build's stay.
pub const M0_FIRMWARE: &[&str] = &[
    "--target",
    M0_TARGET,
    "--features",
    "microbit",
    "--bin",
    "inkleaf-book-m0",
    "--bin",
    "inkleaf-reader-m0",
];

/// The machine firmware `bin` is linked for.
pub fn machine(bin: &str) -> Machine {
    if MPS2_AN386.contains(&bin) {
        Machine::Mps2An386
    } else if MICROBIT.contains(&bin) {
        Machine::Microbit
    } else {
        Machine::Lm3s6965evb
    }
}

/// The target firmware `bin` is built for.
pub fn target(bin: &str) -> &'static str {
    if machine(bin) == Machine::Microbit {
        M0_TARGET
    } else {
        TARGET
    }
}

/// The firmware crate.
pub fn crate_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("device")
}

/// Where `cargo build --release` puts the firmware ELFs.
pub fn elf(name: &str) -> PathBuf {
    elf_in(&target_dir(), name)
}

/// Where a build into target directory `dir` puts ELF `name`.
pub fn elf_in(dir: &Path, name: &str) -> PathBuf {
    dir.join(target(name)).join("release").join(name)
}

/// A committed blob under `tests/fixtures/device`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/device")
        .join(name)
}

/// Checks that QEMU and the Rust target are installed; the error says how to install them.
pub fn check_tools() -> Result<(), String> {
    check_tools_for(TARGET)
}

/// [`check_tools`] for Rust target `target`.
pub fn check_tools_for(target: &str) -> Result<(), String> {
    let qemu = Command::new(super::qemu::PROGRAM).arg("--version").output();
    if !qemu.is_ok_and(|out| out.status.success()) {
        return Err(format!(
            "`{}` is missing: install it with `sudo apt-get install qemu-system-arm` \
             (Debian/Ubuntu) and run the tests again",
            super::qemu::PROGRAM
        ));
    }
    let libdir = scrubbed(Command::new("rustc"))
        .args(["--print", "target-libdir", "--target", target])
        .current_dir(crate_dir())
        .output()
        .map_err(|e| format!("cannot run rustc: {e}"))?;
    if !has_core(String::from_utf8_lossy(&libdir.stdout).trim()) {
        return Err(format!(
            "the Rust target {target} is missing: install it with `rustup target add {target}` \
             and run the tests again"
        ));
    }
    Ok(())
}

/// Whether `libdir` holds a `libcore-*.rlib`: rustc prints the directory whether or not the
/// target is installed.
fn has_core(libdir: &str) -> bool {
    std::fs::read_dir(libdir).is_ok_and(|entries| {
        entries.flatten().any(|entry| {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            name.starts_with("libcore-") && name.ends_with(".rlib")
        })
    })
}

/// The firmware's own target directory, named explicitly so that no cargo configuration
/// (the environment's or a user's `build.target-dir`) moves it.
fn target_dir() -> PathBuf {
    crate_dir().join("target")
}

/// Build arguments of `inkleaf-plain-tables`: coded text, lookup tables and line breaking
/// (its look is not one the blob bakes), no `justify`,
/// like the lean firmware it is compared with. The device test and the footprint benchmark
/// both build it so, and so measure the same binary. It shares the default target directory
/// without clobbering anything: the default build leaves this binary out (it needs `tables`),
/// and this build makes nothing else.
pub const TABLES_FIRMWARE: &[&str] = &[
    "--no-default-features",
    "--features",
    "coded,tables,breaking",
    "--bin",
    "inkleaf-plain-tables",
];

/// Build arguments of firmware without `justify`, as flush-left firmware builds it:
/// `inkleaf-2in9`, which reads its justified blob through the lines it bakes,
/// `inkleaf-plain`, which lays the same blob out flush left, and `inkleaf-left`, which
/// reads a flush-left blob through its baked lines. Built into [`no_justify_dir`].
pub const NO_JUSTIFY_FIRMWARE: &[&str] = &[
    "--no-default-features",
    "--features",
    "coded,breaking",
    "--bin",
    "inkleaf-2in9",
    "--bin",
    "inkleaf-plain",
    "--bin",
    "inkleaf-left",
];

/// Build arguments of the lean reader firmware: no line breaking at all (no `breaking`, no
/// `justify`), so it shows only the displays its blobs bake lines for: `inkleaf-2in9` and
/// `inkleaf-2in9-dejavu`, which draw their justified blobs (in a built-in font, and in the
/// packed DejaVu Sans `inkleaf build` sets by default) through the baked lines,
/// `inkleaf-left`, which draws its flush-left blob the same way, and `inkleaf-plain`, whose
/// look the blob bakes nothing for, which must turn the blob down by name. Built into
/// [`lean_dir`].
pub const LEAN_FIRMWARE: &[&str] = &[
    "--no-default-features",
    "--features",
    "coded",
    "--bin",
    "inkleaf-2in9",
    "--bin",
    "inkleaf-2in9-dejavu",
    "--bin",
    "inkleaf-plain",
    "--bin",
    "inkleaf-left",
];

/// The target directory of [`LEAN_FIRMWARE`], for the same reason as [`no_justify_dir`].
pub fn lean_dir() -> PathBuf {
    target_dir().join("lean")
}

/// The target directory of [`NO_JUSTIFY_FIRMWARE`]: the default build makes binaries of the
/// same names with `justify`, and tests running in parallel must never run each other's ELF.
pub fn no_justify_dir() -> PathBuf {
    target_dir().join("no-justify")
}

/// `cargo build --release` in `tests/device`, plus `args` (e.g. `--features peer`).
pub fn build(args: &[&str]) -> Result<(), String> {
    build_in(&target_dir(), args)
}

/// [`build`] into target directory `dir`.
pub fn build_in(dir: &Path, args: &[&str]) -> Result<(), String> {
    let cargo = env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let out = scrubbed(Command::new(cargo))
        .args(["build", "--release", "--quiet", "--target-dir"])
        .arg(dir)
        .args(args)
        .current_dir(crate_dir())
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if out.status.success() {
        return Ok(());
    }
    Err(format!(
        "building the firmware failed (cd tests/device && cargo build --release --target-dir {} {}):\n{}",
        dir.display(),
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    ))
}

/// `command` without the environment the outer cargo set or passed on: its target
/// directory, target, flags and wrappers would redirect or break the firmware build.
/// Registry and network settings stay.
fn scrubbed(mut command: Command) -> Command {
    for (key, _) in env::vars_os() {
        if leaks(&key) {
            command.env_remove(&key);
        }
    }
    command
}

fn leaks(key: &OsStr) -> bool {
    let Some(key) = key.to_str() else {
        return false;
    };
    const KEEP: [&str; 5] = [
        "CARGO_HOME",
        "CARGO_NET_",
        "CARGO_HTTP_",
        "CARGO_REGISTRIES_",
        "CARGO_REGISTRY_",
    ];
    const DROP: [&str; 7] = [
        "CARGO",
        "RUSTC",
        "RUSTC_WRAPPER",
        "RUSTC_WORKSPACE_WRAPPER",
        "RUSTDOC",
        "RUSTFLAGS",
        "RUSTDOCFLAGS",
    ];
    if KEEP.iter().any(|keep| key.starts_with(keep)) {
        return false;
    }
    DROP.contains(&key) || key.starts_with("CARGO_") || key.starts_with("__CARGO")
}
