//! Knuth–Plass line breaking for justified text, in integers and a fixed amount of memory.
//!
//! Every way of breaking a stretch of a paragraph is weighed at once, as TeX does: a line's
//! badness grows with the cube of how far its word gaps stretch or shrink, each line costs
//! `(10 + badness)²` demerits, a break after a hyphen or dash adds 50², two in a row 10,000
//! more, and a line that starts with a dash is allowed only when nothing else fits. The path
//! with the fewest demerits wins.
//!
//! A device has no room for a whole paragraph's breakpoints, so a paragraph is weighed in
//! chunks of [`MAX_CANDIDATES`] possible breaks: the first line of the cheapest path that
//! reaches the chunk's last line is kept, and the next chunk starts after it (a chunk that
//! reaches the paragraph's end keeps all its lines). The result is the same from the
//! paragraph's start whoever asks, so pagination and drawing agree.

use super::candidates::{Candidate, Candidates, Kind};
use super::fonts::BlockFonts;
use crate::font::Family;
use crate::text::{Hyphens, Text};

/// Possible breaks weighed together; 24 bytes of stack each.
pub(super) const MAX_CANDIDATES: usize = 48;

/// Stretch ratio (in TeX's units of 1/297) past which every line is equally bad. TeX stops at
/// 1290 (4.3 times the stretch) and calls that infinitely bad; narrow e-paper columns need
/// to tell a gap 5 times too wide from one 20 times too wide, so the scale goes on.
const MAX_RATIO: u64 = 10_000;
/// Badness at [`MAX_RATIO`], and of a line with no gap to stretch.
const MAX_BAD: u64 = MAX_RATIO * MAX_RATIO * MAX_RATIO / 0x40000;
/// Demerits every line costs, so fewer lines win ties.
const LINE_PENALTY: u64 = 10;
/// Cost of ending a line in a hyphen or dash.
const HYPHEN_PENALTY: u64 = 50;
/// Extra demerits for two hyphenated lines in a row.
const DOUBLE_HYPHEN_DEMERITS: u64 = 100_000;
/// Extra demerits for starting a line with a dash.
const DASH_START_DEMERITS: u64 = 1 << 40;
/// Demerits for a line wider than the measure even with its gaps fully shrunk: chosen only
/// when there is no other way to go on.
const OVERFULL_DEMERITS: u64 = 1 << 50;

/// The breaks chosen for one chunk: bit `j` set means "break at candidate `j`" (1-based).
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Plan {
    breaks: u64,
    /// The last candidate whose break is kept; the next chunk starts after it.
    last: u8,
}

impl Plan {
    /// Whether the line breaks at candidate `index` of the chunk.
    pub(super) fn breaks_at(&self, index: u8) -> bool {
        index <= self.last && self.breaks & (1u64 << (index % 64)) != 0
    }

    /// The last kept break.
    pub(super) fn last(&self) -> u8 {
        self.last
    }
}

/// The widths a paragraph is set to.
#[derive(Copy, Clone, Debug)]
pub(super) struct Measure {
    /// Width of every line.
    pub(super) width: u32,
    /// Width of the chunk's first line: narrower by a first-line indent when the chunk
    /// starts its paragraph.
    pub(super) first: u32,
    /// Width a word too wide for any line is cut to: the paragraph's narrowest line, the
    /// same for every chunk, so that replaying a plan meets the candidates it weighed.
    pub(super) cut: u32,
    /// Normal word gap.
    pub(super) space: u32,
    /// Width of a drawn hyphen.
    pub(super) hyphen: u32,
}

/// One possible break with the best way found to reach it.
#[derive(Copy, Clone, Debug, Default)]
struct Node {
    cost: u64,
    width: u32,
    gaps: u16,
    kind_glue: bool,
    flagged: bool,
    /// Kerning across a break inside a word, see `Candidate::join`.
    join: i8,
    prev: u8,
    /// Lines on the best path to here.
    lines: u8,
}

impl Node {
    fn after_width(&self, space: u32) -> u32 {
        if self.kind_glue {
            self.width + space
        } else {
            self.width.saturating_add_signed(i32::from(self.join))
        }
    }

    fn after_gaps(&self) -> u32 {
        u32::from(self.gaps) + u32::from(self.kind_glue)
    }
}

/// Chooses the breaks of the chunk starting at line start `start` of `text`; `after_hyphen`
/// says whether the line before ended in a hyphen or dash. `None` if the chunk met coded
/// text that does not decode: breaks weighed on text that ends early would be wrong.
// Never inlined: its node table then takes stack only while it runs, not in every caller.
#[inline(never)]
pub(super) fn plan<F: Family>(
    fonts: BlockFonts<'_, '_, F>,
    text: Text<'_>,
    hyphens: Hyphens<'_>,
    start: usize,
    after_hyphen: bool,
    measure: Measure,
) -> Option<Plan> {
    let mut nodes = [Node::default(); MAX_CANDIDATES + 1];
    // The line before this chunk may have ended in a hyphen: a second one in a row costs.
    nodes[0].flagged = after_hyphen;
    let mut count = 0usize;
    let mut forced = false;
    let mut candidates = Candidates::new(fonts, text, hyphens, start, measure.cut);
    for candidate in candidates.by_ref().take(MAX_CANDIDATES) {
        count += 1;
        let best = best_predecessor(&nodes[..count], &candidate, measure);
        nodes[count] = Node {
            width: candidate.width,
            gaps: u16::try_from(candidate.gaps).unwrap_or(u16::MAX),
            kind_glue: candidate.kind == Kind::Glue,
            flagged: candidate.flagged(),
            join: i8::try_from(candidate.join).unwrap_or(0),
            cost: best.0,
            prev: best.1,
            lines: nodes[usize::from(best.1)].lines.saturating_add(1),
        };
        if candidate.forced() {
            forced = true;
            break;
        }
    }
    // A chunk that reached its block's end checks that the text really ends there.
    let mut read = candidates.text();
    if read.is_corrupt() || (forced && count > 0 && !read.reads_whole()) {
        return None;
    }
    Some(choose(&nodes, count, forced, measure.width))
}

/// The cheapest way to reach `candidate` from the nodes before it: (total cost, node).
fn best_predecessor(nodes: &[Node], candidate: &Candidate, measure: Measure) -> (u64, u8) {
    let mut best = (u64::MAX, 0u8);
    for (i, node) in nodes.iter().enumerate().rev() {
        let extra = if matches!(candidate.kind, Kind::Cut | Kind::Discretionary) {
            measure.hyphen
        } else {
            0
        };
        let width = (candidate.width + extra).saturating_sub(node.after_width(measure.space));
        let gaps = candidate.gaps.saturating_sub(node.after_gaps());
        let line = Measure {
            width: if i == 0 { measure.first } else { measure.width },
            ..measure
        };
        let fit = line_demerits(width, gaps, candidate, node, line);
        let overfull = fit.is_none();
        let cost = node.cost.saturating_add(fit.unwrap_or(OVERFULL_DEMERITS));
        if cost < best.0 || best.0 == u64::MAX {
            best = (cost, u8::try_from(i).unwrap_or(0));
        }
        // Starting earlier only makes the line wider: once it cannot shrink enough, stop.
        if overfull {
            break;
        }
    }
    best
}

/// Demerits of a line of natural `width` with `gaps` word gaps ending at `candidate`, or
/// `None` if even fully shrunk gaps leave it too wide.
fn line_demerits(
    width: u32,
    gaps: u32,
    candidate: &Candidate,
    from: &Node,
    m: Measure,
) -> Option<u64> {
    // Gaps stretch by half a space and shrink by a third, as TeX's, in sixths of a pixel;
    // a gap is drawn in whole pixels, so it shrinks by whole pixels only: never narrower
    // than two thirds of a space.
    let (stretch, shrink) = (
        u64::from(gaps * m.space * 3),
        u64::from(gaps * (m.space / 3) * 6),
    );
    let badness = if width <= m.width {
        if candidate.forced() {
            0
        } else {
            badness(u64::from(m.width - width) * 6, stretch)
        }
    } else {
        let over = u64::from(width - m.width) * 6;
        // A paragraph's last line is set with normal gaps, so it cannot shrink.
        if over > shrink || candidate.forced() {
            return None;
        }
        badness(over, shrink)
    };
    let base = LINE_PENALTY + badness;
    let mut demerits = base * base;
    if candidate.flagged() {
        demerits += HYPHEN_PENALTY * HYPHEN_PENALTY;
        if from.flagged {
            demerits += DOUBLE_HYPHEN_DEMERITS;
        }
    }
    if candidate.discouraged {
        demerits = demerits.saturating_add(DASH_START_DEMERITS);
    }
    Some(demerits)
}

/// TeX's badness, about 100 × (`excess` / `give`)³, on a scale that goes on to [`MAX_BAD`].
fn badness(excess: u64, give: u64) -> u64 {
    if excess == 0 {
        return 0;
    }
    if give == 0 {
        return MAX_BAD;
    }
    let ratio = (excess.saturating_mul(297) / give).min(MAX_RATIO);
    (ratio * ratio * ratio + 0x20000) / 0x40000
}

/// Walks back from the chunk's end and keeps its breaks.
///
/// When the paragraph ended inside the window, every break is kept. Otherwise the window
/// closed mid-paragraph: the cheapest path ending within a line of the window's end is
/// followed, and only its first line is kept, so every line is chosen with the most text
/// after it in view.
fn choose(nodes: &[Node], count: usize, forced: bool, width: u32) -> Plan {
    let end = if forced {
        count
    } else {
        best_end(nodes, count, width)
    };
    let mut breaks = 0u64;
    let mut first = end;
    let mut at = end;
    while at > 0 {
        breaks |= 1u64 << (at % 64);
        first = at;
        at = usize::from(nodes.get(at).map_or(0, |n| n.prev));
    }
    if forced {
        return Plan {
            breaks,
            last: u8::try_from(count).unwrap_or(0),
        };
    }
    Plan {
        breaks: 1u64 << (first % 64),
        last: u8::try_from(first).unwrap_or(0),
    }
}

/// The cheapest node within one line of the window's end: all such paths have set about as
/// much text, so their totals compare fairly, and each has seen the most text ahead.
fn best_end(nodes: &[Node], count: usize, width: u32) -> usize {
    let Some(last) = nodes.get(count) else {
        return count;
    };
    let reach = last.width.saturating_sub(width);
    let mut best = count;
    for (i, node) in nodes.iter().enumerate().take(count + 1).skip(1) {
        if node.width < reach || node.lines < 2 {
            continue;
        }
        let there = nodes
            .get(best)
            .map_or(u64::MAX, |n| if n.lines < 2 { u64::MAX } else { n.cost });
        if node.cost < there {
            best = i;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::badness;

    #[test]
    fn badness_follows_tex() {
        assert_eq!(badness(0, 10), 0);
        assert_eq!(badness(10, 0), super::MAX_BAD);
        assert_eq!(badness(10, 10), 100);
        assert_eq!(badness(5, 10), 12);
        // Past TeX's "infinitely bad" the scale goes on: wider gaps stay worse.
        assert!(badness(50, 10) > 10_000 && badness(100, 10) > badness(50, 10));
    }
}
