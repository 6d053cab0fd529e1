//! Lines whose breaks the builder baked: each line's length comes from the page index, and
//! everything else about it (how it ends, where the next starts, its width and word gaps)
//! is read off the text, exactly as breaking it found them. No breaking runs.
//!
//! A length that does not fit its block's text (past the end, off a character boundary,
//! through a newline, ending in spaces) is no line at all: the caller turns `None` into a
//! typed error.

use super::fonts::BlockFonts;
use super::greedy::Broken;
use super::line_text::LineText;
use super::lines::LineEnd;
use super::pen::Pen;
use super::pieces::{is_dash, is_space};
use crate::font::Family;
use crate::format::LineCode;
use crate::text::Text;

/// The line of `text` from `start` that `code` describes, measured. `preformatted` text
/// sets its spaces as characters. The characters read go to `kept`, if given, for drawing.
pub(super) fn baked_line<F: Family>(
    fonts: &mut BlockFonts<'_, '_, F>,
    text: &mut Text<'_>,
    start: usize,
    code: LineCode,
    preformatted: bool,
    kept: Option<&mut LineText>,
) -> Option<Broken> {
    let (limit, until) = match code {
        // To a newline, if one comes first: setting stops there.
        LineCode::ToBreak => (text.len(), true),
        LineCode::ToBlockEnd => (text.len(), false),
        LineCode::Length(len) => (start.checked_add(usize::try_from(len).ok()?)?, false),
        LineCode::Until(next) => (usize::try_from(next).ok()?, true),
    };
    let set = set_line(fonts, text, start, limit, preformatted, until, kept)?;
    let mut broken = Broken {
        end: set.content_end,
        width: set.pen.x(),
        gaps: set.gaps,
        kind: LineEnd::BlockEnd,
        next: text.len(),
    };
    if code == LineCode::ToBlockEnd {
        return Some(broken);
    }
    if code == LineCode::ToBreak {
        if set.stop < limit {
            // A hard break: the next line starts past the newline.
            (broken.kind, broken.next) = (LineEnd::HardBreak, set.stop + 1);
        }
        return Some(broken);
    }
    // A line that is not its block's last ends on its last character, not in spaces.
    if set.content_end != limit && !preformatted && !until {
        return None;
    }
    let (kind, next) = if until && !preformatted {
        // The page's last line: what follows its last character is read already, up to the
        // next page's start or a newline before it.
        if set.stop < limit {
            (LineEnd::HardBreak, set.stop + 1)
        } else if set.content_end < limit || opens(set.before_last, set.last, text.char_at(limit)?)
        {
            (LineEnd::Wrap, limit)
        } else {
            (LineEnd::Split, limit)
        }
    } else if preformatted {
        // A preformatted line stops at a newline, or (the page's last) at the next page.
        let limit = set.stop;
        match text.char_at(limit)? {
            '\n' => (LineEnd::HardBreak, limit + 1),
            _ => (LineEnd::Continued, limit),
        }
    } else {
        let mut after = limit;
        while text.char_at(after).is_some_and(is_space) {
            after += 1;
        }
        match text.char_at(after)? {
            '\n' => (LineEnd::HardBreak, after + 1),
            _ if after > limit => (LineEnd::Wrap, after),
            next if opens(set.before_last, set.last, next) => (LineEnd::Wrap, limit),
            _ => (LineEnd::Split, limit),
        }
    };
    // A line that is not its block's last moves on: an empty line cut short would draw a
    // lone hyphen, and lines that stay put would fill a page without text.
    if next <= start {
        return None;
    }
    if kind == LineEnd::Split {
        broken.width = broken.width.saturating_add(fonts.hyphen());
    }
    (broken.kind, broken.next) = (kind, next);
    Some(broken)
}

/// What setting a line's characters found.
struct Set {
    pen: Pen,
    gaps: u32,
    /// Just past the last character that is not a space.
    content_end: usize,
    /// The last two characters set (`'\0'` where there are none).
    before_last: char,
    last: char,
    /// Where setting stopped: the limit, or a newline before it.
    stop: usize,
}

/// Sets the characters from `start` to `limit` as line breaking measures them: runs of
/// spaces between words are one gap each, spaces before the first word none. A newline
/// stops a line `until` the limit (the page's last), and is no line otherwise.
fn set_line<F: Family>(
    fonts: &mut BlockFonts<'_, '_, F>,
    text: &mut Text<'_>,
    start: usize,
    limit: usize,
    preformatted: bool,
    until: bool,
    mut kept: Option<&mut LineText>,
) -> Option<Set> {
    let space = fonts.space();
    let mut set = Set {
        pen: Pen::START,
        gaps: 0,
        content_end: start,
        before_last: '\0',
        last: '\0',
        stop: limit,
    };
    let (mut gap, mut content) = (false, false);
    let mut i = start;
    while i < limit {
        let c = text.char_at(i)?;
        if c == '\n' {
            if !until {
                return None;
            }
            set.stop = i;
            return Some(set);
        }
        if let Some(kept) = kept.as_deref_mut() {
            kept.push(c);
        }
        if is_space(c) && !preformatted {
            gap |= content;
            i += 1;
            continue;
        }
        if gap {
            set.pen.gap(space);
            set.gaps += 1;
            // A word after a gap is a piece of its own: nothing before it counts.
            set.last = '\0';
            gap = false;
        }
        set.pen.set(fonts.at(i), c);
        i += c.len_utf8();
        (set.before_last, set.last) = (set.last, c);
        content = true;
        set.content_end = i;
    }
    // Past the limit: the length ended inside a character.
    (i == limit).then_some(set)
}

/// Whether a line may end after `last` (preceded by `before`) with `next` following it
/// without a space: after a hyphen between letters, or after a dash that a word follows.
fn opens(before: char, last: char, next: char) -> bool {
    if last == '-' {
        before.is_alphabetic() && next.is_alphabetic()
    } else {
        is_dash(last) && !is_space(next) && next != '\n' && !is_dash(next)
    }
}
