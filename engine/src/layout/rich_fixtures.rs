//! The committed rich blobs (tests/fixtures/rich, built by `inkleaf build` from
//! every-kind.md: coded, trained and plain text), under whatever features this engine was
//! built with: every block reads back with the kind, nesting, label, text and style runs the
//! Markdown gave it, and every character of every line is set in its style and in the face
//! that style asks for, a face the blob packs. Where the build lacks what a blob needs, it is
//! refused by name instead.
//!
//! `.ci/run` runs these for each feature set it builds, as it does `joins`.

use super::{Align, Layout, LineEnd};
use crate::font::{Face, Family, Font};
use crate::text::{Block, BlockKind, Marker, Style};
use crate::{Book, Error, Profile};

const FIXTURES: [(&str, &[u8]); 3] = [
    (
        "rich/every-kind-2.9in.inkleaf",
        include_bytes!("../../../tests/fixtures/rich/every-kind-2.9in.inkleaf"),
    ),
    (
        "rich/every-kind-2.9in-trained.inkleaf",
        include_bytes!("../../../tests/fixtures/rich/every-kind-2.9in-trained.inkleaf"),
    ),
    (
        "rich/every-kind-2.9in-plain.inkleaf",
        include_bytes!("../../../tests/fixtures/rich/every-kind-2.9in-plain.inkleaf"),
    ),
];

/// A block as every-kind.md writes it: kind, list and quote depth, quote bits, label, text
/// and runs (length, style bits).
type Expected = (
    BlockKind,
    (u8, u8),
    &'static str,
    &'static str,
    &'static [(u32, u8)],
);

const fn item(marker: Marker) -> BlockKind {
    BlockKind::ListItem {
        marker,
        loose: false,
    }
}

const fn number(value: u32) -> Marker {
    Marker::Number {
        value,
        delimiter: b'.',
    }
}

const PARAGRAPH: &str = "A paragraph with italic, bold, both, inline code, a link to the spec \
                         and struck words, long enough to wrap on a small display.";
const CODE: &str =
    "fn main() {\n    println!(\"a line of code long enough that it has to wrap\");\n}";

const BLOCKS: [Expected; 18] = [
    (BlockKind::Heading(1), (0, 0), "", "Field notes", &[]),
    (BlockKind::Heading(2), (0, 0), "", "On paper", &[]),
    (BlockKind::Heading(3), (0, 0), "", "Small screens", &[]),
    // Plain, italic, plain, bold, plain, bold italic, plain, mono, plain, link, plain, struck.
    (
        BlockKind::Paragraph,
        (0, 0),
        "",
        PARAGRAPH,
        &[
            (17, 0),
            (6, 1),
            (2, 0),
            (4, 2),
            (2, 0),
            (4, 3),
            (2, 0),
            (11, 4),
            (4, 0),
            (16, 8),
            (5, 0),
            (6, 16),
        ],
    ),
    (item(number(1)), (1, 0), "", "First step", &[]),
    (
        item(number(2)),
        (1, 0),
        "",
        "Second step, long enough to wrap onto a second line",
        &[],
    ),
    (
        item(Marker::Bullet(b'-')),
        (2, 0),
        "",
        "a bullet inside",
        &[],
    ),
    (item(Marker::Bullet(b'-')), (3, 0), "", "deeper still", &[]),
    (item(Marker::Task(true)), (2, 0), "", "a task done", &[]),
    (item(Marker::Task(false)), (2, 0), "", "a task to do", &[]),
    (item(number(3)), (1, 0), "", "Third step", &[]),
    (
        BlockKind::Paragraph,
        (1, 1),
        "",
        "A quote that says something worth keeping.",
        &[],
    ),
    (
        BlockKind::Paragraph,
        (2, 3),
        "",
        "A quote inside the quote, with emphasis.",
        &[(31, 0), (8, 1)],
    ),
    (BlockKind::Code, (0, 0), "rust", CODE, &[]),
    (BlockKind::Rule, (0, 0), "", "", &[]),
    (
        BlockKind::TableRow { header: true },
        (0, 0),
        "",
        "Display | Size | Font",
        &[],
    ),
    (
        BlockKind::TableRow { header: false },
        (0, 0),
        "",
        "2.9in | 296x128 | DejaVu Sans 14 px",
        &[],
    ),
    (
        BlockKind::TableRow { header: false },
        (0, 0),
        "",
        "4.2in | 400x300 | DejaVu Sans 18 px",
        &[],
    ),
];

/// The faces every-kind.md sets text in: all seven.
const FACES: [Face; Face::COUNT] = Face::ALL;

#[test]
fn every_block_of_the_rich_fixtures_reads_back_as_written() {
    let mut opened = 0;
    for (name, blob) in FIXTURES {
        let Some(book) = open(name, blob) else {
            continue;
        };
        assert_eq!(book.block_count() as usize, BLOCKS.len(), "{name}");
        for (i, (block, want)) in book.blocks().zip(BLOCKS.iter()).enumerate() {
            let (kind, (depth, quotes), label, text, runs) = *want;
            assert_eq!(block.kind, kind, "{name}: block {i}");
            let nesting = (block.nesting.depth(), block.nesting.quote_bits());
            assert_eq!(nesting, (depth, quotes), "{name}: block {i}");
            assert_eq!(block.label, label, "{name}: block {i}");
            assert!(block.text == text, "{name}: block {i}: {}", block.text);
            let read = block.runs.map(|run| (run.len, run.style.bits()));
            assert!(read.eq(runs.iter().copied()), "{name}: block {i} runs");
        }
        let family = book.family().expect("faces open").expect("faces packed");
        for face in FACES {
            assert!(family.packed(face).is_some(), "{name}: {face:?} not packed");
        }
        opened += 1;
    }
    // The plain-text blob opens under every feature set.
    assert!(opened >= 1, "no rich fixture opened");
}

#[test]
fn every_character_of_the_rich_fixtures_is_set_in_its_style_and_face() {
    for (name, blob) in FIXTURES {
        let Some(book) = open(name, blob) else {
            continue;
        };
        let built = book.built_for().expect("every fixture records its display");
        match book.layout() {
            Ok(layout) => check_faces(name, &layout),
            Err(other) => panic!("{name}: laid out as built: {other}"),
        }
        // Flush left needs no optional feature but `breaking`.
        let left = Profile {
            align: Align::Left,
            ..built.profile
        };
        let fonts = book.layout_font().expect("the fixture's faces open");
        match Layout::new(&book, left, fonts) {
            Ok(layout) => check_faces(name, &layout),
            Err(Error::BreakingUnsupported)
                if !cfg!(feature = "breaking") && built.profile.align != Align::Left => {}
            Err(other) => panic!("{name}: laid out flush left: {other}"),
        }
    }
}

/// Opens `blob`, or checks that this build refuses it for the feature it lacks.
fn open<'a>(name: &str, blob: &'a [u8]) -> Option<Book<'a>> {
    match Book::from_bytes(blob) {
        Ok(book) => Some(book),
        Err(Error::CodedTextUnsupported) if !cfg!(feature = "coded") => None,
        Err(Error::BuiltinModelMissing) if !cfg!(feature = "english") => None,
        Err(other) => panic!("{name}: {other}"),
    }
}

/// Walks every glyph of every line as drawing sets it, and checks each against the block:
/// the next character of the line's text (a split word's hyphen last), in the style of the
/// run it sits in, in the face that style asks for in a block of this kind.
fn check_faces<F: Family>(name: &str, layout: &Layout<'_, F>) {
    let mut glyphs = 0;
    for page in layout.pages() {
        for line in page.lines().expect("a page of this layout") {
            let block = layout.book().block(line.block).expect("the line's block");
            let mut want = expected_glyphs(block, line.start, line.end, line.kind);
            let hyphen = line.end_kind == LineEnd::Split;
            let mut hyphen_left = hyphen;
            let _ = layout.set_line(&line, &block, None, |_, c, font, style| {
                let (wc, wstyle) = match want.next() {
                    Some(next) => next,
                    None if hyphen_left => {
                        hyphen_left = false;
                        ('-', Style::PLAIN)
                    }
                    None => panic!("{name}: {c:?} drawn past the end of {line:?}"),
                };
                assert_eq!((c, style), (wc, wstyle), "{name}: {line:?}");
                let face = Face::of(line.kind, style);
                assert_eq!(font.face_tag(), face as u8, "{name}: {c:?} of {line:?}");
                glyphs += 1;
                Ok::<u32, core::convert::Infallible>(font.advance(c))
            });
            assert!(
                want.next().is_none() && !hyphen_left,
                "{name}: {line:?} short"
            );
        }
    }
    assert!(glyphs > 400, "{name}: only {glyphs} glyphs set");
}

/// The characters `block` draws between `start` and `end` (a preformatted block's spaces
/// included, other blocks' gaps left out), each with its style.
fn expected_glyphs<'b>(
    block: Block<'b>,
    start: u32,
    end: u32,
    kind: BlockKind,
) -> impl Iterator<Item = (char, Style)> + 'b {
    let runs = block.runs;
    let style_at = move |at: usize| {
        let mut from = 0usize;
        for run in runs {
            let to = from + run.len as usize;
            if (from..to).contains(&at) {
                return run.style;
            }
            from = to;
        }
        Style::PLAIN
    };
    block
        .text
        .chars_between(start as usize, end as usize)
        .filter(move |&(_, c)| kind.is_preformatted() || !super::is_space(c))
        .map(move |(at, c)| (c, style_at(at)))
}
