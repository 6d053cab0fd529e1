//! inkleaf's side: the engine's own layout of a blob, read back line by line.

use inkleaf::font::{Face, Family, Font};
use inkleaf::{layout::LineEnd, Layout};

use super::metrics::SetLine;

/// Every line of every page of `layout`, measured.
pub fn set_lines<F: Family>(layout: &Layout<'_, F>) -> Vec<SetLine> {
    let font = layout.fonts().face(Face::Regular);
    let space = f64::from(font.advance(' '));
    let mut out = Vec::new();
    for page in layout.pages() {
        for line in page.lines().expect("a page of this layout") {
            let text = layout.line_text(&line);
            let mut gaps = Vec::new();
            let (mut x, mut in_gap, mut previous) = (0u32, false, '\0');
            for c in text.chars() {
                if c == ' ' {
                    if !in_gap {
                        let width = layout.gap_width(&line, gaps.len() as u32 + 1);
                        gaps.push((f64::from(x), f64::from(width)));
                        x += width;
                    }
                    (in_gap, previous) = (true, '\0');
                    continue;
                }
                if previous != '\0' {
                    x = x.saturating_add_signed(font.kerning(previous, c));
                }
                (in_gap, previous) = (false, c);
                x += font.advance(c);
            }
            let last = matches!(line.end_kind, LineEnd::BlockEnd | LineEnd::HardBreak);
            out.push(SetLine {
                page: page.index as usize,
                natural: f64::from(line.width),
                measure: f64::from(layout.text_width()),
                space,
                hyphen: f64::from(font.advance('-')),
                gaps,
                hyphenated: line.end_kind == LineEnd::Split
                    || (!last && text.ends_with(['-', '\u{2014}', '\u{2013}'])),
                first: line.first_in_block,
                last,
                dash_start: text.starts_with('\u{2014}'),
            });
        }
    }
    out
}
