//! The embedded-text peer of the layout benchmark does correct work: every word of the article
//! on exactly one page, in order, and each page's pixels are exactly its own words.

#[path = "../benches/peer/embedded_text.rs"]
mod peer;

use std::path::Path;

use embedded_graphics::prelude::*;
use inkleaf_tests::frames::FrameRecorder;
use peer::PeerPage;

const SIZE: Size = Size::new(296, 128);

/// The bundled article: the repository's copy once it has one, else the shared original.
fn article() -> String {
    let in_repo = concat!(env!("CARGO_MANIFEST_DIR"), "/../assets/article.txt");
    let shared = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/article.txt");
    let path = if Path::new(in_repo).exists() {
        in_repo
    } else {
        shared
    };
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {path}: {e}"))
}

fn paginate(text: &str) -> (Vec<PeerPage>, Vec<Vec<u8>>) {
    let mut display = FrameRecorder::new(SIZE);
    let Ok(pages) = peer::paginate_and_draw(text, SIZE, &mut display);
    (pages, display.into_frames())
}

#[test]
fn every_word_once_in_order() {
    let text = article();
    let (pages, _) = paginate(&text);

    let words: Vec<&str> = text.split_whitespace().collect();
    assert_eq!(peer::words_of_pages(&text, &pages), words);
    // DESIGN.md measured 14 pages at 296x128 with FONT_6X10.
    assert!((13..=15).contains(&pages.len()), "{} pages", pages.len());
}

#[test]
fn pages_tile_the_article() {
    let text = article();
    let (pages, _) = paginate(&text);

    assert_eq!(pages.first().map(|p| p.start), Some(0));
    assert_eq!(pages.last().map(|p| p.end), Some(text.trim_end().len()));
    for pair in pages.windows(2) {
        let gap = &text[pair[0].end..pair[1].start];
        assert!(!gap.is_empty() && gap.trim().is_empty(), "gap {gap:?}");
    }
}

#[test]
fn each_page_shows_exactly_its_words() {
    let text = article();
    let (pages, frames) = paginate(&text);

    // One frame per page also shows that no page needed a larger window and a redraw.
    assert_eq!(frames.len(), pages.len());
    for (page, frame) in pages.iter().zip(&frames) {
        let words = &text[page.start..page.end];
        let page_box = peer::page_box(words, SIZE);
        // Measured, not drawn: `draw` would hide a word that spills past the last line.
        let height =
            page_box
                .style
                .measure_text_height(&page_box.character_style, words, SIZE.width);
        assert!(height <= SIZE.height, "{page:?} needs {height} px");

        let mut alone = FrameRecorder::new(SIZE);
        let Ok(_) = page_box.draw(&mut alone);
        assert!(
            alone.bytes() == frame.as_slice(),
            "{page:?} drew other words"
        );
    }
}

/// The peer behaviour the workaround exists for; if this starts failing, embedded-text changed.
#[test]
fn residual_pagination_drops_a_word() {
    let text = article();
    let mut page = FrameRecorder::new(SIZE);
    let Ok(residual) = peer::page_box(&text, SIZE).draw(&mut page);
    let consumed = &text[..text.len() - residual.len()];
    let Some((kept, lost)) = consumed.rsplit_once(char::is_whitespace) else {
        panic!("one word fills the page");
    };

    // The page consumed `lost` without drawing it, and the residual starts after it.
    let mut without_lost = FrameRecorder::new(SIZE);
    let Ok(_) = peer::page_box(kept, SIZE).draw(&mut without_lost);
    assert!(page.bytes() == without_lost.bytes(), "{lost:?} was drawn");
    assert!(residual.starts_with(char::is_whitespace), "{residual:?}");
}
