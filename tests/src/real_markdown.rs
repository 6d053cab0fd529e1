//! Real Markdown nobody here wrote: the READMEs of the crates this workspace builds with
//! (from cargo's registry), the Rust toolchain's own, and Debian's gzipped Markdown
//! documentation.

use std::io::Read;
use std::path::{Path, PathBuf};

/// Crates whose READMEs cargo has unpacked whenever this workspace is built.
pub const CRATES: [&str; 12] = [
    "pulldown-cmark-",
    "clap-4",
    "serde-1",
    "insta-",
    "proptest-",
    "heapless-",
    "postcard-",
    "embedded-graphics-0",
    "fontdue-",
    "hypher-",
    "anyhow-",
    "tempfile-",
];

/// Gzipped Markdown that Debian packages install; `.ci/run` installs the packages.
pub const DEBIAN_DOCS: [&str; 6] = [
    "/usr/share/doc/pandoc/README.md.gz",
    "/usr/share/doc/zstd/README.md.gz",
    "/usr/share/doc/zstd/CONTRIBUTING.md.gz",
    "/usr/share/doc/man-db/NEWS.md.gz",
    "/usr/share/doc/openssl/README.md.gz",
    "/usr/share/doc/openssl/NEWS.md.gz",
];

/// A Markdown file, unzipped if its name ends in `.gz`.
pub fn read_markdown(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    if path.extension().is_some_and(|e| e == "gz") {
        let mut text = String::new();
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_string(&mut text)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        text
    } else {
        String::from_utf8(bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }
}

/// The README.md of each crate in [`CRATES`], the Markdown the Rust toolchain ships, and
/// [`DEBIAN_DOCS`], every one of which must be there.
pub fn real_markdown() -> Vec<PathBuf> {
    let mut files = crate_readmes();
    let sysroot = std::process::Command::new("rustc")
        .args(["--print", "sysroot"])
        .output()
        .expect("rustc runs");
    let docs = Path::new(String::from_utf8_lossy(&sysroot.stdout).trim()).join("share/doc");
    for tool in ["rust", "cargo", "clippy", "rustfmt"] {
        let readme = docs.join(tool).join("README.md");
        if readme.is_file() {
            files.push(readme);
        }
    }
    for doc in DEBIAN_DOCS {
        assert!(
            Path::new(doc).is_file(),
            "{doc} is missing: install its package (.ci/run lists them)"
        );
        files.push(doc.into());
    }
    files
}

/// The README.md of each crate in [`CRATES`] that cargo has unpacked, one version each.
pub fn crate_readmes() -> Vec<PathBuf> {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")))
        .expect("CARGO_HOME or HOME is set");
    let mut files = Vec::new();
    for registry in read_dir(&cargo_home.join("registry/src")) {
        for unpacked in read_dir(&registry) {
            let name = unpacked.file_name().unwrap().to_string_lossy().into_owned();
            let readme = unpacked.join("README.md");
            if CRATES.iter().any(|c| name.starts_with(c)) && readme.is_file() {
                files.push(readme);
            }
        }
    }
    files.sort();
    // One version of each crate is enough.
    files.dedup_by(|a, b| crate_name(a) == crate_name(b));
    files
}

fn crate_name(readme: &Path) -> String {
    let dir = readme
        .parent()
        .unwrap()
        .file_name()
        .unwrap()
        .to_string_lossy();
    dir.rsplit_once('-')
        .map_or(dir.to_string(), |(name, _)| name.to_owned())
}

fn read_dir(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|entries| entries.flatten().map(|e| e.path()).collect())
        .unwrap_or_default()
}
