//! Rich pages keep their ink where it belongs: real Markdown and a page of every block kind,
//! built as `inkleaf build` builds them for the 2.9" panel in 1 bit and for the 4.2" one in
//! 4-bit gray, every page drawn.
//!
//! Lines are measured by their glyphs' advances, so a line's first or last glyph may ink a
//! pixel or two into the margin (a `t` whose crossbar passes its advance, the anti-aliased
//! fringe of a `j` reaching back left of the pen). What holds: nothing is drawn off the
//! display, nothing above or below the text area but the footer, and nothing beside it
//! farther than the family's own overhang. How often ink reaches the margin at all is
//! printed, and the strict check, ink inside the text area only, is the ignored test below.

use inkleaf::Book;
use inkleaf_cli::build::TextStorage;
use inkleaf_cli::input::parse_markdown;
use inkleaf_tests::ink::{overhang, stray_ink};
use inkleaf_tests::real_markdown::{read_markdown, real_markdown};
use inkleaf_tests::rich::settings;

const EVERY_KIND: &str = include_str!("../fixtures/rich/every-kind.md");

/// Real Markdown smaller than this is drawn page by page here; the long NEWS files add
/// hundreds of pages of the same kinds of lines.
const DRAWN_BELOW: usize = 40_000;

/// The panels drawn on: name and bits per pixel of the packed family.
const PANELS: [(&str, u8); 2] = [("2.9in", 1), ("4.2in", 4)];

/// What drawing every page of every source on one panel found.
#[derive(Debug, Default)]
struct Found {
    pages: usize,
    /// Pages with any ink outside the text area and footer band.
    in_margin: usize,
    /// The farthest such ink lies beside the text area, and the family's overhang then.
    across: u32,
    overhang: u32,
    /// What breaks the rules, one line each.
    broken: Vec<String>,
}

fn sources() -> Vec<(String, String)> {
    let mut sources = vec![("every-kind.md".to_owned(), EVERY_KIND.to_owned())];
    for path in real_markdown() {
        let text = read_markdown(&path);
        if text.len() < DRAWN_BELOW {
            sources.push((path.display().to_string(), text));
        }
    }
    sources
}

/// Draws every page of every source on `display`; `strict` counts any ink outside the text
/// area as broken.
fn draw_all(display: &str, bits: u8, strict: bool) -> Found {
    let mut found = Found::default();
    for (name, markdown) in sources() {
        let doc = parse_markdown(&markdown);
        // Stored as plain text: the pages are the same as coded (how text is stored never
        // moves it), and training a model unoptimized takes seconds a file.
        let built = settings(display, bits, TextStorage::Plain)
            .build(&doc)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let book = Book::from_bytes(&built.blob).unwrap();
        let layout = book.layout().unwrap();
        let allowed = if strict { 0 } else { overhang(&layout) };
        for page in layout.pages() {
            found.pages += 1;
            let stray = stray_ink(&layout, page, bits > 1);
            if stray.is_clean() {
                continue;
            }
            found.in_margin += 1;
            if stray.across > found.across {
                (found.across, found.overhang) = (stray.across, allowed);
            }
            if stray.off_display > 0 || stray.down > 0 || stray.across > allowed {
                found.broken.push(format!(
                    "{name} on {display}, page {}: {} pixels off the display, {} inked \
                     outside the text area, up to {} px beside it (the family overhangs {allowed} \
                     px) and {} px above or below it: {:?}",
                    page.index + 1,
                    stray.off_display,
                    stray.points.len(),
                    stray.across,
                    stray.down,
                    &stray.points[..stray.points.len().min(6)]
                ));
            }
        }
    }
    println!(
        "{display} ({bits} bit): {} pages drawn, {} with ink in the margin, at most {} px beside \
         the text area (the family overhangs {} px there)",
        found.pages, found.in_margin, found.across, found.overhang
    );
    found
}

#[test]
fn rich_pages_ink_nothing_off_the_display_or_past_their_glyphs_overhang() {
    let broken: Vec<String> = PANELS
        .iter()
        .flat_map(|&(display, bits)| draw_all(display, bits, false).broken)
        .collect();
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

/// Fails today: lines are measured by advances, not ink (see the module's comment).
#[test]
#[ignore = "a line's last glyph may ink past its advance into the margin"]
fn rich_pages_ink_only_their_text_area_and_footer() {
    let broken: Vec<String> = PANELS
        .iter()
        .flat_map(|&(display, bits)| draw_all(display, bits, true).broken)
        .collect();
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}
