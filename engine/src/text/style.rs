//! Inline styles: which parts of a block's text are italic, bold, code or a link.
//!
//! A block's styles are a list of runs, each a length in bytes of its text and a [`Style`],
//! covering the text from its start; text past the last run is plain. A block with no runs,
//! which is most of them, stores one byte.

use super::Text;
use crate::error::{Error, Part};
use crate::format::take;

/// A set of inline styles, as bits.
///
/// ```
/// use inkleaf::text::Style;
///
/// let strong_em = Style::BOLD.with(Style::ITALIC);
/// assert!(strong_em.has(Style::BOLD) && strong_em.has(Style::ITALIC));
/// assert!(!strong_em.has(Style::MONO));
/// assert_eq!(Style::from_bits(0x40), None); // an unknown style bit
/// ```
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Style(u8);

impl Style {
    /// No style: the block's own face.
    pub const PLAIN: Style = Style(0);
    /// Emphasis (`*text*`, `<em>`).
    pub const ITALIC: Style = Style(1);
    /// Strong emphasis (`**text**`, `<strong>`).
    pub const BOLD: Style = Style(2);
    /// Code (`` `text` ``, `<code>`): set in the monospaced face.
    pub const MONO: Style = Style(4);
    /// The text of a link: underlined.
    pub const LINK: Style = Style(8);
    /// Struck through (`~~text~~`, `<del>`).
    pub const STRIKE: Style = Style(16);
    /// Every bit a style may have.
    pub const ALL: u8 = 31;
    /// Bits a style takes in a stored run.
    pub const BITS: u32 = 5;

    /// The style for stored bits, `None` if a bit is unknown.
    pub const fn from_bits(bits: u8) -> Option<Style> {
        if bits & !Style::ALL == 0 {
            Some(Style(bits))
        } else {
            None
        }
    }

    /// The stored bits.
    pub const fn bits(self) -> u8 {
        self.0
    }

    /// This style and `other` together.
    #[must_use]
    pub const fn with(self, other: Style) -> Style {
        Style(self.0 | other.0)
    }

    /// This style without `other`.
    #[must_use]
    pub const fn without(self, other: Style) -> Style {
        Style(self.0 & !other.0)
    }

    /// Whether every bit of `other` is set.
    pub const fn has(self, other: Style) -> bool {
        self.0 & other.0 == other.0
    }
}

/// A stretch of a block's text in one style: `len` bytes from where the run before ended.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct Run {
    /// Bytes of text the run covers, at least 1.
    pub len: u32,
    /// Its style.
    pub style: Style,
}

/// The style runs of one block as stored: each a postcard varint of `len << 5 | style`, in
/// order from the text's start. The host writes them (`inkleaf_cli::pack::encode_runs`); a
/// book checks them when it opens.
///
/// ```
/// use inkleaf::text::{Run, Runs, Style};
///
/// // Three plain bytes, then two italic ones: 3 << 5 and 2 << 5 | 1.
/// let runs = Runs::from_encoded(&[0x60, 0x41]);
/// let read: Vec<Run> = runs.collect();
/// assert_eq!(read, [Run { len: 3, style: Style::PLAIN }, Run { len: 2, style: Style::ITALIC }]);
/// ```
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct Runs<'b> {
    bytes: &'b [u8],
}

impl<'b> Runs<'b> {
    /// No runs: the whole block in its own face.
    pub const NONE: Runs<'static> = Runs { bytes: &[] };

    /// Runs from their encoded form.
    pub const fn from_encoded(bytes: &'b [u8]) -> Self {
        Runs { bytes }
    }

    /// The encoded form.
    pub fn encoded(&self) -> &'b [u8] {
        self.bytes
    }

    /// Checks that every run is at least a byte long, has known style bits, and ends inside
    /// a text of `len` bytes, without reading the text: what opening a book checks.
    pub(crate) fn check_order(self, len: usize) -> Result<(), Error> {
        self.check_each(|end| end <= len)
    }

    /// As [`Runs::check_order`], and every run ends on a character boundary of `text`.
    pub(crate) fn check(self, text: &mut Text<'_>) -> Result<(), Error> {
        self.check_each(|end| end <= text.len() && text.is_boundary(end))
    }

    fn check_each(self, mut inside: impl FnMut(usize) -> bool) -> Result<(), Error> {
        let bad = Error::Malformed(Part::Blocks);
        let mut rest = self.bytes;
        let mut end = 0usize;
        while !rest.is_empty() {
            let (value, after) = take::<u32>(rest, Part::Blocks)?;
            rest = after;
            let len = (value >> Style::BITS) as usize;
            let bits = (value & ((1 << Style::BITS) - 1)) as u8;
            end = end.checked_add(len).ok_or(bad)?;
            if len == 0 || Style::from_bits(bits).is_none() || !inside(end) {
                return Err(bad);
            }
        }
        Ok(())
    }
}

impl Iterator for Runs<'_> {
    type Item = Run;

    fn next(&mut self) -> Option<Run> {
        let (value, rest) = take::<u32>(self.bytes, Part::Blocks).ok()?;
        self.bytes = rest;
        Some(Run {
            len: value >> Style::BITS,
            style: Style(value as u8 & Style::ALL),
        })
    }
}

/// The style at a byte offset of a block, for reading forwards: moving on costs a compare,
/// going back starts over from the first run.
#[derive(Copy, Clone, Debug, Default)]
pub(crate) struct StyleCursor<'b> {
    all: Runs<'b>,
    rest: Runs<'b>,
    start: usize,
    end: usize,
    style: Style,
}

impl<'b> StyleCursor<'b> {
    pub(crate) fn new(runs: Runs<'b>) -> Self {
        let mut cursor = StyleCursor {
            all: runs,
            ..StyleCursor::default()
        };
        cursor.rewind();
        cursor
    }

    fn rewind(&mut self) {
        self.rest = self.all;
        (self.start, self.end, self.style) = (0, 0, Style::PLAIN);
        self.step();
    }

    fn step(&mut self) {
        self.start = self.end;
        match self.rest.next() {
            Some(run) => {
                self.end = self.start.saturating_add(run.len as usize);
                self.style = run.style;
            }
            None => {
                self.end = usize::MAX;
                self.style = Style::PLAIN;
            }
        }
    }

    /// The style of the character at `offset`.
    #[inline]
    pub(crate) fn at(&mut self, offset: usize) -> Style {
        if offset < self.start {
            self.rewind();
        }
        while offset >= self.end {
            self.step();
        }
        self.style
    }

    /// Whether `offset` lies in the run the last offset asked for lies in.
    #[inline]
    pub(crate) fn holds(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }
}
