//! The committed golden blob pins format version 7: any change to what the builder writes or
//! to how a reader reads it fails here, and must be made on purpose (with `docs/FORMAT.md`
//! and, for a change readers cannot follow, a new format version).

use inkleaf::font::MONO_6X10;
use inkleaf::{font::FontId, format::FORMAT_VERSION, text::BlockKind, Book, Layout};
use inkleaf_cli::build::{build_with, Options, TextStorage};
use inkleaf_tests::blobs::{article, preset};

const GOLDEN: &[u8] = include_bytes!("../fixtures/golden/article.inkleaf");

/// The same article coded with a model of its own (`--text trained`): pins the model layout
/// of `docs/CODEC.md`, which the default blob leaves to the built-in model.
const GOLDEN_TRAINED: &[u8] = include_bytes!("../fixtures/golden/article-trained.inkleaf");

/// How the golden blob was built, as `inkleaf build` arguments.
const BUILD_ARGS: &str = "--display 2.9in --display oled-128x64 --font builtin:6x10";

/// Each golden blob, its file and how its text is stored.
const GOLDENS: [(&[u8], &str, TextStorage); 2] = [
    (GOLDEN, "article.inkleaf", TextStorage::Coded),
    (
        GOLDEN_TRAINED,
        "article-trained.inkleaf",
        TextStorage::Trained,
    ),
];

#[test]
fn the_builder_still_writes_the_golden_blobs() {
    // What `inkleaf build` with no input file does with BUILD_ARGS.
    let mut doc = article();
    doc.source = "article.txt".into();
    doc.title = "Article".into();
    for (golden, file, text) in GOLDENS {
        let options = Options {
            font: FontId::Mono6x10,
            faces: &[],
            hyphenate: true,
            text,
            also_for: &[preset("oled-128x64").profile],
            also_sizes: &[],
            bake_all_lines: false,
        };
        let fresh = build_with(&doc, preset("2.9in").profile, &options).unwrap();
        let text_arg = match text {
            TextStorage::Trained => " --text trained",
            _ => "",
        };
        assert!(
            fresh.blob == golden,
            "the builder's output changed. If that is intended, update docs/FORMAT.md (and \
             FORMAT_VERSION if old readers cannot read it) and regenerate the golden blob with \
             `cargo run -p inkleaf-cli -- build -o tests/fixtures/golden/{file} {BUILD_ARGS}{text_arg}`"
        );
    }
}

#[test]
fn the_golden_blobs_use_the_model_they_say() {
    let builtin = Book::from_bytes(GOLDEN).unwrap();
    assert!(builtin.model().unwrap().is_builtin());
    assert_eq!(builtin.part_sizes().model, 3, "Some, length 1, 0x81");
    let trained = Book::from_bytes(GOLDEN_TRAINED).unwrap();
    assert!(!trained.model().unwrap().is_builtin());
    assert!(trained.part_sizes().model > 400);
}

#[test]
fn the_golden_header_is_what_the_format_says() {
    assert_eq!(&GOLDEN[..4], b"INKL");
    assert_eq!(u16::from_le_bytes([GOLDEN[4], GOLDEN[5]]), 7);
    assert_eq!(FORMAT_VERSION, 7);
    assert_eq!(u16::from_le_bytes([GOLDEN[6], GOLDEN[7]]), 0, "no flags");
    let len = u32::from_le_bytes(GOLDEN[8..12].try_into().unwrap()) as usize;
    assert_eq!(len, GOLDEN.len() - 16);
}

#[test]
fn the_golden_blobs_read_back_the_article() {
    for (golden, ..) in GOLDENS {
        reads_back_the_article(golden);
    }
}

fn reads_back_the_article(golden: &[u8]) {
    let book = Book::from_bytes(golden).unwrap();
    assert!(book.model().is_some(), "the golden text is coded");
    let text: Vec<String> = book.blocks().map(|b| b.text.to_string()).collect();
    assert_eq!(text.join("\n"), inkleaf_cli::BUNDLED_ARTICLE.trim_end());
    let sizes = book.part_sizes();
    let sum = sizes.header
        + sizes.metadata
        + sizes.chapters
        + sizes.page_index
        + sizes.line_breaks
        + sizes.font
        + sizes.model
        + sizes.text
        + sizes.hyphens
        + sizes.runs;
    assert_eq!(sum, golden.len(), "the parts add up to the blob");
    assert_eq!(book.chapter_count(), 0, "an article has no chapters");
    assert_eq!(
        sizes.chapters, 1,
        "its chapter part is one empty length byte"
    );
    assert!(book
        .blocks()
        .all(|b| b.kind == BlockKind::Paragraph && b.runs.count() == 0));
    assert_eq!(
        sizes.runs,
        book.block_count() as usize,
        "plain paragraphs: each block's runs are one empty length byte"
    );
}

#[test]
fn the_golden_page_indexes_match_a_fresh_layout() {
    for (golden, ..) in GOLDENS {
        page_indexes_match(golden);
    }
}

fn page_indexes_match(golden: &[u8]) {
    let book = Book::from_bytes(golden).unwrap();
    let indexes: Vec<_> = book.page_indexes().collect();
    assert_eq!(indexes.len(), 2);
    for (index, name) in indexes.iter().zip(["2.9in", "oled-128x64"]) {
        let profile = preset(name).profile;
        assert_eq!(index.built_for().profile, profile);
        let layout = Layout::new(&book, profile, &MONO_6X10).unwrap();
        assert!(layout.page_index().is_some(), "{name}: the index is used");
        let laid_out: Vec<_> = layout.pages().map(|p| p.start).collect();
        let baked: Vec<_> = (0..index.pages())
            .map(|n| index.start(n).unwrap())
            .collect();
        assert_eq!(baked, laid_out, "{name}");
        // Every page opens through the index, and every start maps back to its page.
        for (n, start) in baked.iter().enumerate() {
            assert_eq!(layout.page(n as u32).unwrap().start, *start);
            assert_eq!(layout.page_of(*start).unwrap().index, n as u32);
        }
    }
}
