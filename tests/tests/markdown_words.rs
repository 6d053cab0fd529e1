//! Real Markdown nobody here wrote (the READMEs of the crates this workspace builds with, from
//! cargo's registry, the Rust toolchain's own, and Debian's gzipped Markdown documentation):
//! the text of every text, code and HTML event pulldown-cmark reads reaches the blocks, in
//! order and in the style its tags give it, and the blocks reach the pages.

use std::path::Path;

use inkleaf::{font::FontId, Book, Layout};
use inkleaf_cli::input::parse_markdown;
use inkleaf_tests::check::check_layout;
use inkleaf_tests::markdown::{compare, Counts};
use inkleaf_tests::real_markdown::{read_markdown, real_markdown, CRATES, DEBIAN_DOCS};

#[test]
fn every_word_of_real_markdown_reaches_the_pages_in_its_style() {
    let files = real_markdown();
    assert!(
        files.len() >= CRATES.len() + DEBIAN_DOCS.len(),
        "found only {} real Markdown files: {files:?}",
        files.len()
    );
    let mut counts = Counts::default();
    for path in &files {
        let text = read_markdown(path);
        let doc = parse_markdown(&text);
        let file = compare(&text, &doc).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        println!(
            "{}: {} words of the source, {} in the blocks, {} styled",
            path.display(),
            file.source_words,
            file.set_words,
            file.styled_words
        );
        counts += file;
        if text.len() < 40_000 {
            lay_out(path, &doc);
        }
    }
    println!(
        "{} files: {} words of the source (text, code and HTML), {} in the blocks (the rest \
         are stand-ins: table cell separators, image brackets), {} styled words found in \
         their style",
        files.len(),
        counts.source_words,
        counts.set_words,
        counts.styled_words
    );
    assert!(counts.styled_words > 1_000, "{counts:?}");
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
