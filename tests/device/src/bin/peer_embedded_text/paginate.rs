//! One page of embedded-text at a time, without losing words: a `no_std` copy of the host
//! peer (`tests/benches/peer/embedded_text.rs`), which explains the residual handling, so
//! the device and the host run the same algorithm.
//!
//! A page that ends because a word did not fit has consumed that word without drawing it,
//! and its residual starts after it; so a page ends where its last drawn word ends, and the
//! next starts at the next word.

use embedded_graphics::{
    mono_font::{ascii::FONT_6X10, MonoTextStyle},
    pixelcolor::BinaryColor,
    prelude::*,
    primitives::Rectangle,
};
use embedded_text::{alignment::HorizontalAlignment, style::TextBoxStyleBuilder, TextBox};

/// The text box a page is drawn with: `FONT_6X10`, flush left, no margins.
fn page_box(text: &str, size: Size) -> TextBox<'_, MonoTextStyle<'static, BinaryColor>> {
    let character_style = MonoTextStyle::new(&FONT_6X10, BinaryColor::On);
    let style = TextBoxStyleBuilder::new()
        .alignment(HorizontalAlignment::Left)
        .build();
    TextBox::with_textbox_style(
        text,
        Rectangle::new(Point::zero(), size),
        character_style,
        style,
    )
}

/// Draws the page starting at byte `start` and returns where it ends.
pub fn draw_page<D>(text: &str, start: usize, size: Size, target: &mut D) -> Result<usize, D::Error>
where
    D: DrawTarget<Color = BinaryColor>,
{
    let rest = text.get(start..).unwrap_or("");
    // `draw` measures all the text it is given, so hand it about two pages, not the whole rest.
    let mut window_chars = 2 * page_chars(size);
    loop {
        target.clear(BinaryColor::Off)?;
        let window = prefix_chars(rest, window_chars);
        let page = page_box(window, size);
        let residual = page.draw(target)?;
        let stop = start + window.len() - residual.len();
        if !residual.is_empty() {
            return Ok(page_end(text, start, stop, true));
        }
        if window.len() == rest.len() {
            // An empty residual may still hide a last word that did not fit: measure to tell.
            let height = page
                .style
                .measure_text_height(&page.character_style, rest, size.width);
            return Ok(page_end(text, start, stop, height > size.height));
        }
        // The window ran out before the page filled (e.g. long runs of spaces): try a larger one.
        window_chars *= 2;
    }
}

/// Where a page that `draw` stopped at byte `stop` really ends. When the page `overflowed`,
/// the token just before `stop` is the one that did not fit: if a word, it was not drawn.
fn page_end(text: &str, start: usize, stop: usize, overflowed: bool) -> usize {
    let seen = text.get(start..stop).unwrap_or("");
    let drawn = if overflowed {
        seen.trim_end_matches(is_word_char)
    } else {
        seen
    };
    let end = start + drawn.trim_end_matches(|c| !is_word_char(c)).len();
    // Only a page holding nothing but part of a split word gets here: keep the split, move on.
    if end > start {
        end
    } else {
        stop
    }
}

/// Byte offset of the first word at or after `at`.
pub fn next_word(text: &str, at: usize) -> usize {
    let rest = text.get(at..).unwrap_or("");
    text.len() - rest.trim_start_matches(|c| !is_word_char(c)).len()
}

/// embedded-text's own word characters: whitespace ends a word, except a no-break space;
/// a zero-width space and a soft hyphen end it too.
fn is_word_char(c: char) -> bool {
    (!c.is_whitespace() || c == '\u{a0}') && !matches!(c, '\u{200b}' | '\u{ad}')
}

/// Roughly the characters on a full page of `size`: each line's glyphs and one separator.
fn page_chars(size: Size) -> usize {
    let glyph = FONT_6X10.character_size;
    let columns = size.width / (glyph.width + FONT_6X10.character_spacing);
    let lines = size.height / glyph.height;
    (lines * (columns + 1)).max(1) as usize
}

/// The first `n` characters of `s`: byte windows would split a curly quote or an em dash.
fn prefix_chars(s: &str, n: usize) -> &str {
    s.char_indices()
        .nth(n)
        .map_or(s, |(at, _)| s.get(..at).unwrap_or(s))
}
