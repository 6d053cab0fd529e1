//! One line's characters, kept as they were read while the line was measured, so that
//! drawing it does not decode its text a second time.
//!
//! Coded text costs a model lookup per character; a baked page's lines are measured from the
//! text and then drawn, and the copy here makes that one decode instead of two. A line that
//! does not fit is simply not kept, and drawing reads the text as it would without this.

use crate::text::CharsBetween;

/// Bytes of UTF-8 a line may take and still be kept: longer than the lines a small display
/// sets (49 cells at 2.9" in 6x10, about 70 characters of a packed 14 px face), and small
/// enough for the stack of the one frame that draws, under everything drawing calls.
const CAPACITY: usize = 112;

/// The characters of one line from byte `start` of its block, as UTF-8.
#[derive(Clone, Debug)]
pub(crate) struct LineText {
    /// Block and byte offset of the first character kept, `None` if nothing is kept.
    start: Option<(u32, usize)>,
    len: usize,
    bytes: [u8; CAPACITY],
}

impl LineText {
    pub(crate) const fn new() -> Self {
        LineText {
            start: None,
            len: 0,
            bytes: [0; CAPACITY],
        }
    }

    /// Starts keeping the line that opens at byte `start` of block `block`.
    pub(crate) fn open(&mut self, block: u32, start: usize) {
        self.start = Some((block, start));
        self.len = 0;
    }

    /// Keeps nothing: the line being read is not the one kept.
    pub(crate) fn forget(&mut self) {
        self.start = None;
    }

    /// Keeps `c`, the character after the last one kept; a line too long is forgotten.
    pub(crate) fn push(&mut self, c: char) {
        if self.start.is_none() {
            return;
        }
        let end = self.len + c.len_utf8();
        match self.bytes.get_mut(self.len..end) {
            Some(room) => {
                // ASCII, most characters, stored as it is: `encode_utf8` is a call.
                match room {
                    [byte] => *byte = c as u8,
                    _ => {
                        c.encode_utf8(room);
                    }
                }
                self.len = end;
            }
            None => self.forget(),
        }
    }

    /// The characters of block `block` from byte `from` to byte `to`, with their offsets, if
    /// they are all kept.
    pub(crate) fn chars(&self, block: u32, from: usize, to: usize) -> Option<KeptChars<'_>> {
        let (kept_block, start) = self.start?;
        let skip = from.checked_sub(start)?;
        let take = to.checked_sub(start)?;
        if kept_block != block || take > self.len {
            return None;
        }
        // The bytes were encoded here from `char`s: they are UTF-8, and need no check but
        // that both ends fall between characters.
        let bytes = self.bytes.get(skip..take)?;
        let kept = self.bytes.get(..self.len)?;
        let starts_char = |i: usize| kept.get(i).is_none_or(|&b| !is_continuation(b));
        if !(starts_char(skip) && starts_char(take)) {
            return None;
        }
        Some(KeptChars { bytes, at: from })
    }
}

/// Whether `byte` continues a UTF-8 character rather than starting one.
fn is_continuation(byte: u8) -> bool {
    byte & 0xC0 == 0x80
}

/// Iterator over `(byte offset in the block, char)` of kept characters.
#[derive(Clone, Debug)]
pub(crate) struct KeptChars<'t> {
    /// UTF-8 that starts and ends between characters.
    bytes: &'t [u8],
    at: usize,
}

impl Iterator for KeptChars<'_> {
    type Item = (usize, char);

    #[inline(always)]
    fn next(&mut self) -> Option<(usize, char)> {
        let (&first, rest) = self.bytes.split_first()?;
        let at = self.at;
        if first < 0x80 {
            // ASCII, most of any line: one byte, no decoding.
            self.bytes = rest;
            self.at += 1;
            return Some((at, char::from(first)));
        }
        self.next_wide()
    }
}

impl KeptChars<'_> {
    /// The next character where it takes more than one byte: out of line, so that reading
    /// a line's ASCII costs no call.
    #[inline(never)]
    fn next_wide(&mut self) -> Option<(usize, char)> {
        let at = self.at;
        let len = self
            .bytes
            .iter()
            .skip(1)
            .take_while(|&&b| is_continuation(b))
            .count()
            + 1;
        let (char_bytes, after) = self.bytes.split_at(len.min(self.bytes.len()));
        // Kept bytes were encoded from `char`s; anything else reads as U+FFFD, never a panic.
        let c = core::str::from_utf8(char_bytes)
            .ok()
            .and_then(|s| s.chars().next())
            .unwrap_or(char::REPLACEMENT_CHARACTER);
        self.bytes = after;
        self.at += len;
        Some((at, c))
    }
}

/// A line's characters: kept, or read from its block's text.
#[derive(Clone, Debug)]
pub(crate) enum LineChars<'t, 'b> {
    Kept(KeptChars<'t>),
    Text(CharsBetween<'b>),
}

impl Iterator for LineChars<'_, '_> {
    type Item = (usize, char);

    // Always inlined: one call a character drawn, where most are a byte read.
    #[inline(always)]
    fn next(&mut self) -> Option<(usize, char)> {
        match self {
            LineChars::Kept(chars) => chars.next(),
            LineChars::Text(chars) => next_read(chars),
        }
    }
}

/// The next character of a line read from its text: out of line, as decoding takes a frame
/// of its own that the drawing loop should not carry.
#[inline(never)]
fn next_read(chars: &mut CharsBetween<'_>) -> Option<(usize, char)> {
    chars.next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_characters_read_back_at_their_block_offsets() {
        let mut kept = LineText::new();
        kept.open(3, 10);
        "naïve café".chars().for_each(|c| kept.push(c));
        let read: Option<([(usize, char); 3], usize)> = kept.chars(3, 12, 16).map(|mut chars| {
            let three = core::array::from_fn(|_| chars.next().unwrap_or((0, '?')));
            (three, chars.count())
        });
        assert_eq!(read, Some(([(12, 'ï'), (14, 'v'), (15, 'e')], 0)));
        // Another block, before the line, past what is kept, or inside a character: not kept.
        assert!(kept.chars(2, 12, 16).is_none());
        assert!(kept.chars(3, 9, 16).is_none());
        assert!(kept.chars(3, 10, 23).is_none());
        assert!(kept.chars(3, 13, 16).is_none());
    }

    #[test]
    fn a_line_longer_than_the_buffer_is_not_kept() {
        let mut kept = LineText::new();
        kept.open(0, 0);
        (0..=CAPACITY).for_each(|_| kept.push('a'));
        assert!(kept.chars(0, 0, 1).is_none());
    }
}
