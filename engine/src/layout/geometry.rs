//! Where a block's lines sit across the text area: indents for quotes and lists, a first-line
//! indent, the room a code line keeps for its continuation mark.

use super::Align;
use crate::font::{Face, Family, Font};
use crate::text::{Block, BlockKind, Nesting};
use crate::Profile;

/// The horizontal measures of a layout, from its regular face's digit and space widths.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) struct Geometry {
    /// Width of the text area.
    pub(crate) width: u32,
    pub(crate) align: Align,
    /// First-line indent of a paragraph that follows a paragraph; 0 for none.
    pub(crate) indent: u32,
    /// Indent of one quote level; its rule is drawn inside it.
    pub(crate) quote: u32,
    /// Indent of one list level: the hanging indent a marker sits in.
    pub(crate) list: u32,
    /// Room a code line keeps at its right for the mark of a wrapped line.
    pub(crate) mark: u32,
    /// The narrowest measure a line keeps however deep it is nested: one of the widest
    /// characters and a hyphen.
    pub(crate) narrowest: u32,
}

impl Geometry {
    /// Nothing measured yet: a layout being put together in its slot, before its fonts are.
    pub(crate) const UNMEASURED: Geometry = Geometry {
        width: 0,
        align: Align::Left,
        indent: 0,
        quote: 0,
        list: 0,
        mark: 0,
        narrowest: 0,
    };

    pub(crate) fn new<F: Family>(fonts: &F, profile: &Profile, width: u32, narrowest: u32) -> Self {
        let regular = fonts.face(Face::Regular);
        let (digit, space) = (regular.advance('0'), regular.advance(' '));
        Geometry {
            width,
            align: profile.align,
            indent: u32::from(profile.indent),
            quote: digit + space,
            list: 2 * digit + space,
            mark: digit.max(3),
            narrowest,
        }
    }

    /// Pixels from the text area's left edge to where level `level` of `nesting` starts.
    pub(crate) fn level_left(&self, nesting: Nesting, level: u8) -> u32 {
        let left = (0..level.min(nesting.depth()))
            .map(|l| {
                if nesting.is_quote(l) {
                    self.quote
                } else {
                    self.list
                }
            })
            .sum::<u32>();
        left.min(self.width.saturating_sub(self.narrowest))
    }

    /// Where the text of a block's lines starts and how wide it may run: `first` asks for a
    /// paragraph's indented first line.
    pub(crate) fn place(&self, block: &Block<'_>, first: bool) -> (u32, u32) {
        let mut left = self.level_left(block.nesting, block.nesting.depth());
        let mut right = 0;
        if first && self.indent > 0 {
            left += self.indent;
        }
        if block.kind.is_preformatted() {
            right = self.mark;
        }
        let room = self.width.saturating_sub(self.narrowest);
        let left = left.min(room);
        let measure = self.width - left;
        (left, measure.saturating_sub(right).max(self.narrowest))
    }

    /// Whether `block`, following a paragraph nested as `before` (`None`: no paragraph),
    /// starts with an indented first line (and so with no spacing before it).
    pub(crate) fn indents(&self, block: &Block<'_>, before: Option<Nesting>) -> bool {
        self.indent > 0 && block.kind == BlockKind::Paragraph && before == Some(block.nesting)
    }
}
