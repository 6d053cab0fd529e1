//! `inkleaf build book.epub` on books that cannot be read (and on a web page nested too
//! deep to read): one line naming the file and why, exit code 1, and no output file.

use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;
use zip::write::SimpleFileOptions;
use zip::ZipWriter;

fn inkleaf() -> Command {
    Command::cargo_bin("inkleaf").expect("the inkleaf binary is built with the tests")
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

/// Builds `book` into `out.inkleaf` in `dir` and checks that it fails with one line
/// starting with the book's name and saying `reason`, and writes nothing.
fn fails(dir: &TempDir, book: &str, reason: &str) {
    let before = files_in(dir.path());
    let assert = inkleaf()
        .current_dir(dir.path())
        .args(["build", book, "-o", "out.inkleaf"])
        .assert()
        .failure()
        .code(1);
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert_eq!(
        stderr.lines().count(),
        1,
        "one line of error, got {stderr:?}"
    );
    assert!(
        stderr.starts_with(&format!("inkleaf: {book}: ")),
        "{stderr:?} should start with the book's name"
    );
    assert!(stderr.contains(reason), "{stderr:?} should say {reason:?}");
    assert_eq!(
        files_in(dir.path()),
        before,
        "a failed build writes nothing"
    );
}

/// A zip archive of `files`.
fn zip(files: &[(&str, &str)]) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, content) in files {
        zip.start_file(*name, SimpleFileOptions::default()).unwrap();
        zip.write_all(content.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

const CONTAINER: &str = r#"<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>"#;

const OPF: &str = r#"<package xmlns="http://www.idpf.org/2007/opf" version="2.0">
  <metadata/>
  <manifest><item id="c1" href="ch1.xhtml" media-type="application/xhtml+xml"/></manifest>
  <spine><itemref idref="c1"/></spine>
</package>"#;

#[test]
fn a_file_named_epub_that_is_no_zip() {
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("book.epub"), "Just some text.\n").unwrap();
    fails(&dir, "book.epub", "not an EPUB: not a zip archive");
}

#[test]
fn an_epub_cut_short() {
    let dir = TempDir::new().unwrap();
    let bytes = zip(&[("META-INF/container.xml", CONTAINER), ("content.opf", OPF)]);
    std::fs::write(dir.path().join("cut.epub"), &bytes[..bytes.len() / 2]).unwrap();
    fails(&dir, "cut.epub", "cut short");
}

#[test]
fn an_epub_without_its_chapter() {
    let dir = TempDir::new().unwrap();
    let bytes = zip(&[("META-INF/container.xml", CONTAINER), ("content.opf", OPF)]);
    std::fs::write(dir.path().join("Book.EPUB"), bytes).unwrap();
    fails(
        &dir,
        "Book.EPUB",
        "ch1.xhtml: a file of the reading order is missing from the book",
    );
}

#[test]
fn a_drm_protected_epub() {
    let dir = TempDir::new().unwrap();
    let bytes = zip(&[
        ("META-INF/container.xml", CONTAINER),
        ("META-INF/rights.xml", "<rights/>"),
        ("content.opf", OPF),
        ("ch1.xhtml", "<html/>"),
    ]);
    std::fs::write(dir.path().join("locked.epub"), bytes).unwrap();
    fails(
        &dir,
        "locked.epub",
        "the book is DRM-protected and cannot be read (Adobe ADEPT",
    );
}

#[test]
fn an_epub_that_escapes_its_folder() {
    let dir = TempDir::new().unwrap();
    let bytes = zip(&[
        ("META-INF/container.xml", CONTAINER),
        ("../../evil.sh", "rm -rf"),
    ]);
    std::fs::write(dir.path().join("evil.epub"), bytes).unwrap();
    fails(
        &dir,
        "evil.epub",
        "../../evil.sh: a path that leads outside the book is refused",
    );
}

#[test]
fn a_failed_epub_build_keeps_the_previous_output() {
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("out.inkleaf"), b"previous").unwrap();
    std::fs::write(dir.path().join("bad.epub"), b"PK\x03\x04 cut").unwrap();
    fails(&dir, "bad.epub", "cut short");
    assert_eq!(
        std::fs::read(dir.path().join("out.inkleaf")).unwrap(),
        b"previous"
    );
}

#[test]
fn a_valid_epub_builds() {
    let dir = TempDir::new().unwrap();
    let chapter = r#"<html xmlns="http://www.w3.org/1999/xhtml"><body>
        <h1>One</h1><p>The first chapter of a small book, long enough to set.</p></body></html>"#;
    let bytes = zip(&[
        ("mimetype", "application/epub+zip"),
        ("META-INF/container.xml", CONTAINER),
        ("content.opf", OPF),
        ("ch1.xhtml", chapter),
    ]);
    std::fs::write(dir.path().join("small.epub"), bytes).unwrap();
    inkleaf()
        .current_dir(dir.path())
        .args(["build", "small.epub", "-o", "out.inkleaf"])
        .assert()
        .success();
    assert!(dir.path().join("out.inkleaf").is_file());
}

/// Markup whose elements nest 50,000 deep: a damaged or hostile file, refused at once.
fn nested_deep() -> String {
    format!(
        "<html><body>{}Deep.{}</body></html>",
        "<div>".repeat(50_000),
        "</div>".repeat(50_000)
    )
}

#[test]
fn a_web_page_nested_too_deep() {
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("deep.html"), nested_deep()).unwrap();
    fails(&dir, "deep.html", "elements nest more than 2048 deep");
}

#[test]
fn an_epub_chapter_nested_too_deep() {
    let dir = TempDir::new().unwrap();
    let bytes = zip(&[
        ("mimetype", "application/epub+zip"),
        ("META-INF/container.xml", CONTAINER),
        ("content.opf", OPF),
        ("ch1.xhtml", &nested_deep()),
    ]);
    std::fs::write(dir.path().join("deep.epub"), bytes).unwrap();
    fails(
        &dir,
        "deep.epub",
        "ch1.xhtml: elements nest more than 2048 deep",
    );
}
