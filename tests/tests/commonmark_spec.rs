//! Every example of the CommonMark spec (tests/fixtures/commonmark, CC-BY-SA 4.0): the blocks
//! read from it have valid runs and hold the text of every event pulldown-cmark reads, in
//! order and in its style, as real Markdown does (tests/markdown_words.rs); and its list
//! items, code blocks, rules and headings are the ones the spec's HTML has, each item with
//! its number and nested as deep in lists and quotes.

use inkleaf::text::{BlockKind, Marker};
use inkleaf_cli::input::{parse_markdown, Document, MARKDOWN_DIALECT};
use inkleaf_tests::commonmark::examples;
use inkleaf_tests::markdown::{compare, Counts};
use pulldown_cmark::{Event, Parser};

#[test]
fn every_spec_example_is_read_whole_and_in_style() {
    let examples = examples();
    assert_eq!(examples.len(), 652, "the spec 0.31.2 has 652 examples");
    let mut counts = Counts::default();
    let mut failed = Vec::new();
    let mut structures = 0;
    for (i, (section, markdown, html)) in examples.iter().enumerate() {
        let number = i + 1;
        let doc = parse_markdown(markdown);
        let read = compare(markdown, &doc).and_then(|example| {
            counts += example;
            if has_raw_html(markdown) {
                return Ok(());
            }
            structures += 1;
            let (want, got) = (structure_of_html(html), structure_of_blocks(&doc));
            if want == got {
                Ok(())
            } else {
                Err(format!("blocks {got:?}, the spec's HTML {want:?}"))
            }
        });
        if let Err(e) = read {
            failed.push(format!("example {number} ({section}) {markdown:?}: {e}"));
        }
    }
    let passed = examples.len() - failed.len();
    println!(
        "{passed} of {} examples pass: {} words, {} styled words in their style, the \
         structure of {structures} (those without raw HTML) as the spec's HTML",
        examples.len(),
        counts.source_words,
        counts.styled_words
    );
    assert!(
        failed.is_empty(),
        "{} failed:\n{}",
        failed.len(),
        failed.join("\n")
    );
}

/// Whether pulldown-cmark reads raw HTML in `markdown`, whose tags the spec's HTML passes
/// through.
fn has_raw_html(markdown: &str) -> bool {
    Parser::new_ext(markdown, MARKDOWN_DIALECT)
        .any(|e| matches!(e, Event::Html(_) | Event::InlineHtml(_)))
}

/// What is compared with the spec's HTML, in order: `item 3 LQL` for a list item (its
/// number or `-` for a bullet, then `L` for each list and `Q` for each quote it is in,
/// outermost first), `code`, `rule`, `h2` (for a heading with text).
fn structure_of_blocks(doc: &Document) -> Vec<String> {
    doc.blocks
        .iter()
        .filter_map(|block| match block.kind {
            BlockKind::ListItem { marker, .. } => {
                let nesting: String = (0..block.nesting.depth())
                    .map(|l| if block.nesting.is_quote(l) { 'Q' } else { 'L' })
                    .collect();
                let marker = match marker {
                    Marker::Number { value, .. } => value.to_string(),
                    _ => "-".into(),
                };
                Some(format!("item {marker} {nesting}"))
            }
            BlockKind::Code => Some("code".into()),
            BlockKind::Rule => Some("rule".into()),
            BlockKind::Heading(level) => Some(format!("h{level}")),
            _ => None,
        })
        .collect()
}

/// [`structure_of_blocks`] as the spec's HTML has it.
fn structure_of_html(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    // The open lists (the next item's number, none for bullets), and the open items and
    // quotes (`L`, `Q`), outermost first.
    let (mut lists, mut nesting): (Vec<Option<u64>>, String) = (Vec::new(), String::new());
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let Some(end) = rest[start..].find('>').map(|e| start + e) else {
            break;
        };
        let tag = &rest[start + 1..end];
        let after = &rest[end + 1..];
        let name: String = tag
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '/')
            .collect();
        match name.as_str() {
            "ul" => lists.push(None),
            "ol" => lists.push(Some(start_number(tag))),
            "/ul" | "/ol" => {
                lists.pop();
            }
            "li" => {
                nesting.push('L');
                let marker = match lists.last_mut() {
                    Some(Some(number)) => {
                        *number += 1;
                        (*number - 1).to_string()
                    }
                    _ => "-".into(),
                };
                out.push(format!("item {marker} {nesting}"));
            }
            "blockquote" => nesting.push('Q'),
            "/li" | "/blockquote" => {
                nesting.pop();
            }
            "pre" => out.push("code".into()),
            "hr" => out.push("rule".into()),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" if !after.starts_with("</h") => {
                out.push(name.clone());
            }
            _ => {}
        }
        rest = after;
    }
    out
}

/// The number in `<ol start="N">`, 1 without one.
fn start_number(tag: &str) -> u64 {
    tag.split_once("start=\"")
        .and_then(|(_, rest)| rest.split('"').next()?.parse().ok())
        .unwrap_or(1)
}
