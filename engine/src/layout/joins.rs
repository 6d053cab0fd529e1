//! Every committed blob, under whatever features this engine was built with: each page is
//! shown exactly once. Page n ends where page n+1 starts, through the baked index and by
//! laying pages out alike, and the pages' text, concatenated, is the book's text. Where the
//! build lacks what a blob needs, it is refused by name instead.
//!
//! `.ci/run` runs these for each feature set it builds (`cargo test -p inkleaf --lib` with
//! its `--no-default-features --features ...` variants); the firmware without `justify` is
//! checked under QEMU in `tests/tests/device.rs`.

use super::{Align, Layout, Page, Position};
use crate::font::Family;
use crate::Book;
use crate::Error;

const FIXTURES: [(&str, &[u8]); 9] = [
    (
        "device/article-2.9in.inkleaf",
        include_bytes!("../../../tests/fixtures/device/article-2.9in.inkleaf"),
    ),
    (
        "device/article-2.9in-plain-text.inkleaf",
        include_bytes!("../../../tests/fixtures/device/article-2.9in-plain-text.inkleaf"),
    ),
    (
        "device/article-4.2in.inkleaf",
        include_bytes!("../../../tests/fixtures/device/article-4.2in.inkleaf"),
    ),
    (
        "device/article-oled-128x64.inkleaf",
        include_bytes!("../../../tests/fixtures/device/article-oled-128x64.inkleaf"),
    ),
    (
        "golden/article.inkleaf",
        include_bytes!("../../../tests/fixtures/golden/article.inkleaf"),
    ),
    (
        "golden/article-trained.inkleaf",
        include_bytes!("../../../tests/fixtures/golden/article-trained.inkleaf"),
    ),
    (
        "rich/every-kind-2.9in.inkleaf",
        include_bytes!("../../../tests/fixtures/rich/every-kind-2.9in.inkleaf"),
    ),
    (
        "rich/every-kind-2.9in-trained.inkleaf",
        include_bytes!("../../../tests/fixtures/rich/every-kind-2.9in-trained.inkleaf"),
    ),
    (
        "rich/every-kind-2.9in-plain.inkleaf",
        include_bytes!("../../../tests/fixtures/rich/every-kind-2.9in-plain.inkleaf"),
    ),
];

#[test]
fn every_page_of_every_fixture_is_shown_once() {
    let mut laid_out = 0;
    for (name, blob) in FIXTURES {
        let Some(book) = open(name, blob) else {
            continue;
        };
        let built = book.built_for().expect("every fixture records its display");
        // The builder leaves a display's lines unbaked where they would cost too much of the
        // blob (the OLED's): only an engine that breaks lines shows it.
        let baked = book
            .page_indexes()
            .next()
            .is_some_and(|index| index.line_breaks_len() > 0);
        match book.layout() {
            Ok(layout) => {
                check_joins(name, &layout);
                laid_out += 1;
            }
            Err(Error::BreakingUnsupported) if !cfg!(feature = "breaking") && !baked => {}
            Err(other) => panic!("{name}: laid out as built: {other}"),
        }
        // Flush left needs no optional feature but `breaking`, and no baked index fits it
        // but that of a blob built flush left.
        let left = super::Profile {
            align: Align::Left,
            ..built.profile
        };
        let font = book.layout_font().expect("the fixture's font opens");
        match Layout::new(&book, left, font) {
            Ok(layout) => {
                assert!(layout.page_index().is_none() || built.profile.align == Align::Left);
                check_joins(name, &layout);
                laid_out += 1;
            }
            Err(Error::BreakingUnsupported)
                if !cfg!(feature = "breaking")
                    && (built.profile.align != Align::Left || !baked) => {}
            Err(other) => panic!("{name}: laid out flush left: {other}"),
        }
    }
    // The plain-text blob opens under every feature set.
    assert!(laid_out >= 1, "no fixture was laid out");
}

/// A display the blob bakes no lines for is laid out by an engine that breaks lines, and
/// refused by name by one that does not: never paginated some other way.
#[test]
fn an_unbaked_display_is_laid_out_or_refused_by_name() {
    for (name, blob) in FIXTURES {
        let Some(book) = open(name, blob) else {
            continue;
        };
        let built = book.built_for().expect("every fixture records its display");
        let font = book.layout_font().expect("the fixture's font opens");
        // A footer changes the text height, so no page index of the blob fits.
        let footed = super::Profile {
            footer: !built.profile.footer,
            ..built.profile
        };
        let unbaked = Layout::new(&book, footed, font);
        let justified = footed.align == Align::Justify;
        let refused = if !cfg!(feature = "breaking") {
            Some(Error::BreakingUnsupported)
        } else if justified && !cfg!(feature = "justify") {
            Some(Error::JustifyUnsupported)
        } else {
            None
        };
        match (unbaked, refused) {
            (Ok(layout), None) => assert!(layout.page_index().is_none(), "{name}: no index fits"),
            (Err(error), Some(expected)) => assert_eq!(error, expected, "{name}"),
            (got, expected) => panic!("{name}: {:?}, expected {expected:?}", got.err()),
        }
        // Laid out as built, a page opens only from where the index starts it.
        let Ok(layout) = book.layout() else {
            continue;
        };
        let inside = layout.page(1).expect("a second page").start;
        let off = Position::new(inside.block, 0);
        if off != inside && !cfg!(feature = "breaking") {
            assert_eq!(
                layout.page_at(1, off).err(),
                Some(Error::BreakingUnsupported),
                "{name}: a page from a start the index does not know"
            );
        }
    }
}

/// Opens `blob`, or checks that this build refuses it for the feature it lacks.
fn open<'a>(name: &str, blob: &'a [u8]) -> Option<Book<'a>> {
    match Book::from_bytes(blob) {
        Ok(book) => Some(book),
        Err(Error::CodedTextUnsupported) if !cfg!(feature = "coded") => None,
        Err(Error::BuiltinModelMissing) if !cfg!(feature = "english") => None,
        Err(other) => panic!("{name}: {other}"),
    }
}

fn check_joins<F: Family>(name: &str, layout: &Layout<'_, F>) {
    let end = Position::new(layout.book().block_count(), 0);
    let mut expected = Position::START;
    let mut count = 0;
    for page in layout.pages() {
        assert_eq!(page.start, expected, "{name}: page {} starts", page.index);
        assert!(
            page.end > page.start,
            "{name}: page {} is empty",
            page.index
        );
        let baked = layout.page(page.index).expect("every page opens by number");
        assert_eq!(baked, page, "{name}: page {} by number", page.index);
        expected = page.end;
        count += 1;
    }
    assert_eq!(expected, end, "{name}: the last page ends the book");
    assert_eq!(layout.page_count(), count, "{name}: page count");
    assert_eq!(
        layout.page(count).err(),
        Some(Error::PageOutOfRange(count)),
        "{name}: no page past the last"
    );
    let shown = (0..count).flat_map(|n| page_chars(layout.page(n).expect("opens")));
    assert!(
        shown.eq(chars_between(layout.book(), Position::START, end)),
        "{name}: the pages' text is not the book's"
    );
}

/// The characters of a page, from its start to where the next page starts.
fn page_chars<'l, F: Family>(page: Page<'l, F>) -> impl Iterator<Item = char> + 'l {
    chars_between(page.layout().book(), page.start, page.end)
}

/// The characters from `from` to `to`, with a `'\n'` closing each whole block.
fn chars_between<'b>(
    book: &'b Book<'b>,
    from: Position,
    to: Position,
) -> impl Iterator<Item = char> + 'b {
    (from.block..=to.block.min(book.block_count().saturating_sub(1))).flat_map(move |b| {
        let text = book.block(b).expect("inside the book").text;
        let start = if b == from.block { from.offset } else { 0 };
        let whole = b < to.block;
        let end = if whole {
            text.len()
        } else {
            to.offset as usize
        };
        let separator = whole.then_some('\n');
        text.chars_between(start as usize, end)
            .map(|(_, c)| c)
            .chain(separator)
    })
}
