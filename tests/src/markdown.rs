//! Whether a Markdown document's blocks hold what pulldown-cmark read, in order and in style.
//!
//! The reference is pulldown-cmark's own events, read here independently of inkleaf's reader:
//! the text of every text and code event, the words of raw HTML, and footnote labels, each
//! with the style the tags around it give it (emphasis italic, strong bold, code mono, a
//! link's text, strikethrough, an image's alt text italic), and the stand-ins the model
//! asks for (`[image: alt text]`, `[label]` for footnotes). Each piece must come next in the
//! blocks' text (whitespace collapsed), with nothing between pieces but spaces and table
//! cell separators, set in that style.

use inkleaf::text::{BlockKind, Style};
use inkleaf_cli::input::{runs_are_valid, Document, MARKDOWN_DIALECT};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// What a comparison counted.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Words of the blocks' text that hold text pulldown-cmark read (a word that markup
    /// splits into pieces, such as `un*done*`, counts once).
    pub source_words: usize,
    /// Words of the blocks' text.
    pub set_words: usize,
    /// Words of the blocks' text that hold styled pieces, each found in its style.
    pub styled_words: usize,
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, other: Counts) {
        self.source_words += other.source_words;
        self.set_words += other.set_words;
        self.styled_words += other.styled_words;
    }
}

/// A piece of text pulldown-cmark read and the style it must be set in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    /// Its text, whitespace collapsed.
    pub text: String,
    /// Its style; text in a code block is [`Style::MONO`].
    pub style: Style,
    /// Whether the style must be exactly this: not after raw HTML in the same block, whose
    /// tags may add styles.
    pub exact: bool,
    /// Whether it is a stand-in the reader writes rather than text of the source.
    pub stand_in: bool,
}

/// Checks that `doc`, read from `markdown`, holds every piece of it in order and in its
/// style, and that every block's runs are valid. The error says what went wrong where.
pub fn compare(markdown: &str, doc: &Document) -> Result<Counts, String> {
    for block in &doc.blocks {
        if !runs_are_valid(&block.text, &block.runs) {
            return Err(format!(
                "invalid runs {:?} over {:?}",
                block.runs, block.text
            ));
        }
    }
    let (set, styles) = set_text(doc);
    compare_set(markdown, &set, &styles)
}

/// Checks that `set` (text whitespace collapsed, see [`set_text`]) holds every piece of
/// `markdown` in order, each in its style as `styles` (one for each byte of `set`) has it.
pub fn compare_set(markdown: &str, set: &str, styles: &[Style]) -> Result<Counts, String> {
    assert_eq!(set.len(), styles.len(), "a style for every byte");
    // For each byte of `set`: 0 if no piece of the source holds it, 1 if a plain one, 2 if
    // a styled one.
    let mut source = vec![0u8; set.len()];
    let mut at = 0;
    for piece in source_pieces(markdown) {
        let found = set[at..].find(&piece.text).map(|i| at + i);
        let Some(start) = found.filter(|&i| is_stand_in(&set[at..i])) else {
            let context: String = set[at..].chars().take(120).collect();
            return Err(format!("{:?} is not next, at {context:?}", piece.text));
        };
        let end = start + piece.text.len();
        for (i, c) in set[start..end].char_indices() {
            let style = styles[start + i];
            let right = if piece.exact {
                style == piece.style
            } else {
                style.has(piece.style)
            };
            if c != ' ' && !right {
                return Err(format!(
                    "{:?} should be set {:?} but {:?} is {style:?}",
                    piece.text, piece.style, c
                ));
            }
        }
        at = end;
        if !piece.stand_in {
            source[start..end].fill(1 + u8::from(piece.style != Style::PLAIN));
        }
    }
    let mut counts = Counts::default();
    let mut word_start = 0;
    for (i, c) in set.char_indices().chain([(set.len(), ' ')]) {
        if c != ' ' {
            continue;
        }
        let word = &source[word_start..i];
        if i > word_start {
            counts.set_words += 1;
            counts.source_words += usize::from(word.iter().any(|&b| b > 0));
            counts.styled_words += usize::from(word.contains(&2));
        }
        word_start = i + 1;
    }
    Ok(counts)
}

/// Whether `skipped` is nothing but spaces and the separators of table cells.
fn is_stand_in(skipped: &str) -> bool {
    skipped.chars().all(|c| c == '|' || c == ' ')
}

/// The text of all blocks joined by spaces, whitespace collapsed, and the style of each of
/// its bytes (a code block's are [`Style::MONO`]).
pub fn set_text(doc: &Document) -> (String, Vec<Style>) {
    let (mut text, mut styles) = (String::new(), Vec::new());
    for block in &doc.blocks {
        let block_style = match block.kind {
            BlockKind::Code => Style::MONO,
            _ => Style::PLAIN,
        };
        let mut byte_styles = Vec::with_capacity(block.text.len());
        for run in &block.runs {
            byte_styles.extend(std::iter::repeat_n(run.style, run.len as usize));
        }
        byte_styles.resize(block.text.len(), Style::PLAIN);
        // One space between blocks, however many empty ones (rules) lie between.
        if !text.ends_with(' ') {
            text.push(' ');
            styles.push(Style::PLAIN);
        }
        for (i, c) in block.text.char_indices() {
            if c.is_whitespace() {
                if !text.ends_with(' ') {
                    text.push(' ');
                    styles.push(Style::PLAIN);
                }
            } else {
                text.push(c);
                let style = byte_styles[i].with(block_style);
                styles.extend(std::iter::repeat_n(style, c.len_utf8()));
            }
        }
    }
    let start = text.len() - text.trim_start().len();
    let end = start + text.trim().len();
    (text[start..end].to_owned(), styles[start..end].to_vec())
}

/// The pieces of text pulldown-cmark reads from `markdown`, in reading order.
pub fn source_pieces(markdown: &str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut styles: Vec<Style> = Vec::new();
    // Raw HTML comes a line at a time; a tag or comment may span lines.
    let mut html = String::new();
    let mut html_style = Style::PLAIN;
    // Raw HTML seen in the block being read: its tags may style the text after them.
    let mut after_html = false;
    let mut in_code = false;
    // Where the stand-in of each open image is in `pieces`.
    let mut images = Vec::new();
    for event in Parser::new_ext(markdown, MARKDOWN_DIALECT) {
        if let Event::Html(part) | Event::InlineHtml(part) = &event {
            if html.is_empty() {
                html_style = styles.iter().fold(Style::PLAIN, |all, s| all.with(*s));
            }
            html.push_str(part);
            after_html = true;
            continue;
        }
        for word in html_words(&std::mem::take(&mut html)) {
            pieces.push(Piece {
                text: word,
                style: html_style,
                exact: false,
                stand_in: false,
            });
        }
        let style = styles.iter().fold(Style::PLAIN, |all, s| all.with(*s));
        let piece = |text: String, style: Style| Piece {
            text: normalized(&text),
            style,
            exact: !after_html,
            stand_in: false,
        };
        match event {
            Event::Text(text) if in_code => pieces.push(piece(text.to_string(), Style::MONO)),
            Event::Text(text) => pieces.push(piece(text.to_string(), style)),
            Event::Code(code) => pieces.push(piece(code.to_string(), style.with(Style::MONO))),
            Event::FootnoteReference(label) => pieces.push(piece(format!("[{label}]"), style)),
            Event::Start(Tag::FootnoteDefinition(label)) => {
                pieces.push(piece(format!("[{label}]"), Style::PLAIN))
            }
            Event::Start(tag) => {
                if let Some(style) = tag_style(&tag) {
                    styles.push(style);
                }
                if let Tag::Image { .. } = tag {
                    images.push(pieces.len());
                    pieces.push(Piece {
                        stand_in: true,
                        ..piece("[image:".into(), style.with(Style::ITALIC))
                    });
                }
                in_code |= matches!(tag, Tag::CodeBlock(_));
                after_html &= !starts_block(&tag);
            }
            Event::End(TagEnd::Image) => {
                let start = images.pop().unwrap_or(0);
                if pieces[start + 1..].iter().all(|p| p.text.is_empty()) {
                    pieces[start].text = "[image]".into();
                } else {
                    pieces.push(Piece {
                        stand_in: true,
                        ..piece("]".into(), style)
                    });
                }
                styles.pop();
            }
            Event::End(tag) => {
                if matches!(
                    tag,
                    TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link
                ) {
                    styles.pop();
                }
                in_code &= tag != TagEnd::CodeBlock;
            }
            _ => {}
        }
    }
    for word in html_words(&html) {
        pieces.push(Piece {
            text: word,
            style: html_style,
            exact: false,
            stand_in: false,
        });
    }
    pieces.retain(|piece| !piece.text.is_empty());
    pieces
}

/// The style an inline tag gives the text inside it.
fn tag_style(tag: &Tag<'_>) -> Option<Style> {
    match tag {
        Tag::Emphasis | Tag::Image { .. } => Some(Style::ITALIC),
        Tag::Strong => Some(Style::BOLD),
        Tag::Strikethrough => Some(Style::STRIKE),
        Tag::Link { .. } => Some(Style::LINK),
        _ => None,
    }
}

/// Whether `tag` starts a block of text, where the styles of earlier raw HTML end.
fn starts_block(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::HtmlBlock
            | Tag::CodeBlock(_)
            | Tag::Item
            | Tag::TableHead
            | Tag::TableRow
            | Tag::BlockQuote(_)
            | Tag::List(_)
            | Tag::FootnoteDefinition(_)
    )
}

/// The words of raw HTML: what is left with comments, scripts, styles and tags taken out.
fn html_words(html: &str) -> Vec<String> {
    let mut text = html.to_owned();
    for (open, close) in [
        ("<!--", "-->"),
        ("<script", "</script>"),
        ("<style", "</style>"),
    ] {
        while let Some(start) = text.find(open) {
            let end = text[start..]
                .find(close)
                .map_or(text.len(), |i| start + i + close.len());
            text.replace_range(start..end, " ");
        }
    }
    while let Some(start) = text.find('<') {
        let end = text[start..]
            .find('>')
            .map_or(text.len(), |i| start + i + 1);
        text.replace_range(start..end, " ");
    }
    let text = text
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&nbsp;", "\u{a0}");
    text.split_whitespace().map(str::to_owned).collect()
}

/// `text` with runs of whitespace one space, and none around it.
pub fn normalized(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
