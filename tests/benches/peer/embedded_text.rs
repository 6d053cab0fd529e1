//! The layout benchmark's peer: embedded-text 0.7.3 paginating and drawing an article with
//! `FONT_6X10`, left-aligned, so that every word lands on exactly one page, in order.
//!
//! Paginating by the residual that `TextBox::draw` returns loses words. The line loop peeks the
//! next token (stored in the plugin wrapper) before deciding that it does not fit, and a full box
//! returns the parser's remainder, which begins *after* that peeked token (embedded-text
//! `src/rendering/mod.rs`, `src/plugin/mod.rs`). So when a page's last line ends because a word
//! did not fit, that word is in neither the page nor the residual, and the residual starts with
//! the space or `'\n'` that followed it. [`paginate_and_draw`] ends each page where its last
//! drawn word ends instead, and starts the next page at the next word.

// Shared by the benchmark and its test, each of which uses only a part.
#![allow(dead_code)]

use embedded_graphics::{
    mono_font::{ascii::FONT_6X10, MonoTextStyle},
    pixelcolor::BinaryColor,
    prelude::*,
    primitives::Rectangle,
};
use embedded_text::{alignment::HorizontalAlignment, style::TextBoxStyleBuilder, TextBox};

/// One page: `text[start..end]` runs from the page's first word to the end of its last word, so
/// the bytes between two pages are whitespace only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PeerPage {
    /// Byte offset of the page's first word.
    pub start: usize,
    /// Byte offset just past the page's last word.
    pub end: usize,
}

/// The text box the peer draws a page with: `FONT_6X10`, left-aligned, no margins.
pub fn page_box(text: &str, size: Size) -> TextBox<'_, MonoTextStyle<'static, BinaryColor>> {
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

/// Paginates `text` into pages of `size` and draws each page into `target`, cleared per page.
///
/// Assumes embedded-text never splits a word, which holds for prose with ordinary spacing: it
/// splits one wider than `size`, or one after spaces that wrapped onto its line, and the residual
/// cannot tell how much of a split word was drawn.
pub fn paginate_and_draw<D>(
    text: &str,
    size: Size,
    target: &mut D,
) -> Result<Vec<PeerPage>, D::Error>
where
    D: DrawTarget<Color = BinaryColor>,
{
    let mut pages = Vec::new();
    let mut start = next_word(text, 0);
    while start < text.len() {
        let end = draw_page(text, start, size, target)?;
        pages.push(PeerPage { start, end });
        start = next_word(text, end);
    }
    Ok(pages)
}

/// The words of `pages`, in order: equal to `text.split_whitespace()` when pagination is correct.
pub fn words_of_pages<'a>(text: &'a str, pages: &[PeerPage]) -> Vec<&'a str> {
    pages
        .iter()
        .flat_map(|page| text[page.start..page.end].split_whitespace())
        .collect()
}

/// Draws the page starting at byte `start` and returns where it ends.
fn draw_page<D>(text: &str, start: usize, size: Size, target: &mut D) -> Result<usize, D::Error>
where
    D: DrawTarget<Color = BinaryColor>,
{
    let rest = &text[start..];
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

/// Where a page that `draw` stopped at byte `stop` really ends. When the page `overflowed`, the
/// token just before `stop` is the one that did not fit: if it is a word, it was consumed but
/// not drawn.
fn page_end(text: &str, start: usize, stop: usize, overflowed: bool) -> usize {
    let seen = &text[start..stop];
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
fn next_word(text: &str, at: usize) -> usize {
    text.len() - text[at..].trim_start_matches(|c| !is_word_char(c)).len()
}

/// embedded-text's own word characters (`src/parser/mod.rs`): whitespace ends a word, except a
/// no-break space; a zero-width space and a soft hyphen end it too.
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
    s.char_indices().nth(n).map_or(s, |(at, _)| &s[..at])
}
