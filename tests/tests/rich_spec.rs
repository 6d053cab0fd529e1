//! Every example of the CommonMark spec, built as `inkleaf build` builds it for the default
//! display (DejaVu Sans 14 px, every face its text uses) with coded and with plain text:
//! it builds, reads back block for block (kind, nesting, label, text, runs), and lays out
//! at 2.9" without error, each page starting where the one before ended, no line wider than
//! its measure, and the lines holding the blocks' text once, in order, in its styles. An
//! example with nothing to show (empty blocks, or none) builds into a blob that opens and
//! has no page.

use inkleaf::{Book, Layout};
use inkleaf_cli::build::TextStorage;
use inkleaf_cli::displays::DEFAULT_DISPLAY;
use inkleaf_cli::input::parse_markdown;
use inkleaf_tests::check::check_pagination;
use inkleaf_tests::commonmark::examples;
use inkleaf_tests::markdown::set_text;
use inkleaf_tests::rich::{blocks_match, build_parsed, display_family, laid_out};

#[test]
fn every_spec_example_builds_and_lays_out_on_the_default_display() {
    let examples = examples();
    assert_eq!(examples.len(), 652, "the spec 0.31.2 has 652 examples");
    let family = display_family(DEFAULT_DISPLAY, 1);
    let parsed = family.parse().expect("the bundled family parses");
    let profile = inkleaf_cli::displays::find(DEFAULT_DISPLAY)
        .unwrap()
        .profile;
    let (mut pages, mut lines, mut nothing) = (0, 0, 0);
    let mut failed = Vec::new();
    for (i, (section, markdown, _)) in examples.iter().enumerate() {
        let doc = parse_markdown(markdown);
        for text in [TextStorage::Coded, TextStorage::Plain] {
            let result = build_parsed(&parsed, &doc, DEFAULT_DISPLAY, text).and_then(|built| {
                let book = Book::from_bytes(&built.blob).map_err(|e| e.to_string())?;
                blocks_match(&doc, &book)?;
                if built.pages == 0 {
                    // Nothing but empty blocks: no page, so no page index; it opens and
                    // lays out to nothing (and `inkleaf build` refuses it by name).
                    let font = book.layout_font().map_err(|e| e.to_string())?;
                    let layout = Layout::new(&book, profile, font).map_err(|e| e.to_string())?;
                    let (blocks, _) = set_text(&doc);
                    if book.built_for().is_some()
                        || layout.pages().count() > 0
                        || !blocks.is_empty()
                    {
                        return Err(format!("no page built, but {blocks:?} to show"));
                    }
                    nothing += usize::from(text == TextStorage::Coded);
                    return Ok(());
                }
                let layout = book.layout().map_err(|e| e.to_string())?;
                // Panics, with the line, on a page that does not join or a line too wide.
                let checked = check_pagination(&layout);
                let laid = laid_out(&layout);
                let (blocks, styles) = set_text(&doc);
                if laid.text != blocks || laid.styles() != styles {
                    return Err(format!(
                        "the lines hold {:?}, the blocks {blocks:?}",
                        laid.text
                    ));
                }
                if text == TextStorage::Coded {
                    pages += checked.pages.len();
                    lines += laid.lines;
                }
                Ok(())
            });
            if let Err(e) = result {
                failed.push(format!(
                    "example {} ({section}, {text:?}) {markdown:?}: {e}",
                    i + 1
                ));
            }
        }
    }
    println!(
        "{} of {} examples built (coded and plain) and laid out on {DEFAULT_DISPLAY}: {pages} \
         pages, {lines} lines; {nothing} set no line (nothing but empty blocks, or none)",
        examples.len() - failed.len(),
        examples.len()
    );
    assert!(
        failed.is_empty(),
        "{} failed:\n{}",
        failed.len(),
        failed.join("\n")
    );
}
