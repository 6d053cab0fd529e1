//! `inkleaf build --size` given more than once, and the commands that read such a blob.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use inkleaf::Book;
use tempfile::TempDir;

fn inkleaf() -> Command {
    Command::cargo_bin("inkleaf").expect("the inkleaf binary is built with the tests")
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/sizes")
        .join(name)
}

/// Runs `inkleaf build` with `args` and the bundled article, and checks it fails with one
/// line saying `reason`, and writes no blob.
fn build_fails(args: &[&str], reason: &str) {
    let dir = TempDir::new().unwrap();
    let blob = dir.path().join("out.inkleaf");
    let assert = inkleaf()
        .arg("build")
        .arg("-o")
        .arg(&blob)
        .args(args)
        .assert()
        .failure()
        .code(1);
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert_eq!(stderr.lines().count(), 1, "one line of error: {stderr:?}");
    assert!(stderr.contains(reason), "{stderr:?} should say {reason:?}");
    assert!(!blob.exists(), "{args:?}: no blob is written");
}

#[test]
fn bad_sizes_are_refused_in_one_line_with_no_blob() {
    for bad in ["0", "3", "181", "twelve", "12.5", ""] {
        build_fails(&["--size", bad], "not a pixel size");
    }
    build_fails(
        &["--size", "12", "--size", "16", "--size", "12"],
        "--size 12 is given twice",
    );
    // The built-in fonts come in three sizes only, and the message says which.
    build_fails(
        &["--font", "builtin:6x10", "--size", "10", "--size", "14"],
        "the built-in sizes are 10 (6x10), 13 (8x13), 20 (10x20)",
    );
    build_fails(
        &["--display", "oled-128x64", "--size", "16"],
        "--size 16: no built-in font has that size",
    );
}

#[test]
fn the_three_size_fixture_is_what_build_makes_today() {
    let dir = TempDir::new().unwrap();
    let blob = dir.path().join("three.inkleaf");
    let args =
        "--display 2.9in --display oled-128x64 --font builtin:6x10 --size 10 --size 13 --size 20";
    inkleaf()
        .arg("build")
        .arg("-o")
        .arg(&blob)
        .args(args.split(' '))
        .assert()
        .success();
    let fresh = std::fs::read(&blob).unwrap();
    let committed = std::fs::read(fixture("article-three-sizes.inkleaf")).unwrap();
    assert!(
        fresh == committed,
        "stale fixture: regenerate it as tests/fixtures/sizes/README.md says"
    );
    let book = Book::from_bytes(&fresh).unwrap();
    assert_eq!((book.size_count(), book.display_count()), (3, 2));
}

#[test]
fn a_packed_family_per_size_grows_the_blob_by_the_fonts_and_indexes_only() {
    let dir = TempDir::new().unwrap();
    let one = dir.path().join("one.inkleaf");
    let three = dir.path().join("three.inkleaf");
    for (blob, sizes) in [
        (&one, &["--size", "16"][..]),
        (&three, &["--size", "16", "--size", "12", "--size", "20"]),
    ] {
        inkleaf()
            .arg("build")
            .arg("-o")
            .arg(blob)
            .args(sizes)
            .assert()
            .success();
    }
    let (one, three) = (std::fs::read(one).unwrap(), std::fs::read(three).unwrap());
    let (a, b) = (
        Book::from_bytes(&one).unwrap(),
        Book::from_bytes(&three).unwrap(),
    );
    let sizes: Vec<_> = (0..3).map(|s| b.size_px(s)).collect();
    assert_eq!(sizes, [Some(16), Some(12), Some(20)], "in the order given");
    let (pa, pb) = (a.part_sizes(), b.part_sizes());
    assert_eq!(
        (pa.text, pa.model, pa.hyphens),
        (pb.text, pb.model, pb.hyphens)
    );
    assert!(pb.font > 2 * pa.font && pb.page_index > 2 * pa.page_index);
    // The first size is the one-size blob's, font for font.
    let first: Vec<_> = b.face_sections_at(0).collect();
    assert_eq!(first, a.face_sections().collect::<Vec<_>>());
}

#[test]
fn inspect_lists_the_sizes_and_pages_and_render_take_one() {
    let blob = fixture("article-three-sizes.inkleaf");
    let run = inkleaf().arg("inspect").arg(&blob).assert().success();
    let text = String::from_utf8(run.get_output().stdout.clone()).unwrap();
    for line in [
        "size:     10 px, 0 bytes of fonts: 15 pages at 296x128, 71 pages at 128x64",
        "size:     13 px, 0 bytes of fonts: 24 pages at 296x128, 143 pages at 128x64",
        "size:     20 px, 0 bytes of fonts: 47 pages at 296x128, 241 pages at 128x64",
    ] {
        assert!(text.contains(line), "{text}");
    }
    let pages_at = |size: &str| {
        let run = inkleaf()
            .arg("pages")
            .arg(&blob)
            .args(["--size", size])
            .assert()
            .success();
        let text = String::from_utf8(run.get_output().stdout.clone()).unwrap();
        text.lines().filter(|l| l.starts_with("--- page")).count()
    };
    assert_eq!((pages_at("10"), pages_at("20")), (15, 47));
    let dir = TempDir::new().unwrap();
    inkleaf()
        .arg("render")
        .arg(&blob)
        .args(["--size", "13", "--page", "24", "-o"])
        .arg(dir.path())
        .assert()
        .success();
    assert!(dir.path().join("page-024.png").is_file());
    let run = inkleaf()
        .arg("pages")
        .arg(&blob)
        .args(["--size", "16"])
        .assert()
        .failure();
    let stderr = String::from_utf8(run.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.contains("has no text size of 16 px; its sizes are 10, 13, 20 px"),
        "{stderr}"
    );
}
