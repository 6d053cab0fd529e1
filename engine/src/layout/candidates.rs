//! The places a justified line may end, in reading order, with running width totals.
//!
//! Knuth–Plass weighs these; the line iterator replays them to cut out the chosen lines.
//! Both read the text through this one iterator, so the breaks chosen are the breaks drawn.

use super::fonts::BlockFonts;
use super::pen::Pen;
use super::pieces::{is_dash, is_space, scan_piece, set_run};
use crate::font::Family;
use crate::text::{Hyphens, Text};

/// What ends a line at a candidate.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// A word gap; the gap itself is dropped.
    Glue,
    /// Just after a hyphen or dash in the text.
    Hyphen,
    /// Inside a word too wide for any line; a hyphen is drawn.
    Cut,
    /// At a hyphenation point; a hyphen is drawn.
    Discretionary,
    /// A newline inside the block.
    HardBreak,
    /// The end of the block.
    BlockEnd,
}

/// A possible line end.
#[derive(Copy, Clone, Debug)]
pub(super) struct Candidate {
    /// Where the line's text would end.
    pub(super) end: usize,
    /// Where the next line would start.
    pub(super) next: usize,
    /// Natural width from the first candidate's start to `end`, the gap here excluded.
    pub(super) width: u32,
    /// Word gaps from the start to `end`.
    pub(super) gaps: u32,
    pub(super) kind: Kind,
    /// A gap before a dash: a line may not start with a dash unless nothing else fits.
    pub(super) discouraged: bool,
    /// Kerning between the characters either side of a break inside a word: part of the
    /// line if it does not break here, of neither line if it does.
    pub(super) join: i32,
}

impl Candidate {
    /// Whether the paragraph (or its hard-broken part) ends here.
    pub(super) fn forced(&self) -> bool {
        matches!(self.kind, Kind::HardBreak | Kind::BlockEnd)
    }

    /// Whether a line ending here ends in a hyphen or dash.
    pub(super) fn flagged(&self) -> bool {
        matches!(self.kind, Kind::Hyphen | Kind::Cut | Kind::Discretionary)
    }
}

/// Iterator over the candidates of one block from a line start.
#[derive(Debug)]
pub(super) struct Candidates<'t, 'f, F: Family> {
    fonts: BlockFonts<'f, 't, F>,
    text: Text<'t>,
    /// Width a cut word piece may take with its hyphen.
    cut_width: u32,
    space: u32,
    hyphen: u32,
    pos: usize,
    content_end: usize,
    /// The pen after the last candidate's text: the running width, and what the text after
    /// a break inside a word kerns against.
    pen: Pen,
    gaps: u32,
    gap: bool,
    /// Whether a piece was seen since the start: spaces before it are not a gap.
    content: bool,
    done: bool,
    hyphens: Hyphens<'t>,
    /// The first hyphenation point after `pos`.
    hyphen_at: Option<usize>,
}

impl<'t, 'f, F: Family> Candidates<'t, 'f, F> {
    /// The text as far as the candidates have read it: for coded text, a decoder near the
    /// last candidate, so the next line need not decode from further back.
    pub(super) fn text(&self) -> Text<'t> {
        self.text
    }

    /// Candidates of `text` from `start`, a line start (not a space).
    pub(super) fn new(
        fonts: BlockFonts<'f, 't, F>,
        text: Text<'t>,
        hyphens: Hyphens<'t>,
        start: usize,
        cut_width: u32,
    ) -> Self {
        let mut hyphens = hyphens;
        let hyphen_at = hyphens.by_ref().map(|h| h as usize).find(|&h| h > start);
        Candidates {
            hyphens,
            hyphen_at,
            space: fonts.space(),
            hyphen: fonts.hyphen(),
            fonts,
            text,
            cut_width,
            pos: start,
            content_end: start,
            pen: Pen::START,
            gaps: 0,
            gap: false,
            content: false,
            done: false,
        }
    }

    fn at(&self, kind: Kind, next: usize) -> Candidate {
        Candidate {
            end: self.content_end,
            next,
            width: self.pen.x(),
            gaps: self.gaps,
            kind,
            discouraged: false,
            join: 0,
        }
    }

    /// A break inside a word at `next`: the kerning across it joins the running width after.
    fn adjoin(&mut self, kind: Kind, next: usize) -> Candidate {
        let mut candidate = self.at(kind, next);
        let follower = self
            .text
            .char_at(next)
            .filter(|&c| !is_space(c) && c != '\n');
        // Clamped to what a breakpoint can record (no real pair comes near).
        candidate.join = follower
            .map_or(0, |c| self.pen.kerning(self.fonts.at(next), c))
            .clamp(-127, 127);
        self.pen.kern(candidate.join);
        candidate
    }

    fn finish(&mut self, kind: Kind, next: usize) -> Option<Candidate> {
        self.done = true;
        Some(self.at(kind, next))
    }

    /// The longest head of the piece at `pos`, starting with `first`, that fits a line with
    /// its hyphen; at least one character, so the text always moves on.
    fn cut(&mut self, first: char) -> Candidate {
        let mut head = Pen::START;
        let mut end = self.pos;
        let (pos, len) = (self.pos, self.text.len());
        for (i, c) in self.text.chars_between(pos, len) {
            let mut wider = head;
            wider.set(self.fonts.at(i), c);
            if i > pos && wider.x().saturating_add(self.hyphen) > self.cut_width {
                break;
            }
            (head, end) = (wider, i + c.len_utf8());
        }
        self.pen.join(self.fonts.at(pos), first, head);
        (self.content_end, self.pos) = (end, end);
        while self.hyphen_at.is_some_and(|h| h <= end) {
            self.hyphen_at = self.hyphens.next().map(|h| h as usize);
        }
        self.adjoin(Kind::Cut, end)
    }
}

impl<F: Family> Iterator for Candidates<'_, '_, F> {
    type Item = Candidate;

    fn next(&mut self) -> Option<Candidate> {
        if self.done {
            return None;
        }
        loop {
            let Some(c) = self.text.char_at(self.pos) else {
                return self.finish(Kind::BlockEnd, self.text.len());
            };
            if c == '\n' {
                return self.finish(Kind::HardBreak, self.pos + 1);
            }
            if is_space(c) {
                self.gap |= self.content;
                self.pos += 1;
                continue;
            }
            if self.gap {
                self.gap = false;
                let mut glue = self.at(Kind::Glue, self.pos);
                glue.discouraged = is_dash(c);
                self.pen.gap(self.space);
                self.gaps += 1;
                return Some(glue);
            }
            // Kept at the piece's start: a hyphenation point inside it is measured from
            // here, reading on instead of going back (which coded text pays for).
            let at_piece = self.text;
            let piece = scan_piece(&mut self.fonts, &mut self.text, self.pos);
            self.content = true;
            if let Some(point) = self.hyphen_at.filter(|&h| h < piece.end) {
                // A hyphenation point splits the piece.
                self.hyphen_at = self.hyphens.next().map(|h| h as usize);
                self.text = at_piece;
                let (head, end) = set_run(&mut self.fonts, &mut self.text, self.pos, point);
                if end != point {
                    // A point inside a character, which only a damaged table gives: no break
                    // there (a line ending inside a character would end its block, and drop
                    // the text after it). The piece is read again, with the points after it.
                    self.text = at_piece;
                    continue;
                }
                if head.x() > self.cut_width {
                    return Some(self.cut(c));
                }
                self.pen.join(self.fonts.at(self.pos), c, head);
                (self.content_end, self.pos) = (point, point);
                return Some(self.adjoin(Kind::Discretionary, point));
            }
            if piece.pen.x() > self.cut_width {
                return Some(self.cut(c));
            }
            self.pen.join(self.fonts.at(self.pos), c, piece.pen);
            (self.content_end, self.pos) = (piece.end, piece.end);
            if piece.open_end {
                return Some(self.adjoin(Kind::Hyphen, piece.end));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Candidates, Kind};
    use crate::font::MONO_6X10;
    use crate::layout::fonts::BlockFonts;
    use crate::text::{Block, BlockKind, Hyphens};

    /// A damaged table's point inside "é" is no break: the paragraph is read to its end, and
    /// the point after it still is one.
    #[test]
    fn a_point_inside_a_character_is_no_break() {
        let block = Block::new(BlockKind::Paragraph, "café au lait");
        // Points at 4 (inside the two bytes of "é") and 9 ("la|it").
        let hyphens = Hyphens::from_encoded(&[4, 5]);
        let family = &MONO_6X10;
        let fonts = BlockFonts::new(&family, &block);
        let all: heapless::Vec<_, 16> =
            Candidates::new(fonts, block.text, hyphens, 0, 1000).collect();
        assert!(all.iter().all(|c| c.end != 4 && c.next != 4), "{all:?}");
        assert!(all
            .iter()
            .any(|c| c.kind == Kind::Discretionary && c.end == 9));
        let last = all.last().unwrap();
        assert_eq!((last.kind, last.next), (Kind::BlockEnd, block.text.len()));
    }
}
