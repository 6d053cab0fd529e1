//! Fonts for blobs: a TrueType or OpenType font rasterized at one size, cut down to the
//! characters a text uses, and packed into the font section the engine reads in place
//! ([`inkleaf::font::PackedFont`]; the layout is in `docs/FONT_FORMAT.md`); or a whole
//! [`Family`], one such section per face a text uses ([`pack_family`]), faces it lacks
//! synthesized ([`Synthesis`]) and characters its fonts lack taken from fallback fonts.
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
mod chars;
mod family;
mod kerning;
mod line_box;
mod pack_family;
mod plan;
mod raster;
mod section;
mod subset;
mod synth;

pub use bits::{level, one_bit_threshold};
pub use bundled::{bundled_font, BUNDLED_FONTS};
pub use chars::{chars_by_face, chars_to_pack};
pub use family::{heading_px, Family, FontSource, Role};
pub use line_box::LineBox;
pub use pack_family::{pack_family, FamilyError, PackedFamily, ParsedFamily};
pub use plan::Synthesized;
pub use raster::{Raster, RasterGlyph};
pub use subset::ENGINE_CHARS;
pub use synth::{embolden, embolden_by, slant, Synthesis, SLANT_PER_MILLE};

use bits::Bitmap;
use section::{Header, Pair, Record};

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
    check(px, bits_per_pixel)?;
    let raster = Raster::new(font_bytes, px)?;
    let (chars, missing) = subset::choose(&raster, chars);
    let glyphs: Vec<RasterGlyph> = chars.iter().map(|&c| raster.glyph(c)).collect();
    let line = LineBox::fitting(&[&raster], &glyphs);
    let pairs = kerning::pairs(&raster, &chars, |_| true);
    Ok((
        pack_section(&glyphs, line, &pairs, bits_per_pixel, px)?,
        missing,
    ))
}

/// Whether a section can be packed at `px` and `bpp` bits per pixel.
fn check(px: u32, bpp: u8) -> Result<(), FontError> {
    if !matches!(bpp, 1 | 2 | 4) {
        return Err(FontError::UnsupportedBitsPerPixel(bpp));
    }
    if !(1..=255).contains(&px) {
        return Err(FontError::UnsupportedSize(px));
    }
    Ok(())
}

/// The font section of `glyphs` (sorted by character), rasterized at `px`, quantized to
/// `bpp` bits and placed on `line`, with kerning `pairs` by index into `glyphs`.
fn pack_section(
    glyphs: &[RasterGlyph],
    line: LineBox,
    pairs: &[Pair],
    bpp: u8,
    px: u32,
) -> Result<Vec<u8>, FontError> {
    check(px, bpp)?;
    let records: Vec<Record> = glyphs
        .iter()
        .map(|g| record(g, bits::pack(g, bpp, px), line.baseline))
        .collect();
    let header = Header {
        bpp,
        px,
        line_height: line.height,
        baseline: line.baseline,
    };
    section::write(header, &records, pairs)
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
