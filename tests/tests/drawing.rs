//! Drawing pages: errors from the display reach the caller untouched, and small pages look
//! exactly like their pictures.

use embedded_graphics::mock_display::MockDisplay;
use embedded_graphics::mono_font::{iso_8859_1::FONT_6X10, MonoTextStyle};
use embedded_graphics::pixelcolor::BinaryColor;
use embedded_graphics::prelude::{Point, Size};
use embedded_graphics::text::{Baseline, Text};
use embedded_graphics::Drawable;
use inkleaf::{
    font::FontId,
    layout::{Align, Margins},
    text::BlockKind,
    Book, Layout, Profile,
};
use inkleaf_tests::blobs::pack_blocks;
use inkleaf_tests::targets::{FailingTarget, MyError};

/// A `width` x `height` profile with no margins and no spacing, in `align`.
fn tiny(width: u16, height: u16, align: Align) -> Profile {
    let mut profile = Profile::new(width, height);
    profile.margins = Margins::all(0);
    profile.paragraph_spacing = 0;
    profile.align = align;
    profile
}

/// Draws page `index` of `blocks` laid out on `profile` in 6x10, footer total `total`.
fn render(
    blocks: &[(BlockKind, &str)],
    profile: Profile,
    index: u32,
    total: Option<u32>,
) -> MockDisplay<BinaryColor> {
    let blob = pack_blocks(blocks);
    let book = Book::from_bytes(&blob).unwrap();
    let layout = Layout::new(&book, profile, FontId::Mono6x10.font()).unwrap();
    let page = layout.page(index).unwrap();
    let mut display = MockDisplay::new();
    // The page is cleared to paper first, then inked.
    display.set_allow_overdraw(true);
    let page = match total {
        Some(total) => page.with_total(total),
        None => page,
    };
    page.draw(&mut display).unwrap();
    display
}

const SIX_IS: &[(BlockKind, &str)] = &[(BlockKind::Paragraph, "I I I I I I")];

#[test]
fn left_aligned_lines_keep_one_space_between_words() {
    render(SIX_IS, tiny(40, 20, Align::Left), 0, None).assert_pattern(&[
        "........................................",
        ".###.........###.........###............",
        "..#...........#...........#.............",
        "..#...........#...........#.............",
        "..#...........#...........#.............",
        "..#...........#...........#.............",
        "..#...........#...........#.............",
        ".###.........###.........###............",
        "........................................",
        "........................................",
        "........................................",
        ".###.........###.........###............",
        "..#...........#...........#.............",
        "..#...........#...........#.............",
        "..#...........#...........#.............",
        "..#...........#...........#.............",
        "..#...........#...........#.............",
        ".###.........###.........###............",
        "........................................",
        "........................................",
    ]);
}

#[test]
fn justified_lines_reach_the_right_edge_but_the_last_stays_left() {
    // Four letters need 42 pixels of 40: Knuth–Plass shrinks three gaps by 2 pixels in all
    // (a third of a space each at most) rather than stretch two lines of three; the last line
    // keeps normal gaps.
    render(SIX_IS, tiny(40, 20, Align::Justify), 0, None).assert_pattern(&[
        "........................................",
        ".###.........###........###........###..",
        "..#...........#..........#..........#...",
        "..#...........#..........#..........#...",
        "..#...........#..........#..........#...",
        "..#...........#..........#..........#...",
        "..#...........#..........#..........#...",
        ".###.........###........###........###..",
        "........................................",
        "........................................",
        "........................................",
        ".###.........###........................",
        "..#...........#.........................",
        "..#...........#.........................",
        "..#...........#.........................",
        "..#...........#.........................",
        "..#...........#.........................",
        ".###.........###........................",
        "........................................",
        "........................................",
    ]);
}

#[test]
fn a_word_wider_than_the_line_is_split_with_a_hyphen() {
    let blocks = [(BlockKind::Paragraph, "IIIIIIIIII")];
    render(&blocks, tiny(40, 20, Align::Justify), 0, None).assert_pattern(&[
        "........................................",
        ".###...###...###...###...###............",
        "..#.....#.....#.....#.....#.............",
        "..#.....#.....#.....#.....#.............",
        "..#.....#.....#.....#.....#...#####.....",
        "..#.....#.....#.....#.....#.............",
        "..#.....#.....#.....#.....#.............",
        ".###...###...###...###...###............",
        "........................................",
        "........................................",
        "........................................",
        ".###...###...###...###...###............",
        "..#.....#.....#.....#.....#.............",
        "..#.....#.....#.....#.....#.............",
        "..#.....#.....#.....#.....#.............",
        "..#.....#.....#.....#.....#.............",
        "..#.....#.....#.....#.....#.............",
        ".###...###...###...###...###............",
        "........................................",
        "........................................",
    ]);
}

#[test]
fn headings_are_bold_and_paragraphs_are_spaced() {
    let blocks = [(BlockKind::Heading(2), "I"), (BlockKind::Paragraph, "I")];
    let mut profile = tiny(30, 23, Align::Left);
    profile.paragraph_spacing = 3;
    render(&blocks, profile, 0, None).assert_pattern(&[
        "..............................",
        ".####.........................",
        "..##..........................",
        "..##..........................",
        "..##..........................",
        "..##..........................",
        "..##..........................",
        ".####.........................",
        "..............................",
        "..............................",
        "..............................",
        "..............................",
        "..............................",
        "..............................",
        ".###..........................",
        "..#...........................",
        "..#...........................",
        "..#...........................",
        "..#...........................",
        "..#...........................",
        ".###..........................",
        "..............................",
        "..............................",
    ]);
}

/// The footer text as embedded-graphics itself draws it, at `x` in the footer row of `height`.
fn footer_reference(label: &str, x: i32, height: i32) -> MockDisplay<BinaryColor> {
    let mut display = MockDisplay::new();
    let style = MonoTextStyle::new(&FONT_6X10, BinaryColor::On);
    Text::with_baseline(label, Point::new(x, height - 10), style, Baseline::Top)
        .draw(&mut display)
        .unwrap();
    display
}

/// Rows `from..` of `display` as `#`/`.` strings, so a band can be compared alone.
fn rows_from(display: &MockDisplay<BinaryColor>, from: i32, width: i32) -> Vec<String> {
    (from..64)
        .map(|y| {
            (0..width)
                .map(|x| match display.get_pixel(Point::new(x, y)) {
                    Some(BinaryColor::On) => '#',
                    _ => '.',
                })
                .collect()
        })
        .collect()
}

const LONG: &[(BlockKind, &str)] = &[(
    BlockKind::Paragraph,
    "Enough words to fill more than one small page of text, so that the footer has a total \
     larger than one and the second page can be drawn too.",
)];

#[test]
fn the_footer_shows_page_x_of_y_when_the_profile_asks() {
    let mut profile = tiny(64, 64, Align::Left);
    profile.footer = true;
    // 64 px less a 15 px footer band leaves 4 lines of text.
    let drawn = render(LONG, profile, 1, Some(3));
    // "page 2 / 3" is 60 px wide, centred: 2 px either side, in the bottom 10 px.
    assert_eq!(
        rows_from(&drawn, 49, 64),
        rows_from(&footer_reference("page 2 / 3", 2, 64), 49, 64)
    );
    assert!(rows_from(&drawn, 0, 64)[..40]
        .iter()
        .any(|row| row.contains('#')));

    // Without a total there is nothing to show; without the profile flag there is no band.
    let no_total = render(LONG, profile, 1, None);
    assert!(rows_from(&no_total, 49, 64)
        .iter()
        .all(|r| !r.contains('#')));
    profile.footer = false;
    let no_footer = render(&[(BlockKind::Paragraph, "I")], profile, 0, Some(1));
    assert!(rows_from(&no_footer, 10, 64)
        .iter()
        .all(|r| !r.contains('#')));
}

#[test]
fn a_narrow_footer_shortens_its_label_instead_of_running_off_the_display() {
    let mut profile = tiny(40, 64, Align::Left);
    profile.footer = true;
    // "page 1 / 9" is 60 px: on 40 px it becomes "1 / 9", 30 px, centred at 5.
    assert_eq!(
        rows_from(&render(LONG, profile, 0, Some(9)), 49, 40),
        rows_from(&footer_reference("1 / 9", 5, 64), 49, 40)
    );
    // On 29 px (the narrowest a line holding a bold `...` and a hyphen allows) even that
    // is too wide: just the page number, centred at 11.
    profile.width = 29;
    assert_eq!(
        rows_from(&render(LONG, profile, 0, Some(9)), 49, 29),
        rows_from(&footer_reference("1", 11, 64), 49, 29)
    );
}

#[test]
fn a_failing_display_error_reaches_the_caller_untouched() {
    let blocks = [
        (BlockKind::Heading(1), "Bold"),
        (BlockKind::Paragraph, "Body text that wraps over lines."),
    ];
    let blob = pack_blocks(&blocks);
    let mut profile = tiny(64, 64, Align::Justify);
    profile.footer = true;
    let book = Book::from_bytes(&blob).unwrap();
    let layout = Layout::new(&book, profile, FontId::Mono6x10.font()).unwrap();
    let view = layout.page(0).unwrap().with_total(1);
    let size = Size::new(64, 64);

    assert_eq!(
        view.draw(&mut FailingTarget::always(size)),
        Err(MyError { call: 0 })
    );
    // Count the calls a page makes: the clear, every glyph (twice for bold), the footer.
    let mut counter = FailingTarget::from_call(size, usize::MAX);
    assert_eq!(view.draw(&mut counter), Ok(()));
    let calls = counter.calls();
    assert!(calls > 20, "{calls} calls");
    // Whichever call fails, that exact error comes back and drawing stops there.
    for fail_from in 0..calls {
        let mut target = FailingTarget::from_call(size, fail_from);
        assert_eq!(view.draw(&mut target), Err(MyError { call: fail_from }));
        assert_eq!(
            target.calls(),
            fail_from + 1,
            "drawing went on after an error"
        );
    }
}

#[test]
fn leading_spaces_do_not_cancel_paragraph_spacing() {
    let mut profile = tiny(30, 23, Align::Left);
    profile.paragraph_spacing = 3;
    let trimmed = render(
        &[(BlockKind::Paragraph, "I"), (BlockKind::Paragraph, "I")],
        profile,
        0,
        None,
    );
    let padded = render(
        &[(BlockKind::Paragraph, "I"), (BlockKind::Paragraph, "  I")],
        profile,
        0,
        None,
    );
    assert_eq!(rows_from(&padded, 0, 30), rows_from(&trimmed, 0, 30));
}
