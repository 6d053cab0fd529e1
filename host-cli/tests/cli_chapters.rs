//! Several inputs as the chapters of one book: the table of contents `inspect` lists, and
//! one chapter at a time through `pages --chapter` and `render --chapter`.

use std::path::Path;

use assert_cmd::Command;
use tempfile::TempDir;

fn inkleaf() -> Command {
    Command::cargo_bin("inkleaf").expect("the inkleaf binary is built with the tests")
}

fn json(args: &[&str], dir: &Path) -> serde_json::Value {
    let run = inkleaf().current_dir(dir).args(args).assert().success();
    serde_json::from_slice(&run.get_output().stdout).unwrap()
}

/// Three chapters: two Markdown files (one with sections) and a plain text.
fn book(dir: &TempDir) {
    let paragraph = "Words that fill a few lines of the page, again and again. ".repeat(12);
    let first = format!("# Arrival\n\n{paragraph}\n\n## The harbour\n\n{paragraph}\n");
    std::fs::write(dir.path().join("one.md"), first).unwrap();
    std::fs::write(
        dir.path().join("two.md"),
        format!("# Departure\n\n{paragraph}\n"),
    )
    .unwrap();
    std::fs::write(dir.path().join("notes.txt"), &paragraph).unwrap();
    inkleaf()
        .current_dir(dir.path())
        .args([
            "build",
            "one.md",
            "two.md",
            "notes.txt",
            "-o",
            "book.inkleaf",
        ])
        .args(["--text", "plain", "--display", "4.2in"])
        .assert()
        .success();
}

#[test]
fn inputs_become_chapters_that_open_pages() {
    let dir = TempDir::new().unwrap();
    book(&dir);
    let report = json(&["inspect", "book.inkleaf", "--json"], dir.path());
    let chapters = report["chapters"].as_array().unwrap();
    let toc: Vec<(&str, u64, bool)> = chapters
        .iter()
        .map(|c| {
            let title = c["title"].as_str().unwrap();
            (
                title,
                c["level"].as_u64().unwrap(),
                c["new_page"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        toc,
        [
            ("Arrival", 1, true),
            ("The harbour", 2, false),
            ("Departure", 1, true),
            ("Notes", 1, true)
        ]
    );
    let pages = json(&["pages", "book.inkleaf", "--json"], dir.path());
    for chapter in chapters.iter().filter(|c| c["new_page"] == true) {
        // One page per baked display, 1-based: the chapter's first line opens it.
        let page = chapter["pages"][0].as_u64().unwrap() as usize;
        let first_line = &pages["pages"][page - 1]["lines"][0];
        assert_eq!(first_line["block"], chapter["block"], "{chapter}");
    }
}

#[test]
fn one_chapter_at_a_time() {
    let dir = TempDir::new().unwrap();
    book(&dir);
    let all = json(&["pages", "book.inkleaf", "--json"], dir.path());
    let second = json(
        &["pages", "book.inkleaf", "--json", "--chapter", "3"],
        dir.path(),
    );
    let numbers: Vec<u64> = second["pages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["number"].as_u64().unwrap())
        .collect();
    let report = json(&["inspect", "book.inkleaf", "--json"], dir.path());
    let starts: Vec<u64> = report["chapters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["pages"][0].as_u64().unwrap())
        .collect();
    // "Departure" runs from its first page to the page before "Notes".
    let expected: Vec<u64> = (starts[2]..starts[3]).collect();
    assert_eq!(numbers, expected);
    assert!(all["pages"].as_array().unwrap().len() > numbers.len());

    let out = dir.path().join("chapter");
    inkleaf()
        .current_dir(dir.path())
        .args(["render", "book.inkleaf", "--chapter", "3", "-o", "chapter"])
        .assert()
        .success();
    let mut files: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut expected: Vec<String> = numbers.iter().map(|n| format!("page-{n:03}.png")).collect();
    expected.push("contact-sheet.png".into());
    expected.sort();
    assert_eq!(files, expected);
}

#[test]
fn a_chapter_the_book_lacks_is_one_line_and_exit_1() {
    let dir = TempDir::new().unwrap();
    book(&dir);
    let pages = ["pages", "book.inkleaf", "--chapter", "9"];
    let render = ["render", "book.inkleaf", "--chapter", "9", "-o", "x"];
    for args in [&pages[..], &render[..]] {
        let run = inkleaf()
            .current_dir(dir.path())
            .args(args)
            .assert()
            .failure()
            .code(1);
        let stderr = String::from_utf8_lossy(&run.get_output().stderr).into_owned();
        assert_eq!(
            stderr.trim(),
            "inkleaf: book.inkleaf: no chapter 9, the book has 4"
        );
    }
}
