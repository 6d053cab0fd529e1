//! `inkleaf preview` without a window: key scripts through the reader core into PNG frames,
//! inputs built in memory exactly as `build` builds them.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use image::RgbImage;

fn inkleaf() -> Command {
    Command::cargo_bin("inkleaf").expect("the inkleaf binary is built with the tests")
}

const BOOK: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../tests/fixtures/device/book-4.2in.inkleaf"
);

/// A chapter of the Rust book as rustup installs it: HTML nobody here wrote.
fn rust_book_chapter() -> PathBuf {
    let sysroot = std::process::Command::new("rustc")
        .args(["--print", "sysroot"])
        .output()
        .expect("rustc runs");
    let sysroot = String::from_utf8(sysroot.stdout).unwrap();
    let path = Path::new(sysroot.trim()).join("share/doc/rust/html/book/ch01-01-installation.html");
    assert!(
        path.is_file(),
        "{} is missing: rustup component add rust-docs",
        path.display()
    );
    path
}

fn png(path: &Path) -> RgbImage {
    image::open(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .to_rgb8()
}

fn frames(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_script_writes_the_first_page_and_one_frame_per_key() {
    let dir = tempfile::tempdir().unwrap();
    let shots = dir.path().join("shots");
    let shots_arg = shots.to_str().unwrap();
    inkleaf()
        .args([
            "preview",
            BOOK,
            "--keys",
            "n p t 3 b q n",
            "--shots",
            shots_arg,
        ])
        .assert()
        .success()
        .stdout(predicates::str::contains("wrote 6 frames"));
    // The first page, then one frame for each key up to q; the keys after q are not pressed.
    let names = frames(&shots);
    assert_eq!(names.first().map(String::as_str), Some("frame-000.png"));
    assert_eq!(names.last().map(String::as_str), Some("frame-005.png"));
    assert_eq!(names.len(), 6);
    let frame = |n: u32| png(&shots.join(format!("frame-{n:03}.png")));
    // Forward and back again: the first page twice; the contents view is another picture.
    assert_ne!(frame(0), frame(1));
    assert_eq!(frame(0), frame(2));
    assert_ne!(frame(2), frame(3));
    // "t 3": the third entry's page, not the contents view nor the first page.
    assert_ne!(frame(4), frame(3));
    assert_ne!(frame(4), frame(0));

    // A second run into the same directory leaves only its own frames.
    inkleaf()
        .args(["preview", BOOK, "--keys", "n", "--shots", shots_arg])
        .assert()
        .success();
    assert_eq!(frames(&shots), ["frame-000.png", "frame-001.png"]);
}

#[test]
fn t_and_a_number_show_the_page_that_entry_starts_on() {
    let dir = tempfile::tempdir().unwrap();
    let shots = dir.path().join("shots");
    inkleaf()
        .args(["preview", BOOK, "--keys", "t 3", "--shots"])
        .arg(&shots)
        .assert()
        .success();
    // The third entry as `inspect` and the contents view list it: `render --chapter 3`
    // starts on its page.
    let pages = dir.path().join("pages");
    inkleaf()
        .args(["render", BOOK, "--chapter", "3", "-o"])
        .arg(&pages)
        .assert()
        .success();
    let first_of_chapter = frames(&pages)
        .into_iter()
        .find(|n| n.starts_with("page-"))
        .unwrap();
    assert_eq!(
        png(&shots.join("frame-002.png")),
        png(&pages.join(first_of_chapter))
    );
}

#[test]
fn an_html_input_is_built_in_memory_as_build_builds_it() {
    let dir = tempfile::tempdir().unwrap();
    let chapter = rust_book_chapter();
    let look = ["--display", "2.9in", "--align", "left"];
    let shots = dir.path().join("shots");
    inkleaf()
        .arg("preview")
        .arg(&chapter)
        .args(look)
        .args(["--keys", "n n", "--shots"])
        .arg(&shots)
        .assert()
        .success();
    let blob = dir.path().join("chapter.inkleaf");
    inkleaf()
        .arg("build")
        .arg(&chapter)
        .args(look)
        .arg("-o")
        .arg(&blob)
        .assert()
        .success();
    let pages = dir.path().join("pages");
    inkleaf()
        .arg("render")
        .arg(&blob)
        .args(["--page", "3", "-o"])
        .arg(&pages)
        .assert()
        .success();
    assert_eq!(
        png(&shots.join("frame-002.png")),
        png(&pages.join("page-003.png"))
    );
}

#[test]
fn a_word_that_is_not_a_key_is_named_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let shots = dir.path().join("shots");
    inkleaf()
        .args(["preview", BOOK, "--keys", "n jump", "--shots"])
        .arg(&shots)
        .assert()
        .failure()
        .stderr(predicates::str::contains("key 2 of the script, 'jump'"));
    assert!(!shots.exists());
}

#[cfg(not(feature = "window"))]
#[test]
fn without_the_window_feature_a_window_is_refused_in_one_line() {
    let run = inkleaf().args(["preview", BOOK]).assert().failure();
    let stderr = String::from_utf8_lossy(&run.get_output().stderr).into_owned();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("--features window"), "{stderr}");
    assert!(stderr.contains("--shots"), "{stderr}");
}

#[test]
fn d_cycles_the_displays_the_blob_was_built_for() {
    let book = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/device/book-two-displays.inkleaf"
    );
    let dir = tempfile::tempdir().unwrap();
    let shots = dir.path().join("shots");
    inkleaf()
        .args(["preview", book, "--keys", "d d", "--scale", "1", "--shots"])
        .arg(&shots)
        .assert()
        .success();
    let frame = |n: u32| png(&shots.join(format!("frame-{n:03}.png")));
    // Another panel, another picture size; the second d wraps round to the first panel.
    assert_ne!(frame(0).dimensions(), frame(1).dimensions());
    assert_eq!(frame(0), frame(2));
}

#[test]
fn a_font_packed_for_a_grayscale_panel_shows_in_gray() {
    let rich = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/device/rich-4.2in-4bit.inkleaf"
    );
    let dir = tempfile::tempdir().unwrap();
    let shots = dir.path().join("shots");
    inkleaf()
        .args(["preview", rich, "--scale", "1", "--shots"])
        .arg(&shots)
        .assert()
        .success();
    let colours: std::collections::HashSet<_> = png(&shots.join("frame-000.png"))
        .pixels()
        .copied()
        .collect();
    // Paper, ink and the shades of anti-aliased edges between them.
    assert!(colours.len() > 2, "{} colours", colours.len());
}

#[test]
fn build_options_given_with_a_blob_are_named_as_ignored_and_it_shows_as_built() {
    let dir = tempfile::tempdir().unwrap();
    let (asked, plain) = (dir.path().join("asked"), dir.path().join("plain"));
    let run = inkleaf()
        .args(["preview", BOOK, "--display", "2.9in", "--align", "left"])
        .args(["--title", "Another", "--scale", "1", "--shots"])
        .arg(&asked)
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&run.get_output().stderr).into_owned();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("book-4.2in.inkleaf") && stderr.contains("--display, --align, --title"),
        "{stderr}"
    );
    assert!(stderr.contains("ignored"), "{stderr}");
    let run = inkleaf()
        .args(["preview", BOOK, "--scale", "1", "--shots"])
        .arg(&plain)
        .assert()
        .success();
    assert!(run.get_output().stderr.is_empty(), "no options, no warning");
    // The 4.2" book as it was built, not a 2.9" page.
    let first = png(&asked.join("frame-000.png"));
    assert_eq!(first.dimensions(), (400, 300));
    assert_eq!(first, png(&plain.join("frame-000.png")));
}
