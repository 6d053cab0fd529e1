//! One element mapping for web pages and EPUB chapters: pandoc's EPUB 3 of Rust book chapter
//! pages (made of each page's `<main>`, see `real_books`) reads, chapter by chapter, to the
//! blocks and words the same pages give when read as web pages.

use inkleaf::text::{BlockKind, Nesting};
use inkleaf_cli::input::epub::read_epub;
use inkleaf_cli::input::html::read_web_page;
use inkleaf_cli::input::{DocBlock, Document};
use inkleaf_tests::real_books::{book, chapter_article, rust_book_dir, words, Maker, CHAPTERS};

/// What a block is and says, as far as pandoc keeps it. Styles are left out: pandoc
/// rewrites a `<figcaption>` as a plain paragraph, so a listing's caption is italic in the
/// page and not in the book. Pandoc writes its footnotes' back link `↩` with the selector
/// that asks for the text (not emoji) glyph, U+FE0E.
fn shapes(blocks: &[DocBlock]) -> Vec<(BlockKind, Nesting, String)> {
    blocks
        .iter()
        .map(|b| (b.kind, b.nesting, b.text.replace('\u{FE0E}', "")))
        .collect()
}

fn block_words(blocks: &[DocBlock]) -> Vec<String> {
    blocks.iter().flat_map(|b| words(&b.text)).collect()
}

/// The index of the chapter of `book` titled `title`.
fn chapter_titled(book: &Document, title: &str) -> usize {
    book.chapters
        .iter()
        .position(|c| c.title == title)
        .unwrap_or_else(|| panic!("no chapter {title:?} in {:#?}", book.chapters))
}

/// Checks that `actual` reads as `expected`, naming the first block that does not.
fn same_blocks(page: &str, expected: &[DocBlock], actual: &[DocBlock]) {
    let (expected, actual) = (shapes(expected), shapes(actual));
    if let Some(at) =
        (0..expected.len().max(actual.len())).find(|&i| expected.get(i) != actual.get(i))
    {
        panic!(
            "{page}: block {at} of the web page is {:?}, of the EPUB chapter {:?}",
            expected.get(at),
            actual.get(at)
        );
    }
}

#[test]
fn an_epub_chapter_reads_as_its_web_page() {
    let epub = read_epub(&std::fs::read(book(Maker::PandocEpub3)).unwrap()).unwrap();
    let pages: Vec<Document> = CHAPTERS
        .iter()
        .map(|page| {
            let main = std::fs::read_to_string(chapter_article(page)).unwrap();
            read_web_page(&main, true).unwrap()
        })
        .collect();
    // Each page starts the book's chapter titled as the page's first heading, and runs to
    // where the next page starts.
    let starts: Vec<usize> = pages
        .iter()
        .map(|page| chapter_titled(&epub, &page.blocks[0].text))
        .collect();
    for (i, page) in CHAPTERS.iter().enumerate() {
        let start = &epub.chapters[starts[i]];
        assert!(start.new_page, "{page}: {start:?}");
        let end = starts
            .get(i + 1)
            .map_or(epub.blocks.len(), |&next| epub.chapters[next].block);
        let chapter = &epub.blocks[start.block..end];
        same_blocks(page, &pages[i].blocks, chapter);

        // What `inkleaf build page.html` reads: the article in the whole mdbook page.
        let html = std::fs::read_to_string(rust_book_dir().join(page)).unwrap();
        let article = read_web_page(&html, false).unwrap();
        assert_eq!(
            block_words(&article.blocks),
            block_words(chapter),
            "{page}: the article's words are the EPUB chapter's"
        );
    }
}
