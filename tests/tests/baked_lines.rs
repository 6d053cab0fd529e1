//! Line breaks baked into a page index: the pages a reader sets from them are the pages the
//! layout finds, and a wrong table is an error for the page it breaks, never text skipped or
//! shown twice.

use inkleaf::format::Part;
use inkleaf::layout::Align;
use inkleaf::layout::Line;
use inkleaf::layout::LineEnd;
use inkleaf::Profile;
use inkleaf::{font::FontId, Book, Error, Framebuffer, Layout};
use inkleaf_cli::displays::{Typeface, PRESETS};
use inkleaf_cli::pack::{bake_line_breaks, BakedLine};
use inkleaf_tests::blobs::{
    article, article_blob, article_blob_all_baked, fix_crc, preset, with_stale_page_index,
};
use inkleaf_tests::rich::build_default;

const BOOK: &[u8] = include_bytes!("../fixtures/device/book-4.2in.inkleaf");
const LARGE_BOOK: &[u8] = include_bytes!("../fixtures/device/book-large-4.2in.inkleaf");
const RICH: &[u8] = include_bytes!("../fixtures/device/rich-2.9in.inkleaf");

/// Every page of `blob` with its lines: through its own layout (`Book::layout`).
fn pages_and_lines(blob: &[u8]) -> Vec<(inkleaf::Position, inkleaf::Position, Vec<Line>)> {
    let book = Book::from_bytes(blob).unwrap();
    let layout = book.layout().unwrap();
    (0..layout.page_count())
        .map(|n| {
            let page = layout.page(n).unwrap();
            (page.start, page.end, page.lines().unwrap().collect())
        })
        .collect()
}

#[test]
fn baked_pages_are_the_pages_laid_out() {
    // The OLED's lines take more than the builder's budget for baked lines: baked all the
    // same, justified and flush left, for its short lines.
    let oled = preset("oled-128x64").profile;
    let blobs = [
        article_blob(preset("2.9in").profile, FontId::Mono6x10),
        article_blob_all_baked(oled, FontId::Mono6x10),
        article_blob_all_baked(
            Profile {
                align: Align::Justify,
                ..oled
            },
            FontId::Mono6x10,
        ),
        article_blob(preset("4.2in").profile, FontId::Mono8x13),
        RICH.to_vec(),
        BOOK.to_vec(),
    ];
    for blob in blobs {
        let book = Book::from_bytes(&blob).unwrap();
        let index = book.page_indexes().next().unwrap();
        assert!(index.line_breaks_len() > 0, "the builder baked the lines");
        // The same book with its index marked stale: laid out afresh.
        let fresh = with_stale_page_index(&blob);
        let fresh_book = Book::from_bytes(&fresh).unwrap();
        assert!(fresh_book.layout().unwrap().page_index().is_none());
        assert_eq!(pages_and_lines(&blob), pages_and_lines(&fresh));
    }
}

/// Line breaks' share of a blob, for the bundled article built as `inkleaf build --display`
/// builds it on every preset (its bundled family, or the built-in font of the smallest), and
/// for the committed book and rich document: at most 3%, which the builder holds them to.
#[test]
fn line_breaks_cost_little_of_the_blob() {
    let article = article();
    let mut blobs: Vec<(String, Vec<u8>)> = PRESETS
        .iter()
        .map(|display| {
            let blob = match display.typeface {
                Typeface::Builtin => article_blob(display.profile, display.font),
                Typeface::Bundled { .. } => build_default(&article, display.name).unwrap().blob,
            };
            (format!("article {}", display.name), blob)
        })
        .collect();
    blobs.push(("book 4.2in".into(), BOOK.to_vec()));
    blobs.push(("Rust book ch. 3-7 4.2in".into(), LARGE_BOOK.to_vec()));
    blobs.push(("rich 2.9in".into(), RICH.to_vec()));
    for (name, blob) in blobs {
        let sizes = Book::from_bytes(&blob).unwrap().part_sizes();
        let share = sizes.line_breaks as f64 / blob.len() as f64;
        println!(
            "line breaks {name:24} {:4} of {:6} bytes: {:.1}%",
            sizes.line_breaks,
            blob.len(),
            share * 100.0
        );
        assert!(share <= 0.03, "{name}: {share:.3} of the blob");
    }
}

/// The codes of `blob`'s only page index, as the builder bakes them from its pages.
fn codes_of(blob: &[u8]) -> Vec<u8> {
    let pages: Vec<Vec<BakedLine>> = pages_and_lines(blob)
        .into_iter()
        .map(|(_, _, lines)| {
            lines
                .iter()
                .map(|l| (l.end_kind != LineEnd::BlockEnd).then(|| l.end - l.start))
                .collect()
        })
        .collect();
    bake_line_breaks(&pages).codes
}

#[test]
fn a_wrong_line_is_an_error_for_its_page() {
    let blob = article_blob(preset("2.9in").profile, FontId::Mono6x10);
    let good = pages_and_lines(&blob);
    let sizes = Book::from_bytes(&blob).unwrap().part_sizes();
    // The codes end the index part, which the only record ends.
    let part_end = sizes.header + sizes.metadata + sizes.chapters;
    let part_end = part_end + sizes.page_index + sizes.line_breaks;
    let codes = codes_of(&blob);
    let codes_at = part_end - codes.len();
    assert_eq!(&blob[codes_at..part_end], codes, "the codes end the part");
    let (mut broken, mut flips) = (0, 0);
    for bit in 0..codes.len() * 8 {
        let mut bad = blob.clone();
        bad[codes_at + bit / 8] ^= 0x80 >> (bit % 8);
        fix_crc(&mut bad);
        flips += 1;
        // A bit set in the padding after the codes is turned down as the book opens.
        let book = match Book::from_bytes(&bad) {
            Ok(book) => book,
            Err(e) => {
                assert_eq!(e, Error::Malformed(Part::LineBreaks), "bit {bit}");
                broken += 1;
                continue;
            }
        };
        let layout = book.layout().unwrap();
        let mut any = false;
        for (n, (start, end, lines)) in (0..).zip(&good) {
            match layout.page(n) {
                Ok(page) => {
                    // Whatever a page holds, it holds its own text, once, in order.
                    assert_eq!((page.start, page.end), (*start, *end));
                    let read: Vec<Line> = page.lines().unwrap().collect();
                    any |= &read != lines;
                    assert!(read.windows(2).all(|w| w[0].position() < w[1].position()));
                }
                Err(e) => {
                    assert_eq!(e, Error::Malformed(Part::LineBreaks), "page {n}");
                    any = true;
                }
            }
        }
        broken += usize::from(any);
    }
    // Nearly any flipped bit changes a page, by name.
    assert!(
        broken * 10 >= flips * 9,
        "{broken} of {flips} flips noticed"
    );
}

/// Drawing a page in the one pass that checks its lines (`Layout::draw_page_into`) gives
/// the page and the pixels that laying it out and then drawing it give; a wrong line code is
/// the same error, and never a page that laying out turns down.
#[test]
fn a_page_drawn_as_it_is_checked_is_the_page_laid_out_or_its_error() {
    let blob = article_blob(preset("2.9in").profile, FontId::Mono6x10);
    let codes = codes_of(&blob);
    let sizes = Book::from_bytes(&blob).unwrap().part_sizes();
    let part_end = sizes.header + sizes.metadata + sizes.chapters;
    let codes_at = part_end + sizes.page_index + sizes.line_breaks - codes.len();
    let bytes = Framebuffer::<&mut [u8]>::bytes_needed(296, 128);
    let (mut one_pass, mut apart) = (vec![0u8; bytes], vec![0u8; bytes]);
    let (mut refused, mut flips) = (0, 0);
    // The blob as built, then with one bit of every other code byte flipped.
    for bit in (0..codes.len() * 8).step_by(13).map(Some).chain([None]) {
        let mut bad = blob.clone();
        if let Some(bit) = bit {
            bad[codes_at + bit / 8] ^= 0x80 >> (bit % 8);
            fix_crc(&mut bad);
            flips += 1;
        }
        let book = Book::from_bytes(&bad).unwrap();
        let layout = book.layout().unwrap();
        for n in 0..layout.page_count() {
            let start = layout.page_index().unwrap().start(n).unwrap();
            let mut screen = Framebuffer::new(&mut one_pass[..], 296, 128).unwrap();
            match (layout.draw_page_into(n, start, &mut screen), layout.page(n)) {
                (Ok(drawn), Ok(page)) => {
                    assert_eq!(drawn, page, "page {n}");
                    let mut other = Framebuffer::new(&mut apart[..], 296, 128).unwrap();
                    page.draw_into(&mut other);
                    assert!(one_pass == apart, "page {n}: the same pixels");
                }
                (Err(e), _) => {
                    assert_eq!(e, Error::Malformed(Part::LineBreaks), "page {n}");
                    assert!(bit.is_some(), "page {n} of the blob as built");
                    refused += 1;
                }
                (Ok(_), Err(e)) => panic!("page {n} drawn, laid out as {e:?}"),
            }
        }
    }
    assert!(
        refused * 2 >= flips,
        "{refused} pages refused for {flips} flips"
    );
}

#[test]
fn a_layout_that_is_not_baked_still_breaks_its_lines() {
    let blob = article_blob(preset("2.9in").profile, FontId::Mono6x10);
    let book = Book::from_bytes(&blob).unwrap();
    let mut larger = preset("2.9in").profile;
    larger.line_spacing += 1;
    let layout = Layout::new(&book, larger, FontId::Mono6x10.font()).unwrap();
    assert!(layout.page_index().is_none());
    let mut next = inkleaf::Position::START;
    for page in layout.pages() {
        assert_eq!(page.start, next);
        next = page.end;
    }
    assert_eq!(next, inkleaf::Position::new(book.block_count(), 0));
}

/// A page turn on a display no index bakes (`Layout::draw_page_into`) lays the page out once,
/// recording its breaks, and draws it from them: the same page, and the same pixels, as laying
/// it out and then drawing it, for justified and flush-left text, rich documents, a book and
/// a real README, in packed faces and built-in fonts.
#[test]
fn a_page_laid_out_on_the_device_draws_as_laying_it_out_then_drawing_it() {
    // Installed by `.ci/run` (zstd), as every file of `real_markdown::DEBIAN_DOCS` is.
    let readme = inkleaf_tests::real_markdown::read_markdown(std::path::Path::new(
        "/usr/share/doc/zstd/README.md.gz",
    ));
    let readme = inkleaf_cli::input::parse_markdown(&readme);
    // The OLED preset is set flush left: built justified here, so that both are drawn.
    let oled = Profile {
        align: Align::Justify,
        ..preset("oled-128x64").profile
    };
    let blobs = [
        article_blob(preset("2.9in").profile, FontId::Mono6x10),
        article_blob(oled, FontId::Mono6x10),
        // Pages of several kilobytes: more text than a page keeps to draw it from (the
        // rest is decoded again, from where keeping stopped).
        article_blob(preset("7.5in").profile, FontId::Mono6x10),
        RICH.to_vec(),
        BOOK.to_vec(),
        build_default(&readme, "4.2in").unwrap().blob,
    ];
    let (mut pages, mut longest) = (0, 0);
    for blob in blobs {
        let stale = with_stale_page_index(&blob);
        let book = Book::from_bytes(&stale).unwrap();
        let built = book.built_for().unwrap().profile;
        let flush_left = inkleaf::Profile {
            align: inkleaf::layout::Align::Left,
            ..built
        };
        for profile in [built, flush_left] {
            let layout = Layout::new(&book, profile, book.layout_font().unwrap()).unwrap();
            assert!(layout.page_index().is_none());
            let total = layout.page_count();
            let (width, height) = (u32::from(profile.width), u32::from(profile.height));
            let bytes = Framebuffer::<&mut [u8]>::bytes_needed(width, height);
            let (mut one_pass, mut apart) = (vec![0u8; bytes], vec![0u8; bytes]);
            for page in layout.pages() {
                let mut screen = Framebuffer::new(&mut one_pass[..], width, height).unwrap();
                let drawn = layout
                    .draw_counted_page_into(page.index, page.start, total, &mut screen)
                    .unwrap();
                assert_eq!(drawn, page.with_total(total), "page {}", page.index);
                let mut other = Framebuffer::new(&mut apart[..], width, height).unwrap();
                page.with_total(total).draw_into(&mut other);
                assert!(one_pass == apart, "page {}: the same pixels", page.index);
                pages += 1;
                let bytes: u32 = page.lines().unwrap().map(|l| l.end - l.start).sum();
                longest = longest.max(bytes);
            }
        }
    }
    assert!(pages > 300, "{pages} pages compared");
    assert!(longest > 4096, "a page of {longest} bytes at most");
}

/// A blob the fuzzer made, its coded text's hyphenation points inside characters: laid out
/// justified on the device, its first paragraph ended at such a point (the rest of it never
/// shown), and its lines set otherwise when their recorded breaks were read back. A point
/// inside a character is now no break, and turning to the page draws it exactly as laying it
/// out and drawing it does.
#[test]
fn a_page_whose_lines_set_otherwise_when_read_back_draws_as_laid_out() {
    let mut blob = include_bytes!("../fixtures/fuzz/breaks-that-set-otherwise.bin").to_vec();
    let payload_len = (blob.len() - 16) as u32;
    blob[8..12].copy_from_slice(&payload_len.to_le_bytes());
    fix_crc(&mut blob);
    let book = Book::from_bytes(&blob).unwrap();
    let font = book.layout_font().unwrap();
    let profile = book.built_for().unwrap().profile;
    let layout = Layout::new(&book, profile, &font).unwrap();
    assert!(layout.page_index().is_none());
    let (width, height) = (u32::from(profile.width), u32::from(profile.height));
    let bytes = Framebuffer::<&mut [u8]>::bytes_needed(width, height);
    let (mut one_pass, mut apart) = (vec![0u8; bytes], vec![0u8; bytes]);
    let page = layout.page(0).unwrap().with_total(2);
    let lines: Vec<Line> = page.lines().unwrap().collect();
    let first: Vec<&Line> = lines.iter().filter(|l| l.block == 0).collect();
    let last = first.last().unwrap();
    let len = book.block(0).unwrap().text.len() as u32;
    assert_eq!(
        (last.end_kind, last.end),
        (LineEnd::BlockEnd, len),
        "the paragraph whole"
    );
    let mut other = Framebuffer::new(&mut apart[..], width, height).unwrap();
    page.draw_into(&mut other);
    let mut screen = Framebuffer::new(&mut one_pass[..], width, height).unwrap();
    let drawn = layout
        .draw_counted_page_into(0, page.start, 2, &mut screen)
        .unwrap();
    assert_eq!(drawn, page);
    assert!(one_pass == apart, "the same pixels");
}
