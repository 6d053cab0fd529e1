//! Turning arguments into profiles, documents and opened blobs, with errors that name the file.

use std::path::Path;

use anyhow::{anyhow, bail, Context};
use inkleaf::{font::FontId, Book, Profile};
use inkleaf_cli::build::{build_with, Options, TextStorage};
use inkleaf_cli::displays::{self, Display, Typeface};
use inkleaf_cli::fonts;
use inkleaf_cli::input::{self, Document};

use super::Look;

pub(crate) use inkleaf_cli::displays::DEFAULT_DISPLAY;

/// The display named on the command line.
pub(crate) fn display(name: &str) -> anyhow::Result<Display> {
    displays::find(name).ok_or_else(|| {
        anyhow!("unknown display '{name}': use a preset from `inkleaf displays` or WIDTHxHEIGHT such as 640x384")
    })
}

/// The font a blob is built with.
pub(crate) enum FontChoice {
    /// A built-in mono font.
    Builtin(FontId),
    /// A TrueType/OpenType face, rasterized and packed into the blob.
    TrueType {
        /// What to call it in messages.
        label: String,
        bytes: std::borrow::Cow<'static, [u8]>,
        px: u32,
        bits: u8,
    },
}

/// The font `look` asks for on `display`.
pub(crate) fn font(look: &Look, display: &Display) -> anyhow::Result<FontChoice> {
    let px = |default: u32| look.size.unwrap_or(default);
    let (name, default_px) = match (&look.font, display.typeface) {
        (Some(name), Typeface::Bundled { px, .. }) => (name.clone(), px),
        (Some(name), Typeface::Builtin) => (name.clone(), 14),
        (None, Typeface::Bundled { name, px }) => (name.to_owned(), px),
        (None, Typeface::Builtin) => return Ok(FontChoice::Builtin(display.font)),
    };
    if name.starts_with("builtin:") {
        let id = displays::font_by_name(&name).ok_or_else(|| {
            anyhow!("unknown font '{name}': the built-in fonts are builtin:6x10, builtin:8x13 and builtin:10x20")
        })?;
        return Ok(FontChoice::Builtin(id));
    }
    let bytes = match fonts::bundled_font(&name) {
        Some(bytes) => std::borrow::Cow::Borrowed(bytes),
        None => {
            let path = Path::new(&name);
            if path.is_dir() {
                bail!("{name}: is a directory, not a font file");
            }
            let bytes = std::fs::read(path).with_context(|| {
                format!(
                    "{name}: cannot read (not a bundled font either: {})",
                    fonts::BUNDLED_FONTS.join(", ")
                )
            })?;
            std::borrow::Cow::Owned(bytes)
        }
    };
    Ok(FontChoice::TrueType {
        label: name,
        bytes,
        px: px(default_px),
        bits: look.bits,
    })
}

/// Profile and font for a display, with the overrides from `look`.
pub(crate) fn profile(look: &Look) -> anyhow::Result<(Display, Profile, FontChoice)> {
    let first = look.display.first().map_or(DEFAULT_DISPLAY, String::as_str);
    let display = display(first)?;
    let profile = adjusted(look, display.profile);
    let font = font(look, &display)?;
    Ok((display, profile, font))
}

/// The profiles of the displays after the first, for their page indexes.
fn more_profiles(look: &Look) -> anyhow::Result<Vec<Profile>> {
    look.display
        .iter()
        .skip(1)
        .map(|name| Ok(adjusted(look, display(name)?.profile)))
        .collect()
}

/// `profile` with the margin and alignment asked for.
fn adjusted(look: &Look, mut profile: Profile) -> Profile {
    if let Some(margin) = look.margin {
        profile.margins = inkleaf::layout::Margins::all(margin);
    }
    if let Some(align) = look.align {
        profile.align = align.into();
    }
    profile
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

/// A blob built for the command line, with what to say about its font.
pub(crate) struct CliBuilt {
    pub(crate) built: inkleaf_cli::build::Built,
    /// "font 6x10" or "DejaVu Sans 14 px, 1 bit, 1,769 bytes".
    pub(crate) font: String,
}

/// Build choices beyond the display and font.
#[derive(Clone, Copy, Debug)]
pub(crate) struct How<'p> {
    pub(crate) hyphenate: bool,
    pub(crate) text: TextStorage,
    pub(crate) also_for: &'p [Profile],
}

/// Builds `doc` for `profile` in `font` as `look` asks (hyphenation, text storage, page
/// indexes for every further `--display`), warning on stderr about characters the font lacks.
pub(crate) fn build(
    doc: &Document,
    look: &Look,
    profile: Profile,
    font: &FontChoice,
    fallback: FontId,
    out_name: &Path,
) -> anyhow::Result<CliBuilt> {
    let also_for = more_profiles(look)?;
    let how = look.how(&also_for);
    let fail = |e: inkleaf::Error| anyhow!("{}: {e}", out_name.display());
    let (label, bytes, px, bits) = match font {
        FontChoice::Builtin(id) => {
            let options = Options {
                font: *id,
                packed: None,
                hyphenate: how.hyphenate,
                text: how.text,
                also_for: how.also_for,
            };
            let built = build_with(doc, profile, &options).map_err(fail)?;
            return Ok(CliBuilt {
                built,
                font: format!("font {}", id.name()),
            });
        }
        FontChoice::TrueType {
            label,
            bytes,
            px,
            bits,
        } => (label, bytes, px, bits),
    };
    let chars = doc.blocks.iter().flat_map(|(_, text)| text.chars());
    let (section, missing) =
        fonts::pack_font(bytes, *px, chars, *bits).map_err(|e| anyhow!("{label}: {e}"))?;
    if !missing.is_empty() {
        let list: String = missing
            .iter()
            .take(20)
            .map(|c| format!(" {c} (U+{:04X})", u32::from(*c)))
            .collect();
        eprintln!(
            "inkleaf: warning: {label} has no glyph for {} character(s):{list}; they are drawn as their ASCII stand-ins, or '?'",
            missing.len()
        );
    }
    let options = Options {
        font: fallback,
        packed: Some(&section),
        hyphenate: how.hyphenate,
        text: how.text,
        also_for: how.also_for,
    };
    let built = build_with(doc, profile, &options).map_err(fail)?;
    Ok(CliBuilt {
        built,
        font: format!("{label} {px} px, {bits} bit, {} bytes", section.len()),
    })
}
