//! Each Markdown construct and the blocks it becomes, shown one block a line as
//! `nesting kind | text`: nesting is `L` for a list and `Q` for a quote, outermost first, and
//! styled text is `{ib:text}` with a letter per style (italic, bold, mono, link, strike).

use inkleaf::text::{Run, Style};

use super::*;
use crate::input::runs_are_valid;

/// The blocks of `markdown`, one line each, after checking every block's runs.
fn read(markdown: &str) -> Vec<String> {
    let doc = parse_markdown(markdown);
    doc.blocks.iter().map(shown).collect()
}

fn shown(block: &DocBlock) -> String {
    assert!(
        runs_are_valid(&block.text, &block.runs),
        "bad runs {:?} over {:?}",
        block.runs,
        block.text
    );
    let nesting: String = (0..block.nesting.depth())
        .map(|level| {
            if block.nesting.is_quote(level) {
                'Q'
            } else {
                'L'
            }
        })
        .collect();
    let kind = match block.kind {
        BlockKind::Paragraph => "p".to_owned(),
        BlockKind::Heading(level) => format!("h{level}"),
        BlockKind::ListItem { marker, loose } => {
            let marker = match marker {
                Marker::Bullet(c) => char::from(c).to_string(),
                Marker::Number { value, delimiter } => format!("{value}{}", char::from(delimiter)),
                Marker::Task(true) => "[x]".into(),
                Marker::Task(false) => "[ ]".into(),
            };
            format!("item {marker}{}", if loose { " loose" } else { "" })
        }
        BlockKind::Code => format!("code {}", block.label).trim_end().to_owned(),
        BlockKind::Rule => "rule".into(),
        BlockKind::TableRow { header: true } => "head".into(),
        BlockKind::TableRow { header: false } => "row".into(),
        other => format!("{other:?}"),
    };
    let prefix = if nesting.is_empty() {
        kind
    } else {
        format!("{nesting} {kind}")
    };
    format!("{prefix} | {}", styled_text(&block.text, &block.runs))
}

/// `text` with each styled run shown as `{letters:text}`.
fn styled_text(text: &str, runs: &[Run]) -> String {
    let mut out = String::new();
    let mut at = 0;
    for run in runs {
        let part = &text[at..at + run.len as usize];
        at += run.len as usize;
        let letters: String = [
            (Style::ITALIC, 'i'),
            (Style::BOLD, 'b'),
            (Style::MONO, 'm'),
            (Style::LINK, 'l'),
            (Style::STRIKE, 's'),
        ]
        .iter()
        .filter(|(style, _)| run.style.has(*style))
        .map(|(_, letter)| *letter)
        .collect();
        if letters.is_empty() {
            out.push_str(part);
        } else {
            out.push_str(&format!("{{{letters}:{part}}}"));
        }
    }
    out + &text[at..]
}

#[test]
fn headings_paragraphs_and_inline_styles() {
    let doc = parse_markdown(
        "# Title\n\nSome *soft* and **strong** `code` [a *link*](http://x) ~~gone~~.\n\n## Part\n",
    );
    assert_eq!(doc.title, "Title");
    assert_eq!(
        doc.blocks.iter().map(shown).collect::<Vec<_>>(),
        [
            "h1 | Title",
            "p | Some {i:soft} and {b:strong} {m:code} {l:a }{il:link} {s:gone}.",
            "h2 | Part",
        ]
    );
    assert!(doc.unset.is_empty(), "{:?}", doc.unset);
}

#[test]
fn nested_emphasis_sets_both_styles() {
    assert_eq!(
        read("*a **b** c* ***d*** **`e`**\n"),
        ["p | {i:a }{ib:b}{i: c} {ib:d} {bm:e}"]
    );
}

#[test]
fn breaks_are_a_line_break_and_a_space() {
    assert_eq!(
        read("one  \ntwo\nthree\\\nfour\n"),
        ["p | one\ntwo three\nfour"]
    );
}

#[test]
fn a_list_in_a_quote_in_a_list_is_nested_three_deep() {
    assert_eq!(
        read("- outer\n\n  > quoted\n  >\n  > - inner\n"),
        [
            "L item - loose | outer",
            "LQ p | quoted",
            "LQL item - | inner",
        ]
    );
}

#[test]
fn an_ordered_list_counts_from_its_start_with_its_delimiter() {
    assert_eq!(
        read("3) three\n7) four\n\n1. one\n"),
        ["L item 3) | three", "L item 4) | four", "L item 1. | one"]
    );
}

#[test]
fn bullets_keep_the_character_written_and_nest() {
    assert_eq!(
        read("* a\n  + b\n    - c\n* d\n"),
        [
            "L item * | a",
            "LL item + | b",
            "LLL item - | c",
            "L item * | d"
        ]
    );
}

#[test]
fn tight_and_loose_lists() {
    assert_eq!(
        read("- a\n- b\n\n---\n\n- c\n\n- d\n"),
        [
            "L item - | a",
            "L item - | b",
            "rule | ",
            "L item - loose | c",
            "L item - loose | d"
        ]
    );
}

#[test]
fn later_blocks_of_an_item_sit_at_its_nesting() {
    assert_eq!(
        read("1. first\n\n   second\n\n       code\n2. next\n"),
        [
            "L item 1. loose | first",
            "L p | second",
            "L code | code",
            "L item 2. loose | next",
        ]
    );
}

#[test]
fn an_item_that_opens_with_another_block_keeps_its_marker() {
    assert_eq!(
        read("1. - a\n   - b\n2. ```\n   x\n   ```\n3. # Head\n-\n"),
        [
            "L item 1. | ",
            "LL item - | a",
            "LL item - | b",
            "L item 2. | ",
            "L code | x",
            "L item 3. | ",
            "L h1 | Head",
            "L item - | ",
        ]
    );
    assert_eq!(parse_markdown("- # Item\n\n# Real\n").title, "Real");
}

#[test]
fn task_items_have_a_box_for_a_marker() {
    assert_eq!(
        read("- [x] done\n- [ ] to do\n\n* [x] loose\n\n* [ ] too\n"),
        [
            "L item [x] | done",
            "L item [ ] | to do",
            "L item [x] loose | loose",
            "L item [ ] loose | too",
        ]
    );
    let numbered = parse_markdown("1. [x] first\n");
    assert_eq!(
        numbered.unset,
        ["1 numbered task item shown with a box instead of the number"]
    );
}

#[test]
fn code_keeps_its_language_spaces_and_blank_lines() {
    let doc = parse_markdown(
        "```rust ignore\n  fn main() {\n\n\tx  y\n```\n\n    indented\n      more\n",
    );
    assert_eq!(
        doc.blocks.iter().map(shown).collect::<Vec<_>>(),
        [
            "code rust |   fn main() {\n\n\tx  y",
            "code | indented\n  more"
        ]
    );
    assert!(doc.blocks.iter().all(|b| b.runs.is_empty()));
    assert!(doc.unset.is_empty());
}

#[test]
fn tables_are_rows_of_cells_with_a_header() {
    assert_eq!(
        read("| a | *b* |\n|---|:-:|\n| `1` |  |\n|  |  |\n| 3 | 4 |\n"),
        ["head | a | {i:b}", "row | {m:1} | ", "row | 3 | 4"]
    );
}

#[test]
fn quotes_nest_and_fold_past_the_deepest_level() {
    assert_eq!(
        read("> a\n>\n> > b\n\nc\n"),
        ["Q p | a", "QQ p | b", "p | c"]
    );
    let deep = parse_markdown("> > > > > > > > > > ten\n");
    assert_eq!(deep.blocks[0].nesting.depth(), Nesting::MAX);
    assert_eq!(
        deep.unset,
        ["1 block nested in more than 8 quotes and lists set in the 8 outermost"]
    );
    assert_eq!(parse_markdown("> # Quoted\n\n# Title\n").title, "Title");
}

#[test]
fn images_are_italic_stand_ins() {
    let doc = parse_markdown("See ![a *cat*](cat.png) and ![](dog.png), [![logo](l.png)](x).\n");
    assert_eq!(
        doc.blocks.iter().map(shown).collect::<Vec<_>>(),
        ["p | See {i:[image: a cat]} and {i:[image]}, {il:[image: logo]}."]
    );
    assert_eq!(doc.unset, ["3 images shown as '[image: alt text]'"]);
}

#[test]
fn raw_html_keeps_its_text_and_the_styles_of_its_tags() {
    let markdown = "<div>\n<!-- a note\nfor later -->\n<p>one<br>two &amp; <b> three </b></p>\n\
                    <script>\nlet x = 1;\n</script>\n</div>\n\nA <em>word</em> and <kbd>key</kbd>.\n";
    let doc = parse_markdown(markdown);
    assert_eq!(
        doc.blocks.iter().map(shown).collect::<Vec<_>>(),
        ["p | one\ntwo & {b:three}", "p | A {i:word} and {m:key}."]
    );
    assert_eq!(
        doc.unset,
        ["12 pieces of raw HTML kept as text, tags left out"]
    );
}

#[test]
fn footnotes_are_set_where_defined_after_their_label() {
    let doc = parse_markdown("See[^n] and[^c].\n\n[^n]: The *note*.\n\n[^c]:\n    - a list\n");
    assert_eq!(
        doc.blocks.iter().map(shown).collect::<Vec<_>>(),
        [
            "p | See[n] and[c].",
            "p | [n] The {i:note}.",
            "p | [c]",
            "L item - | a list",
        ]
    );
    assert_eq!(
        doc.unset,
        ["2 footnotes set where defined, as '[label] text'"]
    );
}

proptest::proptest! {
    /// Any text, however broken as Markdown, reads without a panic into blocks whose runs
    /// are valid.
    #[test]
    fn any_text_reads_into_valid_blocks(
        markdown in "([-*+>#|`~_\\[\\]()!<>/&;:. \n\t1-9a-cé]|\\[\\^a\\]|\\[ \\]|<b>|</b>|<!--|-->|```|    ){0,80}"
    ) {
        for block in parse_markdown(&markdown).blocks {
            proptest::prop_assert!(runs_are_valid(&block.text, &block.runs), "{block:?}");
        }
    }
}
