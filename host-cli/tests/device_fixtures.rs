//! The device tests draw committed blobs: they must be exactly what `inkleaf build` makes today.

use std::path::PathBuf;

use assert_cmd::Command;

/// A committed blob and how `inkleaf build` made it.
struct Fixture {
    /// The blob, under `tests/fixtures/device`.
    name: &'static str,
    /// Input files under `tests/fixtures/device`, in order; none for the bundled article.
    inputs: &'static [&'static str],
    /// The other `inkleaf build` arguments.
    args: &'static [&'static str],
}

/// The bundled article in built-in fonts, which the firmware draws through the mono-font
/// path (justified, and flush left with no margins as a reader without Knuth–Plass would
/// build it), and as the 2.9" and 4.2" presets set it by default, in packed DejaVu Sans; a rich Markdown document in the default packed DejaVu Sans family, at 1 and 4
/// bits per pixel (see `tests/fixtures/device/rich/README.md`), and a book of three chapters
/// with nested sections, at 4.2" with its chapter footer, at 2.9" for the Cortex-M0 and the
/// Pico reader, and baked for both displays for the reader's display switching (see
/// `tests/fixtures/device/book/README.md`).
const FIXTURES: [Fixture; 12] = [
    Fixture {
        name: "article-2.9in.inkleaf",
        inputs: &[],
        args: &[
            "--display",
            "2.9in",
            "--font",
            "builtin:6x10",
            "--text",
            "coded",
        ],
    },
    Fixture {
        name: "article-2.9in-left.inkleaf",
        inputs: &[],
        args: &[
            "--display",
            "2.9in",
            "--font",
            "builtin:6x10",
            "--align",
            "left",
            "--margin",
            "0",
            "--text",
            "coded",
        ],
    },
    Fixture {
        name: "article-2.9in-plain-text.inkleaf",
        inputs: &[],
        args: &[
            "--display",
            "2.9in",
            "--font",
            "builtin:6x10",
            "--text",
            "plain",
        ],
    },
    Fixture {
        name: "article-oled-128x64.inkleaf",
        inputs: &[],
        args: &[
            "--display",
            "oled-128x64",
            "--font",
            "builtin:6x10",
            "--text",
            "coded",
        ],
    },
    Fixture {
        name: "article-4.2in.inkleaf",
        inputs: &[],
        args: &[
            "--display",
            "4.2in",
            "--font",
            "builtin:8x13",
            "--text",
            "coded",
        ],
    },
    // The article as `inkleaf build` writes it for these displays by default: in the packed
    // DejaVu Sans of the preset's size.
    Fixture {
        name: "article-2.9in-dejavu.inkleaf",
        inputs: &[],
        args: &["--display", "2.9in"],
    },
    Fixture {
        name: "article-4.2in-dejavu.inkleaf",
        inputs: &[],
        args: &["--display", "4.2in"],
    },
    Fixture {
        name: "rich-2.9in.inkleaf",
        inputs: RICH,
        args: &["--display", "2.9in"],
    },
    Fixture {
        name: "rich-4.2in-4bit.inkleaf",
        inputs: RICH,
        args: &["--display", "4.2in", "--bits", "4"],
    },
    Fixture {
        name: "book-4.2in.inkleaf",
        inputs: BOOK,
        args: &["--display", "4.2in"],
    },
    Fixture {
        name: "book-2.9in.inkleaf",
        inputs: BOOK,
        args: &["--display", "2.9in"],
    },
    Fixture {
        name: "book-two-displays.inkleaf",
        inputs: BOOK,
        args: &["--display", "4.2in", "--display", "2.9in"],
    },
];

/// The rich document: a crate's README as published, then notes for what it lacks.
const RICH: &[&str] = &["rich/hypher-README.md", "rich/notes.md"];

/// The book: three pages of the Rust book's HTML, each a chapter that opens a page.
const BOOK: &[&str] = &[
    "book/foreword.html",
    "book/ch00-00-introduction.html",
    "book/ch01-00-getting-started.html",
];

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/device")
        .join(name)
}

#[test]
fn device_fixtures_are_what_the_cli_builds_today() {
    let dir = tempfile::tempdir().unwrap();
    for Fixture { name, inputs, args } in FIXTURES {
        let fresh = dir.path().join(name);
        Command::cargo_bin("inkleaf")
            .unwrap()
            .args(["build", "-o"])
            .arg(&fresh)
            .args(args)
            .args(inputs.iter().map(|input| fixture(input)))
            .assert()
            .success();
        // `INKLEAF_BLESS=1` rewrites the fixtures after a deliberate format change.
        if std::env::var_os("INKLEAF_BLESS").is_some() {
            std::fs::copy(&fresh, fixture(name)).unwrap();
            continue;
        }
        let committed = std::fs::read(fixture(name)).unwrap();
        let inputs: Vec<String> = inputs
            .iter()
            .map(|input| format!(" tests/fixtures/device/{input}"))
            .collect();
        assert!(
            std::fs::read(&fresh).unwrap() == committed,
            "tests/fixtures/device/{name} is stale: the CLI builds a different blob now. \
             Regenerate it with `cargo run -p inkleaf-cli -- build -o \
             tests/fixtures/device/{name} {}{}`",
            args.join(" "),
            inputs.concat()
        );
    }
}

/// The rich blobs hold every kind of block and inline style the firmware is to draw, in the
/// family's packed faces, so the device test covers them all.
#[test]
fn the_rich_fixtures_hold_every_block_kind_and_style() {
    use inkleaf::font::Face;
    use inkleaf::text::{BlockKind, Marker, Style};

    for (name, bits) in [("rich-2.9in.inkleaf", 1), ("rich-4.2in-4bit.inkleaf", 4)] {
        let blob = std::fs::read(fixture(name)).unwrap();
        let book = inkleaf::Book::from_bytes(&blob).unwrap();
        let blocks: Vec<_> = book.blocks().collect();
        let has = |what: &dyn Fn(&inkleaf::text::Block<'_>) -> bool| blocks.iter().any(what);
        assert!(has(&|b| b.kind == BlockKind::Heading(1)), "{name}: h1");
        assert!(has(&|b| b.kind == BlockKind::Heading(2)), "{name}: h2");
        assert!(has(&|b| b.kind == BlockKind::Code), "{name}: code block");
        assert!(has(&|b| b.kind == BlockKind::Rule), "{name}: rule");
        assert!(
            has(&|b| b.kind == BlockKind::TableRow { header: true }),
            "{name}: table header"
        );
        assert!(
            has(&|b| b.kind == BlockKind::TableRow { header: false }),
            "{name}: table row"
        );
        for marker in ["bullet", "number", "task"] {
            assert!(
                has(&|b| matches!(
                    (marker, b.kind),
                    (
                        "bullet",
                        BlockKind::ListItem {
                            marker: Marker::Bullet(_),
                            ..
                        }
                    ) | (
                        "number",
                        BlockKind::ListItem {
                            marker: Marker::Number { .. },
                            ..
                        }
                    ) | (
                        "task",
                        BlockKind::ListItem {
                            marker: Marker::Task(_),
                            ..
                        }
                    )
                )),
                "{name}: {marker} item"
            );
        }
        assert!(
            has(&|b| b.nesting.quotes() == 2),
            "{name}: a quote in a quote"
        );
        assert!(has(&|b| b.nesting.lists() == 2), "{name}: a list in a list");
        for style in [Style::ITALIC, Style::BOLD, Style::MONO, Style::LINK] {
            assert!(
                has(&|b| {
                    let mut runs = b.runs;
                    runs.any(|run| run.style.has(style))
                }),
                "{name}: {style:?} text"
            );
        }
        let faces: Vec<Face> = book.face_sections().map(|(face, _)| face).collect();
        for face in [
            Face::Regular,
            Face::Bold,
            Face::Italic,
            Face::Mono,
            Face::Heading1,
            Face::Heading2,
        ] {
            assert!(faces.contains(&face), "{name}: packs {face:?}");
        }
        let regular = book.font().unwrap().expect("packs its regular face");
        let glyph = inkleaf::font::Font::glyph(&regular, 'a').expect("has 'a'");
        assert_eq!(glyph.bpp, bits, "{name}: bits per pixel");
    }
}

/// The book the device reads through its table of contents: chapters that open pages,
/// sections inside them that do not, and a footer to show the chapter in.
#[test]
fn the_book_fixture_has_chapters_with_sections_that_run_on() {
    let blob = std::fs::read(fixture("book-4.2in.inkleaf")).unwrap();
    let book = inkleaf::Book::from_bytes(&blob).unwrap();
    let chapters: Vec<_> = book.chapters().collect();
    let opening: Vec<&str> = chapters
        .iter()
        .filter(|c| c.level == 1 && c.new_page)
        .map(|c| c.title)
        .collect();
    assert_eq!(opening, ["Foreword", "Introduction", "Getting Started"]);
    assert!(
        chapters.iter().any(|c| c.level == 3 && !c.new_page),
        "a section in a section that runs on"
    );
    assert!(chapters.iter().all(|c| c.new_page == (c.level == 1)));
    let built = book.built_for().expect("built for a display");
    assert!(built.profile.footer, "drawn with its footer");
    let layout = book.layout().unwrap();
    let first_pages: Vec<u32> = (0..3)
        .map(|n| layout.chapter_page(opening_index(&chapters, n)).unwrap())
        .collect();
    assert!(
        first_pages.windows(2).all(|w| w[0] + 1 < w[1]),
        "chapters of more than one page: {first_pages:?}"
    );
}

/// The index of the `n`th chapter of level 1.
fn opening_index(chapters: &[inkleaf::text::Chapter<'_>], n: usize) -> u32 {
    chapters
        .iter()
        .filter(|c| c.level == 1)
        .nth(n)
        .unwrap()
        .index
}
