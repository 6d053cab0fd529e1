//! Reading block text for line breaking: characters, spaces, dashes and unbreakable pieces.

use super::fonts::BlockFonts;
use super::pen::Pen;
use crate::font::Family;
use crate::text::Text;

/// A run of text no line may break inside: up to a space, or through a hyphen or dash.
#[derive(Copy, Clone, Debug)]
pub(super) struct Piece {
    pub(super) end: usize,
    /// Set from a start: its width, and its last character for kerning against what
    /// follows without a space.
    pub(super) pen: Pen,
    /// Ends in a hyphen or dash after which the line may break without a space.
    pub(super) open_end: bool,
}

/// Measures the piece starting at `start`, each character in its own face.
pub(super) fn scan_piece<F: Family>(
    fonts: &mut BlockFonts<'_, '_, F>,
    text: &mut Text<'_>,
    start: usize,
) -> Piece {
    let mut pen = Pen::START;
    let mut i = start;
    while let Some(c) = text.char_at(i) {
        if is_space(c) || c == '\n' {
            break;
        }
        let previous = pen.left();
        pen.set(fonts.at(i), c);
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
                    pen,
                    open_end: true,
                };
            }
        }
    }
    Piece {
        end: i,
        pen,
        open_end: false,
    }
}

/// The run from byte `from` to byte `to` set without gaps from a start: its width and last
/// character (`'\0'` if empty), and where it ended: `to`, or past it when `to` falls inside
/// a character, or short of it where the text ends. Reads `text` forwards, leaving it at the
/// run's end.
pub(super) fn set_run<F: Family>(
    fonts: &mut BlockFonts<'_, '_, F>,
    text: &mut Text<'_>,
    from: usize,
    to: usize,
) -> (Pen, usize) {
    let (mut pen, mut i) = (Pen::START, from);
    while i < to {
        let Some(c) = text.char_at(i) else { break };
        pen.set(fonts.at(i), c);
        i += c.len_utf8();
    }
    (pen, i)
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
