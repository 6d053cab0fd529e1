//! Real Markdown nobody here wrote (tests/src/real_markdown.rs), built as `inkleaf build`
//! builds it for the default display (DejaVu Sans 14 px, every face the text uses, coded
//! text): the text of every text and code event pulldown-cmark reads reaches the lines of
//! the layout, page by page, once and in order, each word in its style (the block's runs at
//! the line's offsets) and set in a face the blob packs with a glyph for every character;
//! and no word of code may break with a hyphen.

use std::collections::{BTreeMap, BTreeSet};

use inkleaf::font::{Face, Font};
use inkleaf::text::Style;
use inkleaf::Book;
use inkleaf_cli::build::Warning;
use inkleaf_cli::displays::DEFAULT_DISPLAY;
use inkleaf_cli::input::parse_markdown;
use inkleaf_tests::check::check_pagination;
use inkleaf_tests::markdown::{compare_set, set_text, Counts};
use inkleaf_tests::real_markdown::{read_markdown, real_markdown, CRATES, DEBIAN_DOCS};
use inkleaf_tests::rich::{build_default, byte_styles, laid_out};

#[test]
fn every_word_of_real_markdown_reaches_the_laid_out_lines_in_its_style_and_face() {
    let files = real_markdown();
    assert!(
        files.len() >= CRATES.len() + DEBIAN_DOCS.len(),
        "found only {} real Markdown files: {files:?}",
        files.len()
    );
    let mut total = Counts::default();
    let mut faces_used: BTreeMap<Face, usize> = BTreeMap::new();
    let mut pages = 0;
    println!("| file | words in source | words laid out | styled | pages |");
    println!("|---|---:|---:|---:|---:|");
    for path in &files {
        let name = path.display();
        let markdown = read_markdown(path);
        let doc = parse_markdown(&markdown);
        let built = build_default(&doc, DEFAULT_DISPLAY).unwrap_or_else(|e| panic!("{name}: {e}"));
        let book = Book::from_bytes(&built.blob).unwrap_or_else(|e| panic!("{name}: {e}"));
        let layout = book.layout().unwrap_or_else(|e| panic!("{name}: {e}"));
        let laid = laid_out(&layout);
        let counts = compare_set(&markdown, &laid.text, &laid.styles())
            .unwrap_or_else(|e| panic!("{name}: the layout: {e}"));
        // Nothing past the last piece, and nothing twice: the lines hold the blocks' text
        // exactly, in the blocks' styles.
        let (blocks, styles) = set_text(&doc);
        if laid.text != blocks {
            let at = first_difference(&laid.text, &blocks);
            panic!(
                "{name}: the lines' text is not the blocks' from byte {at}: {:?} against {:?}",
                around(&laid.text, at),
                around(&blocks, at)
            );
        }
        assert!(
            laid.styles() == styles,
            "{name}: styles differ from the blocks'"
        );
        // Every character is set in a face the blob packs, and that face has its glyph
        // unless the build said no font has it.
        let missing: BTreeSet<char> = built
            .warnings
            .iter()
            .flat_map(|w| match w {
                Warning::MissingGlyphs { chars, .. } => chars.clone(),
                _ => Vec::new(),
            })
            .collect();
        let family = book
            .family()
            .unwrap()
            .expect("the default build packs a family");
        for (c, set) in laid.text.chars().zip(char_starts(&laid.chars, &laid.text)) {
            if c == ' ' {
                continue;
            }
            *faces_used.entry(set.face).or_default() += 1;
            let font = family
                .packed(set.face)
                .unwrap_or_else(|| panic!("{name}: {c:?} is set {:?}, not packed", set.face));
            assert!(
                font.glyph(c).is_some() || missing.contains(&c),
                "{name}: {:?} lacks {c:?} (U+{:04X}) and the build did not say so",
                set.face,
                u32::from(c)
            );
        }
        // Code is never hyphenated: a hyphen would read as part of it.
        for (i, block) in book.blocks().enumerate() {
            let styles = byte_styles(&block);
            let code = |at: usize| block.kind.is_preformatted() || styles[at].has(Style::MONO);
            for point in block.hyphens {
                let point = point as usize;
                assert!(
                    !code(point - 1) && !code(point),
                    "{name}: block {i} may break {:?} at {point}, inside code",
                    block.text.to_string()
                );
            }
        }
        check_pagination(&layout);
        println!(
            "| {name} | {} | {} | {} | {} |",
            counts.source_words, counts.set_words, counts.styled_words, laid.pages
        );
        pages += laid.pages;
        total += counts;
    }
    println!(
        "{} files, {pages} pages on {DEFAULT_DISPLAY}: {} words of the source, {} laid out, {} \
         styled words in their style; characters by face: {faces_used:?}",
        files.len(),
        total.source_words,
        total.set_words,
        total.styled_words
    );
    assert!(total.styled_words > 1_000, "{total:?}");
    for face in Face::ALL {
        assert!(
            faces_used.get(&face).is_some_and(|&n| n > 0),
            "no real Markdown set anything in {face:?}: {faces_used:?}"
        );
    }
}

/// What sets each character of `text`, whose bytes `chars` describe.
fn char_starts<'a, T: Copy>(chars: &'a [T], text: &'a str) -> impl Iterator<Item = T> + 'a {
    text.char_indices().map(|(i, _)| chars[i])
}

/// Where `a` and `b` first differ, a char boundary of both.
fn first_difference(a: &str, b: &str) -> usize {
    a.char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, _), _)| i)
}

/// A few characters of `text` either side of byte `at`.
fn around(text: &str, at: usize) -> String {
    let start = text[..at]
        .char_indices()
        .rev()
        .nth(40)
        .map_or(0, |(i, _)| i);
    text[start..].chars().take(80).collect()
}
