//! The pen: where the next character goes along a line, and what it kerns against.
//!
//! Line breaking measures with it and drawing moves it, glyph by glyph, so a line is drawn
//! exactly as wide as it was measured and page breaks never disagree with pixels.

use super::fonts::BlockFonts;
use super::line_text::{LineChars, LineText};
use super::{is_space, Layout, Line, LineEnd};
use crate::font::{Face, Family, Font};
use crate::text::{Block, Style};

/// A place along a line (or a run of it) and the character standing just left of it.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) struct Pen {
    x: u32,
    /// The last character set, for kerning; `'\0'` at a start or after a gap, where nothing
    /// kerns.
    left: char,
    /// The face it was set in: characters of two faces never kern.
    face: u8,
}

impl Pen {
    /// A line's (or a run's) start: nothing set yet, nothing to kern against.
    pub(crate) const START: Pen = Pen {
        x: 0,
        left: '\0',
        face: 0,
    };

    /// Pixels from the start.
    #[inline]
    pub(crate) fn x(self) -> u32 {
        self.x
    }

    /// The character standing just left of the pen, `'\0'` if none.
    #[inline]
    pub(crate) fn left(self) -> char {
        self.left
    }

    /// Kerning between the character left of the pen and `c` set next: none after a start
    /// or a gap.
    #[inline]
    pub(crate) fn kerning<F: Font>(self, font: &F, c: char) -> i32 {
        if self.left == '\0' || font.face_tag() != self.face {
            0
        } else {
            font.kerning(self.left, c)
        }
    }

    /// Moves by `kerning` already looked up for the character set next, which then kerns
    /// against nothing more.
    #[inline]
    pub(crate) fn kern(&mut self, kerning: i32) {
        self.x = self.x.saturating_add_signed(kerning);
        self.left = '\0';
    }

    /// Moves up to `c` (its kerning) and returns where `c` is drawn; its advance follows
    /// with [`Pen::advance`].
    #[inline]
    pub(crate) fn place<F: Font>(&mut self, font: &F, c: char) -> u32 {
        self.kern(self.kerning(font, c));
        self.left = c;
        self.face = font.face_tag();
        self.x
    }

    /// Moves past what was just placed.
    #[inline]
    pub(crate) fn advance(&mut self, advance: u32) {
        self.x = self.x.saturating_add(advance);
    }

    /// Moves past a glyph drawn on a line that line breaking measured: that line fits the
    /// text area, so retracing it never comes near overflow, and a plain (wrapping) add is
    /// enough where measuring saturates. It is the cheaper of the two by three instructions
    /// a glyph on a Cortex-M3, which has no saturating add.
    #[inline]
    pub(crate) fn advance_drawn(&mut self, advance: u32) {
        self.x = self.x.wrapping_add(advance);
    }

    /// Sets `c`: its kerning, then its advance.
    #[inline]
    pub(crate) fn set<F: Font>(&mut self, font: &F, c: char) {
        self.place(font, c);
        self.advance(font.advance(c));
    }

    /// Skips a word gap `width` wide: nothing kerns across it.
    #[inline]
    pub(crate) fn gap(&mut self, width: u32) {
        self.advance(width);
        self.left = '\0';
    }

    /// Sets `run`, measured from [`Pen::START`] and starting with `first`, right after what
    /// the pen has set: as if its characters had been set one by one.
    #[inline]
    pub(crate) fn join<F: Font>(&mut self, font: &F, first: char, run: Pen) {
        self.x = self
            .x
            .saturating_add_signed(self.kerning(font, first))
            .saturating_add(run.x);
        self.left = run.left;
        self.face = run.face;
    }
}

impl<F: Family> Layout<'_, F> {
    /// Walks the pen over `line` as drawing does: calls `glyph(x, c)` for every character
    /// drawn, the hyphen of a split word included, with `x` the pen's distance from the
    /// line's left edge, and returns where the pen stops: [`Layout::drawn_width`].
    ///
    /// Gaps are as wide as [`Layout::gap_width`] says, and kerning applies between characters
    /// of one face set side by side, exactly as line breaking measured them.
    ///
    /// ```
    /// # let blob = include_bytes!("../../../tests/fixtures/device/article-2.9in.inkleaf");
    /// let book = inkleaf::Book::from_bytes(blob)?;
    /// let layout = book.layout()?;
    /// // The second line of page 0 ends in a word cut in two: "... glass sculp-".
    /// let line = layout.page(0)?.lines()?.nth(1).unwrap();
    /// let (mut first, mut last) = (None, None);
    /// let end = layout.for_each_glyph(&line, |x, c| {
    ///     first = first.or(Some((x, c)));
    ///     last = Some((x, c));
    /// });
    /// assert_eq!((first, last), (Some((0, 'd')), Some((282, '-'))));
    /// assert_eq!(end, layout.drawn_width(&line));
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn for_each_glyph(&self, line: &Line, mut glyph: impl FnMut(u32, char)) -> u32 {
        let Some(block) = self.book.block(line.block) else {
            return 0;
        };
        let Ok(x) = self.set_line(line, &block, None, |x, c, font, _| {
            glyph(x, c);
            Ok::<_, core::convert::Infallible>(font.advance(c))
        });
        x
    }

    /// As [`Layout::for_each_glyph`], with the face and style each character is set in:
    /// `glyph(x, c, face, style)`.
    ///
    /// ```
    /// use inkleaf::font::Face;
    /// use inkleaf::text::Style;
    ///
    /// # let blob = include_bytes!("../../../tests/fixtures/device/article-2.9in.inkleaf");
    /// let book = inkleaf::Book::from_bytes(blob)?;
    /// let layout = book.layout()?;
    /// let line = layout.page(0)?.lines()?.next().unwrap();
    /// let mut faces = Vec::new();
    /// layout.for_each_styled_glyph(&line, |_, _, face, style| faces.push((face, style)));
    /// // The article is plain prose, all in the regular face.
    /// assert!(faces.iter().all(|&f| f == (Face::Regular, Style::PLAIN)));
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn for_each_styled_glyph(
        &self,
        line: &Line,
        mut glyph: impl FnMut(u32, char, Face, Style),
    ) -> u32 {
        let Some(block) = self.book.block(line.block) else {
            return 0;
        };
        let Ok(x) = self.set_line(line, &block, None, |x, c, font, style| {
            let face = Face::from_byte(font.face_tag()).unwrap_or(Face::Regular);
            glyph(x, c, face, style);
            Ok::<_, core::convert::Infallible>(font.advance(c))
        });
        x
    }

    /// Sets `line` of `block` (its text best positioned near the line's start): `glyph(x, c,
    /// font, style)` draws `c` in `font` with the pen at `x` and returns how far the pen
    /// moves. Returns where the pen stops. The characters come from `kept` when it holds
    /// the line, else from the text.
    #[inline]
    pub(crate) fn set_line<E>(
        &self,
        line: &Line,
        block: &Block<'_>,
        kept: Option<&LineText>,
        mut glyph: impl FnMut(u32, char, &F::Face<'_>, Style) -> Result<u32, E>,
    ) -> Result<u32, E> {
        let mut fonts = BlockFonts::new(&self.fonts, block);
        let mut pen = Pen::START;
        let (mut gap, mut in_gap) = (0u32, false);
        let mut hyphen = line.end_kind == LineEnd::Split;
        // Preformatted text sets its spaces as characters; other text makes them word gaps.
        let gaps = !line.kind.is_preformatted();
        let (from, to) = (line.start as usize, line.end as usize);
        let mut chars = match kept.and_then(|kept| kept.chars(line.block, from, to)) {
            Some(chars) => LineChars::Kept(chars),
            None => LineChars::Text(block.text.chars_between(from, to)),
        };
        loop {
            // One call of `glyph`, so it is inlined here even where code is built for size.
            let (x, c, in_text) = match chars.next() {
                Some((_, c)) if gaps && is_space(c) => {
                    if !in_gap {
                        gap += 1;
                        pen.gap(self.gap_width(line, gap));
                    }
                    in_gap = true;
                    continue;
                }
                Some((i, c)) => {
                    in_gap = false;
                    (pen.place(fonts.at(i), c), c, true)
                }
                // A split word's hyphen, in the block's own face: measured without kerning,
                // so drawn without.
                None if hyphen => {
                    hyphen = false;
                    (pen.x(), '-', false)
                }
                None => break,
            };
            // Borrowed, not copied: a face is 16 bytes or more, and this runs per character.
            let (font, style) = if in_text {
                (fonts.current(), fonts.style())
            } else {
                (fonts.base(), Style::PLAIN)
            };
            pen.advance_drawn(glyph(x, c, font, style)?);
        }
        Ok(pen.x())
    }
}
