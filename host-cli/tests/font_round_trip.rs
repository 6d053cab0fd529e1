//! Packing the article's characters in DejaVu Sans 14 px and reading them back in the engine:
//! every glyph there, bitmaps equal to the host's quantizing of fontdue's coverage, kerning
//! equal to fontdue's.

use inkleaf::font::{Font, Glyph, PackedFont};
use inkleaf_cli::fonts::{bundled_font, level, pack_font, ENGINE_CHARS};
use inkleaf_cli::BUNDLED_ARTICLE;

const PX: u32 = 14;

fn dejavu() -> fontdue::Font {
    let settings = fontdue::FontSettings {
        scale: PX as f32,
        ..fontdue::FontSettings::default()
    };
    fontdue::Font::from_bytes(bundled_font("dejavu-sans").unwrap(), settings).unwrap()
}

fn article_chars() -> Vec<char> {
    let mut chars: Vec<char> = BUNDLED_ARTICLE
        .chars()
        .filter(|c| !c.is_control())
        .collect();
    chars.sort_unstable();
    chars.dedup();
    chars
}

fn section(bpp: u8) -> Vec<u8> {
    let (bytes, missing) = pack_font(
        bundled_font("dejavu-sans").unwrap(),
        PX,
        BUNDLED_ARTICLE.chars(),
        bpp,
    )
    .unwrap();
    assert_eq!(missing, [], "DejaVu Sans lacks some of the article");
    bytes
}

#[test]
fn every_article_char_comes_back_at_every_depth() {
    for bpp in [1, 2, 4] {
        let bytes = section(bpp);
        let font = PackedFont::from_bytes(&bytes).unwrap();
        assert_eq!((font.bits_per_pixel(), font.px()), (bpp, PX as u16));
        for c in article_chars().into_iter().chain(ENGINE_CHARS.chars()) {
            let glyph = font.glyph(c).unwrap_or_else(|| panic!("{c:?} missing"));
            assert_eq!(glyph.bpp, bpp);
            assert!(glyph.top + glyph.height <= font.line_height(), "{c:?}");
        }
        for c in ['“', '”', '’', '—'] {
            assert!(font.glyph(c).is_some(), "{c:?} at {bpp} bpp");
        }
        // Nothing else: the subset is the article plus what the engine draws itself.
        let expected = article_chars().len()
            + ENGINE_CHARS
                .chars()
                .filter(|c| !BUNDLED_ARTICLE.contains(*c))
                .count();
        assert_eq!(font.glyph_count(), expected);
        assert!(font.chars().all(|c| font.glyph(c).is_some()));
        assert_eq!(font.glyph('\u{4E2D}'), None);
        println!(
            "DejaVu Sans {PX} px, {bpp} bpp: {} bytes, {} glyphs, {} kerning pairs, line {} px, baseline {}",
            bytes.len(),
            font.glyph_count(),
            font.kerning_pairs(),
            font.line_height(),
            font.baseline(),
        );
    }
}

/// The packed level at pen-relative column `x`, line row `y`.
fn packed_level(glyph: &Glyph<'_>, x: i32, y: i32) -> u8 {
    let (Ok(col), Ok(row)) = (u32::try_from(x - glyph.left), u32::try_from(y)) else {
        return 0;
    };
    glyph.coverage(col, row)
}

#[test]
fn bitmaps_are_the_hosts_levels_of_fontdue_coverage() {
    let reference = dejavu();
    for bpp in [1, 2, 4] {
        let bytes = section(bpp);
        let font = PackedFont::from_bytes(&bytes).unwrap();
        let baseline = font.baseline() as i32;
        for c in font.chars() {
            let glyph = font.glyph(c).unwrap();
            let (m, coverage) = reference.rasterize(c, PX as f32);
            assert_eq!(glyph.advance as f32, m.advance_width.round(), "{c:?}");
            let top = baseline - (m.ymin + m.height as i32);
            // Compare over both boxes: trimming may only drop pixels that quantize to paper.
            let left = m.xmin.min(glyph.left);
            let right = (m.xmin + m.width as i32).max(glyph.left + glyph.width as i32);
            for y in 0..font.line_height() as i32 {
                for x in left..right {
                    let (i, j) = (x - m.xmin, y - top);
                    let inside =
                        (0..m.width as i32).contains(&i) && (0..m.height as i32).contains(&j);
                    let expected = if inside {
                        level(coverage[(j * m.width as i32 + i) as usize], bpp, PX)
                    } else {
                        0
                    };
                    assert_eq!(
                        packed_level(&glyph, x, y),
                        expected,
                        "{c:?} at {bpp} bpp, pixel ({x}, {y})"
                    );
                }
            }
        }
    }
}

#[test]
fn kerning_matches_fontdue_for_the_subset() {
    let reference = dejavu();
    let bytes = section(1);
    let font = PackedFont::from_bytes(&bytes).unwrap();
    let chars: Vec<char> = font.chars().collect();
    let mut kerned = 0;
    for &l in &chars {
        for &r in &chars {
            let expected = reference
                .horizontal_kern(l, r, PX as f32)
                .map_or(0, |k| k.round() as i32);
            assert_eq!(font.kerning(l, r), expected, "{l:?}{r:?}");
            kerned += usize::from(expected != 0);
        }
    }
    assert_eq!(kerned, font.kerning_pairs());
    assert!(kerned > 0, "DejaVu Sans kerns pairs such as 'T' 'o'");
    assert_eq!(font.kerning('T', '\u{4E2D}'), 0);
}

#[test]
fn stand_ins_and_missing_chars() {
    let dejavu = bundled_font("dejavu-sans").unwrap();
    // U+E000 is private use: DejaVu has no glyph, nor any stand-in.
    let (bytes, missing) = pack_font(dejavu, PX, "ok\u{E000}\n".chars(), 2).unwrap();
    assert_eq!(missing, ['\u{E000}']);
    let font = PackedFont::from_bytes(&bytes).unwrap();
    assert_eq!(font.advance('\u{E000}'), font.advance('?'));
    // The widest advance counts the "--" stand-in for an em dash: two hyphens.
    let widest = font.chars().map(|c| font.advance(c)).max().unwrap();
    assert_eq!(font.advance('—'), 2 * font.advance('-'));
    assert_eq!(font.max_advance(), widest.max(font.advance('—')));
}

#[test]
fn widest_advance_counts_multi_char_stand_ins() {
    let dejavu = bundled_font("dejavu-sans").unwrap();
    // DejaVu has '…' itself, so pack without it: "..." stands in, three glyphs wide.
    let (bytes, _) = pack_font(dejavu, PX, "mw.".chars(), 1).unwrap();
    let font = PackedFont::from_bytes(&bytes).unwrap();
    assert_eq!(font.glyph('…'), None);
    assert_eq!(font.advance('…'), 3 * font.advance('.'));
    let widest = font.chars().map(|c| font.advance(c)).max().unwrap();
    assert_eq!(
        font.max_advance(),
        widest.max(3 * font.advance('.')).max(2 * font.advance('-'))
    );
}

#[test]
fn bad_arguments_are_errors() {
    use inkleaf_cli::fonts::FontError;
    let dejavu = bundled_font("dejavu-sans").unwrap();
    assert_eq!(
        pack_font(dejavu, 14, "a".chars(), 3).unwrap_err(),
        FontError::UnsupportedBitsPerPixel(3)
    );
    assert_eq!(
        pack_font(dejavu, 0, "a".chars(), 1).unwrap_err(),
        FontError::UnsupportedSize(0)
    );
    assert!(matches!(
        pack_font(b"not a font", 14, "a".chars(), 1),
        Err(FontError::Parse(_))
    ));
}
