//! A blob of several text sizes, built from a chapter of the Rust book for two displays: at
//! every display and size its baked index is what a fresh layout finds and every word is set
//! once, and a position read at one size opens the page that holds it at any other.

use inkleaf::font::AnyFamily;
use inkleaf::{Book, Error, Layout, Position};
use inkleaf_cli::build::{Face, Settings, TextStorage};
use inkleaf_cli::fonts::Family as TrueType;
use inkleaf_cli::input::read_file;
use inkleaf_tests::blobs::preset;
use inkleaf_tests::check::check_pagination;
use inkleaf_tests::real_books::chapter_article;

const SIZES: [u32; 3] = [12, 16, 20];
const DISPLAYS: [&str; 2] = ["2.9in", "4.2in"];

/// The chapter on variables and mutability, in DejaVu Sans at each of `SIZES`, for each of
/// `DISPLAYS`, as `inkleaf build --size 12 --size 16 --size 20 --display 2.9in --display
/// 4.2in` makes it.
fn three_size_blob() -> Vec<u8> {
    let doc = read_file(&chapter_article("ch03-01-variables-and-mutability.html"))
        .expect("the chapter reads");
    let [first, more @ ..] = SIZES.map(|px| Face::TrueType {
        family: Box::new(TrueType::bundled("dejavu-sans", px, 1).expect("bundled")),
        fallback: inkleaf::font::FontId::Mono6x10,
    });
    let settings = Settings {
        display: DISPLAYS[0],
        profile: preset(DISPLAYS[0]).profile,
        also_for: vec![preset(DISPLAYS[1]).profile],
        face: first,
        also_sizes: more.to_vec(),
        bake_all_lines: false,
        hyphenate: true,
        text: TextStorage::Coded,
    };
    let built = settings.build(&doc).expect("the chapter builds");
    let px: Vec<u16> = built.sizes.iter().map(|size| size.px).collect();
    assert_eq!(px, [12, 16, 20]);
    built.blob
}

/// Each size's layout on `display`, through the book's own lookup.
fn layouts<'b>(book: &'b Book<'b>, display: u8) -> Vec<Layout<'b, AnyFamily<'b>>> {
    (0..book.size_count())
        .map(|size| book.layout_for(display, size).expect("a baked pair"))
        .collect()
}

#[test]
fn every_display_at_every_size_is_baked_as_a_fresh_layout_finds_it() {
    let blob = three_size_blob();
    let book = Book::from_bytes(&blob).unwrap();
    assert_eq!((book.size_count(), book.display_count()), (3, 2));
    let sizes: Vec<_> = (0..3).map(|size| book.size_px(size)).collect();
    assert_eq!(sizes, [Some(12), Some(16), Some(20)]);
    assert_eq!(book.page_indexes().count(), 6, "one per display and size");
    for (display, name) in (0u8..).zip(DISPLAYS) {
        assert_eq!(book.display(display), Some(preset(name).profile));
        let mut counts = Vec::new();
        for (size, layout) in (0u8..).zip(layouts(&book, display)) {
            let family = book.family_at(size).unwrap().expect("packed");
            let regular = family
                .packed(inkleaf::font::Face::Regular)
                .expect("regular");
            assert_eq!(u32::from(regular.px()), SIZES[usize::from(size)]);
            let index = layout
                .page_index()
                .expect("baked for this display and size");
            // `pages()` lays the book out afresh, page after page.
            let fresh: Vec<Position> = layout.pages().map(|page| page.start).collect();
            let baked: Vec<Position> = (0..index.pages()).filter_map(|n| index.start(n)).collect();
            assert_eq!(baked, fresh, "{name} at size {size}");
            // Every word of the chapter reaches the pages once, in order.
            check_pagination(&layout);
            counts.push(fresh.len());
        }
        assert!(
            counts.windows(2).all(|w| w[0] < w[1]),
            "{name}: larger text takes more pages: {counts:?}"
        );
    }
    // `layout()` is the first display at the first size.
    let first = book.layout().unwrap();
    assert_eq!(
        first.page_count(),
        book.layout_for(0, 0).unwrap().page_count()
    );
    assert_eq!(first.line_height(), layouts(&book, 0)[0].line_height());
}

#[test]
fn a_page_at_one_size_lands_on_the_page_holding_it_at_another() {
    let blob = three_size_blob();
    let book = Book::from_bytes(&blob).unwrap();
    for display in 0..book.display_count() {
        let layouts = layouts(&book, display);
        for from in &layouts {
            for to in &layouts {
                for page in from.pages() {
                    let there = to.page_of(page.start).unwrap();
                    assert!(there.start <= page.start, "{:?}", page.start);
                    if let Ok(next) = to.page(there.index + 1) {
                        assert!(page.start < next.start, "{:?}", page.start);
                    }
                }
            }
        }
    }
}

#[test]
fn out_of_range_displays_and_sizes_are_typed_errors() {
    let blob = three_size_blob();
    let book = Book::from_bytes(&blob).unwrap();
    assert_eq!(
        book.layout_for(2, 0).unwrap_err(),
        Error::DisplayOutOfRange(2)
    );
    assert_eq!(book.layout_for(0, 3).unwrap_err(), Error::SizeOutOfRange(3));
    assert_eq!(book.family_at(3).unwrap_err(), Error::SizeOutOfRange(3));
    assert_eq!((book.display(2), book.size_px(3)), (None, None));
}

#[test]
fn one_size_is_the_blob_it_was_before_sizes() {
    // The golden blob predates sizes; its build has one size and two displays.
    let golden = include_bytes!("../fixtures/golden/article.inkleaf");
    let book = Book::from_bytes(golden).unwrap();
    assert_eq!((book.size_count(), book.display_count()), (1, 2));
    assert_eq!(book.size_px(0), Some(10), "the built-in 6x10");
    assert!(book.family_at(0).unwrap().is_none());
    let a = book.layout_for(1, 0).unwrap();
    assert_eq!(*a.profile(), preset("oled-128x64").profile);
    assert!(a.page_index().is_some());
}
