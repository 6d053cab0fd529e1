//! Greedy line breaking: each line takes as many pieces as fit. Fast, and what flush-left text
//! uses; justified text uses [`super::knuth_plass`].

use super::fonts::BlockFonts;
use super::lines::LineEnd;
use super::pen::Pen;
use super::pieces::{is_dash, is_space, scan_piece};
use crate::font::Family;
use crate::text::{Place, Text};

/// The line state at a possible break.
#[derive(Copy, Clone, Debug)]
pub(super) struct Fit {
    pub(super) end: usize,
    /// The pen after the line's last character: its width, and what a piece that follows
    /// without a gap kerns against.
    pub(super) pen: Pen,
    pub(super) gaps: u32,
}

/// A line as [`break_line`] finds it.
#[derive(Copy, Clone, Debug)]
pub(super) struct Broken {
    pub(super) end: usize,
    pub(super) width: u32,
    pub(super) gaps: u32,
    pub(super) kind: LineEnd,
    pub(super) next: usize,
}

impl Broken {
    pub(super) fn at(fit: Fit, kind: LineEnd, next: usize) -> Self {
        Broken {
            end: fit.end,
            width: fit.pen.x(),
            gaps: fit.gaps,
            kind,
            next,
        }
    }
}

/// Breaks one line of `text` starting at `start` (not a space) to fit `avail` pixels.
///
/// Works a piece at a time: only a piece that does not fit is looked at character by
/// character again, to cut it.
pub(super) fn break_line<F: Family>(
    fonts: &mut BlockFonts<'_, '_, F>,
    text: &mut Text<'_>,
    start: usize,
    avail: u32,
) -> Broken {
    let space = fonts.space();
    let mut line = Fit {
        end: start,
        pen: Pen::START,
        gaps: 0,
    };
    let mut wrap: Option<(Fit, usize)> = None;
    // Coded text as it stood just before the latest wrap's first character: the next line
    // starts there, and resumes from this copy rather than decoding again from a checkpoint
    // before it (half a line, on average) the word that did not fit.
    let mut at_wrap: Option<Place<'_>> = None;
    let (mut gap, mut open) = (false, false);
    let mut i = start;
    loop {
        // Once a word, where a wrap may follow: the decoder alone, not the whole text.
        let before = if gap || open { text.place() } else { None };
        let Some(c) = text.char_at(i) else {
            return Broken::at(line, LineEnd::BlockEnd, text.len());
        };
        if c == '\n' {
            return Broken::at(line, LineEnd::HardBreak, i + 1);
        }
        if is_space(c) {
            gap |= line.pen.x() > 0;
            i += 1;
            continue;
        }
        if (gap || open) && !is_dash(c) {
            wrap = Some((line, i));
            at_wrap = before;
        }
        let piece = scan_piece(fonts, text, i);
        let mut pen = line.pen;
        if gap {
            pen.gap(space);
        }
        pen.join(fonts.at(i), c, piece.pen);
        if pen.x() <= avail {
            line = Fit {
                end: piece.end,
                pen,
                gaps: line.gaps + u32::from(gap),
            };
            (gap, open, i) = (false, piece.open_end, piece.end);
            continue;
        }
        if let Some((fit, next)) = wrap {
            // Text that failed to decode past the wrap keeps saying so.
            if let Some(resume) = at_wrap {
                text.go_to(resume);
            }
            return Broken::at(fit, LineEnd::Wrap, next);
        }
        if gap {
            // Only a space before a dash was left: breaking there beats cutting a word.
            return Broken::at(line, LineEnd::Wrap, i);
        }
        return cut(fonts, text, line, i, avail);
    }
}

/// Cuts the piece at `from`, which follows `line` without a gap but does not fit after it,
/// where a hyphen still fits.
fn cut<F: Family>(
    fonts: &mut BlockFonts<'_, '_, F>,
    text: &mut Text<'_>,
    line: Fit,
    from: usize,
    avail: u32,
) -> Broken {
    let hyphen = fonts.hyphen();
    let mut pen = line.pen;
    let mut best = None;
    let end = text.len();
    for (i, c) in text.chars_between(from, end) {
        pen.set(fonts.at(i), c);
        if pen.x().saturating_add(hyphen) > avail {
            break;
        }
        best = Some((i + c.len_utf8(), pen.x()));
    }
    match best {
        Some((end, width)) => Broken {
            end,
            width: width + hyphen,
            gaps: line.gaps,
            kind: LineEnd::Split,
            next: end,
        },
        None if line.pen.x() > 0 => Broken::at(line, LineEnd::Wrap, from),
        // Not even one character and a hyphen fit: take one character, so the text moves on.
        None => {
            let c = text.char_at(from).unwrap_or(' ');
            let end = from + c.len_utf8();
            let mut pen = Pen::START;
            pen.set(fonts.at(from), c);
            Broken::at(Fit { end, pen, gaps: 0 }, LineEnd::Wrap, end)
        }
    }
}

/// Breaks one line of preformatted text starting at `start`: every character is set, spaces
/// included, up to a newline; a line too long for `avail` wraps at the last character that
/// fits (at least one, so the text always moves on).
pub(super) fn break_preformatted<F: Family>(
    fonts: &mut BlockFonts<'_, '_, F>,
    text: &mut Text<'_>,
    start: usize,
    avail: u32,
) -> Broken {
    let mut pen = Pen::START;
    let mut i = start;
    loop {
        let Some(c) = text.char_at(i) else {
            let fit = Fit {
                end: i,
                pen,
                gaps: 0,
            };
            return Broken::at(fit, LineEnd::BlockEnd, text.len());
        };
        if c == '\n' {
            return Broken::at(
                Fit {
                    end: i,
                    pen,
                    gaps: 0,
                },
                LineEnd::HardBreak,
                i + 1,
            );
        }
        let mut wider = pen;
        wider.set(fonts.at(i), c);
        if wider.x() > avail && i > start {
            return Broken::at(
                Fit {
                    end: i,
                    pen,
                    gaps: 0,
                },
                LineEnd::Continued,
                i,
            );
        }
        pen = wider;
        i += c.len_utf8();
    }
}
