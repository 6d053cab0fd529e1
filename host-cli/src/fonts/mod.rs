//! Fonts for blobs: a TrueType or OpenType font rasterized at one size, cut down to the
//! characters a text uses, and packed into the font section the engine reads in place
//! ([`inkleaf::font::PackedFont`]; the layout is in `docs/FONT_FORMAT.md`).
//!
//! ```
//! use inkleaf::font::{Font, PackedFont};
//! use inkleaf_cli::fonts::{bundled_font, pack_font};
//!
//! let dejavu = bundled_font("dejavu-sans").unwrap();
//! let (section, missing) = pack_font(dejavu, 14, "Hello, “paper”".chars(), 1)?;
//! assert!(missing.is_empty());
//! let font = PackedFont::from_bytes(&section)?;
//! assert!(font.glyph('“').is_some());
//! # Ok::<(), anyhow::Error>(())
//! ```

mod bits;
mod bundled;
mod kerning;
mod raster;
mod section;
mod subset;

pub use bits::{level, one_bit_threshold};
pub use bundled::{bundled_font, BUNDLED_FONTS};
pub use raster::{Raster, RasterGlyph};
pub use subset::ENGINE_CHARS;

use bits::Bitmap;
use section::{Header, Record};

/// Why a font could not be packed.
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FontError {
    /// fontdue could not read the font file.
    #[error("not a usable TrueType/OpenType font: {0}")]
    Parse(&'static str),
    /// Only 1, 2 and 4 bits per pixel are packed.
    #[error("unsupported depth of {0} bits per pixel (use 1, 2 or 4)")]
    UnsupportedBitsPerPixel(u8),
    /// Sizes run from 1 to 255 pixels.
    #[error("unsupported size of {0} px (use 1 to 255)")]
    UnsupportedSize(u32),
    /// A metric or count does not fit its field in the font section.
    #[error("{what} of {value} does not fit the font section")]
    TooLarge {
        /// Which field.
        what: &'static str,
        /// The value that did not fit.
        value: i64,
    },
}

/// Rasterizes `font_bytes` at `px` pixels per em and packs the glyphs `chars` need at
/// `bits_per_pixel` (1, 2 or 4), with their kerning pairs.
///
/// Returns the font section and the characters of `chars` the font lacks, sorted; the engine
/// draws those with their ASCII stand-ins (packed along) or `?`. Characters the engine itself
/// draws ([`ENGINE_CHARS`]) are always packed.
pub fn pack_font(
    font_bytes: &[u8],
    px: u32,
    chars: impl IntoIterator<Item = char>,
    bits_per_pixel: u8,
) -> Result<(Vec<u8>, Vec<char>), FontError> {
    let bpp = bits_per_pixel;
    if !matches!(bpp, 1 | 2 | 4) {
        return Err(FontError::UnsupportedBitsPerPixel(bpp));
    }
    if !(1..=255).contains(&px) {
        return Err(FontError::UnsupportedSize(px));
    }
    let raster = Raster::new(font_bytes, px)?;
    let (chars, missing) = subset::choose(&raster, chars);
    let glyphs: Vec<RasterGlyph> = chars.iter().map(|&c| raster.glyph(c)).collect();
    let (line_height, baseline) = line_box(&raster, &glyphs);
    let records = glyphs
        .iter()
        .map(|g| record(g, bits::pack(g, bpp, px), baseline))
        .collect::<Vec<_>>();
    let pairs = kerning::pairs(&raster, &chars);
    let header = Header {
        bpp,
        px,
        line_height,
        baseline,
    };
    Ok((section::write(header, &records, &pairs)?, missing))
}

/// Line height and baseline: the font's own, grown so that every packed glyph fits the line
/// box. The raster extents, not the quantized ones, decide, so every depth lays out alike.
fn line_box(raster: &Raster, glyphs: &[RasterGlyph]) -> (i32, i32) {
    let (ascent, descent, line) = raster.line_metrics();
    let inked = || glyphs.iter().filter(|g| g.coverage.iter().any(|&c| c != 0));
    let baseline = inked().map(RasterGlyph::rise).fold(ascent.max(0), i32::max);
    let depth = inked().map(|g| -g.bottom).fold(descent.max(0), i32::max);
    (line.max(baseline + depth).max(1), baseline)
}

fn record(glyph: &RasterGlyph, bitmap: Bitmap, baseline: i32) -> Record {
    let empty = bitmap.height == 0;
    Record {
        c: glyph.c,
        advance: glyph.advance,
        left: if empty {
            0
        } else {
            glyph.left + bitmap.dx as i32
        },
        top: if empty {
            0
        } else {
            baseline - glyph.rise() + bitmap.dy as i32
        },
        width: bitmap.width,
        height: bitmap.height,
        bytes: bitmap.bytes,
    }
}
