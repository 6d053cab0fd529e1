//! Layout speed: inkleaf against embedded-text 0.7 on the bundled article.
//!
//! Both paginate and draw every page of the article at 296x128 with the 6x10 font, left
//! aligned, no margins, into the same in-memory 1-bit framebuffer. Before timing, both sides'
//! output is checked: every word of the article exactly once, in order.
//!
//! inkleaf's blobs are built for that profile, as `inkleaf build` bakes them, in plain and
//! coded text (and the coded one decoded through lookup tables, as a PC reads it). Each is
//! timed as built (a device's page turn, `Layout::draw_page_into` from the page index; and
//! listing pages, then drawing each), and with its page index marked stale, so that every
//! line is broken as for a profile nobody baked (listing pages, then drawing each; and
//! turning them as a device does, having counted them when it opened the book).
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
use inkleaf_tests::blobs::with_stale_page_index;

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

/// The job as a device turns pages: each page drawn from its start in the page index, in
/// the one pass that sets its baked lines ([`Layout::draw_page_into`]).
fn turn_pass(layout: &Layout<'_, &inkleaf::font::MonoFont>, fb: &mut Buffer) -> u32 {
    let index = layout.page_index().expect("a baked layout");
    for n in 0..index.pages() {
        let start = index.start(n).expect("a page start");
        layout.draw_page_into(n, start, fb).expect("a baked page");
        black_box(fb.as_bytes());
    }
    index.pages()
}

/// The job as a device turns pages of a layout with no page index, having counted them
/// (`total`) when it opened the book: each page drawn from where the one before ended
/// ([`Layout::draw_counted_page_into`]: laid out once, its breaks recorded, set from them).
fn unbaked_turn_pass(
    layout: &Layout<'_, &inkleaf::font::MonoFont>,
    total: u32,
    fb: &mut Buffer,
) -> u32 {
    let mut start = inkleaf::Position::START;
    for n in 0..total {
        let page = layout
            .draw_counted_page_into(n, start, total, fb)
            .expect("a page of this layout");
        start = page.end;
        black_box(fb.as_bytes());
    }
    total
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
        bake_all_lines: false,
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
    // The coded blob as a PC reads it (`inkleaf render`, the simulator): decoded through
    // lookup tables (`Book::accelerate`), with the CLI's 10 index bits.
    let mut tables = vec![0u32; coded_book.model().map_or(0, |m| m.table_words(10))];
    let mut fast_book = Book::from_bytes(&coded_blob).expect("a fresh blob opens");
    fast_book
        .accelerate(&mut tables)
        .expect("sized for the model");
    let fast = Layout::new(&fast_book, profile(), &MONO_6X10).expect("fits");
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

    // The same blobs with their page index marked stale: laid out afresh, every line broken.
    let (plain_stale, coded_stale) = (
        with_stale_page_index(&plain_blob),
        with_stale_page_index(&coded_blob),
    );
    let plain_unbaked_book = Book::from_bytes(&plain_stale).expect("a fresh blob opens");
    let coded_unbaked_book = Book::from_bytes(&coded_stale).expect("a fresh blob opens");
    let plain_unbaked = Layout::new(&plain_unbaked_book, profile(), &MONO_6X10).expect("fits");
    let coded_unbaked = Layout::new(&coded_unbaked_book, profile(), &MONO_6X10).expect("fits");
    assert!(layout.page_index().is_some() && coded.page_index().is_some());
    assert!(plain_unbaked.page_index().is_none() && coded_unbaked.page_index().is_none());

    // Counted once, as a device counts them when it opens the book; not timed.
    let (plain_total, coded_total) = (plain_unbaked.page_count(), coded_unbaked.page_count());
    type Pass<'p> = Box<dyn Fn(&mut Buffer) -> u32 + 'p>;
    let rows: [(&str, Pass<'_>); 9] = [
        (
            "plain text, as built: draw_page_into",
            Box::new(|fb| turn_pass(black_box(&layout), fb)),
        ),
        (
            "coded text, as built: draw_page_into",
            Box::new(|fb| turn_pass(black_box(&coded), fb)),
        ),
        (
            "coded text, as built, lookup tables: draw_page_into",
            Box::new(|fb| turn_pass(black_box(&fast), fb)),
        ),
        (
            "plain text, as built: pages(), draw_into",
            Box::new(|fb| inkleaf_pass(black_box(&layout), fb)),
        ),
        (
            "coded text, as built: pages(), draw_into",
            Box::new(|fb| inkleaf_pass(black_box(&coded), fb)),
        ),
        (
            "plain text, not baked: pages(), draw_into",
            Box::new(|fb| inkleaf_pass(black_box(&plain_unbaked), fb)),
        ),
        (
            "coded text, not baked: pages(), draw_into",
            Box::new(|fb| inkleaf_pass(black_box(&coded_unbaked), fb)),
        ),
        (
            "plain text, not baked: draw_counted_page_into",
            Box::new(|fb| unbaked_turn_pass(black_box(&plain_unbaked), plain_total, fb)),
        ),
        (
            "coded text, not baked: draw_counted_page_into",
            Box::new(|fb| unbaked_turn_pass(black_box(&coded_unbaked), coded_total, fb)),
        ),
    ];
    let (rounds, iterations) = (21, 40);
    let mut times: Vec<Vec<Duration>> = vec![Vec::with_capacity(rounds); rows.len()];
    let mut peer_times = Vec::with_capacity(rounds);
    let mut pages = vec![0; rows.len()];
    let mut their_pages = 0;
    // Alternate the sides so that a noisy neighbour hurts all alike.
    for _ in 0..rounds {
        let start = Instant::now();
        for _ in 0..iterations {
            their_pages = peer_pass(black_box(text), &mut fb);
        }
        peer_times.push(start.elapsed() / iterations);
        for (i, (_, pass)) in rows.iter().enumerate() {
            let start = Instant::now();
            for _ in 0..iterations {
                pages[i] = pass(&mut fb);
            }
            times[i].push(start.elapsed() / iterations);
        }
    }
    let theirs = median(&mut peer_times);
    println!(
        "article: {} bytes, 296x128, 6x10, left aligned, no margins, no paragraph gaps",
        text.len()
    );
    println!(
        "embedded-text 0.7.3                        {:>8.1} µs for {their_pages} pages ({:.1} µs/page)",
        theirs.as_secs_f64() * 1e6,
        theirs.as_secs_f64() * 1e6 / their_pages as f64
    );
    for (i, (name, _)) in rows.iter().enumerate() {
        let ours = median(&mut times[i]);
        println!(
            "inkleaf, {name:52} {:>8.1} µs for {} pages: {:>5.1}x faster than embedded-text",
            ours.as_secs_f64() * 1e6,
            pages[i],
            theirs.as_secs_f64() / ours.as_secs_f64()
        );
    }
    println!(
        "targets: coded text as built >= 15x, plain text as built >= 20x (draw_page_into, as a \
         device turns pages)"
    );
}
