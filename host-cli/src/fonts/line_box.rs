//! The line box a font section is packed for: its height and where the baseline sits.

use super::raster::{Raster, RasterGlyph};

/// Rows of one line of text. The engine places glyph boxes from the top of the line, so faces
/// mixed on one line must be packed with the same box to share a baseline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineBox {
    /// Rows from the top of one line to the top of the next.
    pub height: i32,
    /// Rows from the top of the line to the baseline.
    pub baseline: i32,
}

impl LineBox {
    /// The box of `fonts`' own line metrics (the largest ascent, descent and line height
    /// among them), grown so that every inked glyph of `glyphs` fits. The raster extents,
    /// not the quantized ones, decide, so every depth lays out alike.
    pub fn fitting<'g>(
        fonts: &[&Raster],
        glyphs: impl IntoIterator<Item = &'g RasterGlyph>,
    ) -> LineBox {
        let (mut ascent, mut descent, mut line) = (0, 0, 0);
        for font in fonts {
            let (a, d, l) = font.line_metrics();
            (ascent, descent, line) = (ascent.max(a), descent.max(d), line.max(l));
        }
        for glyph in glyphs {
            if glyph.coverage.iter().any(|&c| c != 0) {
                ascent = ascent.max(glyph.rise());
                descent = descent.max(-glyph.bottom);
            }
        }
        LineBox {
            height: line.max(ascent + descent).max(1),
            baseline: ascent,
        }
    }
}
