//! Pagination invariants on the bundled article and on generated texts, for every display
//! preset: no word lost or repeated, pages chained without gaps, positions mapped back to the
//! right page, nothing drawn outside where it belongs. See `inkleaf_tests::check`.

use inkleaf::{
    font::FontId,
    format::{ChapterRecord, Meta},
    layout::{Align, Line, Margins},
    text::{Block, BlockKind},
    Book, Error, Layout, Page, Position, Profile,
};
use inkleaf_cli::build::build;
use inkleaf_cli::displays::PRESETS;
use inkleaf_cli::pack::pack_to_vec;
use inkleaf_tests::blobs::{
    article, article_blob, edge_to_edge_296x128, pack_blocks, page_kinds, preset,
};
use inkleaf_tests::check::{check_layout, max_lines};
use proptest::prelude::*;

#[test]
fn article_on_every_preset() {
    let doc = article();
    for display in PRESETS {
        let built = build(&doc, display.profile, display.font).unwrap();
        let book = Book::from_bytes(&built.blob).unwrap();
        let layout = Layout::new(&book, display.profile, display.font.font()).unwrap();
        let checked = check_layout(&layout);
        assert_eq!(checked.pages.len() as u32, built.pages, "{}", display.name);
    }
}

#[test]
fn article_edge_to_edge_at_296x128() {
    let profile = edge_to_edge_296x128();
    let blob = article_blob(profile, FontId::Mono6x10);
    let book = Book::from_bytes(&blob).unwrap();
    let layout = Layout::new(&book, profile, FontId::Mono6x10.font()).unwrap();
    check_layout(&layout);
    // 296 px of 6 px cells is 49 columns, and 128 px of 10 px lines is 12 lines.
    assert_eq!(max_lines(&layout), 12);
    // Justified lines may shrink their gaps by up to a third of a space (Knuth–Plass), so a
    // line can hold a few more characters than the 49 columns at normal spacing; that no
    // line is drawn wider than the measure is checked above.
}

#[test]
fn positions_off_a_char_boundary_or_past_the_end_are_out_of_range() {
    let display = preset("2.9in");
    let blob = article_blob(display.profile, display.font);
    let book = Book::from_bytes(&blob).unwrap();
    let layout = Layout::new(&book, display.profile, display.font.font()).unwrap();
    let (block, quote) = book
        .blocks()
        .enumerate()
        .find_map(|(i, b)| b.text.to_string().find('“').map(|at| (i as u32, at as u32)))
        .expect("the article has a curly quote");
    let last = book.block_count() - 1;
    let last_len = book.block(last).unwrap().text.len() as u32;
    let bad = [
        Position::new(block, quote + 1), // inside the three bytes of “
        Position::new(block, quote + 2),
        Position::new(0, book.block(0).unwrap().text.len() as u32 + 1),
        Position::new(last, last_len + 1),
        Position::new(book.block_count(), 1),
        Position::new(book.block_count() + 1, 0),
        Position::new(u32::MAX, u32::MAX),
    ];
    for position in bad {
        let out_of_range = Error::PositionOutOfRange(position);
        assert_eq!(layout.page_of(position), Err(out_of_range));
        assert_eq!(layout.page_at(0, position), Err(out_of_range));
        assert!(matches!(layout.pages_from(0, position), Err(e) if e == out_of_range));
    }
    // Both sides of the quote are fine.
    assert!(layout.page_of(Position::new(block, quote)).is_ok());
    assert!(layout.page_of(Position::new(block, quote + 3)).is_ok());
}

#[test]
fn a_heading_moves_to_the_next_page_with_its_text() {
    let mut profile = Profile::new(64, 35);
    profile.margins = Margins::all(0);
    profile.paragraph_spacing = 0;
    // Leading spaces must not hide that the heading starts its block.
    for heading in ["Head", "  Head"] {
        let blob = pack_blocks(&[
            (BlockKind::Paragraph, "aaaa bbbb cccc dddd"),
            (BlockKind::Heading(2), heading),
            (BlockKind::Paragraph, "body"),
        ]);
        let book = Book::from_bytes(&blob).unwrap();
        let layout = Layout::new(&book, profile, FontId::Mono6x10.font()).unwrap();
        // The heading (20 + 5 px gap) would fit on page 1, the line after it would not.
        let pages = check_layout(&layout).pages;
        assert_eq!(pages.len(), 2, "{heading:?}");
        assert_eq!(pages[0].0.lines, 2, "{heading:?}");
        assert!(pages[1].1[0].kind.is_heading() && pages[1].1[0].first_in_block);
    }
}

/// One word of generated text.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => "[a-z]{1,9}",
        2 => "[A-Z][a-z]{0,8}[.,;:!?]?",
        // Longer than a line on every preset (the 7.5in panel has 75 columns).
        1 => "[a-zé]{30,200}",
        2 => "[a-z]{1,8}-[a-z]{1,8}",
        1 => "[a-z]{1,8}-[a-z]{1,8}-[a-z]{1,8}",
        2 => "[a-z]{1,8}—[a-z]{1,8}",
        1 => "[a-z]{0,8}—",
        1 => "“[a-z]{1,8}[.,]?”",
        1 => "[a-z]{1,6}’[a-z]{1,3}",
        2 => "[àáâãäåæçèéêëìíîïñòóôõöøùúûüýþÿßœšžŁł]{1,10}",
        1 => "[a-z]{0,4}[–…«»•][a-z]{0,4}",
        1 => "[a-z]{0,3}[漢字ЖΩ]",
    ]
}

/// What goes between two words: mostly one space, sometimes several, a tab or a newline.
fn separator() -> impl Strategy<Value = &'static str> {
    prop_oneof![12 => Just(" "), 3 => Just("  "), 1 => Just("     "), 1 => Just("\t"), 1 => Just("\n")]
}

fn text(words: std::ops::Range<usize>) -> impl Strategy<Value = String> {
    (
        prop::collection::vec((word(), separator()), words),
        prop_oneof![4 => Just(""), 1 => Just("  ")],
    )
        .prop_map(|(words, lead)| {
            let mut text = lead.to_owned();
            for (i, (word, sep)) in words.iter().enumerate() {
                if i > 0 {
                    text.push_str(sep);
                }
                text.push_str(word);
            }
            text
        })
}

fn block() -> impl Strategy<Value = (BlockKind, String)> {
    prop_oneof![
        4 => text(1..60).prop_map(|t| (BlockKind::Paragraph, t)),
        1 => (1u8..=6, text(1..8)).prop_map(|(level, t)| (BlockKind::Heading(level), t)),
    ]
}

fn blob_of(blocks: &[(BlockKind, String)]) -> Vec<u8> {
    let blocks: Vec<Block<'_>> = blocks
        .iter()
        .map(|(kind, text)| Block::new(*kind, text))
        .collect();
    pack_to_vec(&inkleaf::build::Contents::plain(Meta::default(), &blocks)).unwrap()
}

/// A display of any plausible size and settings, in any built-in font.
fn profile() -> impl Strategy<Value = (Profile, FontId)> {
    (
        (40u16..420, 24u16..300, 0u16..12),
        (0u16..4, 0u16..8, any::<bool>(), any::<bool>()),
        (
            prop::sample::select(FontId::ALL.to_vec()),
            prop::sample::select(vec![0u16, 12]),
        ),
    )
        .prop_map(
            |((width, height, margin), (line, paragraph, justify, footer), (font, indent))| {
                let profile = Profile {
                    width,
                    height,
                    margins: Margins::all(margin),
                    line_spacing: line,
                    paragraph_spacing: paragraph,
                    indent,
                    align: if justify { Align::Justify } else { Align::Left },
                    footer,
                };
                (profile, font)
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn generated_texts_on_every_preset(blocks in prop::collection::vec(block(), 1..8)) {
        let blob = blob_of(&blocks);
        let book = Book::from_bytes(&blob).unwrap();
        for display in page_kinds() {
            let layout = Layout::new(&book, display.profile, display.font.font()).unwrap();
            check_layout(&layout);
        }
    }

    #[test]
    fn generated_texts_on_random_profiles(
        blocks in prop::collection::vec(block(), 1..6),
        (profile, font) in profile(),
    ) {
        let blob = blob_of(&blocks);
        let book = Book::from_bytes(&blob).unwrap();
        // Too small for the font is a typed error; anything else must lay out correctly.
        match Layout::new(&book, profile, font.font()) {
            Ok(layout) => { check_layout(&layout); }
            Err(e) => prop_assert!(matches!(e, Error::ProfileTooSmall { .. }), "{e:?}"),
        }
    }
}

/// Chapters over `blocks`: each pick names a block (modulo their number), a level and whether
/// the chapter opens a page; in block order.
fn blob_with_chapters(blocks: &[(BlockKind, String)], picks: &[(usize, u8, bool)]) -> Vec<u8> {
    let blocks_in: Vec<Block<'_>> = blocks
        .iter()
        .map(|(kind, text)| Block::new(*kind, text))
        .collect();
    let mut chapters: Vec<ChapterRecord<'_>> = picks
        .iter()
        .map(|&(block, level, new_page)| ChapterRecord {
            block: (block % blocks.len()) as u32,
            level,
            new_page,
            title: "A chapter",
            language: "",
        })
        .collect();
    chapters.sort_by_key(|c| c.block);
    let contents = inkleaf::build::Contents {
        chapters: &chapters,
        ..inkleaf::build::Contents::plain(Meta::default(), &blocks_in)
    };
    pack_to_vec(&contents).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Chapters that open a page move no word: every page is shown once, and each such
    /// chapter's first line opens the page the API gives it.
    #[test]
    fn generated_books_with_chapters_on_every_preset(
        blocks in prop::collection::vec(block(), 1..10),
        picks in prop::collection::vec((0usize..64, 1u8..=8, any::<bool>()), 0..6),
    ) {
        let blob = blob_with_chapters(&blocks, &picks);
        let book = Book::from_bytes(&blob).unwrap();
        for display in page_kinds() {
            let layout = Layout::new(&book, display.profile, display.font.font()).unwrap();
            check_layout(&layout);
            let lines: Vec<(u32, Line)> = layout
                .pages()
                .flat_map(|page| page.lines().unwrap().map(move |line| (page.index, line)))
                .collect();
            for chapter in book.chapters() {
                // The page of its first line, which opens the page when the chapter says so.
                let first = lines.iter().find(|(_, line)| line.position() >= chapter.start);
                let Some(&(page, line)) = first else { continue };
                prop_assert_eq!(layout.chapter_page(chapter.index), Ok(page));
                let opens = layout.page(page).unwrap().start == line.position();
                prop_assert!(!chapter.new_page || opens, "{:?} on page {}", chapter, page);
            }
        }
    }
}

/// A layout remembers where coded text can resume near the last page ends. Whatever order
/// pages are opened and drawn in, each must come out exactly as on a layout that has seen
/// nothing before.
#[test]
fn pages_opened_in_any_order_match_a_fresh_layout() {
    let profile = Profile {
        align: Align::Left,
        ..edge_to_edge_296x128()
    };
    let font = FontId::Mono6x10;
    let blob = article_blob(profile, font);
    let book = Book::from_bytes(&blob).unwrap();
    assert!(
        book.blocks().next().unwrap().text.as_plain().is_none(),
        "coded text"
    );
    // A page from a layout that has turned no page before.
    let fresh = |index: u32| {
        let layout = Layout::new(&book, profile, font.font()).unwrap();
        let page = layout.page(index).unwrap();
        (page.start, page.end, page.lines, draw(page))
    };
    let pages = Layout::new(&book, profile, font.font())
        .unwrap()
        .page_count();
    let warm = Layout::new(&book, profile, font.font()).unwrap();
    let mut order: Vec<u32> = (0..pages).collect();
    order.extend((0..pages).rev());
    order.extend([5, 2, 3, 9, 8, 1, 0, 7].into_iter().filter(|&n| n < pages));
    for index in order {
        let page = warm.page(index).unwrap();
        let turned = (page.start, page.end, page.lines, draw(page));
        assert_eq!(turned, fresh(index), "page {index}");
    }
    // Turning pages by their ends, as a device does, too.
    let mut start = Position::START;
    for index in 0..pages {
        let page = warm.page_at(index, start).unwrap();
        assert_eq!(
            (page.start, page.end, page.lines, draw(page)),
            fresh(index),
            "turned to page {index}"
        );
        start = page.end;
    }
}

fn draw(page: Page<'_, &inkleaf::font::MonoFont>) -> Vec<u8> {
    let mut frame = inkleaf::Framebuffer::new(vec![0u8; 296 / 8 * 128], 296, 128).unwrap();
    page.draw_into(&mut frame);
    frame.into_inner()
}
