//! Line-breaking quality on the bundled article: inkleaf's Knuth–Plass with hyphenation
//! against textwrap 0.16's optimal fit with TeX hyphenation patterns, at three measures; and
//! inkleaf alone on a real README, as `inkleaf build` sets it for the default display.
//!
//! Run with `cargo bench -p inkleaf-tests --bench quality`. Both sides are measured in the
//! same pixels and paginated at 12 lines a page; the figures are defined in
//! `quality/metrics.rs`.

#[path = "quality/metrics.rs"]
mod metrics;
#[path = "quality/ours.rs"]
mod ours;
#[path = "quality/reference.rs"]
mod reference;

use inkleaf::font::{Font, MONO_6X10, MONO_8X13};
use inkleaf::{
    font::FontId,
    layout::{Align, Margins},
    Book, Layout, Profile,
};
use inkleaf_cli::displays::DEFAULT_DISPLAY;
use metrics::{figures, Figures};

/// Lines per page, as in the published figures.
const LINES_PER_PAGE: u32 = 12;

fn profile(width: u16, side_margin: u16, line_height: u32) -> Profile {
    Profile {
        margins: Margins {
            top: 0,
            right: side_margin,
            bottom: 0,
            left: side_margin,
        },
        paragraph_spacing: 0,
        align: Align::Justify,
        footer: false,
        ..Profile::new(width, (LINES_PER_PAGE * line_height) as u16)
    }
}

fn row(name: &str, who: &str, f: &Figures) {
    println!(
        "| {name:<22} | {who:<28} | {:>5} | {:>5} | {:>8.2}e-3 | {:>5.2} | {:>10.2} | {:>9.2} | {:>8.2} | {:>6} | {:>5} | {:>6} | {:>6} | {:>7} | {:>8} | {:>11} |",
        f.lines,
        f.pages,
        f.pr * 1e3,
        f.mean_stretch,
        f.max_line_stretch,
        f.max_stretch,
        f.min_gap,
        f.narrow_gaps,
        f.hyphen_pairs,
        f.rivers,
        f.widows,
        f.orphans,
        f.overfull,
        f.dash_starts
    );
}

/// Lays the article out with inkleaf and with the reference, and prints both rows.
fn compare<F: Font>(name: &str, font: &F, profile: Profile) {
    let doc = inkleaf_cli::input::parse_text(inkleaf_cli::BUNDLED_ARTICLE);
    let built =
        inkleaf_cli::build::build(&doc, profile, FontId::Mono6x10).expect("the article builds");
    let book = Book::from_bytes(&built.blob).expect("a fresh blob opens");
    let layout = Layout::new(&book, profile, font).expect("the measure fits the font");
    let set = ours::set_lines(&layout);
    row(name, "inkleaf Knuth–Plass + hyphens", &figures(&set));
    let paragraphs: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
    let advance = |c: char| f64::from(font.advance(c));
    let lines = reference::set_lines(
        &paragraphs,
        f64::from(layout.text_width()),
        LINES_PER_PAGE as usize,
        &advance,
    );
    row(name, "textwrap optimal-fit + hyph.", &figures(&lines));
}

fn main() {
    println!("| width                  | line breaker                 | lines | pages |          PR | mean× | max× line | max× gap | min× gap | < 2/3 | hyph² | rivers | widows | orphans | overfull | dash starts |");
    println!("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    compare(
        "49 columns (6x10)",
        &MONO_6X10,
        profile(296, 0, MONO_6X10.line_height()),
    );
    compare(
        "36 columns (8x13)",
        &MONO_8X13,
        profile(296, 4, MONO_8X13.line_height()),
    );
    // Not a published figure: the narrowest preset, where every choice shows.
    compare(
        "128 px OLED (6x10)",
        &MONO_6X10,
        profile(128, 2, MONO_6X10.line_height()),
    );
    match dejavu_14() {
        Some(font) => compare(
            "DejaVu Sans 14 px",
            &font,
            profile(296, 0, font.line_height()),
        ),
        None => println!("| DejaVu Sans 14 px | (packed fonts not available in this build) |"),
    }
    rich_readme();
}

/// The README of the proptest crate, as `inkleaf build` sets it for the default display
/// (2.9in, DejaVu Sans 14 px with its bold, italic and mono faces and larger headings):
/// the paragraphs and list items Knuth–Plass set, at their own measures.
fn rich_readme() {
    let readme = inkleaf_tests::real_markdown::crate_readmes()
        .into_iter()
        .find(|path| path.to_string_lossy().contains("/proptest-"));
    let Some(path) = readme else {
        println!("| proptest README | (not in cargo's registry here) |");
        return;
    };
    let markdown = inkleaf_tests::real_markdown::read_markdown(&path);
    let doc = inkleaf_cli::input::parse_markdown(&markdown);
    let built = inkleaf_tests::rich::build_default(&doc, DEFAULT_DISPLAY).expect("it builds");
    let book = Book::from_bytes(&built.blob).expect("a fresh blob opens");
    let layout = book.layout().expect("laid out as built");
    let set = ours::set_lines(&layout);
    row(
        "proptest README, 2.9in",
        "inkleaf Knuth–Plass + hyphens",
        &figures(&set),
    );
}

/// DejaVu Sans at 14 px, 1 bit per pixel, for the article's characters.
fn dejavu_14() -> Option<inkleaf::font::PackedFont<'static>> {
    let bytes = inkleaf_cli::fonts::bundled_font("dejavu-sans")?;
    let chars = inkleaf_cli::BUNDLED_ARTICLE.chars().chain(" -".chars());
    let (section, _missing) = inkleaf_cli::fonts::pack_font(bytes, 14, chars, 1).ok()?;
    inkleaf::font::PackedFont::from_bytes(Box::leak(section.into_boxed_slice())).ok()
}
