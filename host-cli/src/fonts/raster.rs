//! Rasterizing with fontdue: coverage bitmaps and whole-pixel metrics at one size.

use std::sync::Arc;

use super::FontError;

/// One glyph as fontdue draws it.
#[derive(Clone, Debug, PartialEq)]
pub struct RasterGlyph {
    /// The character.
    pub c: char,
    /// Pen advance, rounded to whole pixels.
    pub advance: i32,
    /// Columns from the pen to the bitmap's first column.
    pub left: i32,
    /// Rows from the baseline up to the bitmap's bottom edge (negative: below the baseline).
    pub bottom: i32,
    /// Bitmap width.
    pub width: usize,
    /// Bitmap height.
    pub height: usize,
    /// Coverage 0..=255, rows top to bottom.
    pub coverage: Vec<u8>,
}

impl RasterGlyph {
    /// Rows from the baseline up to the bitmap's top edge.
    pub fn rise(&self) -> i32 {
        self.bottom + self.height as i32
    }

    /// Coverage at column `x`, row `y` of the bitmap; outside is 0.
    pub fn at(&self, x: i64, y: i64) -> u8 {
        if x < 0 || y < 0 || x >= self.width as i64 || y >= self.height as i64 {
            return 0;
        }
        self.coverage[y as usize * self.width + x as usize]
    }
}

/// A parsed font at one pixel size.
#[derive(Clone)]
pub struct Raster {
    // Shared: parsing loads every glyph's outline, which for a CJK font takes a good part
    // of a second, and a family draws one font at several sizes.
    font: Arc<fontdue::Font>,
    px: f32,
}

impl Raster {
    /// Parses `font_bytes` (TrueType or OpenType) for rasterizing at `px` pixels per em.
    pub fn new(font_bytes: &[u8], px: u32) -> Result<Self, FontError> {
        let settings = fontdue::FontSettings {
            // Geometry is tuned for the size it will be drawn at.
            scale: px as f32,
            ..fontdue::FontSettings::default()
        };
        let font = fontdue::Font::from_bytes(font_bytes, settings).map_err(FontError::Parse)?;
        Ok(Raster {
            font: Arc::new(font),
            px: px as f32,
        })
    }

    /// The same font at `px` pixels per em, without parsing it again.
    pub fn at(&self, px: u32) -> Raster {
        Raster {
            font: Arc::clone(&self.font),
            px: px as f32,
        }
    }

    /// Whether the font has its own glyph for `c`.
    pub fn has(&self, c: char) -> bool {
        self.font.has_glyph(c)
    }

    /// `c` rasterized.
    pub fn glyph(&self, c: char) -> RasterGlyph {
        let (metrics, coverage) = self.font.rasterize(c, self.px);
        RasterGlyph {
            c,
            advance: metrics.advance_width.round() as i32,
            left: metrics.xmin,
            bottom: metrics.ymin,
            width: metrics.width,
            height: metrics.height,
            coverage,
        }
    }

    /// The font's ascent and descent (positive, below the baseline) in whole pixels, and its
    /// line height, ascent + descent + line gap.
    pub fn line_metrics(&self) -> (i32, i32, i32) {
        match self.font.horizontal_line_metrics(self.px) {
            Some(m) => (
                m.ascent.ceil() as i32,
                (-m.descent).ceil() as i32,
                m.new_line_size.round() as i32,
            ),
            // Fonts without hhea metrics: one em, a fifth of it below the baseline.
            None => {
                let em = self.px.round() as i32;
                (em - em / 5, em / 5, em + em / 5)
            }
        }
    }

    /// Kerning between `left` and `right` in whole pixels, as fontdue reports it (`kern` table).
    pub fn kerning(&self, left: char, right: char) -> i32 {
        self.font
            .horizontal_kern(left, right, self.px)
            .map_or(0, |k| k.round() as i32)
    }
}
