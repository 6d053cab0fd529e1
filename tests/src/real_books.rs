//! Real books made by tools nobody here wrote: pandoc's EPUB 2 and EPUB 3, and calibre's
//! EPUB, of chapters of the Rust book as the toolchain's documentation ships them (mdbook
//! HTML pages, which are saved web pages too), with pandoc's plain-text rendering of the same
//! source to compare words against.
//!
//! Pandoc reads the same source for what a reader should find in the books: its plain text
//! ([`pandoc_plain`], compared as [`pandoc_words`], superscripts inline and without list
//! numbers, as the pages set them) and its headings ([`pandoc_headings`], what a web page's
//! table of contents is made of). `tests/real_books.rs` builds every book for two displays
//! and checks its words, its table of contents and its chapter pages against them.
//!
//! Books are made once per target directory (`target/real-books/`) and reused: pandoc takes
//! seconds, calibre more. `.ci/run` installs both; a missing tool fails the test loudly.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use similar::{capture_diff_slices_deadline, Algorithm, DiffOp};

/// The chapter pages the books are made of: prose, lists, tables, code, nested sections.
pub const CHAPTERS: [&str; 6] = [
    "ch03-01-variables-and-mutability.html",
    "ch03-02-data-types.html",
    "ch03-03-how-functions-work.html",
    "ch04-01-what-is-ownership.html",
    "ch08-02-strings.html",
    "ch08-03-hash-maps.html",
];

/// The title the books are given.
pub const TITLE: &str = "The Rust Programming Language, selected chapters";

/// What made a book.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Maker {
    /// `pandoc -t epub2`.
    PandocEpub2,
    /// `pandoc -t epub3`.
    PandocEpub3,
    /// calibre's `ebook-convert`, from pandoc's EPUB 3.
    Calibre,
}

impl Maker {
    /// Every maker.
    pub const ALL: [Maker; 3] = [Maker::PandocEpub2, Maker::PandocEpub3, Maker::Calibre];

    fn file_name(self) -> &'static str {
        match self {
            Maker::PandocEpub2 => "rust-book-pandoc2.epub",
            Maker::PandocEpub3 => "rust-book-pandoc3.epub",
            Maker::Calibre => "rust-book-calibre.epub",
        }
    }
}

/// Where the toolchain keeps the Rust book's HTML.
pub fn rust_book_dir() -> PathBuf {
    let sysroot = Command::new("rustc")
        .args(["--print", "sysroot"])
        .output()
        .expect("rustc runs");
    let dir =
        Path::new(String::from_utf8_lossy(&sysroot.stdout).trim()).join("share/doc/rust/html/book");
    assert!(
        dir.join(CHAPTERS[0]).is_file(),
        "{} has no Rust book: install the rust-docs component",
        dir.display()
    );
    dir
}

/// The folder books are made in, inside the target directory.
fn work_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"));
    let dir = target.join("real-books");
    std::fs::create_dir_all(&dir).expect("the target directory is writable");
    dir
}

/// The chapter's article: what mdbook puts in `<main>`, without its menus and sidebar, as
/// an HTML file of its own (what a person saving "just the chapter" would keep).
pub fn chapter_article(page: &str) -> PathBuf {
    let out = work_dir().join(page.replace(".html", ".main.html"));
    if !out.is_file() {
        let html = std::fs::read_to_string(rust_book_dir().join(page)).expect("readable page");
        let main = html
            .split_once("<main>")
            .and_then(|(_, rest)| rest.split_once("</main>"))
            .map(|(main, _)| main)
            .unwrap_or_else(|| panic!("{page} has no <main>"));
        let doc = format!(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{page}</title></head>\n<body>{main}</body></html>\n"
        );
        write_new(&out, doc.as_bytes());
    }
    out
}

/// A book of [`CHAPTERS`] as `maker` makes it, made now if it is not there yet.
pub fn book(maker: Maker) -> PathBuf {
    let out = work_dir().join(maker.file_name());
    if out.is_file() {
        return out;
    }
    let partial = out.with_extension("partial.epub");
    match maker {
        Maker::PandocEpub2 | Maker::PandocEpub3 => {
            let format = if maker == Maker::PandocEpub2 {
                "epub2"
            } else {
                "epub3"
            };
            // The chapter pages' titles are level-2 headings: each opens a chapter file.
            let mut pandoc = Command::new("pandoc");
            pandoc
                .args([
                    "-f",
                    "html",
                    "-t",
                    format,
                    "--epub-chapter-level=2",
                    "--toc-depth=3",
                ])
                .args(["--metadata", &format!("title={TITLE}")])
                .args([
                    "--metadata",
                    "lang=en-US",
                    "--metadata",
                    "creator=Steve Klabnik",
                ])
                .arg("-o")
                .arg(&partial);
            for page in CHAPTERS {
                pandoc.arg(chapter_article(page));
            }
            run(pandoc, "pandoc");
        }
        Maker::Calibre => {
            let mut convert = Command::new("ebook-convert");
            convert.arg(book(Maker::PandocEpub3)).arg(&partial);
            run(convert, "ebook-convert (Debian package calibre)");
        }
    }
    std::fs::rename(&partial, &out).expect("rename in the same folder");
    out
}

/// A whole book of the toolchain's documentation (`book`, `nomicon`, `cargo`, ... : a
/// folder under `share/doc/rust/html` with an mdbook `print.html`) as pandoc's EPUB 3, one
/// chapter file per level-1 heading, made now if it is not there yet.
pub fn whole_book(name: &str) -> PathBuf {
    let out = work_dir().join(format!("{name}-whole.epub"));
    if out.is_file() {
        return out;
    }
    let docs = rust_book_dir().join("..");
    let print = std::fs::read_to_string(docs.join(name).join("print.html"))
        .unwrap_or_else(|e| panic!("{name}/print.html: {e}"));
    let main = print
        .split_once("<main>")
        .and_then(|(_, rest)| rest.split_once("</main>"))
        .map(|(main, _)| main)
        .unwrap_or_else(|| panic!("{name}/print.html has no <main>"));
    let html = work_dir().join(format!("{name}-print.main.html"));
    write_new(
        &html,
        format!("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{name}</title></head>\n<body>{main}</body></html>\n").as_bytes(),
    );
    let partial = out.with_extension("partial.epub");
    let mut pandoc = Command::new("pandoc");
    pandoc
        .args([
            "-f",
            "html",
            "-t",
            "epub3",
            "--epub-chapter-level=1",
            "--toc-depth=2",
        ])
        .args([
            "--metadata",
            &format!("title={name}"),
            "--metadata",
            "lang=en",
        ])
        .arg("-o")
        .arg(&partial)
        .arg(&html);
    run(pandoc, "pandoc");
    std::fs::rename(&partial, &out).expect("rename in the same folder");
    out
}

/// Pandoc's plain-text rendering of `html`: the words a reader of the source sees.
pub fn pandoc_plain(html: &Path) -> String {
    let mut pandoc = Command::new("pandoc");
    pandoc
        .args(["-f", "html", "-t", "plain", "--wrap=none"])
        .arg(html);
    String::from_utf8(run(pandoc, "pandoc")).expect("pandoc writes UTF-8")
}

/// Pandoc's headings of `html` outside lists and quotes, in order: each one's level (1 for
/// `<h1>`) and its text, whitespace collapsed.
pub fn pandoc_headings(html: &Path) -> Vec<(u8, String)> {
    let mut pandoc = Command::new("pandoc");
    pandoc.args(["-f", "html", "-t", "json"]).arg(html);
    let json: serde_json::Value =
        serde_json::from_slice(&run(pandoc, "pandoc")).expect("pandoc writes JSON");
    let mut headings = Vec::new();
    headings_in(&json["blocks"], &mut headings);
    headings
}

/// Headings among `blocks` and in the divisions (`<div>`, `<section>`) among them.
fn headings_in(blocks: &serde_json::Value, out: &mut Vec<(u8, String)>) {
    for block in blocks.as_array().into_iter().flatten() {
        match block["t"].as_str() {
            Some("Header") => {
                let level = block["c"][0].as_u64().expect("a heading's level") as u8;
                let mut text = String::new();
                inline_text(&block["c"][2], &mut text);
                out.push((level, text.split_whitespace().collect::<Vec<_>>().join(" ")));
            }
            Some("Div") => headings_in(&block["c"][1], out),
            _ => {}
        }
    }
}

/// The text of pandoc inlines: strings, code and spaces; attributes and link targets are
/// plain JSON strings, not inlines, and are passed over.
fn inline_text(value: &serde_json::Value, out: &mut String) {
    match value {
        serde_json::Value::Array(items) => items.iter().for_each(|v| inline_text(v, out)),
        serde_json::Value::Object(node) => match node.get("t").and_then(|t| t.as_str()) {
            Some("Str") => out.push_str(node["c"].as_str().unwrap_or_default()),
            Some("Code" | "Math") => out.push_str(node["c"][1].as_str().unwrap_or_default()),
            Some("Space" | "SoftBreak" | "LineBreak") => out.push(' '),
            Some("RawInline" | "Note") => {}
            _ => node.get("c").into_iter().for_each(|c| inline_text(c, out)),
        },
        _ => {}
    }
}

/// The words of `text` for comparing renderings of one source: runs of letters and digits,
/// lowercased, so punctuation, table rules and list markers that tools set differently do
/// not count.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The [`words`] of pandoc's plain text as a reader of the page sees them set: a
/// superscript inline as the page has it (pandoc writes `2^(n)` and `2⁷` for `2<sup>n</sup>`
/// and `2<sup>7</sup>`, the page `2n` and `27`), without ordered lists' numbers (a list
/// item's marker is drawn, not text).
pub fn pandoc_words(plain: &str) -> Vec<String> {
    const SUPERSCRIPTS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    let mut inline = String::with_capacity(plain.len());
    let mut chars = plain.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '^' => {
                // `^(...)` around a superscript of several characters: drop the brackets.
                if chars.next_if_eq(&'(').is_some() {
                    let inner: String = chars.by_ref().take_while(|&c| c != ')').collect();
                    inline.push_str(&inner);
                }
            }
            _ => match SUPERSCRIPTS.iter().position(|&s| s == c) {
                Some(digit) => inline.push(char::from(b'0' + digit as u8)),
                None => inline.push(c),
            },
        }
    }
    inline
        .lines()
        .flat_map(|line| {
            let rest = line.trim_start();
            let after_number = rest.trim_start_matches(|c: char| c.is_ascii_digit());
            let item = after_number.len() < rest.len();
            words(match after_number.strip_prefix(". ") {
                Some(text) if item => text,
                _ => line,
            })
        })
        .collect()
}

/// The words of `expected` that `actual` lacks when read in order: those a shortest edit
/// from `expected` to `actual` deletes or replaces (Myers' diff). Empty when every word
/// arrived, in order, whatever `actual` adds between them; a lost paragraph is that
/// paragraph's words, however common they are elsewhere.
pub fn missing_in_order(expected: &[String], actual: &[String]) -> Vec<String> {
    // A diff of two texts that differ everywhere takes minutes: past the deadline the edit
    // is still a valid one, only not the shortest, and the test fails either way.
    let deadline = Instant::now() + Duration::from_secs(20);
    capture_diff_slices_deadline(Algorithm::Myers, expected, actual, Some(deadline))
        .into_iter()
        .filter_map(|op| match op {
            DiffOp::Delete {
                old_index, old_len, ..
            }
            | DiffOp::Replace {
                old_index, old_len, ..
            } => Some(&expected[old_index..old_index + old_len]),
            DiffOp::Equal { .. } | DiffOp::Insert { .. } => None,
        })
        .flatten()
        .cloned()
        .collect()
}

fn run(mut command: Command, tool: &str) -> Vec<u8> {
    let output = command.output().unwrap_or_else(|e| {
        panic!("{tool} does not run ({e}): install it (.ci/run lists the packages)")
    });
    assert!(
        output.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

fn write_new(path: &Path, bytes: &[u8]) {
    let partial = path.with_extension("partial");
    std::fs::write(&partial, bytes).expect("the target directory is writable");
    std::fs::rename(&partial, path).expect("rename in the same folder");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn owned(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn words_ignore_punctuation_and_case() {
        assert_eq!(
            words("Hello, *world* | 42-bit"),
            ["hello", "world", "42", "bit"]
        );
    }

    #[test]
    fn pandoc_superscripts_and_list_numbers_read_as_the_page_sets_them() {
        let plain = "2^(n − 1) and 2⁷ − 1\n\n1.  Given a list\n10. Ten\n1.5 stays";
        assert_eq!(
            pandoc_words(plain),
            ["2n", "1", "and", "27", "1", "given", "a", "list", "ten", "1", "5", "stays"]
        );
    }

    #[test]
    fn missing_words_are_found_in_order() {
        let expected = owned(&["a", "b", "c"]);
        assert!(missing_in_order(&expected, &owned(&["a", "x", "b", "c"])).is_empty());
        assert_eq!(missing_in_order(&expected, &owned(&["a", "c"])), ["b"]);
        assert_eq!(
            missing_in_order(&expected, &owned(&["c", "b", "a"])).len(),
            2
        );
    }

    #[test]
    fn one_lost_paragraph_is_all_that_is_missing() {
        let text = |n: usize| -> Vec<String> {
            (0..n)
                .flat_map(|i| words(&format!("paragraph {i} says the value of x is the same")))
                .collect()
        };
        let expected = text(100);
        let lost: Vec<String> = expected[..500]
            .iter()
            .chain(&expected[509..])
            .cloned()
            .collect();
        assert_eq!(missing_in_order(&expected, &lost), &expected[500..509]);
    }
}
