//! Reading block text for line breaking: characters, spaces, dashes and unbreakable pieces.

use crate::blob::Text;
use crate::font::Font;

/// A run of text no line may break inside: up to a space, or through a hyphen or dash.
#[derive(Copy, Clone, Debug)]
pub(super) struct Piece {
    pub(super) end: usize,
    pub(super) width: u32,
    /// Ends in a hyphen or dash after which the line may break without a space.
    pub(super) open_end: bool,
    /// Its last character, for kerning against what follows without a space.
    pub(super) last: char,
}

/// Measures the piece starting at `start`.
pub(super) fn scan_piece<F: Font>(font: &F, text: &mut Text<'_>, start: usize) -> Piece {
    let mut width = 0u32;
    let mut previous = '\0';
    let mut i = start;
    while let Some(c) = text.char_at(i) {
        if is_space(c) || c == '\n' {
            break;
        }
        width = width
            .saturating_add_signed(kern(font, previous, c))
            .saturating_add(font.advance(c));
        i += c.len_utf8();
        // ASCII has one breaking character; test it before the dashes.
        let breaks = if c.is_ascii() {
            c == '-' && previous.is_alphabetic()
        } else {
            is_dash(c)
        };
        if breaks {
            let next = text.char_at(i).unwrap_or(' ');
            let opens = if c == '-' {
                next.is_alphabetic()
            } else {
                !is_space(next) && next != '\n' && !is_dash(next)
            };
            if opens {
                return Piece {
                    end: i,
                    width,
                    open_end: true,
                    last: c,
                };
            }
        }
        previous = c;
    }
    Piece {
        end: i,
        width,
        open_end: false,
        last: previous,
    }
}

/// Kerning between two characters set side by side; nothing after a line start (`'\0'`).
#[inline]
pub(super) fn kern<F: Font>(font: &F, left: char, right: char) -> i32 {
    if left == '\0' {
        0
    } else {
        font.kerning(left, right)
    }
}

/// Width of the run from byte `from` to byte `to` set without gaps, kerned, and its last
/// character (`'\0'` if empty). Reads `text` forwards, leaving it at the run's end.
pub(super) fn run_width<F: Font>(
    font: &F,
    text: &mut Text<'_>,
    from: usize,
    to: usize,
) -> (u32, char) {
    let (mut width, mut previous, mut i) = (0u32, '\0', from);
    while i < to {
        let Some(c) = text.char_at(i) else { break };
        width = width
            .saturating_add_signed(kern(font, previous, c))
            .saturating_add(font.advance(c));
        previous = c;
        i += c.len_utf8();
    }
    (width, previous)
}

#[inline]
pub(crate) fn is_space(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\r'
}

/// Dashes that a line may end with but never start with.
#[inline]
pub(super) fn is_dash(c: char) -> bool {
    matches!(c, '\u{2014}' | '\u{2013}' | '\u{2015}')
}
