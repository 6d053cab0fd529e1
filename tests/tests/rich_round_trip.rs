//! Styled text through the blob and back: documents of random block kinds, nesting, labels,
//! text and style runs, built with plain, coded and trained text, read back block for block
//! (kind, nesting, label, text and runs equal), and laid out with every character in the
//! style its runs give it.

use inkleaf::font::FontId;
use inkleaf::text::{BlockKind, Marker, Nesting, Run, Style};
use inkleaf::Book;
use inkleaf_cli::build::{build_with, Options, TextStorage};
use inkleaf_cli::input::{runs_are_valid, DocBlock, Document};
use inkleaf_tests::markdown::set_text;
use inkleaf_tests::rich::{blocks_match, laid_out};
use proptest::prelude::*;

fn marker() -> impl Strategy<Value = Marker> {
    prop_oneof![
        prop::sample::select(vec![b'-', b'*', b'+']).prop_map(Marker::Bullet),
        (any::<u32>(), prop::sample::select(vec![b'.', b')']))
            .prop_map(|(value, delimiter)| Marker::Number { value, delimiter }),
        any::<bool>().prop_map(Marker::Task),
    ]
}

fn kind() -> impl Strategy<Value = BlockKind> {
    prop_oneof![
        4 => Just(BlockKind::Paragraph),
        2 => (1u8..=6).prop_map(BlockKind::Heading),
        3 => (marker(), any::<bool>())
            .prop_map(|(marker, loose)| BlockKind::ListItem { marker, loose }),
        2 => Just(BlockKind::Code),
        1 => Just(BlockKind::Rule),
        1 => any::<bool>().prop_map(|header| BlockKind::TableRow { header }),
    ]
}

/// Up to [`Nesting::MAX`] levels, each a quote or a list.
fn nesting() -> impl Strategy<Value = Nesting> {
    (0..=Nesting::MAX, any::<u8>()).prop_map(|(depth, bits)| {
        let quotes = if depth >= 8 {
            bits
        } else {
            bits & ((1u8 << depth) - 1)
        };
        Nesting::from_parts(depth, quotes).expect("quote bits within the depth")
    })
}

/// Words of ASCII, accented and CJK letters, dashes and quotes, with spaces, tabs and (in
/// code) newlines between them.
fn text(code: bool) -> impl Strategy<Value = String> {
    let word = "[a-zA-Z0-9éøß—–’“”漢字]{1,12}";
    let gap = if code { "[ \t\n]{1,3}" } else { " {1,2}" };
    prop::collection::vec((word, gap), 0..12).prop_map(|parts| {
        let text: String = parts.into_iter().map(|(w, g)| w + &g).collect();
        text.trim_end().to_owned()
    })
}

/// Runs over `text`: cut at char boundaries chosen by `cuts`, styled by `styles`, adjacent
/// runs of one style merged and a plain tail dropped, as the Markdown reader writes them.
fn runs_over(text: &str, cuts: &[usize], styles: &[u8]) -> Vec<Run> {
    let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).skip(1).collect();
    let mut ends: Vec<usize> = cuts
        .iter()
        .filter_map(|&c| bounds.get(c % bounds.len().max(1)).copied())
        .chain([text.len()])
        .collect();
    ends.sort_unstable();
    ends.dedup();
    let mut runs: Vec<Run> = Vec::new();
    let mut start = 0;
    for (i, end) in ends.into_iter().enumerate() {
        if end == 0 {
            continue;
        }
        let bits = styles.get(i).copied().unwrap_or(0) & Style::ALL;
        let style = Style::from_bits(bits).expect("known bits");
        let len = u32::try_from(end - start).expect("short text");
        match runs.last_mut() {
            Some(last) if last.style == style => last.len += len,
            _ => runs.push(Run { len, style }),
        }
        start = end;
    }
    while runs.last().is_some_and(|r| r.style == Style::PLAIN) {
        runs.pop();
    }
    runs
}

fn block() -> impl Strategy<Value = DocBlock> {
    (kind(), nesting()).prop_flat_map(|(kind, nesting)| {
        let code = kind == BlockKind::Code;
        let text = if kind == BlockKind::Rule {
            Just(String::new()).boxed()
        } else {
            text(code).boxed()
        };
        let label = if code {
            "[a-z+#]{0,8}".boxed()
        } else {
            Just(String::new()).boxed()
        };
        (
            text,
            label,
            prop::collection::vec(any::<usize>(), 0..6),
            prop::collection::vec(any::<u8>(), 0..7),
        )
            .prop_map(move |(text, label, cuts, styles)| DocBlock {
                kind,
                nesting,
                label,
                runs: runs_over(&text, &cuts, &styles),
                text,
            })
    })
}

fn document() -> impl Strategy<Value = Document> {
    prop::collection::vec(block(), 1..8).prop_map(|blocks| Document {
        language: "en".into(),
        blocks,
        ..Document::default()
    })
}

proptest! {
    // Training a model for coded text runs unoptimized in tests: a hundred or so cases.
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn styled_blocks_survive_the_blob_and_reach_the_lines(doc in document()) {
        for block in &doc.blocks {
            prop_assert!(runs_are_valid(&block.text, &block.runs), "{block:?}");
        }
        let profile = inkleaf::Profile::new(296, 128);
        for text in [TextStorage::Plain, TextStorage::Coded, TextStorage::Trained] {
            let options = Options {
                font: FontId::Mono6x10,
                faces: &[],
                hyphenate: true,
                text,
                also_for: &[],
                also_sizes: &[],
                bake_all_lines: false,
            };
            let built = build_with(&doc, profile, &options).map_err(|e| TestCaseError::fail(format!("{text:?}: {e}")))?;
            let book = Book::from_bytes(&built.blob).map_err(|e| TestCaseError::fail(format!("{text:?}: {e}")))?;
            blocks_match(&doc, &book).map_err(|e| TestCaseError::fail(format!("{text:?}: {e}")))?;
            let layout = inkleaf::Layout::new(&book, profile, FontId::Mono6x10.font()).unwrap();
            let laid = laid_out(&layout);
            let (blocks, styles) = set_text(&doc);
            prop_assert_eq!(&laid.text, &blocks, "{:?}", text);
            prop_assert!(laid.styles() == styles, "{:?}: styles differ", text);
            prop_assert_eq!(laid.pages, built.pages);
        }
    }
}
