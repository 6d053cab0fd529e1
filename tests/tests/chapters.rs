//! A book of several chapters, end to end: real Markdown (Debian's zstd and OpenSSL docs)
//! as chapters with their sections, built by `inkleaf_cli::build`, opened and laid out.
//! Chapters that open a page open one, the API says which page each chapter starts on both
//! through the baked page index and by laying out, and every footer stays on its page.

use inkleaf::text::BlockKind;
use inkleaf::{font::FontId, Book, Layout, Page, Position, Profile};
use inkleaf_cli::build::build;
use inkleaf_cli::input::{parse_markdown, Chapter, Document};
use inkleaf_tests::blobs::{preset, with_stale_page_index};
use inkleaf_tests::check::check_layout;
use inkleaf_tests::ink::stray_ink;
use inkleaf_tests::real_markdown::read_markdown;

/// The chapters' sources; `.ci/run` installs the packages that ship them.
const SOURCES: [&str; 3] = [
    "/usr/share/doc/zstd/README.md.gz",
    "/usr/share/doc/zstd/CONTRIBUTING.md.gz",
    "/usr/share/doc/openssl/README.md.gz",
];

/// A front-matter paragraph, then each source as a chapter that opens a page; its level-2
/// headings are sections that run on, its deeper ones subsections. The second source's
/// chapter runs on too, as a chapter of a single file might.
fn book() -> Document {
    let mut doc = Document {
        title: "Three READMEs".into(),
        language: "en".into(),
        ..Document::default()
    };
    doc.blocks = parse_markdown("Collected for a test of chapters.").blocks;
    for (n, source) in SOURCES.iter().enumerate() {
        let part = parse_markdown(&read_markdown(source.as_ref()));
        let first = doc.blocks.len();
        doc.chapters.push(Chapter {
            title: format!("Chapter {}: {}", n + 1, source.rsplit('/').next().unwrap()),
            level: 1,
            block: first,
            new_page: n != 1,
            language: String::new(),
        });
        for (i, block) in part.blocks.iter().enumerate() {
            if let BlockKind::Heading(level @ 2..) = block.kind {
                doc.chapters.push(Chapter {
                    title: block.text.clone(),
                    level: level.min(Chapter::MAX_LEVEL),
                    block: first + i,
                    new_page: false,
                    language: String::new(),
                });
            }
        }
        doc.blocks.extend(part.blocks);
    }
    doc
}

#[test]
fn chapters_open_the_pages_the_api_says_and_footers_stay_on_the_page() {
    let doc = book();
    assert!(
        doc.chapters.len() > 10,
        "sections found: {}",
        doc.chapters.len()
    );
    let four_two = preset("4.2in");
    let narrow = Profile {
        footer: true,
        ..Profile::new(296, 200)
    };
    for (profile, font) in [
        (four_two.profile, four_two.font),
        (narrow, FontId::Mono6x10),
    ] {
        let built = build(&doc, profile, font).unwrap();
        let book = Book::from_bytes(&built.blob).unwrap();
        assert_eq!(book.chapter_count() as usize, doc.chapters.len());
        let layout = Layout::new(&book, profile, font.font()).unwrap();
        assert!(
            layout.page_index().is_some(),
            "laid out through the baked index"
        );
        check_layout(&layout);
        check_chapters(&layout);
        check_footers(&layout);

        // The same book with its index marked as baked by other layout rules: laid out here.
        let stale = with_stale_page_index(&built.blob);
        let stale = Book::from_bytes(&stale).unwrap();
        let unbaked = Layout::new(&stale, profile, font.font()).unwrap();
        assert!(unbaked.page_index().is_none());
        for n in 0..book.chapter_count() {
            assert_eq!(
                unbaked.chapter_page(n),
                layout.chapter_page(n),
                "chapter {n}: the baked index and a fresh layout disagree"
            );
        }
    }
}

/// Each chapter starts on the page [`Layout::chapter_page`] names; one that opens a page is
/// that page's first line, the first of its block.
fn check_chapters<F: inkleaf::font::Family>(layout: &Layout<'_, F>) {
    let book = layout.book();
    let pages: Vec<Page<'_, F>> = layout.pages().collect();
    let mut opened = 0;
    for chapter in book.chapters() {
        let n = layout.chapter_page(chapter.index).unwrap();
        let page = pages[n as usize];
        assert!(
            page.contains(chapter.start),
            "chapter {} {:?} is not on page {n} {page:?}",
            chapter.index,
            chapter.title
        );
        if chapter.new_page {
            let first = page.lines().unwrap().next().unwrap();
            assert_eq!(
                page.start, chapter.start,
                "{:?} opens page {n}",
                chapter.title
            );
            assert_eq!(first.position(), chapter.start);
            assert!(first.first_in_block);
            opened += 1;
        }
        assert_eq!(
            page.status().chapter.map(|c| c.start <= page.start),
            Some(true)
        );
    }
    assert_eq!(opened, 2, "two chapters open a page");
    // Nothing opens a page in the front matter but the book's start.
    assert_eq!(book.chapter_of(Position::START), None);
    assert_eq!(pages[0].status().chapter, None);
}

/// Footers show the page's chapter and its place in the book, and ink only the footer band.
fn check_footers<F: inkleaf::font::Family>(layout: &Layout<'_, F>) {
    let total = layout.page_count();
    for page in layout.pages() {
        let status = page.status();
        assert_eq!(status.page, page.index + 1);
        assert_eq!(status.total, Some(total));
        let percent = status.percent.unwrap();
        assert_eq!(u32::from(percent), (page.index + 1) * 100 / total);
        assert_eq!(
            status.chapter,
            layout.book().chapter_of(page.start),
            "page {}",
            page.index
        );
        let stray = stray_ink(layout, page, false);
        assert!(stray.is_clean(), "page {}: {stray:?}", page.index);
    }
}
