//! Layout speed: inkleaf against embedded-text 0.7 on the bundled article.
//!
//! Both paginate and draw every page of the article at 296x128 with the 6x10 font, left
//! aligned, no margins, into the same in-memory 1-bit framebuffer. Before timing, both sides'
//! output is checked: every word of the article exactly once, in order.
//!
//! Run with `cargo bench -p inkleaf-tests --bench layout`.

#[path = "peer/embedded_text.rs"]
mod peer;

use std::hint::black_box;
use std::time::{Duration, Instant};

use embedded_graphics::prelude::*;
use inkleaf::font::MONO_6X10;
use inkleaf::{
    font::FontId,
    layout::{Align, Margins},
    Book, Framebuffer, Layout, Profile,
};
use inkleaf_cli::build::TextStorage;

const WIDTH: u16 = 296;
const HEIGHT: u16 = 128;

fn profile() -> Profile {
    Profile {
        margins: Margins::all(0),
        paragraph_spacing: 0,
        align: Align::Left,
        ..Profile::new(WIDTH, HEIGHT)
    }
}

type Buffer = Framebuffer<Vec<u8>>;

/// inkleaf's whole job, as a device does it: list the pages, then draw each one.
fn inkleaf_pass(layout: &Layout<'_, &inkleaf::font::MonoFont>, fb: &mut Buffer) -> u32 {
    let mut pages = 0;
    for page in layout.pages() {
        page.draw_into(fb);
        black_box(fb.as_bytes());
        pages += 1;
    }
    pages
}

/// The same job for embedded-text, through the same framebuffer's `DrawTarget`.
fn peer_pass(text: &str, fb: &mut Buffer) -> usize {
    let Ok(pages) = peer::paginate_and_draw(text, Size::new(WIDTH.into(), HEIGHT.into()), fb);
    pages.len()
}

/// Median time of one call over `rounds` rounds of `iterations` calls.
fn median(rounds: &mut [Duration]) -> Duration {
    rounds.sort();
    rounds[rounds.len() / 2]
}

fn main() {
    let text = inkleaf_cli::BUNDLED_ARTICLE;
    let doc = inkleaf_cli::input::parse_text(text);
    // Plain UTF-8 text, as embedded-text reads it; the coded blob is timed alongside.
    let options = |text| inkleaf_cli::build::Options {
        font: FontId::Mono6x10,
        faces: &[],
        hyphenate: true,
        text,
        also_for: &[],
        also_sizes: &[],
    };
    let build = |text| {
        inkleaf_cli::build::build_with(&doc, profile(), &options(text))
            .expect("the article builds")
            .blob
    };
    let (plain_blob, coded_blob) = (build(TextStorage::Plain), build(TextStorage::Coded));
    let book = Book::from_bytes(&plain_blob).expect("a fresh blob opens");
    let coded_book = Book::from_bytes(&coded_blob).expect("a fresh blob opens");
    let coded =
        Layout::new(&coded_book, profile(), &MONO_6X10).expect("296x128 fits the 6x10 font");
    let layout = Layout::new(&book, profile(), &MONO_6X10).expect("296x128 fits the 6x10 font");
    let (width, height) = (u32::from(WIDTH), u32::from(HEIGHT));
    let mut fb = Framebuffer::new(vec![0; Buffer::bytes_needed(width, height)], width, height)
        .expect("sized to fit");

    let words: Vec<&str> = text.split_whitespace().collect();
    let mut set = String::new();
    let mut previous_end = None;
    for line in layout
        .pages()
        .flat_map(|page| page.lines().expect("page of this layout"))
    {
        // A line that starts where the last one ended continues a word broken after a hyphen.
        if previous_end != Some((line.block, line.start)) {
            set.push(' ');
        }
        set.push_str(&layout.line_text(&line));
        previous_end = Some((line.block, line.end));
    }
    assert_eq!(
        set.split_whitespace().collect::<Vec<_>>(),
        words,
        "inkleaf must set every word once, in order"
    );
    let peer_pages = peer::paginate_and_draw(text, Size::new(WIDTH.into(), HEIGHT.into()), &mut fb)
        .expect("infallible");
    assert_eq!(
        peer::words_of_pages(text, &peer_pages),
        words,
        "embedded-text must set every word once, in order"
    );

    let (rounds, iterations) = (21, 40);
    let mut inkleaf_times = Vec::with_capacity(rounds);
    let mut peer_times = Vec::with_capacity(rounds);
    let mut coded_times = Vec::with_capacity(rounds);
    let (mut our_pages, mut their_pages) = (0, 0);
    // Alternate the two sides so that a noisy neighbour hurts both alike.
    for _ in 0..rounds {
        let start = Instant::now();
        for _ in 0..iterations {
            our_pages = inkleaf_pass(black_box(&layout), &mut fb);
        }
        inkleaf_times.push(start.elapsed() / iterations);
        let start = Instant::now();
        for _ in 0..iterations {
            their_pages = peer_pass(black_box(text), &mut fb);
        }
        peer_times.push(start.elapsed() / iterations);
        let start = Instant::now();
        for _ in 0..iterations {
            inkleaf_pass(black_box(&coded), &mut fb);
        }
        coded_times.push(start.elapsed() / iterations);
    }
    let coded_time = median(&mut coded_times);
    let ours = median(&mut inkleaf_times);
    let theirs = median(&mut peer_times);
    println!(
        "article: {} bytes, 296x128, 6x10, left aligned, no margins",
        text.len()
    );
    println!(
        "inkleaf             {:>8.1} µs for {our_pages} pages ({:.1} µs/page)",
        ours.as_secs_f64() * 1e6,
        ours.as_secs_f64() * 1e6 / f64::from(our_pages)
    );
    println!(
        "embedded-text 0.7.3 {:>8.1} µs for {their_pages} pages ({:.1} µs/page)",
        theirs.as_secs_f64() * 1e6,
        theirs.as_secs_f64() * 1e6 / their_pages as f64
    );
    println!(
        "ratio               {:>8.1}x faster",
        theirs.as_secs_f64() / ours.as_secs_f64()
    );
    println!(
        "inkleaf, coded text {:>8.1} µs for the same pages ({:.1}x embedded-text): decoding \
         costs on top of layout",
        coded_time.as_secs_f64() * 1e6,
        theirs.as_secs_f64() / coded_time.as_secs_f64()
    );
}
