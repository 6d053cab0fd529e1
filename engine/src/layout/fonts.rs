//! The fonts of one block: which face sets the character at each offset.

use crate::font::{Face, Family, Font};
use crate::text::{Block, BlockKind, Style, StyleCursor};

/// A block's faces, looked up by byte offset as its text is read forwards: within a style run
/// the lookup costs two compares; moving into the next run asks the family for its face.
pub(crate) struct BlockFonts<'f, 'b, F: Family + 'f> {
    family: &'f F,
    kind: BlockKind,
    /// The style run the current font sets.
    styles: StyleCursor<'b>,
    style: Style,
    font: F::Face<'f>,
    /// The block's own face, for its word gaps and drawn hyphens.
    base: F::Face<'f>,
}

impl<'f, F: Family + 'f> core::fmt::Debug for BlockFonts<'f, '_, F> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("BlockFonts")
            .field("kind", &self.kind)
            .field("style", &self.style)
            .finish_non_exhaustive()
    }
}

// By hand: the family is borrowed, so copying needs no `F: Copy`.
impl<'f, F: Family + 'f> Clone for BlockFonts<'f, '_, F> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<'f, F: Family + 'f> Copy for BlockFonts<'f, '_, F> {}

impl<'f, 'b, F: Family + 'f> BlockFonts<'f, 'b, F> {
    pub(crate) fn new(family: &'f F, block: &Block<'b>) -> Self {
        let base = family.face(Face::of(block.kind, Style::PLAIN));
        let mut fonts = BlockFonts {
            family,
            kind: block.kind,
            styles: StyleCursor::new(block.runs),
            style: Style::PLAIN,
            font: base,
            base,
        };
        if !block.runs.encoded().is_empty() {
            // The first run may be styled: take its font now, as `at` only looks again when
            // an offset leaves the run.
            fonts.switch(0);
        }
        fonts
    }

    /// The font that sets the character at byte `offset`.
    #[inline(always)]
    pub(crate) fn at(&mut self, offset: usize) -> &F::Face<'f> {
        if !self.styles.holds(offset) {
            self.switch(offset);
        }
        &self.font
    }

    /// The font the last [`BlockFonts::at`] returned.
    #[inline(always)]
    pub(crate) fn current(&self) -> &F::Face<'f> {
        &self.font
    }

    /// The style of the last [`BlockFonts::at`]'s character.
    #[inline(always)]
    pub(crate) fn style(&self) -> Style {
        self.style
    }

    #[inline(never)]
    fn switch(&mut self, offset: usize) {
        let style = self.styles.at(offset);
        let face = Face::of(self.kind, style);
        self.font = if face == Face::of(self.kind, Style::PLAIN) {
            self.base
        } else {
            self.family.face(face)
        };
        self.style = style;
    }

    /// The block's own face: its word gaps, drawn hyphens and line height.
    #[inline]
    pub(crate) fn base(&self) -> &F::Face<'f> {
        &self.base
    }

    /// A normal word gap.
    #[inline]
    pub(crate) fn space(&self) -> u32 {
        self.base.advance(' ')
    }

    /// A drawn hyphen.
    #[inline]
    pub(crate) fn hyphen(&self) -> u32 {
        self.base.advance('-')
    }
}
