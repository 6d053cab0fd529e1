//! Building whole books: time and peak memory of `inkleaf build` on EPUBs of growing size,
//! next to calibre's `ebook-convert` turning the same EPUB into plain text, in the same run.
//!
//! The books are the toolchain's own documentation (mdbook `print.html`) made into EPUB 3 by
//! pandoc (`inkleaf_tests::real_books::whole_book`). Each build runs as its own process, one
//! thread, timed from start to exit, its peak resident memory read from the kernel
//! (`wait4`). Targets: a 1 MB EPUB in under 20 s on one core, under 500 MB, and time and
//! memory that grow no faster than the book.
//!
//! Run with `cargo bench -p inkleaf-tests --bench book_build`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use inkleaf_tests::real_books::whole_book;

/// Smallest to largest.
const BOOKS: [&str; 4] = ["nomicon", "book", "cargo", "reference"];

/// What one process took.
#[derive(Copy, Clone, Debug)]
struct Cost {
    wall: Duration,
    cpu: Duration,
    peak_kb: u64,
}

fn main() {
    let inkleaf = build_cli();
    let out = tempfile::tempdir().expect("a temporary folder");
    println!("| book | EPUB bytes | text bytes | chapters | pages (2.9in) | blob bytes | inkleaf s | s per MB of EPUB | inkleaf peak MB | calibre s | calibre peak MB | time ratio |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    // Per book: EPUB bytes, CPU seconds, peak memory in MB.
    let mut costs = Vec::new();
    let mut parts = Vec::new();
    for name in BOOKS {
        let epub = whole_book(name);
        let epub_bytes = std::fs::metadata(&epub).map(|m| m.len()).unwrap_or(0);
        let blob = out.path().join(format!("{name}.inkleaf"));
        let mut build = Command::new(&inkleaf);
        build.arg("build").arg(&epub).arg("-o").arg(&blob);
        let ours = measure(build, "inkleaf build");
        let text = out.path().join(format!("{name}.txt"));
        let mut convert = Command::new("ebook-convert");
        convert.arg(&epub).arg(&text);
        let peer = measure(convert, "ebook-convert (Debian package calibre)");
        let text_bytes = std::fs::metadata(&text).map(|m| m.len()).unwrap_or(0);
        let facts = inspect(&inkleaf, &blob);
        let mb = epub_bytes as f64 / 1e6;
        let per_mb = ours.cpu.as_secs_f64() / mb;
        costs.push((epub_bytes, ours.cpu.as_secs_f64(), ours.peak_kb / 1024));
        println!(
            "| {name} | {epub_bytes} | {text_bytes} | {} | {} | {} | {:.1} ({:.1} CPU) | {per_mb:.1} | {} | {:.1} | {} | {:.2}x |",
            facts.chapters,
            facts.pages,
            facts.bytes,
            ours.wall.as_secs_f64(),
            ours.cpu.as_secs_f64(),
            ours.peak_kb / 1024,
            peer.wall.as_secs_f64(),
            peer.peak_kb / 1024,
            peer.wall.as_secs_f64() / ours.wall.as_secs_f64(),
        );
        std::io::stdout().flush().ok();
        let gzip = gzip_best(&std::fs::read(&text).unwrap_or_default());
        parts.push(format!(
            "| {name} | {epub_bytes} | {gzip} | {} | {} |",
            facts.bytes, facts.parts
        ));
    }
    println!();
    println!("| book | EPUB bytes | gzip -9 of its text | blob bytes | blob parts |");
    println!("|---|---:|---:|---:|---|");
    for row in parts {
        println!("{row}");
    }
    println!();
    // Small books carry the fixed costs (fonts, the model's first climbs): the target is
    // for books of a megabyte and more.
    for (bytes, cpu, peak) in costs.iter().filter(|c| c.0 >= 1_000_000) {
        let met = *cpu < 20.0 && *peak < 500;
        println!(
            "target: a 1 MB EPUB in under 20 s of one core and 500 MB: {bytes} bytes in {cpu:.1} s of CPU, {peak} MB peak: {}",
            if met { "met" } else { "MISSED" }
        );
    }
}

/// Bytes of `data` compressed as `gzip -9` does.
fn gzip_best(data: &[u8]) -> usize {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(data).expect("writing to memory");
    encoder.finish().expect("writing to memory").len()
}

/// Builds the release CLI once and returns its path.
fn build_cli() -> PathBuf {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .args([
            "build",
            "--release",
            "-p",
            "inkleaf-cli",
            "--bin",
            "inkleaf",
        ])
        .status()
        .expect("cargo runs");
    assert!(status.success(), "the release CLI builds");
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"));
    target.join("release/inkleaf")
}

/// Runs `command` to its end, with its wall time, CPU time and peak resident memory.
// `wait4` reaps the child: `Child::wait` could not say how much memory it used.
#[allow(clippy::zombie_processes)]
fn measure(mut command: Command, tool: &str) -> Cost {
    command
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    let start = Instant::now();
    let child = command
        .spawn()
        .unwrap_or_else(|e| panic!("{tool} does not run ({e}): install it (.ci/run lists it)"));
    let (status, usage) = wait4(child.id());
    let wall = start.elapsed();
    assert!(status == 0, "{tool} failed (wait status {status})");
    let time = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    Cost {
        wall,
        cpu: time(usage.ru_utime) + time(usage.ru_stime),
        peak_kb: usage.ru_maxrss as u64,
    }
}

/// Waits for child `pid`, returning its wait status and resource use.
fn wait4(pid: u32) -> (i32, libc::rusage) {
    let mut status = 0;
    // SAFETY: rusage is plain data, and wait4 only writes into the two out-pointers.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid as libc::pid_t, &mut status, 0, &mut usage) };
    assert_eq!(waited, pid as libc::pid_t, "wait4 waits for the child");
    (status, usage)
}

/// What `inkleaf inspect --json` says of a blob.
struct Facts {
    chapters: usize,
    pages: u64,
    bytes: u64,
    /// "header 16, metadata 45, ...".
    parts: String,
}

fn inspect(inkleaf: &Path, blob: &Path) -> Facts {
    let output = Command::new(inkleaf)
        .args(["inspect", "--json"])
        .arg(blob)
        .output()
        .expect("inkleaf inspect runs");
    let json: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("inspect --json prints JSON");
    Facts {
        chapters: json["chapters"].as_array().map_or(0, Vec::len),
        pages: json["pages"].as_u64().unwrap_or(0),
        bytes: std::fs::metadata(blob).map(|m| m.len()).unwrap_or(0),
        parts: json["parts"]
            .as_object()
            .map(|parts| {
                parts
                    .iter()
                    .map(|(name, bytes)| format!("{name} {}", bytes.as_u64().unwrap_or(0)))
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default(),
    }
}
