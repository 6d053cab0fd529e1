//! A reading position survives a change of font: the page it is on in one layout maps to the
//! page holding the same text in another.

use inkleaf::{font::FontId, layout::Line, Book, Layout, Position};
use inkleaf_tests::blobs::{article_blob, preset};
use inkleaf_tests::check::pages_and_lines;

/// Whether one of `lines` draws the character at `position`.
fn drawn_on(lines: &[Line], position: Position) -> bool {
    lines
        .iter()
        .any(|l| l.block == position.block && l.start <= position.offset && position.offset < l.end)
}

#[test]
fn every_line_start_in_6x10_lands_on_the_8x13_page_holding_it() {
    let profile = preset("2.9in").profile;
    let blob = article_blob(profile, FontId::Mono6x10);
    let book = Book::from_bytes(&blob).unwrap();
    let small = Layout::new(&book, profile, FontId::Mono6x10.font()).unwrap();
    let large = Layout::new(&book, profile, FontId::Mono8x13.font()).unwrap();
    let large_pages = pages_and_lines(&large);
    assert!(
        large_pages.len() > small.page_count() as usize,
        "a larger font needs more pages"
    );

    for (small_page, lines) in pages_and_lines(&small) {
        for position in lines.iter().map(Line::position) {
            let page = large.page_of(position).unwrap();
            assert!(page.contains(position), "{position:?} not on {page:?}");
            let (_, large_lines) = &large_pages[page.index as usize];
            assert!(
                drawn_on(large_lines, position),
                "{position:?} (page {} in 6x10) is not drawn on page {} in 8x13",
                small_page.index,
                page.index
            );
            // And back: the 8x13 page's start lies on or before the 6x10 page that holds it.
            let back = small.page_of(page.start).unwrap();
            assert!(back.index <= small_page.index);
        }
    }
}

#[test]
fn a_bookmark_moves_between_all_fonts_and_back() {
    let profile = preset("4.2in").profile;
    let blob = article_blob(profile, FontId::Mono8x13);
    let book = Book::from_bytes(&blob).unwrap();
    let layouts: Vec<_> = FontId::ALL
        .iter()
        .map(|f| Layout::new(&book, profile, f.font()).unwrap())
        .collect();
    // A bookmark is the start of the page the reader was on; pages are never stored.
    for bookmark in layouts[0].pages().map(|p| p.start) {
        for layout in &layouts {
            let page = layout.page_of(bookmark).unwrap();
            assert!(page.contains(bookmark));
            let lines: Vec<Line> = page.lines().unwrap().collect();
            assert!(drawn_on(&lines, bookmark), "{bookmark:?}");
        }
    }
}
