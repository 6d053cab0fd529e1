//! A family of faces: what a block's text is measured and drawn with, face by face.

use super::{AnyFont, Face, Font, Glyph, Glyphs, MonoFont, PackedFont};

/// Fonts for every [`Face`]: regular, bold, italic, bold italic, mono and the heading sizes.
///
/// Any single [`Font`] is a family whose every face is that font, its bold faces drawn over
/// themselves one pixel to the right ([`Styled::embolden`]); a blob's packed faces are a
/// [`PackedFamily`].
///
/// ```
/// use inkleaf::font::{Face, Family, Font, MONO_6X10};
///
/// let bold = MONO_6X10.face(Face::Bold);
/// assert!(bold.embolden && !MONO_6X10.face(Face::Italic).embolden);
/// assert!(MONO_6X10.face(Face::Italic).underline && !bold.underline);
/// // Emboldening inks one more column, so a bold character takes one pixel more.
/// assert_eq!(bold.advance('a'), MONO_6X10.advance('a') + 1);
/// ```
pub trait Family {
    /// The font one face is set in.
    type Face<'f>: Font + Copy
    where
        Self: 'f;

    /// The font that sets `face`.
    fn face(&self, face: Face) -> Self::Face<'_>;
}

/// One face of a family, ready to measure and draw with.
#[derive(Copy, Clone, Debug)]
pub struct Styled<F> {
    /// The font.
    pub font: F,
    /// Which face it sets, so kerning never pairs characters of two faces.
    pub face: Face,
    /// Ink every glyph twice, one pixel apart, each a pixel wider: a bold face made from a
    /// regular one.
    pub embolden: bool,
    /// Underline every glyph: an italic face shown by a font that has none, as typewritten
    /// manuscripts mark italics.
    pub underline: bool,
}

impl<F: Font> Font for Styled<F> {
    #[inline]
    fn line_height(&self) -> u32 {
        self.font.line_height()
    }

    #[inline]
    fn baseline(&self) -> u32 {
        self.font.baseline()
    }

    #[inline]
    fn max_advance(&self) -> u32 {
        // The widest stand-in has three glyphs.
        self.font.max_advance() + 3 * u32::from(self.embolden)
    }

    #[inline]
    fn glyph(&self, c: char) -> Option<Glyph<'_>> {
        let mut glyph = self.font.glyph(c)?;
        glyph.advance += u32::from(self.embolden);
        Some(glyph)
    }

    #[inline]
    fn glyphs(&self, c: char) -> Glyphs<'_> {
        if self.embolden {
            return self.emboldened(c);
        }
        self.font.glyphs(c)
    }

    #[inline(always)]
    fn advance(&self, c: char) -> u32 {
        // Measuring calls this for every character: the plain face's own advance stays
        // inlined, emboldening is out of line.
        if self.embolden {
            return self.emboldened_advance(c);
        }
        self.font.advance(c)
    }

    #[inline]
    fn kerning(&self, left: char, right: char) -> i32 {
        self.font.kerning(left, right)
    }

    #[inline]
    fn embolden(&self) -> bool {
        self.embolden
    }

    #[inline]
    fn underline(&self) -> bool {
        self.underline
    }

    #[inline]
    fn face_tag(&self) -> u8 {
        self.face as u8
    }
}

impl<F: Font> Styled<F> {
    /// The glyphs of `c`, each a pixel wider for being inked twice. Inlined: widened where
    /// the caller holds them, not in a frame of its own and then copied out.
    #[inline(always)]
    fn emboldened(&self, c: char) -> Glyphs<'_> {
        let mut glyphs = self.font.glyphs(c);
        glyphs.widen(1);
        glyphs
    }

    /// The advance of `c` emboldened.
    #[inline(never)]
    fn emboldened_advance(&self, c: char) -> u32 {
        // Each glyph a pixel wider, as `emboldened` sets them; summed from the font's own
        // glyphs rather than through a widened copy of them.
        self.font.glyphs(c).map(|g| g.advance + 1).sum()
    }
}

/// A single font is a family of one font: bold faces are emboldened and italic ones
/// underlined, as a typewriter would.
impl<F: Font> Family for F {
    type Face<'f>
        = Styled<&'f F>
    where
        F: 'f;

    #[inline]
    fn face(&self, face: Face) -> Styled<&F> {
        Styled {
            font: self,
            face,
            embolden: face.is_bold(),
            underline: face.is_italic(),
        }
    }
}

/// The faces a blob packs, each read in place; a face it lacks is set in its stand-in
/// ([`Face::stand_in`]), emboldened when that stands a plain face in for a bold one.
#[derive(Copy, Clone, Debug)]
pub struct PackedFamily<'a> {
    pub(crate) faces: [Option<PackedFont<'a>>; Face::COUNT],
}

impl<'a> PackedFamily<'a> {
    /// A family of no faces, which [`Book::family_in`](crate::Book::family_in) fills in place.
    pub(crate) const EMPTY: Self = PackedFamily {
        faces: [None; Face::COUNT],
    };

    /// The face packed for `face` itself, if any.
    pub fn packed(&self, face: Face) -> Option<&PackedFont<'a>> {
        self.faces.get(face as usize)?.as_ref()
    }

    /// The packed font that sets `face`, and whether it must be emboldened.
    // A reference, not a copy: the caller copies the font once, into the face it returns.
    fn resolve(&self, face: Face) -> (Option<&PackedFont<'a>>, bool) {
        let mut at = Some(face);
        while let Some(f) = at {
            if let Some(font) = self.packed(f) {
                return (Some(font), face.is_bold() && !f.is_bold());
            }
            at = f.stand_in();
        }
        (None, false)
    }
}

impl<'a> Family for PackedFamily<'a> {
    type Face<'f>
        = Styled<AnyFont<'f>>
    where
        'a: 'f;

    #[inline]
    fn face(&self, face: Face) -> Styled<AnyFont<'_>> {
        let (font, embolden) = self.resolve(face);
        Styled {
            // A family always holds its regular face (the book checks), so the built-in
            // font is only a last resort that keeps drawing total.
            font: match font {
                Some(font) => AnyFont::Packed(font),
                None => AnyFont::Mono(&super::MONO_6X10),
            },
            face,
            embolden,
            underline: false,
        }
    }
}

/// The family a book's text is laid out in: its packed faces, or a built-in mono font.
// The packed variant is the family itself, seven faces read in place; boxing it would need
// a heap, and a reader holds one family for the whole book.
#[allow(clippy::large_enum_variant)]
#[derive(Copy, Clone, Debug)]
pub enum AnyFamily<'a> {
    /// A built-in monospaced font for every face, bold ones emboldened.
    Mono(&'static MonoFont),
    /// The faces the blob packs.
    Packed(PackedFamily<'a>),
}

impl AnyFamily<'_> {
    /// Bits per pixel of its glyphs: 1 for built-in fonts, else the regular face's.
    pub fn bits_per_pixel(&self) -> u8 {
        match self {
            AnyFamily::Mono(_) => 1,
            AnyFamily::Packed(packed) => packed
                .packed(Face::Regular)
                .map_or(1, PackedFont::bits_per_pixel),
        }
    }
}

impl<'a> Family for AnyFamily<'a> {
    type Face<'f>
        = Styled<AnyFont<'f>>
    where
        'a: 'f;

    #[inline]
    fn face(&self, face: Face) -> Styled<AnyFont<'_>> {
        match self {
            AnyFamily::Mono(mono) => Styled {
                font: AnyFont::Mono(mono),
                face,
                embolden: face.is_bold(),
                underline: face.is_italic(),
            },
            AnyFamily::Packed(packed) => packed.face(face),
        }
    }
}

/// A family behind a reference is the same family: `Layout::new(&book, profile, &fonts)`.
impl<'a> Family for &AnyFamily<'a> {
    type Face<'f>
        = Styled<AnyFont<'f>>
    where
        Self: 'f;

    #[inline]
    fn face(&self, face: Face) -> Styled<AnyFont<'_>> {
        (**self).face(face)
    }
}

/// A family behind a reference is the same family.
impl<'a> Family for &PackedFamily<'a> {
    type Face<'f>
        = Styled<AnyFont<'f>>
    where
        Self: 'f;

    #[inline]
    fn face(&self, face: Face) -> Styled<AnyFont<'_>> {
        (**self).face(face)
    }
}
