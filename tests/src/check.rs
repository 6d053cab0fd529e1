//! The invariants every layout must satisfy, checked exhaustively on one layout.

use embedded_graphics::prelude::{Point, Size};
use embedded_graphics::primitives::Rectangle;
use embedded_graphics::Drawable;
use inkleaf::font::Family;
use inkleaf::{
    layout::{Line, LineEnd},
    text::BlockKind,
    Book, Error, Layout, Page, Position,
};

use crate::targets::Recorder;

/// The characters the engine breaks lines at: spaces, tabs, carriage returns and newlines.
pub fn is_break_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

/// The words of every block, in order: runs of characters between break spaces.
pub fn source_words(book: &Book<'_>) -> Vec<String> {
    book.blocks()
        .flat_map(|block| {
            block
                .text
                .to_string()
                .split(is_break_space)
                .filter(|word| !word.is_empty())
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Every page with its lines, in order.
pub fn pages_and_lines<'l, F: Family>(layout: &'l Layout<'l, F>) -> Vec<(Page<'l, F>, Vec<Line>)> {
    layout
        .pages()
        .map(|page| {
            let lines = page.lines().expect("a page's start is valid");
            (page, lines.collect())
        })
        .collect()
}

/// The words read back from laid-out lines. A line that ends where the next one starts, in the
/// same block, broke inside a word (a split, or a break after a hyphen or dash), so the two
/// texts are joined before splitting into words.
pub fn laid_out_words<F: Family>(layout: &Layout<'_, F>, lines: &[Line]) -> Vec<String> {
    let mut words = Vec::new();
    let mut pending = String::new();
    for (i, line) in lines.iter().enumerate() {
        pending.push_str(&layout.line_text(line));
        let next = lines.get(i + 1);
        let continues = next.is_some_and(|n| n.block == line.block && n.start == line.end);
        if line.end_kind == LineEnd::Split {
            assert!(
                continues,
                "split line {line:?} is not continued by {next:?}"
            );
        }
        if !continues {
            words.extend(
                pending
                    .split(is_break_space)
                    .filter(|w| !w.is_empty())
                    .map(str::to_owned),
            );
            pending.clear();
        }
    }
    words
}

/// Most lines a page can hold: the first at the top, the rest a line pitch apart.
pub fn max_lines<F: Family>(layout: &Layout<'_, F>) -> u32 {
    1 + (layout.text_height() - layout.line_height()) / layout.line_pitch()
}

/// What [`check_layout`] saw, for tests that want to assert more.
#[derive(Clone, Debug)]
pub struct Checked<'l, F> {
    /// All pages with their lines.
    pub pages: Vec<(Page<'l, F>, Vec<Line>)>,
}

/// Checks every pagination invariant of `layout`, panicking with a description on the first
/// violation:
///
/// - every word of the book appears exactly once, in order, across the pages;
/// - page indices count up from 0, starts strictly increase, each page ends where the next
///   starts and the last ends at the end of the book; `page_count` agrees;
/// - `page_at(index, start)` reproduces each page, and `page(index)` the first and last;
/// - `page_of` maps every line start to the page holding it;
/// - no page has more lines than fit, no line is wider than its measure or the text area,
///   only paragraphs and list items are justified, no gap is narrower than two thirds of a
///   space, no page but the last ends in a heading that has text after it;
/// - drawing puts no pixel off the display and no ink outside the text area and footer band.
pub fn check_layout<'l, F: Family>(layout: &'l Layout<'l, F>) -> Checked<'l, F> {
    let checked = check_pagination(layout);
    for (page, lines) in &checked.pages {
        check_drawing(layout, *page, lines, checked.pages.len() as u32);
    }
    checked
}

/// [`check_layout`] short of drawing: for packed fonts, whose glyphs may ink a pixel or two
/// past their advance, where the ink goes is checked apart (see [`crate::ink`]).
pub fn check_pagination<'l, F: Family>(layout: &'l Layout<'l, F>) -> Checked<'l, F> {
    let pages = pages_and_lines(layout);
    check_page_chain(layout, &pages);
    check_lines(layout, &pages);
    let lines: Vec<Line> = pages.iter().flat_map(|(_, l)| l.iter().copied()).collect();
    assert_eq!(
        laid_out_words(layout, &lines),
        source_words(layout.book()),
        "words lost, repeated or reordered"
    );
    Checked { pages }
}

fn check_page_chain<F: Family>(layout: &Layout<'_, F>, pages: &[(Page<'_, F>, Vec<Line>)]) {
    let end = Position::new(layout.book().block_count(), 0);
    assert_eq!(layout.page_count() as usize, pages.len());
    for (i, (page, _)) in pages.iter().enumerate() {
        assert_eq!(page.index as usize, i, "page numbers count up from 0");
        assert!(page.start < page.end, "empty page {page:?}");
        match pages.get(i + 1) {
            Some((next, _)) => assert_eq!(page.end, next.start, "gap or overlap after {page:?}"),
            None => assert_eq!(page.end, end, "last page {page:?} stops short of the end"),
        }
        assert_eq!(layout.page_at(page.index, page.start), Ok(*page));
    }
    if let (Some((first, _)), Some((last, _))) = (pages.first(), pages.last()) {
        assert_eq!(layout.page(0), Ok(*first));
        assert_eq!(layout.page(last.index), Ok(*last));
        let past = last.index + 1;
        assert_eq!(layout.page(past), Err(Error::PageOutOfRange(past)));
    }
}

fn check_lines<F: Family>(layout: &Layout<'_, F>, pages: &[(Page<'_, F>, Vec<Line>)]) {
    let mut previous: Option<Position> = None;
    for (page, lines) in pages {
        assert_eq!(lines.len() as u32, page.lines, "{page:?} line count");
        assert!(
            page.lines <= max_lines(layout),
            "{page:?} holds {} lines, only {} fit",
            page.lines,
            max_lines(layout)
        );
        assert_eq!(lines.first().map(Line::position), Some(page.start));
        // A heading is kept with the text after it: a page ends in one only when the page
        // holds nothing else (a heading taller than a page), when it is the last page, or
        // when a chapter that opens a page comes next (an empty section before it).
        let last_page = page.end == Position::new(layout.book().block_count(), 0);
        let chapter_next = layout
            .book()
            .chapters()
            .any(|c| c.new_page && c.start <= page.end && c.start.block == page.end.block);
        if lines.last().is_some_and(|l| l.kind.is_heading()) && !last_page && !chapter_next {
            assert!(
                lines.iter().all(|l| l.kind.is_heading()),
                "{page:?} ends in a stranded heading"
            );
        }
        for line in lines {
            let at = line.position();
            assert!(
                previous.is_none_or(|p| p < at),
                "line {line:?} does not advance"
            );
            previous = Some(at);
            assert!(page.contains(at), "{line:?} outside {page:?}");
            assert_eq!(layout.page_of(at), Ok(*page), "page_of({at:?})");
            assert!(
                layout.drawn_width(line) <= line.measure
                    && line.left + line.measure <= layout.text_width(),
                "{line:?} ({:?}) is {} px wide, its measure {} px from {} px, text area {} px",
                layout.line_text(line),
                layout.drawn_width(line),
                line.measure,
                line.left,
                layout.text_width()
            );
            assert!(
                line.left + layout.drawn_width(line) <= layout.text_width(),
                "{line:?} ({:?}) is {} px wide from {} px, text area {} px",
                layout.line_text(line),
                layout.drawn_width(line),
                line.left,
                layout.text_width()
            );
            // Only what Knuth–Plass sets is justified: headings, code and table rows, broken
            // greedily, stay ragged, however loose their gaps would come out.
            let prose = matches!(line.kind, BlockKind::Paragraph | BlockKind::ListItem { .. });
            assert!(
                prose || layout.drawn_width(line) == line.width,
                "{line:?} ({:?}) is stretched to {} px",
                layout.line_text(line),
                layout.drawn_width(line)
            );
            // Justification shrinks a gap by whole pixels, never below two thirds of a space.
            let space = layout.space(line);
            let narrowest = (1..=line.gaps).map(|gap| layout.gap_width(line, gap)).min();
            assert!(
                narrowest.is_none_or(|gap| 3 * gap >= 2 * space),
                "{line:?} ({:?}) has a gap of {narrowest:?} px for a {space} px space",
                layout.line_text(line)
            );
            let text = layout.line_text(line);
            assert_eq!(text.len(), (line.end - line.start) as usize, "{line:?}");
            // Code keeps its spaces as written: indentation, and a run of spaces a long line
            // wraps in. Prose lines begin and end with a word.
            assert!(
                line.kind.is_preformatted()
                    || (!text.starts_with(is_break_space) && !text.ends_with(is_break_space)),
                "{line:?} {text:?} carries spaces at its edges"
            );
            assert!(!text.contains('\n'), "{line:?} {text:?} holds a line break");
        }
    }
}

/// The rectangle the text lines may ink.
pub fn text_area<F: Family>(layout: &Layout<'_, F>) -> Rectangle {
    let m = layout.profile().margins;
    Rectangle::new(
        Point::new(i32::from(m.left), i32::from(m.top)),
        Size::new(layout.text_width(), layout.text_height()),
    )
}

/// The band between the text area and the bottom margin where the footer goes.
pub fn footer_band<F: Family>(layout: &Layout<'_, F>) -> Rectangle {
    let p = layout.profile();
    let m = p.margins;
    let top = u32::from(p.height) - u32::from(m.bottom) - layout.footer_height();
    Rectangle::new(
        Point::new(i32::from(m.left), top as i32),
        Size::new(layout.text_width(), layout.footer_height()),
    )
}

fn check_drawing<F: Family>(layout: &Layout<'_, F>, page: Page<'_, F>, lines: &[Line], total: u32) {
    let p = layout.profile();
    let mut recorder = Recorder::new(Size::new(u32::from(p.width), u32::from(p.height)));
    let Ok(()) = page.with_total(total).draw(&mut recorder);
    if let Some(off) = recorder.outside().next() {
        panic!("page {} draws off the display at {off:?}", page.index);
    }
    let (text, footer) = (text_area(layout), footer_band(layout));
    let mut footer_ink = false;
    for point in recorder.ink() {
        footer_ink |= footer.contains(point);
        assert!(
            text.contains(point) || footer.contains(point),
            "page {} inks {point:?} outside the text area {text:?} and footer {footer:?}",
            page.index
        );
    }
    assert_eq!(footer_ink, p.footer, "footer ink on page {}", page.index);
    let has_words = lines
        .iter()
        .any(|l| layout.line_text(l).chars().any(|c| !c.is_whitespace()));
    let text_ink = recorder.ink().any(|point| text.contains(point));
    assert_eq!(text_ink, has_words, "text ink on page {}", page.index);
}
