//! A real font section, truncated or corrupted: `PackedFont::from_bytes` rejects it or yields a
//! font whose every lookup and drawing path still works, and never panics.

use std::sync::OnceLock;

use embedded_graphics::pixelcolor::Gray4;
use embedded_graphics::prelude::*;
use inkleaf::font::{Font, FontFault, PackedFont};
use inkleaf::{draw::draw_glyph_gray, font::FontId, Book, Error, Framebuffer, Layout, Profile};
use inkleaf_cli::fonts::{bundled_font, pack_font};
use inkleaf_cli::{build, input, BUNDLED_ARTICLE};
use proptest::prelude::*;

/// The article's characters in DejaVu Sans 14 px at 2 bits per pixel.
fn section() -> &'static [u8] {
    static SECTION: OnceLock<Vec<u8>> = OnceLock::new();
    SECTION.get_or_init(|| {
        let dejavu = bundled_font("dejavu-sans").unwrap();
        pack_font(dejavu, 14, BUNDLED_ARTICLE.chars(), 2).unwrap().0
    })
}

/// A short paragraph with quotes and a dash, as a blob.
fn blob() -> Vec<u8> {
    let text = "Diplomats described it as “tense but not yet broken” — in one hour.";
    let doc = input::parse_text(text);
    build::build(&doc, Profile::new(96, 64), FontId::Mono6x10)
        .unwrap()
        .blob
}

/// A target that takes any pixel anywhere.
struct Sink(u32);

impl OriginDimensions for Sink {
    fn size(&self) -> Size {
        Size::new(64, 64)
    }
}

impl DrawTarget for Sink {
    type Color = Gray4;
    type Error = core::convert::Infallible;

    fn draw_iter<I: IntoIterator<Item = Pixel<Gray4>>>(
        &mut self,
        pixels: I,
    ) -> Result<(), Self::Error> {
        self.0 += pixels.into_iter().count() as u32;
        Ok(())
    }
}

/// Every lookup, glyph read and drawing path, on a font that passed the checks.
fn exercise(font: &PackedFont<'_>) {
    let probe = ['a', '“', '—', '…', '\u{E000}', '?', ' '];
    let chars: Vec<char> = font.chars().chain(probe).collect();
    let _ = (font.line_height(), font.max_advance(), font.baseline());
    for &c in &chars {
        let _ = font.advance(c);
        for glyph in font.glyphs(c) {
            for y in 0..glyph.top + glyph.height + 1 {
                for x in 0..glyph.width + 1 {
                    let _ = glyph.pixel(x, y);
                }
            }
            draw_glyph_gray(&glyph, Point::new(-3, 40), &mut Sink(0)).unwrap();
        }
        for &d in chars.iter().take(8) {
            let _ = font.kerning(c, d);
        }
    }
    // Layout and both 1-bit drawing paths.
    let blob = blob();
    let book = Book::from_bytes(&blob).unwrap();
    if let Ok(layout) = Layout::new(&book, Profile::new(96, 64), font) {
        let bytes = vec![0u8; Framebuffer::<Vec<u8>>::bytes_needed(96, 64)];
        let mut framebuffer = Framebuffer::new(bytes, 96, 64).unwrap();
        for page in layout.pages().take(4) {
            page.with_total(4).draw_into(&mut framebuffer);
            page.draw_gray(&mut Sink(0)).unwrap();
        }
    }
}

#[test]
fn the_real_section_passes_and_works() {
    exercise(&PackedFont::from_bytes(section()).unwrap());
}

#[test]
fn every_truncation_is_rejected() {
    let bytes = section();
    for len in 0..bytes.len() {
        let err = PackedFont::from_bytes(&bytes[..len]).unwrap_err();
        assert!(
            matches!(err, Error::BadFont(FontFault::Truncated { .. })),
            "{len}: {err:?}"
        );
    }
}

#[test]
fn a_trailing_byte_is_rejected() {
    let mut bytes = section().to_vec();
    bytes.push(0);
    assert_eq!(
        PackedFont::from_bytes(&bytes),
        Err(Error::BadFont(FontFault::TrailingBytes(1)))
    );
}

#[test]
fn most_single_byte_corruptions_of_the_tables_are_rejected() {
    let bytes = section();
    let font = PackedFont::from_bytes(bytes).unwrap();
    // Header, glyph records and kerning records; bitmaps carry no redundancy to check.
    let tables = 20 + 11 * font.glyph_count() + 5 * font.kerning_pairs();
    let (mut rejected, mut tried) = (0, 0);
    for at in 0..tables {
        for xor in [0x01, 0x10, 0x80, 0xFF] {
            let mut corrupt = bytes.to_vec();
            corrupt[at] ^= xor;
            tried += 1;
            match PackedFont::from_bytes(&corrupt) {
                Ok(font) => exercise(&font),
                Err(_) => rejected += 1,
            }
        }
    }
    println!("rejected {rejected} of {tried} single-byte table corruptions");
    assert!(rejected * 10 >= tried * 7, "{rejected} of {tried}");
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 512,
        // Failing cases are kept beside this file (`font_corruption.proptest-regressions`).
        failure_persistence: Some(Box::new(
            proptest::test_runner::FileFailurePersistence::WithSource("proptest-regressions"),
        )),
        ..ProptestConfig::default()
    })]

    #[test]
    fn corrupted_sections_never_panic(
        edits in prop::collection::vec((any::<prop::sample::Index>(), 1u8..), 1..6),
    ) {
        let mut corrupt = section().to_vec();
        for (at, xor) in edits {
            let i = at.index(corrupt.len());
            corrupt[i] ^= xor;
        }
        if let Ok(font) = PackedFont::from_bytes(&corrupt) {
            exercise(&font);
        }
    }

    #[test]
    fn random_bytes_behind_a_valid_header_never_panic(
        body in prop::collection::vec(any::<u8>(), 0..400),
        counts in (0u16..40, 0u16..40, 0u32..300),
    ) {
        let mut bytes = section()[..20].to_vec();
        bytes[12..14].copy_from_slice(&counts.0.to_le_bytes());
        bytes[14..16].copy_from_slice(&counts.1.to_le_bytes());
        bytes[16..20].copy_from_slice(&counts.2.to_le_bytes());
        bytes.extend_from_slice(&body);
        if let Ok(font) = PackedFont::from_bytes(&bytes) {
            exercise(&font);
        }
    }
}
