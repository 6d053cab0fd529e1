//! Section and symbol sizes of a firmware ELF, through LLVM's or GNU's binutils.

use std::{path::Path, process::Command};

/// Section sizes in bytes, as `size -A` prints them.
#[derive(Clone, Copy, Debug, Default)]
pub struct Sections {
    /// Code (flash).
    pub text: u64,
    /// Constants, the blob and fonts included (flash).
    pub rodata: u64,
    /// Initialised statics (flash and RAM).
    pub data: u64,
    /// Zeroed statics, framebuffers included (RAM).
    pub bss: u64,
}

/// The first of these that runs is used.
const SIZE_TOOLS: [&str; 2] = ["llvm-size", "arm-none-eabi-size"];
const NM_TOOLS: [&str; 2] = ["llvm-nm", "arm-none-eabi-nm"];
const INSTALL: &str =
    "install `llvm` (llvm-size, llvm-nm) or `binutils-arm-none-eabi` with apt-get";

/// `.text`, `.rodata`, `.data` and `.bss` of `elf`.
pub fn sections(elf: &Path) -> Result<Sections, String> {
    let out = first_that_runs(&SIZE_TOOLS, &["-A"], elf)?;
    let mut sections = Sections::default();
    for line in out.lines() {
        let mut fields = line.split_whitespace();
        let (Some(name), Some(Ok(size))) = (fields.next(), fields.next().map(str::parse)) else {
            continue;
        };
        match name {
            ".text" => sections.text = size,
            ".rodata" => sections.rodata = size,
            ".data" => sections.data = size,
            ".bss" => sections.bss = size,
            _ => {}
        }
    }
    Ok(sections)
}

/// A symbol's size, section kind (`t`/`T` code, `r`/`R` constant, `b`/`d` RAM) and name.
#[derive(Clone, Debug)]
pub struct Symbol {
    /// Bytes.
    pub size: u64,
    /// nm's type letter.
    pub kind: char,
    /// Demangled name.
    pub name: String,
}

/// Every sized symbol of `elf`, largest first.
pub fn symbols(elf: &Path) -> Result<Vec<Symbol>, String> {
    let out = first_that_runs(&NM_TOOLS, &["--size-sort", "-S", "-C"], elf)?;
    let mut symbols: Vec<Symbol> = out
        .lines()
        .filter_map(|line| {
            let mut fields = line.splitn(4, ' ');
            let (_address, size) = (fields.next()?, fields.next()?);
            let kind = fields.next()?.chars().next()?;
            Some(Symbol {
                size: u64::from_str_radix(size, 16).ok()?,
                kind,
                name: fields.next()?.to_owned(),
            })
        })
        .collect();
    symbols.sort_by_key(|symbol| std::cmp::Reverse(symbol.size));
    Ok(symbols)
}

fn first_that_runs(tools: &[&str], args: &[&str], elf: &Path) -> Result<String, String> {
    for tool in tools {
        if let Ok(out) = Command::new(tool).args(args).arg(elf).output() {
            if out.status.success() {
                return Ok(String::from_utf8_lossy(&out.stdout).into_owned());
            }
        }
    }
    Err(format!(
        "none of {tools:?} works on {}: {INSTALL}",
        elf.display()
    ))
}
