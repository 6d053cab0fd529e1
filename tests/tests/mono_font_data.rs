//! The engine's mono font bitmaps (`engine/src/font/mono_data.rs`) are what their generator
//! (`tests/src/mono_data.rs`) writes, and pixel for pixel the embedded-graphics ISO 8859-1 fonts
//! they were generated from.

use embedded_graphics::mock_display::MockDisplay;
use embedded_graphics::mono_font::{iso_8859_1, MonoFont as EgFont, MonoTextStyle};
use embedded_graphics::pixelcolor::BinaryColor;
use embedded_graphics::prelude::Point;
use embedded_graphics::text::{Baseline, Text};
use embedded_graphics::Drawable;
use inkleaf::font::{Font, MonoFont, MONO_10X20, MONO_6X10, MONO_8X13};
use inkleaf_tests::mono_data;

#[test]
fn committed_font_data_is_what_the_generator_writes() {
    let committed = include_str!("../../engine/src/font/mono_data.rs");
    // Compared as text, and by line so a failure names the first line that differs.
    for (line, (ours, generated)) in committed
        .lines()
        .zip(mono_data::generate().lines())
        .enumerate()
    {
        assert_eq!(
            ours,
            generated,
            "{} line {} differs: rerun `cargo run -p inkleaf-tests --example gen_mono_fonts`",
            mono_data::PATH,
            line + 1
        );
    }
    assert_eq!(
        committed,
        mono_data::generate(),
        "{} differs from its generator's output",
        mono_data::PATH
    );
}

/// Every character the mono fonts cover: printable ASCII and Latin-1.
fn covered() -> impl Iterator<Item = char> {
    ('\u{20}'..='\u{7E}').chain('\u{A0}'..='\u{FF}')
}

/// `c` as embedded-graphics draws it, top-left at the origin.
fn reference(font: &EgFont<'_>, c: char) -> MockDisplay<BinaryColor> {
    let mut display = MockDisplay::new();
    let mut text = [0u8; 4];
    Text::with_baseline(
        c.encode_utf8(&mut text),
        Point::zero(),
        MonoTextStyle::new(font, BinaryColor::On),
        Baseline::Top,
    )
    .draw(&mut display)
    .unwrap();
    display
}

fn check_font(ours: &MonoFont, theirs: &EgFont<'_>) {
    let size = theirs.character_size;
    assert_eq!((ours.width, ours.height), (size.width, size.height));
    assert_eq!(ours.line_height(), size.height);
    let mut inked = 0;
    for c in covered() {
        let glyph = ours
            .glyph(c)
            .unwrap_or_else(|| panic!("{} lacks {c:?}", ours.name));
        assert_eq!((glyph.width, glyph.advance), (size.width, size.width));
        // Blank rows above and below the ink may be trimmed, never rows of ink.
        assert!(
            glyph.top + glyph.height <= size.height,
            "{c:?} overflows its cell"
        );
        let drawn = reference(theirs, c);
        // Nothing outside the cell, so comparing the cell compares everything.
        let area = drawn.affected_area();
        assert!(
            area.size.width <= size.width && area.size.height <= size.height,
            "{c:?} draws outside its cell"
        );
        for y in 0..size.height {
            for x in 0..size.width {
                let expected =
                    drawn.get_pixel(Point::new(x as i32, y as i32)) == Some(BinaryColor::On);
                assert_eq!(
                    glyph.pixel(x, y),
                    expected,
                    "{} {c:?} (U+{:04X}) pixel ({x}, {y})",
                    ours.name,
                    c as u32
                );
                inked += usize::from(expected);
            }
        }
    }
    assert!(inked > 1000, "{} has suspiciously little ink", ours.name);
}

#[test]
fn mono_6x10_matches_embedded_graphics() {
    check_font(&MONO_6X10, &iso_8859_1::FONT_6X10);
}

#[test]
fn mono_8x13_matches_embedded_graphics() {
    check_font(&MONO_8X13, &iso_8859_1::FONT_8X13);
}

#[test]
fn mono_10x20_matches_embedded_graphics() {
    check_font(&MONO_10X20, &iso_8859_1::FONT_10X20);
}

#[test]
fn characters_outside_latin_1_have_no_glyph_of_their_own() {
    for font in [&MONO_6X10, &MONO_8X13, &MONO_10X20] {
        for c in [
            '\u{0}', '\n', '\u{1F}', '\u{7F}', '\u{80}', '\u{9F}', '\u{100}', '—', '漢',
        ] {
            assert_eq!(font.glyph(c), None, "{} {c:?}", font.name);
        }
        // Pixels outside the cell are blank.
        let glyph = font.glyph('\u{FF}').unwrap();
        for y in 0..font.height + 2 {
            assert!(!glyph.pixel(font.width, y) && !glyph.pixel(u32::MAX, y));
        }
        assert!((0..font.width).all(|x| !glyph.pixel(x, font.height)));
    }
}
