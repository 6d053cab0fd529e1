//! Reading articles and books: plain text, Markdown, web pages and EPUB into blocks and
//! metadata.

use std::path::Path;

use inkleaf::text::{BlockKind, Nesting, Run};

mod chapters;
pub mod epub;
pub mod html;
mod markdown;
mod styled;
mod warnings;

pub use chapters::{chapters_from_headings, join_as_chapters};
pub use markdown::{parse_markdown, DIALECT as MARKDOWN_DIALECT};
pub use styled::runs_are_valid;

/// A text ready to pack: owned blocks and metadata.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    /// Title, possibly empty.
    pub title: String,
    /// Author or byline, possibly empty.
    pub byline: String,
    /// Where the text came from.
    pub source: String,
    /// Publication date, possibly empty.
    pub date: String,
    /// BCP 47 language tag.
    pub language: String,
    /// Blocks in reading order.
    pub blocks: Vec<DocBlock>,
    /// The table of contents: chapters in reading order, each naming the block it starts at.
    /// Empty for a text without chapters (an article, a note).
    pub chapters: Vec<Chapter>,
    /// What the reader could not set as the source meant and kept with a stand-in (images,
    /// raw HTML, ...), one line each, for the user to be told.
    pub unset: Vec<String>,
}

/// One block of a document: what it is, where it is nested, its text and its inline styles.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocBlock {
    /// Paragraph, heading, list item, code, ...
    pub kind: BlockKind,
    /// The quotes and lists it sits in.
    pub nesting: Nesting,
    /// A code block's language tag, else empty.
    pub label: String,
    /// The text exactly as it is to be set (a list item's marker is in `kind`, not here).
    pub text: String,
    /// Inline styles over `text`, in order; text past the last run is plain. Runs of plain
    /// text are kept only where a styled one follows.
    pub runs: Vec<Run>,
}

impl DocBlock {
    /// A block of plain, unstyled and unnested text.
    pub fn plain(kind: BlockKind, text: impl Into<String>) -> Self {
        DocBlock {
            kind,
            text: text.into(),
            ..DocBlock::default()
        }
    }
}

/// The nesting of a block inside `containers`, outermost first: `true` a quote, `false` a
/// list. Levels past [`Nesting::MAX`] are set at the deepest; readers count them as unset.
pub(crate) fn nesting_of(containers: &[bool]) -> Nesting {
    containers.iter().fold(
        Nesting::TOP,
        |n, &quote| if quote { n.quote() } else { n.list() },
    )
}

/// One entry of a document's table of contents: a chapter, or a section inside one.
///
/// Chapters are ordered by `block` (two may start at the same block: a part and its first
/// chapter); blocks before the first chapter are front matter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Chapter {
    /// Its title as the table of contents gives it.
    pub title: String,
    /// Its depth in the table of contents: 1 for a top-level chapter, 2 for a section in
    /// one, and so on up to [`Chapter::MAX_LEVEL`].
    pub level: u8,
    /// Index in [`Document::blocks`] of its first block.
    pub block: usize,
    /// Whether it opens a new page, as a book's chapters do; a section that starts inside
    /// a chapter's file or text runs on.
    pub new_page: bool,
    /// Its BCP 47 language where the source says so and it differs from the document's;
    /// empty otherwise. Its blocks are hyphenated for it.
    pub language: String,
}

impl Chapter {
    /// The deepest level a table of contents keeps; deeper entries are set at this level.
    pub const MAX_LEVEL: u8 = 8;
}

/// Why an input could not be read.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// The file could not be opened or read.
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    /// The path is a directory.
    #[error("is a directory, not a text file")]
    Directory,
    /// The file is not UTF-8.
    #[error("not UTF-8 text (invalid byte at offset {0})")]
    NotUtf8(usize),
    /// Nothing but whitespace.
    #[error("has no text")]
    Empty,
    /// An EPUB book that cannot be read.
    #[error(transparent)]
    Epub(#[from] epub::EpubError),
    /// A web page whose markup cannot be read.
    #[error(transparent)]
    Html(#[from] html::HtmlError),
}

/// How inputs are read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// Read a web page whole instead of the article in it (see [`html::read_web_page`]).
    pub whole_page: bool,
}

/// Reads `path` as an EPUB book when it ends in `.epub`, as Markdown when it ends in `.md`
/// or `.markdown`, as a web page when it ends in `.html`, `.htm` or `.xhtml` (its article),
/// else as plain text.
pub fn read_file(path: &Path) -> Result<Document, InputError> {
    read_file_with(path, ReadOptions::default())
}

/// Reads `path` as [`read_file`] does, with `options`.
pub fn read_file_with(path: &Path, options: ReadOptions) -> Result<Document, InputError> {
    if path.is_dir() {
        return Err(InputError::Directory);
    }
    let bytes = std::fs::read(path)?;
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default();
    let mut doc = if extension.eq_ignore_ascii_case("epub") {
        epub::read_epub(&bytes)?
    } else {
        let text = String::from_utf8(bytes)
            .map_err(|e| InputError::NotUtf8(e.utf8_error().valid_up_to()))?;
        match extension {
            "md" | "markdown" => parse_markdown(&text),
            "html" | "htm" | "xhtml" => html::read_web_page(&text, options.whole_page)?,
            _ => parse_text(&text),
        }
    };
    if doc.blocks.is_empty() {
        return Err(InputError::Empty);
    }
    // An EPUB names its source by its identifier; anything else by its file name.
    if doc.source.is_empty() {
        doc.source = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
    }
    if doc.title.is_empty() {
        doc.title = title_from_stem(path);
    }
    Ok(doc)
}

/// Plain text: paragraphs are separated by blank lines; without any blank line, every line is
/// a paragraph. Lines inside a paragraph are joined with a space.
pub fn parse_text(text: &str) -> Document {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let has_blank = text.lines().any(|l| l.trim().is_empty()) && text.trim().contains('\n');
    let paragraphs: Vec<String> = if has_blank {
        text.split_terminator('\n')
            .collect::<Vec<_>>()
            .split(|l| l.trim().is_empty())
            .map(|lines| lines.iter().map(|l| l.trim()).collect::<Vec<_>>().join(" "))
            .collect()
    } else {
        text.lines().map(|l| l.trim().to_owned()).collect()
    };
    Document {
        language: "en".into(),
        blocks: paragraphs
            .into_iter()
            .filter(|p| !p.is_empty())
            .map(|p| DocBlock::plain(BlockKind::Paragraph, p))
            .collect(),
        ..Document::default()
    }
}

/// "my-article_draft" becomes "My article draft".
fn title_from_stem(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().replace(['-', '_'], " "))
        .unwrap_or_default();
    let mut chars = stem.trim().chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_with_blank_lines_joins_wrapped_lines() {
        let doc = parse_text("one\ntwo\n\nthree\n");
        assert_eq!(doc.blocks.len(), 2);
        assert_eq!(doc.blocks[0].text, "one two");
    }

    #[test]
    fn text_without_blank_lines_is_a_paragraph_per_line() {
        let doc = parse_text("one\ntwo\n");
        assert_eq!(doc.blocks.len(), 2);
    }
}
