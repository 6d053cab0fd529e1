//! Kerned text measures as it draws: the width layout gives every line is exactly what the
//! drawing routine's pen travels, pair kerning included, so justified lines meet the margin.

use inkleaf::font::{Face, Family, Font, PackedFont};
use inkleaf::{
    font::FontId,
    layout::{Align, Margins},
    Book, Layout, Profile,
};

/// DejaVu Sans at `px`, 1 bit, for the article's characters.
fn dejavu(px: u32) -> Vec<u8> {
    let font = inkleaf_cli::fonts::bundled_font("dejavu-sans").unwrap();
    let chars = inkleaf_cli::BUNDLED_ARTICLE.chars();
    inkleaf_cli::fonts::pack_font(font, px, chars, 1).unwrap().0
}

/// The pen's travel over a line as drawing moves it, and the pairs it draws kerned.
fn pen_travel<F: Family>(layout: &Layout<'_, F>, line: &inkleaf::layout::Line) -> (u32, u32) {
    // The article is all regular text.
    let font = layout.fonts().face(Face::Regular);
    let (mut kerned, mut before) = (0u32, None);
    let travel = layout.for_each_glyph(line, |x, c| {
        if let Some((left, previous)) = before {
            let k = font.kerning(previous, c);
            let moved = i64::from(x) - i64::from(left + font.advance(previous));
            kerned += u32::from(k != 0 && moved == i64::from(k));
        }
        before = Some((x, c));
    });
    (travel, kerned)
}

#[test]
fn every_line_draws_as_wide_as_it_measures() {
    let section = dejavu(14);
    let font = PackedFont::from_bytes(&section).unwrap();
    let doc = inkleaf_tests::blobs::article();
    let mut kerned_pairs = 0;
    for (width, align) in [
        (296, Align::Justify),
        (250, Align::Justify),
        (180, Align::Justify),
        (296, Align::Left),
    ] {
        let profile = Profile {
            margins: Margins::all(4),
            align,
            ..Profile::new(width, 128)
        };
        let blob = inkleaf_cli::build::build(&doc, profile, FontId::Mono6x10)
            .unwrap()
            .blob;
        let book = Book::from_bytes(&blob).unwrap();
        let layout = Layout::new(&book, profile, font).unwrap();
        for page in layout.pages() {
            for line in page.lines().unwrap() {
                let (travel, kerned) = pen_travel(&layout, &line);
                kerned_pairs += kerned;
                assert_eq!(
                    travel,
                    layout.drawn_width(&line),
                    "{:?} at {width} px ({align:?})",
                    layout.line_text(&line)
                );
                assert!(
                    travel <= layout.text_width(),
                    "{:?} overflows",
                    layout.line_text(&line)
                );
            }
        }
    }
    assert!(
        kerned_pairs > 40,
        "the article must exercise kerning, saw {kerned_pairs} pairs"
    );
}
