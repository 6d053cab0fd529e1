//! Turning arguments into profiles, documents and opened blobs, with errors that name the file.

use std::path::Path;

use anyhow::{anyhow, bail, Context};
use inkleaf::{Book, FontId, Profile};
use inkleaf_cli::displays::{self, Display};
use inkleaf_cli::input::{self, Document};

use super::Look;

pub(crate) use inkleaf_cli::displays::DEFAULT_DISPLAY;

/// The display named on the command line.
pub(crate) fn display(name: &str) -> anyhow::Result<Display> {
    displays::find(name).ok_or_else(|| {
        anyhow!("unknown display '{name}': use a preset from `inkleaf displays` or WIDTHxHEIGHT such as 640x384")
    })
}

/// Profile and font for a display, with the overrides from `look`.
pub(crate) fn profile(look: &Look) -> anyhow::Result<(Display, Profile, FontId)> {
    let display = display(&look.display)?;
    let mut profile = display.profile;
    if let Some(margin) = look.margin {
        profile.margins = inkleaf::Margins::all(margin);
    }
    if let Some(align) = look.align {
        profile.align = align.into();
    }
    let font = match &look.font {
        Some(name) => displays::font_by_name(name).ok_or_else(|| {
            anyhow!("unknown font '{name}': use builtin:6x10, builtin:8x13 or builtin:10x20")
        })?,
        None => display.font,
    };
    Ok((display, profile, font))
}

/// Reads and parses every input, or the bundled article when there is none.
pub(crate) fn documents(inputs: &[impl AsRef<Path>]) -> anyhow::Result<(Document, usize)> {
    if inputs.is_empty() {
        let mut doc = input::parse_text(inkleaf_cli::BUNDLED_ARTICLE);
        doc.source = "article.txt".into();
        doc.title = "Article".into();
        return Ok((doc, inkleaf_cli::BUNDLED_ARTICLE.len()));
    }
    let mut merged: Option<Document> = None;
    let mut bytes = 0;
    for path in inputs {
        let path = path.as_ref();
        let doc = input::read_file(path).map_err(|e| anyhow!("{}: {e}", path.display()))?;
        bytes += std::fs::metadata(path)
            .map(|m| m.len() as usize)
            .unwrap_or(0);
        match &mut merged {
            None => merged = Some(doc),
            Some(first) => first.blocks.extend(doc.blocks),
        }
    }
    Ok((merged.unwrap_or_default(), bytes))
}

/// Reads a blob file; the bytes stay with the caller so the book can borrow them.
pub(crate) fn read_blob(path: &Path) -> anyhow::Result<Vec<u8>> {
    if path.is_dir() {
        bail!("{}: is a directory, not an inkleaf blob", path.display());
    }
    std::fs::read(path).with_context(|| format!("{}: cannot read", path.display()))
}

/// Opens a blob, naming the file in the error.
pub(crate) fn open<'a>(path: &Path, bytes: &'a [u8]) -> anyhow::Result<Book<'a>> {
    Book::from_bytes(bytes).map_err(|e| anyhow!("{}: {e}", path.display()))
}

/// The profile to lay a book out with: the named display, else the one it was built for,
/// else the default display.
pub(crate) fn layout_profile(
    book: &Book<'_>,
    display_name: Option<&str>,
) -> anyhow::Result<(Profile, FontId)> {
    if let Some(name) = display_name {
        let d = display(name)?;
        return Ok((d.profile, d.font));
    }
    if let Some(built) = book.built_for() {
        return Ok((built.profile, built.font));
    }
    let d = display(DEFAULT_DISPLAY)?;
    Ok((d.profile, d.font))
}
