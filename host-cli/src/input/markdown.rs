//! Markdown (CommonMark, with GFM tables, strikethrough, task lists and footnotes) into blocks.
//!
//! A blob holds paragraphs and headings, so everything else becomes paragraphs that keep all
//! of their text, with visible stand-ins for what carried meaning: a list item starts with its
//! marker as written (`•` for a bullet, `3.` for a number), a code block keeps its line
//! breaks, a table row is a paragraph with its cells between ` | `, a thematic break is
//! `* * *`, an image is `[image: its alt text]` (or `[image]`), a footnote is `[label]`. Emphasis, strong,
//! code spans and links keep their text in the body face. What was flattened is counted in
//! [`Document::unset`], so the user is told.

use inkleaf::text::BlockKind;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::Document;

/// Markdown: headings and paragraphs, and all other text kept as paragraphs (see the module
/// documentation). The first level-1 heading is the title.
pub fn parse_markdown(text: &str) -> Document {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES;
    let mut reader = Reader::default();
    for event in Parser::new_ext(text, options) {
        reader.event(event);
    }
    reader.finish()
}

/// What the blocks were read from that a blob cannot set yet.
#[derive(Default)]
struct Flattened {
    code_blocks: usize,
    quotes: usize,
    nested_lists: usize,
    tables: usize,
    styled_spans: usize,
    images: usize,
    html: usize,
    rules: usize,
    footnotes: usize,
}

#[derive(Default)]
struct Reader {
    doc: Document,
    /// The block being read: its kind and its text so far.
    open: Option<(BlockKind, String)>,
    /// The open lists, innermost last: the next item's number, or `None` for bullets.
    lists: Vec<Option<u64>>,
    /// The marker the next block opened in a list item starts with.
    marker: Option<String>,
    /// Inside a code block: its text is kept as it stands.
    in_code: bool,
    /// Cells of the table row being read.
    cells: usize,
    flattened: Flattened,
}

impl Reader {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => self.push(&text),
            Event::Code(code) => {
                self.flattened.styled_spans += 1;
                self.push(&code);
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                self.flattened.html += 1;
                self.push(&strip_tags(&html));
            }
            Event::SoftBreak => self.push(" "),
            Event::HardBreak => self.push("\n"),
            Event::Rule => {
                self.flattened.rules += 1;
                self.close();
                self.doc.blocks.push((BlockKind::Paragraph, "* * *".into()));
            }
            Event::FootnoteReference(label) => self.push(&format!("[{label}]")),
            Event::TaskListMarker(done) => self.push(if done { "[x] " } else { "[ ] " }),
            Event::InlineMath(math) | Event::DisplayMath(math) => self.push(&math),
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Heading { level, .. } => self.open_block(BlockKind::Heading(heading_level(level))),
            Tag::Paragraph | Tag::HtmlBlock => self.open_block(BlockKind::Paragraph),
            Tag::CodeBlock(_) => {
                self.flattened.code_blocks += 1;
                self.open_block(BlockKind::Paragraph);
                self.in_code = true;
            }
            Tag::BlockQuote(_) => {
                self.flattened.quotes += 1;
                self.close();
            }
            Tag::List(start) => {
                if !self.lists.is_empty() {
                    self.flattened.nested_lists += 1;
                }
                // An item's text before a list inside it is a block of its own.
                self.close();
                self.lists.push(start);
            }
            Tag::Item => {
                self.close();
                self.marker = Some(self.next_marker());
            }
            Tag::Table(_) => {
                self.flattened.tables += 1;
                self.close();
            }
            Tag::TableHead | Tag::TableRow => {
                self.open_block(BlockKind::Paragraph);
                self.cells = 0;
            }
            Tag::TableCell => {
                if self.cells > 0 {
                    self.push(" | ");
                }
                self.cells += 1;
            }
            Tag::FootnoteDefinition(label) => {
                self.flattened.footnotes += 1;
                self.close();
                self.marker = Some(format!("[{label}]"));
            }
            Tag::Image { .. } => {
                self.flattened.images += 1;
                self.push("[image: ");
            }
            Tag::Emphasis | Tag::Strong | Tag::Strikethrough => self.flattened.styled_spans += 1,
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Image => self.end_image(),
            TagEnd::CodeBlock => {
                self.in_code = false;
                self.close();
            }
            TagEnd::List(_) => {
                self.close();
                self.lists.pop();
            }
            TagEnd::Item => {
                self.close();
                self.marker = None;
            }
            TagEnd::Heading(_)
            | TagEnd::Paragraph
            | TagEnd::HtmlBlock
            | TagEnd::BlockQuote(_)
            | TagEnd::TableHead
            | TagEnd::TableRow
            | TagEnd::Table => self.close(),
            TagEnd::FootnoteDefinition => {
                self.close();
                self.marker = None;
            }
            _ => {}
        }
    }

    /// Closes an image's stand-in: `[image: alt text]`, or `[image]` without alt text.
    fn end_image(&mut self) {
        if let Some((_, text)) = &mut self.open {
            match text.strip_suffix("[image: ") {
                Some(before) => {
                    let keep = before.len();
                    text.truncate(keep);
                    text.push_str("[image]");
                }
                None => text.push(']'),
            }
        }
    }

    /// The marker of the next item of the innermost list, counting it.
    fn next_marker(&mut self) -> String {
        match self.lists.last_mut() {
            Some(Some(number)) => {
                let marker = format!("{number}.");
                *number += 1;
                marker
            }
            _ => "\u{2022}".into(),
        }
    }

    /// Closes the block being read and opens one of `kind`.
    fn open_block(&mut self, kind: BlockKind) {
        self.close();
        let mut text = String::new();
        if let Some(marker) = self.marker.take() {
            text.push_str(&marker);
            text.push(' ');
        }
        self.open = Some((kind, text));
    }

    fn push(&mut self, text: &str) {
        if self.open.is_none() {
            // Text straight inside a list item or a quote, with no paragraph around it.
            self.open_block(BlockKind::Paragraph);
        }
        if let Some((_, block)) = &mut self.open {
            block.push_str(text);
        }
    }

    /// Ends the block being read, if it holds any text.
    fn close(&mut self) {
        let Some((kind, text)) = self.open.take() else {
            return;
        };
        // A code block keeps its indentation; other blocks lose the spaces around them.
        let text = if self.in_code {
            text.trim_end().trim_start_matches('\n')
        } else {
            text.trim()
        };
        if text.is_empty() {
            return;
        }
        if kind == BlockKind::Heading(1) && self.doc.title.is_empty() {
            self.doc.title = text.to_owned();
        }
        self.doc.blocks.push((kind, text.to_owned()));
    }

    fn finish(mut self) -> Document {
        self.close();
        self.doc.unset = self.flattened.lines();
        self.doc.language = "en".into();
        self.doc
    }
}

impl Flattened {
    /// One line for the user per kind of thing that was flattened.
    fn lines(&self) -> Vec<String> {
        let kinds = [
            (
                self.code_blocks,
                "code block",
                "code blocks",
                "set as paragraphs in the body face, line breaks kept",
            ),
            (
                self.quotes,
                "block quote",
                "block quotes",
                "set as plain paragraphs",
            ),
            (
                self.nested_lists,
                "nested list",
                "nested lists",
                "set without indentation",
            ),
            (
                self.tables,
                "table",
                "tables",
                "set a paragraph per row, cells between ' | '",
            ),
            (
                self.styled_spans,
                "styled span",
                "styled spans",
                "(emphasis, strong, code) set in the regular face",
            ),
            (self.images, "image", "images", "shown as alt text"),
            (
                self.html,
                "piece of raw HTML",
                "pieces of raw HTML",
                "kept as text, tags left out",
            ),
            (
                self.rules,
                "thematic break",
                "thematic breaks",
                "shown as '* * *'",
            ),
            (
                self.footnotes,
                "footnote",
                "footnotes",
                "set where defined, as '[label] text'",
            ),
        ];
        kinds
            .into_iter()
            .filter(|(count, ..)| *count > 0)
            .map(|(count, one, many, how)| {
                let what = if count == 1 { one } else { many };
                format!("{count} {what} {how}")
            })
            .collect()
    }
}

/// The text of raw HTML, without its tags and comments.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(markdown: &str) -> Vec<(BlockKind, String)> {
        parse_markdown(markdown).blocks
    }

    fn paragraph(text: &str) -> (BlockKind, String) {
        (BlockKind::Paragraph, text.into())
    }

    #[test]
    fn headings_and_inline_markup() {
        let doc = parse_markdown(
            "# Title\n\nSome *soft* and **strong** `code` [link](http://x).\n\n## Part\n\n- item\n",
        );
        assert_eq!(doc.title, "Title");
        assert_eq!(
            doc.blocks,
            vec![
                (BlockKind::Heading(1), "Title".into()),
                paragraph("Some soft and strong code link."),
                (BlockKind::Heading(2), "Part".into()),
                paragraph("\u{2022} item"),
            ]
        );
        assert_eq!(
            doc.unset,
            ["3 styled spans (emphasis, strong, code) set in the regular face"]
        );
    }

    #[test]
    fn a_code_block_keeps_its_text_and_line_breaks() {
        let markdown = "Run it:\n\n```sh\ncargo run\n  --release\n```\n\n# Next\n";
        assert_eq!(
            blocks(markdown),
            vec![
                paragraph("Run it:"),
                paragraph("cargo run\n  --release"),
                (BlockKind::Heading(1), "Next".into()),
            ]
        );
        let unset = parse_markdown(markdown).unset;
        assert_eq!(
            unset,
            ["1 code block set as paragraphs in the body face, line breaks kept"]
        );
    }

    #[test]
    fn ordered_lists_keep_their_numbers_from_where_they_start() {
        assert_eq!(
            blocks("3. three\n4. four\n\n- a\n- b\n"),
            vec![
                paragraph("3. three"),
                paragraph("4. four"),
                paragraph("\u{2022} a"),
                paragraph("\u{2022} b"),
            ]
        );
    }

    #[test]
    fn an_item_keeps_its_text_before_a_nested_list() {
        assert_eq!(
            blocks("- outer\n  - inner\n- last\n"),
            vec![
                paragraph("\u{2022} outer"),
                paragraph("\u{2022} inner"),
                paragraph("\u{2022} last"),
            ]
        );
    }

    #[test]
    fn tables_quotes_images_rules_html_and_footnotes_keep_their_text() {
        let markdown =
            "| a | b |\n|---|---|\n| 1 | 2 |\n\n> quoted\n\n![a cat](cat.png) ![](dog.png)\n\n\
                        ---\n\n<p align=\"center\">centred</p>\n\nSee[^n].\n\n[^n]: The note.\n\n\
                        - [x] done\n";
        assert_eq!(
            blocks(markdown),
            vec![
                paragraph("a | b"),
                paragraph("1 | 2"),
                paragraph("quoted"),
                paragraph("[image: a cat] [image]"),
                paragraph("* * *"),
                paragraph("centred"),
                paragraph("See[n]."),
                paragraph("[n] The note."),
                paragraph("\u{2022} [x] done"),
            ]
        );
    }
}
