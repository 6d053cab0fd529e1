//! What a page draws besides glyphs: list markers, quote rules, thematic breaks, the mark of
//! a wrapped code line, underlines and strike-throughs.

use core::fmt::Write;

use embedded_graphics::prelude::{Point, Size};
use embedded_graphics::primitives::Rectangle;

use super::canvas::Canvas;
use super::glyph::draw_char;
use crate::font::{Face, Family, Font};
use crate::layout::{Layout, Line, LineEnd};
use crate::text::{BlockKind, Marker, Nesting, Style};

/// Draws the marks of `line`, whose text area starts at `origin` (the line's top left).
/// `before` is the nesting of the line above on the page and the space between them.
// Never inlined, like the rest of drawing a line: a page's frame is live while its lines are
// broken, and should not hold what drawing one line needs.
#[inline(never)]
pub(super) fn draw_marks<F: Family, C: Canvas>(
    layout: &Layout<'_, F>,
    line: &Line,
    before: Option<(Nesting, u32)>,
    origin: Point,
    canvas: &mut C,
) -> Result<(), C::Error> {
    let geometry = layout.geometry;
    let pitch = line.height + u32::from(layout.profile().line_spacing);
    // A rule for every quote level, down the whole line so that lines join up, and up
    // through the space above when the line before is in the same quote.
    for level in 0..line.nesting.depth() {
        if line.nesting.is_quote(level) {
            let x = geometry.level_left(line.nesting, level) + geometry.quote / 3;
            let up = match before {
                Some((above, gap)) if shares(above, line.nesting, level) => gap,
                _ => 0,
            };
            let top = origin - Point::new(0, up as i32);
            fill(canvas, top, x, 0, 1, pitch + up)?;
        }
    }
    if line.first_in_block {
        if let BlockKind::ListItem { marker, .. } = line.kind {
            draw_marker(layout, line, marker, origin, canvas)?;
        }
    }
    let left = line.left;
    if line.kind == BlockKind::Rule {
        let third = line.measure / 3;
        fill(
            canvas,
            origin,
            left + third,
            line.height / 2,
            third.max(1),
            1,
        )?;
    }
    if line.end_kind == LineEnd::Continued {
        // A small hooked arrow in the room kept at the right: "the line goes on below".
        let x = left + line.measure + 1;
        let (w, mid) = (geometry.mark.saturating_sub(2).max(2), line.height / 2);
        fill(canvas, origin, x + w - 1, mid / 2, 1, mid - mid / 2 + 1)?;
        fill(canvas, origin, x, mid, w, 1)?;
        fill(canvas, origin, x + 1, mid - 1, 1, 3)?;
    }
    Ok(())
}

/// Whether `a` and `b` sit in the same containers down to `level`.
fn shares(a: Nesting, b: Nesting, level: u8) -> bool {
    a.depth() > level && (0..=level).all(|l| a.is_quote(l) == b.is_quote(l))
}

/// Whether text of `style` gets a mark: links are underlined, struck text struck through.
pub(super) fn has_marks(style: Style) -> bool {
    style.has(Style::LINK) || style.has(Style::STRIKE)
}

/// Underlines a link's glyph (or one set in a font that underlines) and strikes through a
/// struck one, `advance` wide at `x`.
pub(super) fn draw_style<F: Font, C: Canvas>(
    font: &F,
    style: Style,
    origin: Point,
    x: u32,
    advance: u32,
    canvas: &mut C,
) -> Result<(), C::Error> {
    let baseline = font.baseline();
    if style.has(Style::LINK) {
        let below = (baseline + 1).min(font.line_height().saturating_sub(1));
        fill(canvas, origin, x, below, advance, 1)?;
    }
    if style.has(Style::STRIKE) {
        fill(canvas, origin, x, baseline - baseline / 3, advance, 1)?;
    }
    Ok(())
}

/// Draws a list item's marker right-aligned in its hanging indent, in the regular face.
fn draw_marker<F: Family, C: Canvas>(
    layout: &Layout<'_, F>,
    line: &Line,
    marker: Marker,
    origin: Point,
    canvas: &mut C,
) -> Result<(), C::Error> {
    let geometry = layout.geometry;
    let font = layout.fonts().face(Face::Regular);
    let depth = line.nesting.depth();
    let start = geometry.level_left(line.nesting, depth.saturating_sub(1));
    let end = line.left.saturating_sub(font.advance(' '));
    let mut label = heapless::String::<16>::new();
    // 16 bytes hold the longest number and its delimiter.
    let _ = match marker {
        // Bullets alternate by list depth: a round one, then a dash.
        Marker::Bullet(_) if line.nesting.lists() % 2 == 0 => write!(label, "\u{2013}"),
        Marker::Bullet(_) => write!(label, "\u{2022}"),
        Marker::Number { value, delimiter } => write!(label, "{value}{}", char::from(delimiter)),
        // A box drawn on the baseline, as tall as a digit, filled in when done: every
        // font can show it.
        Marker::Task(done) => {
            let side = (font.baseline() * 2 / 3).max(4);
            let x = end.saturating_sub(side).max(start);
            let top = font.baseline().saturating_sub(side);
            fill(canvas, origin, x, top, side, 1)?;
            fill(canvas, origin, x, top + side - 1, side, 1)?;
            fill(canvas, origin, x, top, 1, side)?;
            fill(canvas, origin, x + side - 1, top, 1, side)?;
            if done {
                fill(canvas, origin, x + 2, top + 2, side - 4, side - 4)?;
            }
            return Ok(());
        }
    };
    let width: u32 = label.chars().map(|c| font.advance(c)).sum();
    let mut x = end.saturating_sub(width).max(start);
    for c in label.chars() {
        let at = origin + Point::new(x as i32, 0);
        x += draw_char(&font, c, at, font.embolden(), canvas)?;
    }
    Ok(())
}

/// Inks a `width` x `height` rectangle at (`x`, `y`) from `origin`.
fn fill<C: Canvas>(
    canvas: &mut C,
    origin: Point,
    x: u32,
    y: u32,
    width: u32,
    height: u32,
) -> Result<(), C::Error> {
    let at = origin + Point::new(x as i32, y as i32);
    canvas.fill(&Rectangle::new(at, Size::new(width, height)))
}
