//! Real books end to end: pandoc's EPUB 2 and EPUB 3 and calibre's EPUB of six Rust book
//! chapters, and the same chapters' mdbook pages read as saved web pages (their article),
//! each built as `inkleaf build` builds it for the 2.9" and the 4.2" panel and laid out.
//!
//! - Every word of pandoc's plain text of the chapters reaches the pages, in order (words the
//!   book adds, such as a title page or an image's `[image: ...]` stand-in, may come between).
//! - The blob's table of contents is the source's: the EPUB's own navigation document or
//!   NCX, read here apart from inkleaf's reader; the pages' headings for the web pages.
//! - Each chapter starts at the heading its entry names, on the page `Layout::chapter_page`
//!   says, through the baked page index and laid out afresh alike; a chapter that opens a
//!   page (the first entry in its file, each web page) is that page's first line.
//! - Every page keeps the pagination invariants and its ink in the text area and footer.

use std::path::PathBuf;
use std::sync::OnceLock;

use inkleaf::font::Family;
use inkleaf::layout::Line;
use inkleaf::text::BlockKind;
use inkleaf::{Book, Layout};
use inkleaf_cli::build::TextStorage;
use inkleaf_cli::input::{chapters_from_headings, join_as_chapters, read_file, Document};
use inkleaf_tests::blobs::with_stale_page_index;
use inkleaf_tests::check::{check_pagination, laid_out_words};
use inkleaf_tests::epub_toc::epub_toc;
use inkleaf_tests::ink::{overhang, stray_ink};
use inkleaf_tests::real_books::{
    book, chapter_article, missing_in_order, pandoc_headings, pandoc_plain, pandoc_words,
    rust_book_dir, words, Maker, CHAPTERS,
};
use inkleaf_tests::rich::settings;

/// The panels every book is built for, as `inkleaf build --display` names them.
const DISPLAYS: [&str; 2] = ["2.9in", "4.2in"];

/// The most words a book may add to pandoc's: the title page's title, the title heading pandoc
/// gives its EPUBs, and the stand-in of each of the five images.
const MOST_ADDED: usize = 40;

/// What the books are checked against, made once for all the tests: the books (calibre's
/// is made from pandoc's EPUB 3, and two tests making one file at once would race),
/// pandoc's words of every chapter in book order, and each chapter page's headings.
struct Source {
    words: Vec<String>,
    headings: Vec<Vec<(u8, String)>>,
}

fn source() -> &'static Source {
    static SOURCE: OnceLock<Source> = OnceLock::new();
    SOURCE.get_or_init(|| {
        for maker in Maker::ALL {
            book(maker);
        }
        let articles: Vec<PathBuf> = CHAPTERS.iter().map(|page| chapter_article(page)).collect();
        Source {
            words: articles
                .iter()
                .flat_map(|article| pandoc_words(&pandoc_plain(article)))
                .collect(),
            headings: articles.iter().map(|a| pandoc_headings(a)).collect(),
        }
    })
}

/// One entry of a table of contents as the test expects it.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Entry {
    title: String,
    level: u8,
    new_page: bool,
}

/// The book `maker` made, read as `inkleaf build book.epub` reads it, and its own table of
/// contents: a chapter opens a page when it is the first entry linking into its file.
fn epub(maker: Maker) -> (Document, Vec<Entry>) {
    source();
    let path = book(maker);
    let mut doc = read_file(&path).unwrap_or_else(|e| panic!("{maker:?}: {e}"));
    chapters_from_headings(&mut doc);
    let toc = epub_toc(&path);
    let mut files = Vec::new();
    let entries = toc
        .shown()
        .iter()
        .map(|entry| {
            let file = entry.href.split('#').next().unwrap_or_default();
            let first = !files.contains(&file);
            files.push(file);
            Entry {
                title: entry.title.clone(),
                level: entry.level,
                new_page: first,
            }
        })
        .collect();
    println!(
        "{maker:?}: EPUB {}, reader says {:?}",
        toc.version, doc.unset
    );
    (doc, entries)
}

/// The chapter pages as `inkleaf build page1.html page2.html ...` reads them, and the table
/// of contents their headings make: each page a chapter titled by its first heading that
/// opens a page, its other headings sections ranked by level from level 2.
fn web_pages() -> (Document, Vec<Entry>) {
    let dir = rust_book_dir();
    let docs = CHAPTERS
        .iter()
        .map(|page| read_file(&dir.join(page)).unwrap_or_else(|e| panic!("{page}: {e}")))
        .collect();
    let mut entries = Vec::new();
    for headings in &source().headings {
        let (title, sections) = headings.split_first().expect("a page with a heading");
        entries.push(Entry {
            title: title.1.clone(),
            level: 1,
            new_page: true,
        });
        let mut levels: Vec<u8> = sections.iter().map(|(level, _)| *level).collect();
        levels.sort_unstable();
        levels.dedup();
        for (level, title) in sections {
            let rank = levels.iter().position(|l| l == level).unwrap_or(0) as u8;
            entries.push(Entry {
                title: title.clone(),
                level: rank + 2,
                new_page: false,
            });
        }
    }
    (join_as_chapters(docs), entries)
}

/// Whether every page of a book is drawn to see where it inks.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Ink {
    Drawn,
    /// For pandoc's two EPUBs: their chapter files are the same XHTML as the calibre book's
    /// before calibre rewrote it, and drawing every page of four books would take most of
    /// the test's time in a debug build.
    NotDrawn,
}

/// Builds `doc` for each display and checks it end to end against pandoc's words and `toc`.
fn check_book(name: &str, doc: &Document, toc: &[Entry], ink: Ink) {
    for display in DISPLAYS {
        // Stored as plain text: how text is stored never moves it on the page, and training
        // a text model unoptimized would take most of the test's time.
        let built = settings(display, 1, TextStorage::Plain)
            .build(doc)
            .unwrap_or_else(|e| panic!("{name} on {display}: {e}"));
        let book = Book::from_bytes(&built.blob).unwrap();
        let layout = book.layout().unwrap();
        assert!(layout.page_index().is_some(), "{name}: laid out as baked");
        let checked = check_pagination(&layout);
        let lines: Vec<Line> = checked
            .pages
            .iter()
            .flat_map(|(_, lines)| lines.iter().copied())
            .collect();
        let laid_out = words(&laid_out_words(&layout, &lines).join(" "));
        let missing = missing_in_order(&source().words, &laid_out);
        assert!(
            missing.is_empty(),
            "{name} on {display}: {} of pandoc's {} words missing: {:?}",
            missing.len(),
            source().words.len(),
            &missing[..missing.len().min(40)]
        );
        // Once: what the pages add is the book's title (a title page, a heading) and a word
        // for each image, not a paragraph or a chapter twice.
        let added = laid_out.len() - source().words.len();
        assert!(
            added <= MOST_ADDED,
            "{name} on {display}: {added} words more than pandoc's"
        );
        check_toc(name, &book, toc);
        check_chapter_pages(name, &built.blob, &layout, &checked.pages);
        if ink == Ink::Drawn {
            check_ink(name, &layout);
        }
        println!(
            "{name} on {display}: {} chapters, {} pages, pandoc's {} words, {} laid out",
            book.chapter_count(),
            layout.page_count(),
            source().words.len(),
            laid_out.len()
        );
    }
}

/// The blob's chapters are `toc`'s entries, in order, with their levels and page breaks,
/// and each starts at the heading that bears its title.
fn check_toc(name: &str, book: &Book<'_>, toc: &[Entry]) {
    let chapters: Vec<Entry> = book
        .chapters()
        .map(|c| Entry {
            title: c.title.to_owned(),
            level: c.level,
            new_page: c.new_page,
        })
        .collect();
    assert_eq!(chapters, toc, "{name}: the table of contents");
    for chapter in book.chapters() {
        let block = book.block(chapter.start.block).unwrap();
        let text = block.text.to_string();
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            matches!(block.kind, BlockKind::Heading(_)) && chapter.start.offset == 0,
            "{name}: chapter {:?} starts at {:?} {text:?}, not a heading",
            chapter.title,
            block.kind
        );
        assert_eq!(
            text, chapter.title,
            "{name}: the heading chapter {} names",
            chapter.index
        );
    }
}

/// Each chapter's first line is on the page [`Layout::chapter_page`] gives through the
/// baked index; a chapter that opens a page is its first line. Laid out afresh, the book
/// has the same pages, start for start, and the chapters that open one are found on them.
/// (A fresh `chapter_page` is a pass over the pages before the chapter: asked of every
/// section of the book, it would take most of the test's time.)
fn check_chapter_pages<F: Family>(
    name: &str,
    blob: &[u8],
    layout: &Layout<'_, F>,
    pages: &[(inkleaf::Page<'_, F>, Vec<Line>)],
) {
    let stale = with_stale_page_index(blob);
    let stale = Book::from_bytes(&stale).unwrap();
    let fresh = stale.layout().unwrap();
    assert!(fresh.page_index().is_none(), "{name}: laid out afresh");
    assert!(
        fresh
            .pages()
            .map(|p| p.start)
            .eq(pages.iter().map(|(p, _)| p.start)),
        "{name}: a fresh layout breaks pages elsewhere than the baked index"
    );
    for chapter in layout.book().chapters() {
        let (page, first) = pages
            .iter()
            .find_map(|(page, lines)| {
                let first = lines.iter().find(|l| l.position() >= chapter.start)?;
                Some((page, first))
            })
            .unwrap_or_else(|| panic!("{name}: chapter {:?} sets no line", chapter.title));
        let baked = layout.chapter_page(chapter.index).unwrap();
        assert_eq!(
            baked, page.index,
            "{name}: chapter {:?} starts on page {}, the baked index says {baked}",
            chapter.title, page.index
        );
        if chapter.new_page {
            assert_eq!(
                page.start,
                first.position(),
                "{name}: chapter {:?} opens page {}",
                chapter.title,
                page.index
            );
            assert_eq!(
                fresh.chapter_page(chapter.index),
                Ok(baked),
                "{name}: chapter {:?}: a fresh layout and the baked index disagree",
                chapter.title
            );
        }
    }
}

/// No page inks off the display, above or below its text area but in the footer, or
/// beside it farther than the family's glyphs overhang their advances.
fn check_ink<F: Family>(name: &str, layout: &Layout<'_, F>) {
    let allowed = overhang(layout);
    for page in layout.pages() {
        let stray = stray_ink(layout, page, false);
        assert!(
            stray.off_display == 0 && stray.down == 0 && stray.across <= allowed,
            "{name}, page {}: {stray:?} (the family overhangs {allowed} px)",
            page.index + 1
        );
    }
}

#[test]
fn pandoc_epub2_reaches_the_pages_whole_with_its_table_of_contents() {
    let (doc, toc) = epub(Maker::PandocEpub2);
    check_book("pandoc EPUB 2", &doc, &toc, Ink::NotDrawn);
}

#[test]
fn pandoc_epub3_reaches_the_pages_whole_with_its_table_of_contents() {
    let (doc, toc) = epub(Maker::PandocEpub3);
    check_book("pandoc EPUB 3", &doc, &toc, Ink::NotDrawn);
}

#[test]
fn calibre_epub_reaches_the_pages_whole_with_its_table_of_contents() {
    let (doc, toc) = epub(Maker::Calibre);
    check_book("calibre EPUB", &doc, &toc, Ink::Drawn);
}

#[test]
fn saved_web_pages_reach_the_pages_whole_as_chapters() {
    let (doc, toc) = web_pages();
    check_book("web pages", &doc, &toc, Ink::Drawn);
}
