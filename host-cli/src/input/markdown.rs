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

use super::{DocBlock, Document};

/// The Markdown read: CommonMark with GFM tables, strikethrough, task lists and footnotes.
pub const DIALECT: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_TASKLISTS)
    .union(Options::ENABLE_FOOTNOTES);

/// Markdown: headings and paragraphs, and all other text kept as paragraphs (see the module
/// documentation). The first level-1 heading is the title.
pub fn parse_markdown(text: &str) -> Document {
    let mut reader = Reader::default();
    for event in Parser::new_ext(text, DIALECT) {
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
    /// Where raw HTML, which comes a line at a time, stands between its events.
    html: Html,
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
                let text = self.html.text(&html);
                self.push(&text);
            }
            Event::SoftBreak => self.push(" "),
            Event::HardBreak => self.push("\n"),
            Event::Rule => {
                self.flattened.rules += 1;
                self.open_block(BlockKind::Paragraph);
                self.push("* * *");
                self.close();
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
                let marker = self.next_marker();
                // An item that opens with a list shows both markers: "1. •".
                self.marker = Some(match self.marker.take() {
                    Some(outer) => format!("{outer} {marker}"),
                    None => marker,
                });
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
                self.close();
                self.in_code = false;
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
        // A row of empty table cells has nothing but its separators.
        if text.chars().all(|c| c == '|' || c == ' ') {
            return;
        }
        // A heading inside a list item is not the document's title.
        if kind == BlockKind::Heading(1) && self.doc.title.is_empty() && self.lists.is_empty() {
            self.doc.title = text.to_owned();
        }
        self.doc.blocks.push(DocBlock::plain(kind, text));
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
                "(emphasis, strong, strikethrough, code) set in the regular face",
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

/// Reads the text out of raw HTML, which pulldown-cmark hands over a line at a time: a tag
/// or a comment may span lines, so where the reader stands carries over between pieces.
#[derive(Default)]
struct Html {
    at: HtmlAt,
    /// Inside `<script>` or `<style>`, whose contents are not text.
    hidden: bool,
}

#[derive(Default)]
enum HtmlAt {
    #[default]
    Text,
    /// Inside `<...>`: the tag's name so far, and whether it has ended.
    Tag(String, bool),
    /// Inside `<!-- ... -->`.
    Comment,
}

/// Tags that separate words: each becomes a space.
const BREAKS: [&str; 14] = [
    "br", "p", "div", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
];

impl Html {
    /// The text of `piece`: tags and comments left out, common entities decoded.
    fn text(&mut self, piece: &str) -> String {
        let mut out = String::new();
        let mut chars = piece.char_indices();
        while let Some((i, c)) = chars.next() {
            let rest = &piece[i + c.len_utf8()..];
            match &mut self.at {
                HtmlAt::Text => match c {
                    '<' if rest.starts_with("!--") => {
                        chars.nth(2);
                        self.at = HtmlAt::Comment;
                    }
                    '<' => self.at = HtmlAt::Tag(String::new(), false),
                    '&' => match entity(rest) {
                        Some((decoded, len)) => {
                            out.push(decoded);
                            chars.nth(len - 1);
                        }
                        None => out.push('&'),
                    },
                    _ if !self.hidden => out.push(c),
                    _ => {}
                },
                HtmlAt::Tag(name, ended) => match c {
                    '>' => {
                        let name = name.to_ascii_lowercase();
                        let bare = name.trim_start_matches('/');
                        if BREAKS.contains(&bare) {
                            out.push(' ');
                        }
                        if bare == "script" || bare == "style" {
                            self.hidden = !name.starts_with('/');
                        }
                        self.at = HtmlAt::Text;
                    }
                    _ if *ended => {}
                    _ if c.is_alphanumeric() || c == '/' => name.push(c),
                    _ => *ended = true,
                },
                HtmlAt::Comment => {
                    if c == '-' && rest.starts_with("->") {
                        chars.nth(1);
                        self.at = HtmlAt::Text;
                    }
                }
            }
        }
        out
    }
}

/// The character an entity such as `amp;` or `#8212;` at the start of `rest` stands for, and
/// the bytes the entity takes after its `&`.
fn entity(rest: &str) -> Option<(char, usize)> {
    let end = rest.char_indices().take(10).find(|&(_, c)| c == ';')?.0;
    let decoded = match &rest[..end] {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        name => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code)?
        }
    };
    Some((decoded, end + 1))
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
        parse_markdown(markdown)
            .blocks
            .into_iter()
            .map(|b| (b.kind, b.text))
            .collect()
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
        let read: Vec<_> = doc
            .blocks
            .iter()
            .map(|b| (b.kind, b.text.clone()))
            .collect();
        assert_eq!(
            read,
            vec![
                (BlockKind::Heading(1), "Title".into()),
                paragraph("Some soft and strong code link."),
                (BlockKind::Heading(2), "Part".into()),
                paragraph("\u{2022} item"),
            ]
        );
        assert_eq!(
            doc.unset,
            ["3 styled spans (emphasis, strong, strikethrough, code) set in the regular face"]
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
    fn raw_html_keeps_its_text_across_lines_without_comments_or_scripts() {
        let markdown = "<div>\n<!-- a note\nfor later -->\n<p>one<br>two &amp; three</p>\n\
                        <script>\nlet x = 1;\n</script>\n</div>\n";
        let doc = parse_markdown(markdown);
        assert_eq!(doc.blocks.len(), 1);
        assert_eq!(normalized(&doc.blocks[0].text), "one two & three");
    }

    #[test]
    fn an_item_that_opens_with_a_list_keeps_both_markers() {
        assert_eq!(
            blocks(
                "1. - a
   - b
2. c
"
            ),
            vec![
                paragraph("1. \u{2022} a"),
                paragraph("\u{2022} b"),
                paragraph("2. c"),
            ]
        );
    }

    #[test]
    fn a_heading_in_a_list_is_not_the_title() {
        assert_eq!(
            parse_markdown(
                "- # Item

# Real
"
            )
            .title,
            "Real"
        );
    }

    #[test]
    fn a_code_block_keeps_its_indentation() {
        assert_eq!(
            blocks("```\n  indented\n```\n"),
            vec![paragraph("  indented")]
        );
    }

    fn normalized(text: &str) -> String {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
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
