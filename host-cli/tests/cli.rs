//! The `inkleaf` binary: the commands people run, and how it fails on bad input.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use tempfile::TempDir;

fn inkleaf() -> Command {
    Command::cargo_bin("inkleaf").expect("the inkleaf binary is built with the tests")
}

/// What `inkleaf COMMAND FILE --json` prints, parsed; the command must succeed.
fn json_of(command: &str, file: &Path) -> serde_json::Value {
    let run = inkleaf()
        .arg(command)
        .arg(file)
        .arg("--json")
        .assert()
        .success();
    serde_json::from_slice(&run.get_output().stdout).unwrap()
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

/// Runs a failing command and checks the one-line message and that `out` was not written.
fn fails(dir: &TempDir, args: &[&str], names: &str, reason: &str) {
    let before = files_in(dir.path());
    let assert = inkleaf()
        .current_dir(dir.path())
        .args(args)
        .assert()
        .failure()
        .code(1);
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert_eq!(
        stderr.lines().count(),
        1,
        "one line of error, got {stderr:?}"
    );
    assert!(stderr.contains(names), "{stderr:?} should name {names:?}");
    assert!(stderr.contains(reason), "{stderr:?} should say {reason:?}");
    assert_eq!(
        files_in(dir.path()),
        before,
        "a failed run must not leave files behind"
    );
}

#[test]
fn demo_writes_the_blob_every_page_and_a_contact_sheet() {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("out");
    inkleaf()
        .args(["demo", "-o"])
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains("contact-sheet.png"));
    let pages = files_in(&out)
        .iter()
        .filter(|p| p.to_string_lossy().contains("page-"))
        .count();
    assert!(
        pages >= 10,
        "the article takes more than ten pages at 296x128, got {pages}"
    );
    assert!(out.join("article.inkleaf").is_file());
    assert!(out.join("contact-sheet.png").is_file());
    let png = std::fs::read(out.join("page-001.png")).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
}

#[test]
fn build_inspect_pages_and_render_agree_on_the_page_count() {
    let dir = TempDir::new().unwrap();
    let blob = dir.path().join("a.inkleaf");
    inkleaf()
        .args(["build", "--display", "4.2in", "-o"])
        .arg(&blob)
        .assert()
        .success()
        .stdout(predicate::str::contains("pages on 4.2in"));

    let json = json_of("inspect", &blob);
    assert_eq!(json["format_version"], 7);
    // Every line's break is baked, and shown as its own part.
    assert!(json["parts"]["line_breaks"].as_u64().unwrap() > 0);
    assert!(json["page_indexes"][0]["line_breaks"].as_u64().unwrap() > 0);
    assert_eq!(
        json["bytes"].as_u64(),
        Some(std::fs::metadata(&blob).unwrap().len())
    );
    assert_eq!(json["blocks"], 16);
    assert_eq!(json["integrity"], "ok");
    assert_eq!(json["text_storage"], "coded");
    assert_eq!(json["text_model"], "builtin-english");
    assert_eq!(json["parts"]["model"], 3, "the model is named, not stored");
    let pages = json["pages"].as_u64().unwrap();

    let layout = json_of("pages", &blob);
    let page_list = layout["pages"].as_array().unwrap();
    assert_eq!(page_list.len() as u64, pages);
    for line in page_list
        .iter()
        .flat_map(|p| p["lines"].as_array().unwrap())
    {
        assert!(
            line["width"].as_u64() <= line["available"].as_u64(),
            "{line}"
        );
    }

    let images = dir.path().join("img");
    inkleaf()
        .arg("render")
        .arg(&blob)
        .arg("-o")
        .arg(&images)
        .assert()
        .success();
    assert_eq!(
        files_in(&images).len() as u64,
        pages + 1,
        "every page plus the contact sheet"
    );
}

#[test]
fn build_reads_markdown_headings() {
    let dir = TempDir::new().unwrap();
    std::fs::write(
        dir.path().join("note.md"),
        "# Field notes\n\nFirst *day*.\n\n## Later\n\nMore.\n",
    )
    .unwrap();
    inkleaf()
        .current_dir(dir.path())
        .args(["build", "note.md", "-o", "note.inkleaf"])
        .assert()
        .success();
    let inspect = inkleaf()
        .current_dir(dir.path())
        .args(["inspect", "note.inkleaf", "--json"])
        .assert()
        .success();
    let json: serde_json::Value = serde_json::from_slice(&inspect.get_output().stdout).unwrap();
    assert_eq!(json["title"], "Field notes");
    assert_eq!(json["headings"], 2);
    assert_eq!(json["paragraphs"], 2);
}

#[test]
fn pages_marks_split_words_with_a_hyphen() {
    let dir = TempDir::new().unwrap();
    let word = "x".repeat(60);
    std::fs::write(dir.path().join("long.txt"), format!("{word}\n")).unwrap();
    inkleaf()
        .current_dir(dir.path())
        .args([
            "build",
            "long.txt",
            "--display",
            "oled-128x64",
            "-o",
            "long.inkleaf",
        ])
        .assert()
        .success();
    let out = inkleaf()
        .current_dir(dir.path())
        .args(["pages", "long.inkleaf"])
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let lines: Vec<_> = text.lines().filter(|l| !l.starts_with("---")).collect();
    assert!(lines[0].ends_with('-'), "{text}");
    let rejoined: String = lines.iter().map(|l| l.trim_end_matches('-')).collect();
    assert_eq!(rejoined, word);
}

#[test]
fn displays_lists_the_presets() {
    inkleaf()
        .arg("displays")
        .assert()
        .success()
        .stdout(predicate::str::contains("128x64"))
        .stdout(predicate::str::contains("250x122"))
        .stdout(predicate::str::contains("296x128"))
        .stdout(predicate::str::contains("400x300"))
        .stdout(predicate::str::contains("800x480"));
}

/// The rows of `inkleaf displays` under its heading, split into columns where two or more
/// spaces separate them: name, size, typeface, margin, align, footer, panel.
fn display_rows() -> Vec<Vec<String>> {
    let listed = inkleaf().arg("displays").assert().success();
    let text = String::from_utf8(listed.get_output().stdout.clone()).unwrap();
    let mut lines = text.lines();
    let heading = lines.next().unwrap();
    assert!(heading.starts_with("name"), "{text}");
    lines
        .take_while(|line| !line.starts_with("Any "))
        .map(|line| {
            line.split("  ")
                .map(str::trim)
                .filter(|column| !column.is_empty())
                .map(str::to_owned)
                .collect()
        })
        .collect()
}

#[test]
fn displays_says_what_build_does_for_every_preset() {
    let dir = TempDir::new().unwrap();
    let rows = display_rows();
    assert_eq!(rows.len(), inkleaf_cli::displays::PRESETS.len());
    for row in &rows {
        let [name, size, typeface, margin, align, footer, _panel] = &row[..] else {
            panic!("seven columns expected in {row:?}");
        };
        let blob = dir.path().join(format!("{name}.inkleaf"));
        inkleaf()
            .args(["build", "--display", name, "-o"])
            .arg(&blob)
            .assert()
            .success();
        let json = json_of("inspect", &blob);
        let built_for = &json["built_for"];
        let (width, height) = (built_for["width"].as_u64(), built_for["height"].as_u64());
        assert_eq!(format!("{}x{}", width.unwrap(), height.unwrap()), *size);
        let font = built_for["font"].as_str().unwrap();
        match typeface.strip_prefix("built-in ") {
            Some(builtin) => assert_eq!(font, builtin, "{name}"),
            None => {
                let px = typeface.rsplit(' ').nth(1).unwrap();
                assert!(typeface.starts_with("DejaVu Sans "), "{name}: {typeface}");
                assert!(
                    font.starts_with(&format!("packed, {px} px, 1 bit")),
                    "{name}: {font}"
                );
            }
        }
        let layout = json_of("pages", &blob);
        let margin: u64 = margin.strip_suffix(" px").unwrap().parse().unwrap();
        assert_eq!(
            layout["text_width"].as_u64(),
            Some(width.unwrap() - 2 * margin),
            "{name}: text between {margin} px margins"
        );
        // Justified, some lines of the article are set wider than their words and gaps.
        let stretched = layout["pages"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|page| page["lines"].as_array().unwrap())
            .any(|line| line["width"] != line["natural_width"]);
        assert_eq!(stretched, *align == "justify", "{name}: {align}");
        let preset = inkleaf_cli::displays::find(name).unwrap();
        assert_eq!(*footer == "yes", preset.profile.footer, "{name}");
    }
}

#[test]
fn missing_input_file() {
    let dir = TempDir::new().unwrap();
    fails(
        &dir,
        &["build", "nope.txt", "-o", "x.inkleaf"],
        "nope.txt",
        "No such file",
    );
}

#[test]
fn directory_as_input() {
    let dir = TempDir::new().unwrap();
    std::fs::create_dir(dir.path().join("folder")).unwrap();
    fails(
        &dir,
        &["build", "folder", "-o", "x.inkleaf"],
        "folder",
        "directory",
    );
    fails(&dir, &["inspect", "folder"], "folder", "directory");
}

#[test]
fn input_that_is_not_utf8() {
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("latin1.txt"), b"caf\xe9\n").unwrap();
    fails(
        &dir,
        &["build", "latin1.txt", "-o", "x.inkleaf"],
        "latin1.txt",
        "not UTF-8",
    );
}

#[test]
fn empty_input() {
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("empty.txt"), "  \n\n").unwrap();
    fails(
        &dir,
        &["build", "empty.txt", "-o", "x.inkleaf"],
        "empty.txt",
        "no text",
    );
}

#[test]
fn unknown_display() {
    let dir = TempDir::new().unwrap();
    fails(
        &dir,
        &["build", "--display", "kindle", "-o", "x.inkleaf"],
        "kindle",
        "unknown display",
    );
}

#[test]
fn unwritable_output() {
    let dir = TempDir::new().unwrap();
    fails(
        &dir,
        &["build", "-o", "missing/dir/x.inkleaf"],
        "missing/dir/x.inkleaf",
        "cannot write",
    );
}

#[test]
fn corrupt_blob() {
    let dir = TempDir::new().unwrap();
    inkleaf()
        .current_dir(dir.path())
        .args(["build", "-o", "a.inkleaf"])
        .assert()
        .success();
    let mut bytes = std::fs::read(dir.path().join("a.inkleaf")).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 0x20;
    std::fs::write(dir.path().join("a.inkleaf"), &bytes).unwrap();
    fails(
        &dir,
        &["inspect", "a.inkleaf"],
        "a.inkleaf",
        "checksum mismatch",
    );
    fails(
        &dir,
        &["render", "a.inkleaf", "-o", "."],
        "a.inkleaf",
        "checksum mismatch",
    );
}

#[test]
fn a_failed_build_keeps_the_previous_output() {
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("x.inkleaf"), b"previous").unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    fails(
        &dir,
        &["build", "empty.txt", "-o", "x.inkleaf"],
        "empty.txt",
        "no text",
    );
    assert_eq!(
        std::fs::read(dir.path().join("x.inkleaf")).unwrap(),
        b"previous"
    );
}

#[test]
fn text_trained_stores_a_model_and_inspect_says_which() {
    let dir = TempDir::new().unwrap();
    let blob = dir.path().join("t.inkleaf");
    inkleaf()
        .args(["build", "--text", "trained", "--font", "builtin:6x10", "-o"])
        .arg(&blob)
        .assert()
        .success();
    let inspect = inkleaf().arg("inspect").arg(&blob).assert().success();
    let text = String::from_utf8(inspect.get_output().stdout.clone()).unwrap();
    assert!(
        text.contains("text:     coded, with a trained model"),
        "{text}"
    );
    let json = json_of("inspect", &blob);
    assert_eq!(json["text_model"], "trained");
    assert!(json["parts"]["model"].as_u64().unwrap() > 400);
}

#[test]
fn indent_sets_first_lines_in_by_an_em_with_no_blank_between_paragraphs() {
    let dir = TempDir::new().unwrap();
    let (plain, indented) = (dir.path().join("p.inkleaf"), dir.path().join("i.inkleaf"));
    inkleaf()
        .args(["build", "-o"])
        .arg(&plain)
        .assert()
        .success();
    inkleaf()
        .args(["build", "--indent", "-o"])
        .arg(&indented)
        .assert()
        .success();
    let firsts = |file: &Path| -> Vec<(u64, u64)> {
        let json = json_of("pages", file);
        let mut out = Vec::new();
        for page in json["pages"].as_array().unwrap() {
            for line in page["lines"].as_array().unwrap() {
                let block = line["block"].as_u64().unwrap();
                if out.last().is_none_or(|&(b, _)| b != block) {
                    out.push((block, line["left"].as_u64().unwrap()));
                }
            }
        }
        out
    };
    let (flush, set_in) = (firsts(&plain), firsts(&indented));
    assert!(flush.iter().all(|&(_, left)| left == 0));
    // The article's first paragraph follows nothing; every later one follows a paragraph
    // and starts one em (14 px of DejaVu Sans) in.
    assert_eq!(set_in[0], (0, 0));
    assert!(
        set_in[1..].iter().all(|&(_, left)| left == 14),
        "{set_in:?}"
    );
    let pages = |file: &Path| json_of("pages", file)["pages"].as_array().unwrap().len();
    assert!(
        pages(&indented) <= pages(&plain),
        "no blank lines between paragraphs"
    );
}

#[test]
fn input_that_sets_no_line() {
    let dir = TempDir::new().unwrap();
    // An empty code block and an empty heading: blocks, but not a line of text.
    std::fs::write(dir.path().join("blank.md"), "```\n```\n\n#\n").unwrap();
    fails(
        &dir,
        &["build", "blank.md", "-o", "x.inkleaf"],
        "blank.md",
        "nothing to show",
    );
}
