//! Reading what the commands name: displays, documents and blobs, with errors that name them.

use std::ops::Range;
use std::path::Path;

use anyhow::{anyhow, bail, Context};
use inkleaf::font::{AnyFamily, Family};
use inkleaf::{Book, Layout, Profile};
use inkleaf_cli::displays::{self, Display, DEFAULT_DISPLAY};
use inkleaf_cli::input::{self, Document, ReadOptions};

/// The display named on the command line.
pub(crate) fn display(name: &str) -> anyhow::Result<Display> {
    displays::find(name).ok_or_else(|| {
        anyhow!("unknown display '{name}': use a preset from `inkleaf displays` or WIDTHxHEIGHT such as 640x384")
    })
}

/// Reads and parses every input, or the bundled article when there is none, and warns on
/// stderr of what an input holds that is set as plain text.
pub(crate) fn documents(
    inputs: &[impl AsRef<Path>],
    options: ReadOptions,
) -> anyhow::Result<(Document, usize)> {
    if inputs.is_empty() {
        let mut doc = input::parse_text(inkleaf_cli::BUNDLED_ARTICLE);
        doc.source = "article.txt".into();
        doc.title = "Article".into();
        return Ok((doc, inkleaf_cli::BUNDLED_ARTICLE.len()));
    }
    let mut docs = Vec::with_capacity(inputs.len());
    let mut bytes = 0;
    for path in inputs {
        let path = path.as_ref();
        let doc =
            input::read_file_with(path, options).map_err(|e| anyhow!("{}: {e}", path.display()))?;
        for flattened in &doc.unset {
            eprintln!("inkleaf: warning: {}: {flattened}", path.display());
        }
        bytes += std::fs::metadata(path)
            .map(|m| m.len() as usize)
            .unwrap_or(0);
        docs.push(doc);
    }
    // One input keeps its own table of contents (or its headings'); several are chapters.
    let doc = match docs.len() {
        1 => {
            let mut doc = docs.remove(0);
            input::chapters_from_headings(&mut doc);
            doc
        }
        _ => input::join_as_chapters(docs),
    };
    Ok((doc, bytes))
}

/// Reads a blob file; the bytes stay with the caller so the book can borrow them.
pub(crate) fn read_blob(path: &Path) -> anyhow::Result<Vec<u8>> {
    if path.is_dir() {
        bail!("{}: is a directory, not an inkleaf blob", path.display());
    }
    std::fs::read(path).with_context(|| format!("{}: cannot read", path.display()))
}

/// Index bits of the lookup tables coded text is decoded through: a few dozen kilobytes,
/// which a PC has, for about 1.7 times the speed.
const TABLE_BITS: u32 = 10;

/// Opens a blob, naming the file in the error. Coded text decodes through lookup tables kept
/// in `tables`.
pub(crate) fn open<'a>(
    path: &Path,
    bytes: &'a [u8],
    tables: &'a mut Vec<u32>,
) -> anyhow::Result<Book<'a>> {
    let fail = |e: inkleaf::Error| anyhow!("{}: {e}", path.display());
    let mut book = Book::from_bytes(bytes).map_err(fail)?;
    if let Some(words) = book.model().map(|m| m.table_words(TABLE_BITS)) {
        tables.resize(words, 0);
        book.accelerate(tables).map_err(fail)?;
    }
    Ok(book)
}

/// The profile to lay a book out with: the named display, else the one it was built for,
/// else the default display. The font is always the book's own (see `Book::layout_font`).
pub(crate) fn layout_profile(
    book: &Book<'_>,
    display_name: Option<&str>,
) -> anyhow::Result<Profile> {
    if let Some(name) = display_name {
        return Ok(display(name)?.profile);
    }
    if let Some(built) = book.built_for() {
        return Ok(built.profile);
    }
    Ok(display(DEFAULT_DISPLAY)?.profile)
}

/// Which display and text size a command lays a blob out for, as given on its command line.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Choice<'s> {
    /// A display name, else the one the blob was built for.
    pub(crate) display: Option<&'s str>,
    /// A text size in pixels, else the blob's first.
    pub(crate) size: Option<u32>,
}

/// The profile and fonts to lay `book` out with, as `choice` asks.
pub(crate) fn layout_choice<'a>(
    file: &Path,
    book: &Book<'a>,
    choice: Choice<'_>,
) -> anyhow::Result<(Profile, AnyFamily<'a>)> {
    let profile = layout_profile(book, choice.display)?;
    let size = text_size(file, book, choice.size)?;
    let fonts = book
        .layout_font_at(size)
        .map_err(|e| anyhow!("{}: {e}", file.display()))?;
    Ok((profile, fonts))
}

/// The index of `book`'s text size of `px` pixels, or its first when none is asked for.
fn text_size(file: &Path, book: &Book<'_>, px: Option<u32>) -> anyhow::Result<u8> {
    let Some(px) = px else { return Ok(0) };
    let sizes: Vec<u16> = (0..book.size_count())
        .filter_map(|size| book.size_px(size))
        .collect();
    (0u8..)
        .zip(&sizes)
        .find(|(_, &have)| u32::from(have) == px)
        .map(|(size, _)| size)
        .ok_or_else(|| {
            let have: Vec<String> = sizes.iter().map(u16::to_string).collect();
            anyhow!(
                "{}: has no text size of {px} px; its sizes are {} px",
                file.display(),
                have.join(", ")
            )
        })
}

/// The pages (0-based, end excluded) that hold chapter `n` (1-based, in the order `inspect`
/// lists them) with its sections: from the page it starts on to the page before the next
/// chapter of its level or above, or that page too when the chapter's text runs onto it.
pub(crate) fn chapter_pages<F: Family>(
    file: &Path,
    layout: &Layout<'_, F>,
    n: u32,
) -> anyhow::Result<Range<u32>> {
    let book = layout.book();
    let count = book.chapter_count();
    let index = n
        .checked_sub(1)
        .filter(|&i| i < count)
        .ok_or_else(|| match count {
            0 => anyhow!("{}: has no chapters", file.display()),
            _ => anyhow!("{}: no chapter {n}, the book has {count}", file.display()),
        })?;
    let fail = |e: inkleaf::Error| anyhow!("{}: {e}", file.display());
    let chapter = book
        .chapter(index)
        .ok_or_else(|| fail(inkleaf::Error::ChapterOutOfRange(index)))?;
    let first = layout.chapter_page(index).map_err(fail)?;
    let next = book
        .chapters()
        .skip(index as usize + 1)
        .find(|c| c.level <= chapter.level && c.start > chapter.start);
    let end = match next {
        Some(next) => {
            let page = layout.chapter_page(next.index).map_err(fail)?;
            // A chapter that runs on from ours shares its first page with our last.
            let shared = layout.page(page).map_err(fail)?.start < next.start;
            page + u32::from(shared)
        }
        None => layout.page_count(),
    };
    Ok(first..end.max(first + 1))
}
