//! Fonts: what layout measures with and drawing blits.
//!
//! A [`Font`] hands out [`Glyph`] bitmaps. Characters a font lacks are set with a documented
//! ASCII stand-in (see [`fallback`]), and a character with no stand-in shows as `?`, so no
//! character is ever silently dropped and measuring and drawing always agree.

mod any;
mod face;
mod fallback;
mod family;
mod glyph;
mod id;
mod mono;
mod mono_data;
mod packed;

pub use any::AnyFont;
pub use face::Face;
pub use fallback::fallback;
pub use family::{AnyFamily, Family, PackedFamily, Styled};
pub use glyph::Glyph;
pub use id::FontId;
pub use mono::{MonoFont, MONO_10X20, MONO_6X10, MONO_8X13};
pub use packed::{FontFault, PackedFont};

/// A bitmap font the layout can measure and the renderer can draw.
///
/// Glyph boxes are placed from the top of the line and the pen position; per-glyph offsets live
/// in [`Glyph`], not in this trait.
///
/// ```
/// use inkleaf::font::{Font, MONO_6X10};
///
/// // Measuring a word the way layout does.
/// let width: u32 = "Hello".chars().map(|c| MONO_6X10.advance(c)).sum();
/// assert_eq!(width, 30);
/// // A character the font lacks is set with its stand-in: an em dash takes two cells.
/// assert_eq!(MONO_6X10.advance('—'), 2 * MONO_6X10.advance('-'));
/// ```
pub trait Font {
    /// Pixels from the top of one line to the top of the next, before extra line spacing.
    fn line_height(&self) -> u32;

    /// The widest advance any character can take, stand-ins included.
    fn max_advance(&self) -> u32;

    /// The font's own glyph for `c`, or `None` if it lacks one.
    ///
    /// ```
    /// use inkleaf::font::{Font, MONO_6X10};
    ///
    /// let a = MONO_6X10.glyph('a').unwrap();
    /// assert_eq!((a.advance, a.width, a.bpp), (6, 6, 1));
    /// assert!(MONO_6X10.glyph('…').is_none()); // set as "..." instead
    /// ```
    fn glyph(&self, c: char) -> Option<Glyph<'_>>;

    /// The glyphs that set `c`: its own, else its stand-in's, else `?`.
    ///
    /// ```
    /// use inkleaf::font::{Font, MONO_6X10};
    ///
    /// assert_eq!(MONO_6X10.glyphs('a').count(), 1);
    /// assert_eq!(MONO_6X10.glyphs('…').count(), 3); // "..."
    /// let question = MONO_6X10.glyph('?');
    /// assert!(MONO_6X10.glyphs('€').eq(question)); // no glyph, no stand-in
    /// ```
    fn glyphs(&self, c: char) -> Glyphs<'_> {
        let mut out = Glyphs::default();
        if let Some(g) = self.glyph(c) {
            out.push(g);
        } else if let Some(stand_in) = fallback(c) {
            stand_in
                .chars()
                .filter_map(|s| self.glyph(s))
                .for_each(|g| out.push(g));
        }
        if out.len == 0 {
            if let Some(g) = self.glyph('?') {
                out.push(g);
            }
        }
        out
    }

    /// Pixels the pen moves for `c`, fallback included.
    fn advance(&self, c: char) -> u32 {
        self.glyphs(c).map(|g| g.advance).sum()
    }

    /// Pixels to add to the pen between `left` and `right` when they stand side by side
    /// (negative pulls them together). Only pairs of the font's own glyphs are kerned.
    ///
    /// ```
    /// use inkleaf::font::{Font, MONO_6X10};
    ///
    /// assert_eq!(MONO_6X10.kerning('A', 'V'), 0); // monospaced fonts never kern
    /// ```
    fn kerning(&self, left: char, right: char) -> i32 {
        let _ = (left, right);
        0
    }

    /// Rows from the top of a line to its baseline, where underlines hang from.
    fn baseline(&self) -> u32 {
        self.line_height() * 4 / 5
    }

    /// Whether every glyph is inked twice, one pixel apart: a bold face made from a regular
    /// one ([`Styled`]).
    fn embolden(&self) -> bool {
        false
    }

    /// Whether every glyph is underlined: an italic face a family has no font for
    /// ([`Styled`]).
    fn underline(&self) -> bool {
        false
    }

    /// Which face of its family the font sets ([`Face`] as a number), so characters of two
    /// faces set side by side never kern.
    fn face_tag(&self) -> u8 {
        0
    }
}

/// A font behind a reference is the same font: `Layout::new(&book, profile, &MONO_6X10)`
/// keeps one copy of a built-in font in flash.
impl<F: Font + ?Sized> Font for &F {
    #[inline]
    fn line_height(&self) -> u32 {
        (**self).line_height()
    }

    #[inline]
    fn max_advance(&self) -> u32 {
        (**self).max_advance()
    }

    #[inline]
    fn glyph(&self, c: char) -> Option<Glyph<'_>> {
        (**self).glyph(c)
    }

    #[inline]
    fn glyphs(&self, c: char) -> Glyphs<'_> {
        (**self).glyphs(c)
    }

    #[inline]
    fn advance(&self, c: char) -> u32 {
        (**self).advance(c)
    }

    #[inline]
    fn kerning(&self, left: char, right: char) -> i32 {
        (**self).kerning(left, right)
    }

    #[inline]
    fn baseline(&self) -> u32 {
        (**self).baseline()
    }

    #[inline]
    fn embolden(&self) -> bool {
        (**self).embolden()
    }

    #[inline]
    fn underline(&self) -> bool {
        (**self).underline()
    }

    #[inline]
    fn face_tag(&self) -> u8 {
        (**self).face_tag()
    }
}

/// Up to three glyphs that set one character (the longest stand-in is `...`).
#[derive(Copy, Clone, Debug, Default)]
pub struct Glyphs<'a> {
    glyphs: [Option<Glyph<'a>>; 3],
    len: u8,
    next: u8,
}

impl<'a> Glyphs<'a> {
    /// Every glyph's advance made `extra` pixels wider.
    fn widen(&mut self, extra: u32) {
        for glyph in self.glyphs.iter_mut().flatten() {
            glyph.advance += extra;
        }
    }

    fn push(&mut self, glyph: Glyph<'a>) {
        if let Some(slot) = self.glyphs.get_mut(usize::from(self.len)) {
            *slot = Some(glyph);
            self.len += 1;
        }
    }
}

impl<'a> Iterator for Glyphs<'a> {
    type Item = Glyph<'a>;

    fn next(&mut self) -> Option<Glyph<'a>> {
        let glyph = (*self.glyphs.get(usize::from(self.next))?)?;
        self.next += 1;
        Some(glyph)
    }
}
