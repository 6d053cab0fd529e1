//! `inkleaf inspect`: what is inside a blob, and whether it is intact.

use std::fmt::Write;
use std::path::Path;

use anyhow::anyhow;
use inkleaf::{
    font::{AnyFamily, Face},
    format::FontCheck,
    text::BlockKind,
    Book, Layout,
};
use serde::Serialize;

use super::load;

#[derive(Serialize)]
struct InspectJson<'a> {
    file: String,
    format_version: u16,
    bytes: usize,
    crc32: String,
    integrity: &'static str,
    title: &'a str,
    byline: &'a str,
    source: &'a str,
    date: &'a str,
    language: &'a str,
    blocks: u32,
    paragraphs: usize,
    headings: usize,
    text_bytes: usize,
    /// Blocks of each kind: `paragraph`, `heading`, `list item`, `code`, `rule`, `table row`.
    kinds: std::collections::BTreeMap<&'static str, usize>,
    /// Every face the blob packs, size by size.
    faces: Vec<FaceJson>,
    /// The text sizes, in order: the first is the one a reader opens at.
    sizes: Vec<SizeJson>,
    /// `coded` (with a text model) or `plain` (UTF-8).
    text_storage: &'static str,
    /// The text model of coded text: `trained` (stored in the blob, `parts.model` bytes) or
    /// `builtin-english` (the engine's own; the blob stores one byte for it).
    text_model: Option<&'static str>,
    parts: Parts,
    /// The table of contents, in order; empty for a text without chapters.
    chapters: Vec<ChapterJson>,
    built_for: Option<BuiltForJson>,
    /// The displays the page indexes were baked for, width and height, in order.
    displays: Vec<(u16, u16)>,
    /// Every baked page index, the first being `built_for`.
    page_indexes: Vec<BuiltForJson>,
    pages: Option<u32>,
}

/// Bytes of each part; they add up to the blob's size.
#[derive(Serialize)]
struct Parts {
    header: usize,
    metadata: usize,
    chapters: usize,
    page_index: usize,
    line_breaks: usize,
    fonts: usize,
    model: usize,
    text: usize,
    hyphens: usize,
    runs: usize,
}

/// One entry of the table of contents.
#[derive(Serialize)]
struct ChapterJson {
    title: String,
    level: u8,
    /// Index of its first block.
    block: u32,
    new_page: bool,
    /// Empty: the book's.
    language: String,
    /// The 1-based page it starts on, on each baked display in `page_indexes` order.
    pages: Vec<u32>,
}

/// One packed face.
#[derive(Serialize)]
struct FaceJson {
    face: &'static str,
    px: u16,
    bits: u8,
    glyphs: usize,
    kerning_pairs: usize,
    bytes: usize,
}

/// One text size: its pixel size, the bytes of its packed faces and its page counts.
#[derive(Serialize)]
struct SizeJson {
    px: u16,
    /// Bytes of its packed font sections; 0 in a built-in font.
    font_bytes: usize,
    /// Pages on each display (`page_indexes` order of their profiles), laid out now.
    pages: Vec<u32>,
}

#[derive(Serialize, Clone)]
struct BuiltForJson {
    width: u16,
    height: u16,
    font: String,
    /// The text size the index was baked at.
    size_px: u16,
    pages: u32,
    /// Pages when laid out again now; differs from `pages` only if the index is stale.
    pages_now: u32,
    /// Bytes of the index's baked line breaks (offsets and codes); 0 if none were baked.
    line_breaks: usize,
}

pub(super) fn run(file: &Path, json: bool, out: &mut String) -> anyhow::Result<()> {
    let bytes = load::read_blob(file)?;
    let mut tables = Vec::new();
    let book = load::open(file, &bytes, &mut tables)?;
    let report = report(file, &bytes, &book)?;
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&report)?)?;
        return Ok(());
    }
    let r = &report;
    writeln!(
        out,
        "{}: inkleaf blob, format version {}, {} bytes",
        r.file, r.format_version, r.bytes
    )?;
    writeln!(out, "integrity: {} (CRC-32 {})", r.integrity, r.crc32)?;
    for (name, value) in [
        ("title", r.title),
        ("byline", r.byline),
        ("source", r.source),
        ("date", r.date),
        ("language", r.language),
    ] {
        if !value.is_empty() {
            writeln!(out, "{name:<9} {value}")?;
        }
    }
    writeln!(
        out,
        "blocks:   {} ({} paragraphs, {} headings), {} bytes of text",
        r.blocks, r.paragraphs, r.headings, r.text_bytes
    )?;
    let kinds: Vec<String> = r.kinds.iter().map(|(k, n)| format!("{n} {k}")).collect();
    writeln!(out, "kinds:    {}", kinds.join(", "))?;
    let p = &r.parts;
    writeln!(
        out,
        "parts:    header {} + metadata {} + chapters {} + page index {} + line breaks {} + fonts {} + model {} + text {} + hyphens {} + style runs {} bytes",
        p.header, p.metadata, p.chapters, p.page_index, p.line_breaks, p.fonts, p.model, p.text, p.hyphens, p.runs
    )?;
    for c in &r.chapters {
        let indent = usize::from(c.level.saturating_sub(1)) * 2;
        let page = if c.new_page { ", new page" } else { "" };
        let lang = if c.language.is_empty() {
            String::new()
        } else {
            format!(", {}", c.language)
        };
        let on: Vec<String> = c
            .pages
            .iter()
            .zip(&r.page_indexes)
            .map(|(page, b)| format!("p. {page} at {}x{}", b.width, b.height))
            .collect();
        let on = if on.is_empty() {
            String::new()
        } else {
            format!(", {}", on.join(", "))
        };
        writeln!(
            out,
            "chapter:  {:indent$}{} (block {}{page}{lang}{on})",
            "", c.title, c.block
        )?;
    }
    for f in &r.faces {
        writeln!(
            out,
            "face:     {:<12} {} px, {} bit, {} glyphs, {} kerning pairs, {} bytes",
            f.face, f.px, f.bits, f.glyphs, f.kerning_pairs, f.bytes
        )?;
    }
    match r.text_model {
        Some("builtin-english") => writeln!(
            out,
            "text:     {}, with the engine's built-in English model ({} bytes of firmware, not in the blob)",
            r.text_storage,
            inkleaf::codec::builtin_model().map_or(0, <[u8]>::len)
        )?,
        Some(model) => writeln!(out, "text:     {}, with a {model} model", r.text_storage)?,
        None => writeln!(out, "text:     {}", r.text_storage)?,
    }
    if r.page_indexes.is_empty() {
        writeln!(out, "built for no particular display")?;
    }
    for b in &r.page_indexes {
        writeln!(
            out,
            "built for {}x{}, font {}: {} pages, {}",
            b.width,
            b.height,
            b.font,
            b.pages,
            match b.line_breaks {
                0 => "lines broken as pages open".to_owned(),
                n => format!("line breaks baked ({n} bytes)"),
            }
        )?;
    }
    for size in &r.sizes {
        let pages: Vec<String> = size
            .pages
            .iter()
            .zip(&r.displays)
            .map(|(pages, (w, h))| format!("{pages} pages at {w}x{h}"))
            .collect();
        writeln!(
            out,
            "size:     {} px, {} bytes of fonts{}{}",
            size.px,
            size.font_bytes,
            if pages.is_empty() { "" } else { ": " },
            pages.join(", ")
        )?;
    }
    Ok(())
}

fn report<'a>(file: &Path, bytes: &[u8], book: &Book<'a>) -> anyhow::Result<InspectJson<'a>> {
    let meta = *book.meta();
    let blocks: Vec<_> = book.blocks().collect();
    let headings = blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Heading(_)))
        .count();
    let sizes = book.part_sizes();
    let fail = |e: inkleaf::Error| anyhow!("{}: {e}", file.display());
    let fonts = (0..book.size_count())
        .map(|size| book.layout_font_at(size))
        .collect::<Result<Vec<_>, _>>()
        .map_err(fail)?;
    let mut faces = Vec::new();
    let mut size_list = Vec::new();
    for size in 0..book.size_count() {
        for (face, section) in book.face_sections_at(size) {
            let packed = inkleaf::font::PackedFont::from_bytes(section).map_err(fail)?;
            faces.push(FaceJson {
                face: face_name(face),
                px: packed.px(),
                bits: packed.bits_per_pixel(),
                glyphs: packed.glyph_count(),
                kerning_pairs: packed.kerning_pairs(),
                bytes: section.len(),
            });
        }
        let pages = (0..book.display_count())
            .map(|display| Ok(book.layout_for(display, size)?.pages().count() as u32))
            .collect::<Result<Vec<_>, inkleaf::Error>>()
            .map_err(fail)?;
        size_list.push(SizeJson {
            px: book.size_px(size).unwrap_or(0),
            font_bytes: book.face_sections_at(size).map(|(_, s)| s.len()).sum(),
            pages,
        });
    }
    let mut kinds = std::collections::BTreeMap::new();
    for block in &blocks {
        *kinds.entry(kind_name(block.kind)).or_insert(0) += 1;
    }
    let mut indexes = Vec::new();
    // Per chapter, the page it starts on at each baked display.
    let mut chapter_pages = vec![Vec::new(); book.chapter_count() as usize];
    for index in book.page_indexes() {
        let b = index.built_for();
        // The size whose fonts the index was baked in; the first if none (a stale index).
        let size = (0u8..)
            .zip(&fonts)
            .find(|(_, f)| FontCheck::of(*f) == index.font_check())
            .map_or(0, |(size, _)| size);
        let font = *fonts
            .get(usize::from(size))
            .ok_or_else(|| fail(inkleaf::Error::SizeOutOfRange(size)))?;
        let regular = match font {
            AnyFamily::Packed(family) => family.packed(Face::Regular).copied(),
            AnyFamily::Mono(_) => None,
        };
        let font_name = regular.map(|packed| {
            format!(
                "packed, {} px, {} bit, {} glyphs, {} kerning pairs",
                packed.px(),
                packed.bits_per_pixel(),
                packed.glyph_count(),
                packed.kerning_pairs()
            )
        });
        let layout = Layout::new(book, b.profile, font).map_err(fail)?;
        for (n, pages) in (0..).zip(&mut chapter_pages) {
            pages.push(layout.chapter_page(n).map_err(fail)? + 1);
        }
        // Recount rather than trust the recorded number, so a stale index shows up here.
        let pages_now = layout.pages().count() as u32;
        indexes.push(BuiltForJson {
            width: b.profile.width,
            height: b.profile.height,
            font: font_name
                .clone()
                .unwrap_or_else(|| b.font.name().to_owned()),
            size_px: book.size_px(size).unwrap_or(0),
            pages: b.pages,
            pages_now,
            line_breaks: index.line_breaks_len(),
        });
    }
    let stale = indexes.iter().any(|b| b.pages != b.pages_now);
    let integrity = if stale {
        "checksum ok, but a recorded page index is stale"
    } else {
        "ok"
    };
    Ok(InspectJson {
        file: file.display().to_string(),
        format_version: book.header().version,
        bytes: bytes.len(),
        crc32: format!("{:08x}", book.header().crc),
        integrity,
        title: meta.title,
        byline: meta.byline,
        source: meta.source,
        date: meta.date,
        language: meta.language,
        blocks: book.block_count(),
        paragraphs: blocks.len() - headings,
        headings,
        text_bytes: blocks.iter().map(|b| b.text.len()).sum(),
        kinds,
        faces,
        text_storage: if book.model().is_some() {
            "coded"
        } else {
            "plain"
        },
        text_model: book.model().map(|m| {
            if m.is_builtin() {
                "builtin-english"
            } else {
                "trained"
            }
        }),
        parts: Parts {
            header: sizes.header,
            metadata: sizes.metadata,
            chapters: sizes.chapters,
            page_index: sizes.page_index,
            line_breaks: sizes.line_breaks,
            fonts: sizes.font,
            model: sizes.model,
            text: sizes.text,
            hyphens: sizes.hyphens,
            runs: sizes.runs,
        },
        chapters: book
            .chapters()
            .zip(chapter_pages)
            .map(|(c, pages)| ChapterJson {
                title: c.title.into(),
                level: c.level,
                block: c.start.block,
                new_page: c.new_page,
                language: c.language.into(),
                pages,
            })
            .collect(),
        built_for: indexes.first().cloned(),
        displays: (0..book.display_count())
            .filter_map(|display| book.display(display))
            .map(|p| (p.width, p.height))
            .collect(),
        sizes: size_list,
        pages: indexes.first().map(|b| b.pages_now),
        page_indexes: indexes,
    })
}

fn kind_name(kind: BlockKind) -> &'static str {
    match kind {
        BlockKind::Heading(_) => "heading",
        BlockKind::ListItem { .. } => "list item",
        BlockKind::Code => "code",
        BlockKind::Rule => "rule",
        BlockKind::TableRow { .. } => "table row",
        _ => "paragraph",
    }
}

/// The face's name, as `inkleaf pages --json` gives it.
pub(super) fn face_name(face: Face) -> &'static str {
    match face {
        Face::Regular => "regular",
        Face::Bold => "bold",
        Face::Italic => "italic",
        Face::BoldItalic => "bold italic",
        Face::Mono => "mono",
        Face::Heading1 => "heading 1",
        Face::Heading2 => "heading 2",
    }
}
