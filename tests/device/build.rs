//! Puts each machine's memory map where the linker looks for `memory.x` (cortex-m-rt's
//! `link.x` includes it), and relinks when one changes.
//!
//! Every binary runs on `lm3s6965evb` except those in [`MPS2_AN386`] and [`MICROBIT`] (the
//! latter built for `thumbv6m-none-eabi`, with the `microbit` feature): each machine's map is
//! `OUT_DIR/<machine>/memory.x`, and a binary's linker searches its machine's folder first.
//! Keep the list in step with `runner/firmware.rs` and `src/machine.rs`: a binary linked for
//! the wrong machine does not start.

use std::{env, fs, path::PathBuf};

/// The binaries that run on `mps2-an386`.
const MPS2_AN386: [&str; 2] = ["inkleaf-rich-4in2-gray", "inkleaf-book-large"];
/// The binaries that run on `microbit`.
const MICROBIT: [&str; 2] = ["inkleaf-book-m0", "inkleaf-reader-m0"];

fn main() {
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let folder = |machine: &str| {
        let dir = out.join(machine);
        fs::create_dir_all(&dir).expect("create the memory map's folder");
        fs::copy(format!("memory/{machine}.x"), dir.join("memory.x")).expect("copy memory.x");
        println!("cargo:rerun-if-changed=memory/{machine}.x");
        dir.display().to_string()
    };
    // Link arguments reach the linker in the order printed, and it takes the first
    // `memory.x` it finds: a binary's own folder goes before everyone's.
    let mps2 = folder("mps2-an386");
    for bin in MPS2_AN386 {
        println!("cargo:rustc-link-arg-bin={bin}=-L{mps2}");
    }
    let microbit = folder("microbit");
    for bin in MICROBIT {
        println!("cargo:rustc-link-arg-bin={bin}=-L{microbit}");
    }
    let lm3s = folder("lm3s6965evb");
    println!("cargo:rustc-link-arg-bins=-L{lm3s}");
    println!("cargo:rerun-if-changed=build.rs");
}
