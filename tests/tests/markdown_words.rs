//! Real Markdown nobody here wrote (the READMEs of the crates this workspace builds with, from
//! cargo's registry, and the Rust toolchain's own): the text of every text, code and HTML
//! event pulldown-cmark reads reaches the blocks, in order, and the blocks reach the pages.

use std::path::{Path, PathBuf};

use inkleaf::{font::FontId, Book, Layout};
use inkleaf_cli::input::{parse_markdown, MARKDOWN_DIALECT};
use inkleaf_tests::check::check_layout;
use pulldown_cmark::{Event, Parser, Tag};

/// Crates whose READMEs cargo has unpacked whenever this workspace is built.
const CRATES: [&str; 12] = [
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

#[test]
fn every_word_of_real_markdown_reaches_the_pages() {
    let files = real_markdown();
    assert!(
        files.len() >= CRATES.len(),
        "found only {} real Markdown files: {files:?}",
        files.len()
    );
    let (mut source_words, mut set_words) = (0, 0);
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let doc = parse_markdown(&text);
        let blocks = normalized(
            &doc.blocks
                .iter()
                .map(|b| b.text.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        );
        let mut at = 0;
        for piece in event_texts(&text) {
            let found = blocks[at..].find(&piece).map(|i| at + i);
            // Stand-ins ("• ", "3. ", " | ", "[image: ") are the only text between pieces.
            let Some(start) = found.filter(|&i| is_stand_in(&blocks[at..i])) else {
                let context = &blocks[at..blocks.len().min(at + 120)];
                panic!("{}: {piece:?} is not next, at {context:?}", path.display());
            };
            at = start + piece.len();
            source_words += piece.split(' ').count();
        }
        set_words += blocks.split(' ').count();
        if text.len() < 40_000 {
            lay_out(path, &doc);
        }
    }
    println!(
        "{} files: {source_words} words in text and code events, {set_words} in the blocks",
        files.len()
    );
}

/// Whether `skipped` is nothing but the stand-ins the reader writes for list markers, table
/// cells, images, rules, task boxes and footnotes.
fn is_stand_in(skipped: &str) -> bool {
    skipped
        .replace("[image:", "")
        .replace("[image]", "")
        .chars()
        .all(|c| "[]\u{2022}|*x. ".contains(c) || c.is_ascii_digit())
}

/// Packs `doc` and checks every page of it: each word once, in order.
fn lay_out(path: &Path, doc: &inkleaf_cli::input::Document) {
    let profile = inkleaf::Profile::new(296, 128);
    let built = inkleaf_cli::build::build(doc, profile, FontId::Mono6x10)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let book = Book::from_bytes(&built.blob).unwrap();
    let layout = Layout::new(&book, profile, FontId::Mono6x10.font()).unwrap();
    check_layout(&layout);
}

/// The text of every text and code event, and the words of raw HTML (tags, comments and
/// scripts left out), whitespace collapsed, in reading order.
fn event_texts(markdown: &str) -> Vec<String> {
    let mut pieces = Vec::new();
    // Raw HTML comes a line at a time; a tag or comment may span lines.
    let mut html = String::new();
    for event in Parser::new_ext(markdown, MARKDOWN_DIALECT) {
        if let Event::Html(part) | Event::InlineHtml(part) = &event {
            html.push_str(part);
            continue;
        }
        pieces.extend(html_words(&std::mem::take(&mut html)));
        match event {
            Event::Text(text) | Event::Code(text) => pieces.push(normalized(&text)),
            Event::FootnoteReference(label) | Event::Start(Tag::FootnoteDefinition(label)) => {
                pieces.push(format!("[{label}]"))
            }
            _ => {}
        }
    }
    pieces.extend(html_words(&html));
    pieces.retain(|piece| !piece.is_empty());
    pieces
}

/// The words of raw HTML: what is left with comments, scripts, styles and tags taken out.
fn html_words(html: &str) -> Vec<String> {
    let mut text = html.to_owned();
    for (open, close) in [
        ("<!--", "-->"),
        ("<script", "</script>"),
        ("<style", "</style>"),
    ] {
        while let Some(start) = text.find(open) {
            let end = text[start..]
                .find(close)
                .map_or(text.len(), |i| start + i + close.len());
            text.replace_range(start..end, " ");
        }
    }
    while let Some(start) = text.find('<') {
        let end = text[start..]
            .find('>')
            .map_or(text.len(), |i| start + i + 1);
        text.replace_range(start..end, " ");
    }
    let text = text
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&nbsp;", "\u{a0}");
    text.split_whitespace().map(str::to_owned).collect()
}

fn normalized(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The README.md of each crate in [`CRATES`] and the Markdown the Rust toolchain ships.
fn real_markdown() -> Vec<PathBuf> {
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
