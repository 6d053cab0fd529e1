//! inkleaf's side: the engine's own layout of a blob, read back line by line.

use inkleaf::font::{Face, Family, Font};
use inkleaf::text::{BlockKind, Style};
use inkleaf::{layout::LineEnd, Layout};

use super::metrics::SetLine;

/// Every line of prose (paragraphs and list items, which Knuth–Plass sets) on every page of
/// `layout`, measured as drawn: its measure, its block's space and hyphen, each gap where
/// the glyphs after it are drawn. Headings, code, rules and table rows are set flush left
/// by design and left out.
pub fn set_lines<F: Family>(layout: &Layout<'_, F>) -> Vec<SetLine> {
    let mut out = Vec::new();
    for page in layout.pages() {
        for line in page.lines().expect("a page of this layout") {
            if !matches!(line.kind, BlockKind::Paragraph | BlockKind::ListItem { .. }) {
                continue;
            }
            let text = layout.line_text(&line);
            // Where each glyph is drawn, in order: the line's characters but its gaps, and
            // a split word's hyphen.
            let mut xs = Vec::new();
            layout.for_each_glyph(&line, |x, _| xs.push(x));
            let mut gaps = Vec::new();
            let (mut glyph, mut in_gap) = (0usize, false);
            for c in text.chars() {
                // The engine's word gaps: spaces, tabs and carriage returns.
                if matches!(c, ' ' | '\t' | '\r') {
                    in_gap = true;
                    continue;
                }
                if in_gap {
                    let width = layout.gap_width(&line, gaps.len() as u32 + 1);
                    let after = xs.get(glyph).copied().unwrap_or(0);
                    gaps.push((f64::from(after - width), f64::from(width)));
                    in_gap = false;
                }
                glyph += 1;
            }
            let last = matches!(line.end_kind, LineEnd::BlockEnd | LineEnd::HardBreak);
            let face = layout.fonts().face(Face::of(line.kind, Style::PLAIN));
            out.push(SetLine {
                page: page.index as usize,
                natural: f64::from(line.width),
                measure: f64::from(line.measure),
                space: f64::from(layout.space(&line)),
                hyphen: f64::from(face.advance('-')),
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
