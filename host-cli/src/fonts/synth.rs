//! Faces a family lacks, made from one it has: bold by emboldening, italic by slanting.
//!
//! Both work on fontdue's coverage, before quantizing, so every depth gets the same shapes.

use super::raster::RasterGlyph;

/// How a glyph is changed from its source font's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Synthesis {
    /// As the font draws it.
    None,
    /// Emboldened: see [`embolden`].
    Embolden,
    /// Slanted: see [`slant`].
    Slant,
    /// Emboldened, then slanted.
    EmboldenAndSlant,
}

impl Synthesis {
    /// The synthesis that makes a face `bold` and/or `italic` from a plain one.
    pub fn of(bold: bool, italic: bool) -> Synthesis {
        match (bold, italic) {
            (false, false) => Synthesis::None,
            (true, false) => Synthesis::Embolden,
            (false, true) => Synthesis::Slant,
            (true, true) => Synthesis::EmboldenAndSlant,
        }
    }

    /// `glyph` changed this way at `px` pixels per em.
    pub fn apply(self, glyph: RasterGlyph, px: u32) -> RasterGlyph {
        match self {
            Synthesis::None => glyph,
            Synthesis::Embolden => embolden(&glyph, px),
            Synthesis::Slant => slant(&glyph),
            Synthesis::EmboldenAndSlant => slant(&embolden(&glyph, px)),
        }
    }
}

/// Columns a stroke grows by when emboldened at `px`: DejaVu's bold stems are about 0.05 em
/// wider than its regular ones, which is under a pixel up to 20 px, so one pixel until the
/// size makes a twentieth of an em more.
pub fn embolden_by(px: u32) -> usize {
    ((px as usize + 10) / 20).max(1)
}

/// `glyph` emboldened: every column takes the darkest coverage of itself and the `n` columns
/// left of it ([`embolden_by`]), so each stroke grows `n` pixels to the right, and the advance
/// grows by `n` so that letters do not touch. At 14 px this turns DejaVu Sans' 1.3 px stems
/// into 2.3 px ones, close to DejaVu Sans Bold's 2 px.
pub fn embolden(glyph: &RasterGlyph, px: u32) -> RasterGlyph {
    let n = embolden_by(px);
    if glyph.width == 0 || glyph.height == 0 {
        return RasterGlyph {
            advance: glyph.advance + n as i32,
            ..glyph.clone()
        };
    }
    let width = glyph.width + n;
    let mut coverage = vec![0u8; width * glyph.height];
    for y in 0..glyph.height {
        for x in 0..width {
            coverage[y * width + x] = (0..=n)
                .map(|k| glyph.at(x as i64 - k as i64, y as i64))
                .max()
                .unwrap_or(0);
        }
    }
    RasterGlyph {
        advance: glyph.advance + n as i32,
        width,
        coverage,
        ..glyph.clone()
    }
}

/// The slant of synthesized italics: tan 12°, as 1/1000ths. Real italics lean 9–13°.
pub const SLANT_PER_MILLE: i64 = 213;

/// `glyph` slanted by 12° about the baseline: each row moves right by its height above the
/// baseline times tan 12°, with its coverage split between the two columns it straddles, so
/// that a slanted stem stays one even stroke. Rows below the baseline move left. The advance
/// stays, as an italic's does.
pub fn slant(glyph: &RasterGlyph) -> RasterGlyph {
    if glyph.width == 0 || glyph.height == 0 {
        return glyph.clone();
    }
    // Shift of row y in 1/1000 px, taken at the row's middle: its height above the baseline
    // is bottom + (height - y) - 1/2.
    let shift = |y: usize| {
        let middle_2x = 2 * (i64::from(glyph.bottom) + glyph.height as i64 - y as i64) - 1;
        middle_2x * SLANT_PER_MILLE / 2
    };
    let lowest = shift(glyph.height - 1).div_euclid(1000);
    let highest = shift(0).div_euclid(1000);
    // One more column for the coverage a row's last pixel spills into.
    let width = glyph.width + (highest - lowest) as usize + 1;
    let mut coverage = vec![0u8; width * glyph.height];
    for y in 0..glyph.height {
        // The row moves by whole columns plus a fraction `f`: each source pixel gives 1 - f
        // of its coverage to its new column and f to the one right of it.
        let offset = shift(y) - lowest * 1000;
        let (whole, f) = (offset.div_euclid(1000), offset.rem_euclid(1000));
        for x in 0..width {
            let source = x as i64 - whole;
            let here = i64::from(glyph.at(source, y as i64));
            let left = i64::from(glyph.at(source - 1, y as i64));
            coverage[y * width + x] = ((here * (1000 - f) + left * f + 500) / 1000) as u8;
        }
    }
    RasterGlyph {
        left: glyph.left + lowest as i32,
        width,
        coverage,
        ..glyph.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::{embolden, slant, RasterGlyph};

    /// A glyph from rows of `#` (full coverage) and `.`, its bottom row on the baseline.
    fn glyph(rows: &[&str]) -> RasterGlyph {
        RasterGlyph {
            c: 'l',
            advance: rows[0].len() as i32 + 1,
            left: 1,
            bottom: 0,
            width: rows[0].len(),
            height: rows.len(),
            coverage: rows
                .iter()
                .flat_map(|r| r.chars().map(|c| if c == '#' { 255 } else { 0 }))
                .collect(),
        }
    }

    /// Rows of `#` (at least half coverage), `+` (some) and `.`.
    fn rows(g: &RasterGlyph) -> Vec<String> {
        g.coverage
            .chunks(g.width)
            .map(|row| {
                row.iter()
                    .map(|&c| match c {
                        128.. => '#',
                        1.. => '+',
                        0 => '.',
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn emboldening_widens_every_stroke_one_pixel_at_14_px() {
        let bold = embolden(&glyph(&["#.", "#.", "##"]), 14);
        assert_eq!(rows(&bold), ["##.", "##.", "###"]);
        assert_eq!((bold.advance, bold.left, bold.bottom), (4, 1, 0));
        assert_eq!(embolden(&glyph(&["#"]), 40).width, 3, "two pixels at 40 px");
    }

    #[test]
    fn slanting_leans_a_stem_right_as_it_rises() {
        let stem = glyph(&["#", "#", "#", "#", "#", "#", "#", "#", "#", "#"]);
        let italic = slant(&stem);
        assert_eq!(
            rows(&italic),
            ["..#+", ".+#.", ".+#.", ".#+.", ".#+.", "+#..", "+#..", "+#..", "#+..", "#+.."]
        );
        assert_eq!((italic.left, italic.advance), (stem.left, stem.advance));
        // Every row keeps its ink: a slanted stroke is as dark as the upright one.
        for (row, upright) in italic.coverage.chunks(italic.width).zip(&stem.coverage) {
            let sum: u32 = row.iter().map(|&c| u32::from(c)).sum();
            assert!(sum.abs_diff(u32::from(*upright)) <= 1, "{sum}");
        }
    }

    #[test]
    fn slanting_moves_a_descender_left() {
        let mut descender = glyph(&["#", "#", "#", "#", "#", "#"]);
        descender.bottom = -6;
        let italic = slant(&descender);
        assert!(italic.left < descender.left, "{}", italic.left);
    }
}
