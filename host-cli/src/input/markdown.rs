//! Markdown (CommonMark, with GFM tables, strikethrough, task lists and footnotes) into the
//! content model: blocks of each kind, nested in the quotes and lists they sit in, with
//! their inline styles as runs.
//!
//! Each construct becomes the block or style it is ([`BlockKind`], [`Nesting`], [`Style`]).
//! What the model has no place for yet keeps its text, with a visible stand-in: an image is
//! `[image: its alt text]` (or `[image]`) set in italics, a footnote reference is `[label]`
//! and a footnote is set where it is defined, its first block starting `[label] `; raw HTML
//! keeps its text without the tags. These are counted in [`Document::unset`], so the user
//! is told, as are blocks nested deeper than [`Nesting::MAX`] levels, set at the deepest.

use std::ops::Range;

use inkleaf::text::{BlockKind, Marker, Nesting, Style};
use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::styled::Styled;
use super::{DocBlock, Document};

mod lists;
mod raw_html;
mod unset;

use lists::{loose_lists, List};
use raw_html::Html;
use unset::Unset;

/// The Markdown read: CommonMark with GFM tables, strikethrough, task lists and footnotes.
pub const DIALECT: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_TASKLISTS)
    .union(Options::ENABLE_FOOTNOTES);

/// Markdown into blocks (see the module documentation). The first level-1 heading that is
/// not in a list, quote or footnote is the title.
pub fn parse_markdown(text: &str) -> Document {
    let events: Vec<(Event<'_>, Range<usize>)> =
        Parser::new_ext(text, DIALECT).into_offset_iter().collect();
    let mut reader = Reader {
        source: text,
        loose: loose_lists(&events).into_iter(),
        ..Reader::default()
    };
    for (event, range) in events {
        reader.event(event, range);
    }
    reader.finish()
}

/// The block being read.
struct Open {
    kind: BlockKind,
    label: String,
    text: Styled,
}

/// What the first block of a container takes, when it opens.
enum Pending {
    /// A list item's marker, and whether its list is loose.
    Item(Marker, bool),
    /// A footnote's label.
    Footnote(String),
}

#[derive(Default)]
struct Reader<'a> {
    source: &'a str,
    doc: Document,
    open: Option<Open>,
    /// The quotes (`true`) and list items (`false`) being read, outermost first.
    containers: Vec<bool>,
    /// The lists being read, innermost last.
    lists: Vec<List>,
    /// Whether each list, in the order they start, is loose.
    loose: std::vec::IntoIter<bool>,
    pending: Option<Pending>,
    /// The inline styles open, innermost last.
    styles: Vec<Style>,
    /// Where each open image's stand-in starts in the block's text.
    images: Vec<usize>,
    /// Footnote definitions being read.
    footnotes: usize,
    /// Cells of the table row being read.
    cells: usize,
    html: Html,
    unset: Unset,
}

impl Reader<'_> {
    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => self.push(&text, self.style()),
            Event::Code(code) => self.push(&code, self.style().with(Style::MONO)),
            Event::InlineMath(math) | Event::DisplayMath(math) => self.push(&math, self.style()),
            Event::Html(html) | Event::InlineHtml(html) => self.push_html(&html),
            Event::SoftBreak => self.push(" ", self.style()),
            Event::HardBreak => self.push("\n", self.style()),
            Event::Rule => {
                self.begin(BlockKind::Rule);
                self.close();
            }
            Event::FootnoteReference(label) => self.push(&format!("[{label}]"), self.style()),
            Event::TaskListMarker(checked) => self.task(checked),
        }
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        match tag {
            Tag::Paragraph | Tag::HtmlBlock => self.begin(BlockKind::Paragraph),
            Tag::Heading { level, .. } => self.begin(BlockKind::Heading(heading_level(level))),
            Tag::CodeBlock(kind) => {
                self.begin(BlockKind::Code);
                if let (CodeBlockKind::Fenced(info), Some(open)) = (kind, &mut self.open) {
                    open.label = info.split_whitespace().next().unwrap_or("").to_owned();
                }
            }
            Tag::BlockQuote(_) => {
                self.begin_container();
                self.containers.push(true);
            }
            Tag::List(start) => {
                self.begin_container();
                let loose = self.loose.next().unwrap_or(false);
                self.lists
                    .push(List::new(start, self.source, range.start, loose));
            }
            Tag::Item => {
                self.begin_container();
                self.containers.push(false);
                if let Some(list) = self.lists.last_mut() {
                    self.pending = Some(Pending::Item(list.next_marker(), list.loose));
                }
            }
            Tag::Table(_) => self.begin_container(),
            Tag::TableHead => self.begin_row(true),
            Tag::TableRow => self.begin_row(false),
            Tag::TableCell => {
                if self.cells > 0 {
                    self.push(" | ", Style::PLAIN);
                }
                self.cells += 1;
            }
            Tag::FootnoteDefinition(label) => {
                self.begin_container();
                self.unset.footnotes += 1;
                self.footnotes += 1;
                self.pending = Some(Pending::Footnote(label.into_string()));
            }
            Tag::Emphasis => self.styles.push(Style::ITALIC),
            Tag::Strong => self.styles.push(Style::BOLD),
            Tag::Strikethrough => self.styles.push(Style::STRIKE),
            Tag::Link { .. } => self.styles.push(Style::LINK),
            Tag::Image { .. } => self.start_image(),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph
            | TagEnd::HtmlBlock
            | TagEnd::Heading(_)
            | TagEnd::CodeBlock
            | TagEnd::Table
            | TagEnd::TableHead
            | TagEnd::TableRow => self.close(),
            TagEnd::BlockQuote(_) => {
                self.begin_container();
                self.containers.pop();
            }
            TagEnd::List(_) => {
                self.begin_container();
                self.lists.pop();
            }
            TagEnd::Item => {
                // An empty item keeps its marker.
                self.begin_container();
                self.containers.pop();
            }
            TagEnd::FootnoteDefinition => {
                self.begin_container();
                self.footnotes = self.footnotes.saturating_sub(1);
            }
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link => {
                self.styles.pop();
            }
            TagEnd::Image => self.end_image(),
            _ => {}
        }
    }

    /// The inline style of text read now.
    fn style(&self) -> Style {
        let markdown = self.styles.iter().fold(Style::PLAIN, |all, s| all.with(*s));
        markdown.with(self.html.style())
    }

    fn nesting(&self) -> Nesting {
        super::nesting_of(&self.containers)
    }

    /// Closes the block being read and opens one of `kind`: a list item's first paragraph
    /// is the item, a footnote's starts with its label. Before any other first block, the
    /// marker or label is a block of its own.
    fn begin(&mut self, kind: BlockKind) {
        self.close();
        let mut text = Styled::default();
        let kind = match (self.pending.take(), kind) {
            (Some(Pending::Item(marker, loose)), BlockKind::Paragraph) => {
                BlockKind::ListItem { marker, loose }
            }
            (Some(Pending::Footnote(label)), BlockKind::Paragraph) => {
                text.push(&format!("[{label}] "), Style::PLAIN);
                kind
            }
            (pending, kind) => {
                self.pending = pending;
                self.flush_pending();
                kind
            }
        };
        self.open = Some(Open {
            kind,
            label: String::new(),
            text,
        });
    }

    /// Closes the block being read before a container starts or ends.
    fn begin_container(&mut self) {
        self.close();
        self.flush_pending();
    }

    /// A marker or label whose container did not open with a paragraph, as a block.
    fn flush_pending(&mut self) {
        let (kind, text) = match self.pending.take() {
            Some(Pending::Item(marker, loose)) => (BlockKind::ListItem { marker, loose }, ""),
            Some(Pending::Footnote(label)) => (BlockKind::Paragraph, &*format!("[{label}]")),
            None => return,
        };
        self.push_block(DocBlock::plain(kind, text));
    }

    fn begin_row(&mut self, header: bool) {
        self.begin(BlockKind::TableRow { header });
        self.cells = 0;
    }

    /// A task list item's box, which comes just after its item opens.
    fn task(&mut self, checked: bool) {
        let marker = match (&mut self.pending, &mut self.open) {
            (Some(Pending::Item(marker, _)), _) => marker,
            (
                None,
                Some(Open {
                    kind: BlockKind::ListItem { marker, .. },
                    ..
                }),
            ) => marker,
            // Nowhere to put a box: keep it as text.
            _ => return self.push(if checked { "[x] " } else { "[ ] " }, Style::PLAIN),
        };
        if matches!(marker, Marker::Number { .. }) {
            self.unset.task_numbers += 1;
        }
        *marker = Marker::Task(checked);
    }

    fn start_image(&mut self) {
        self.unset.images += 1;
        self.styles.push(Style::ITALIC);
        self.ensure_open();
        let at = self.open.as_ref().map_or(0, |o| o.text.text().len());
        self.images.push(at);
        self.push("[image: ", self.style());
    }

    /// Closes an image's stand-in: `[image: alt text]`, or `[image]` without alt text.
    fn end_image(&mut self) {
        let style = self.style();
        self.styles.pop();
        let at = self.images.pop().unwrap_or(0);
        let Some(open) = &mut self.open else { return };
        if open.text.text().len() == at + "[image: ".len() {
            open.text.truncate(at);
            open.text.push("[image]", style);
        } else {
            open.text.push("]", style);
        }
    }

    /// Text straight inside a list item (a tight list's) or elsewhere without a block
    /// around it opens a paragraph.
    fn ensure_open(&mut self) {
        if self.open.is_none() {
            self.begin(BlockKind::Paragraph);
        }
    }

    fn push(&mut self, text: &str, style: Style) {
        if text.is_empty() {
            return;
        }
        self.ensure_open();
        if let Some(open) = &mut self.open {
            let style = if open.kind == BlockKind::Code {
                Style::PLAIN
            } else {
                style
            };
            open.text.push(text, style);
        }
    }

    /// Raw HTML: its text in the styles its tags set, runs of spaces as one.
    fn push_html(&mut self, html: &str) {
        self.unset.html += 1;
        let outer = self.styles.iter().fold(Style::PLAIN, |all, s| all.with(*s));
        let after_space = self.open.as_ref().is_none_or(|o| {
            let text = o.text.text();
            text.is_empty() || text.ends_with(char::is_whitespace)
        });
        for (text, style) in self.html.text(html, after_space) {
            self.push(&text, outer.with(style));
        }
    }

    /// Ends the block being read, if it holds anything.
    fn close(&mut self) {
        let Some(open) = self.open.take() else {
            return;
        };
        self.html.end_block();
        let text = match open.kind {
            BlockKind::Code => open.text.without_final_newline(),
            BlockKind::TableRow { .. } => open.text,
            _ => open.text.trimmed(),
        };
        let keep = match open.kind {
            // An item keeps its marker; a code block, its language; a rule has no text.
            BlockKind::ListItem { .. } | BlockKind::Code | BlockKind::Rule => true,
            // A row of empty cells has nothing but its separators.
            BlockKind::TableRow { .. } => text.text().split(" | ").any(|c| !c.trim().is_empty()),
            _ => !text.text().is_empty(),
        };
        if !keep {
            return;
        }
        let (text, runs) = text.into_parts();
        let title = open.kind == BlockKind::Heading(1)
            && self.containers.is_empty()
            && self.footnotes == 0
            && self.doc.title.is_empty();
        if title {
            self.doc.title = text.clone();
        }
        self.push_block(DocBlock {
            kind: open.kind,
            label: open.label,
            text,
            runs,
            ..DocBlock::default()
        });
    }

    /// Adds `block` at the nesting being read.
    fn push_block(&mut self, mut block: DocBlock) {
        if self.containers.len() > usize::from(Nesting::MAX) {
            self.unset.folded += 1;
        }
        block.nesting = self.nesting();
        self.doc.blocks.push(block);
    }

    fn finish(mut self) -> Document {
        self.begin_container();
        self.doc.unset = self.unset.lines();
        self.doc.language = "en".into();
        self.doc
    }
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
mod tests;
