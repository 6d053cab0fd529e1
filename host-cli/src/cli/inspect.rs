//! `inkleaf inspect`: what is inside a blob, and whether it is intact.

use std::fmt::Write;
use std::path::Path;

use anyhow::anyhow;
use inkleaf::{BlockKind, Book, Layout};
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
    parts: Parts,
    built_for: Option<BuiltForJson>,
    pages: Option<u32>,
}

#[derive(Serialize)]
struct Parts {
    header: usize,
    metadata: usize,
    profile: usize,
    fonts: usize,
    text: usize,
}

#[derive(Serialize)]
struct BuiltForJson {
    width: u16,
    height: u16,
    font: String,
    pages: u32,
}

pub(super) fn run(file: &Path, json: bool, out: &mut String) -> anyhow::Result<()> {
    let bytes = load::read_blob(file)?;
    let book = load::open(file, &bytes)?;
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
    let p = &r.parts;
    writeln!(
        out,
        "parts:    header {} + metadata {} + profile {} + fonts {} + text {} bytes",
        p.header, p.metadata, p.profile, p.fonts, p.text
    )?;
    match &r.built_for {
        Some(b) => writeln!(
            out,
            "built for {}x{}, font {}: {} pages",
            b.width, b.height, b.font, b.pages
        )?,
        None => writeln!(out, "built for no particular display")?,
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
    let built_for = book.built_for().copied();
    // Recount rather than trust the recorded number, so a stale count shows up here.
    let font = book
        .layout_font()
        .map_err(|e| anyhow!("{}: {e}", file.display()))?;
    let pages = built_for
        .map(|b| Layout::new(*book, b.profile, &font).map(|l| l.page_count()))
        .transpose()
        .map_err(|e| anyhow!("{}: {e}", file.display()))?;
    let integrity = match (built_for, pages) {
        (Some(b), Some(p)) if b.pages != p => "checksum ok, but the recorded page count is stale",
        _ => "ok",
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
        parts: Parts {
            header: sizes.header,
            metadata: sizes.metadata,
            profile: sizes.built_for,
            fonts: sizes.font,
            text: sizes.blocks,
        },
        built_for: built_for.map(|b| BuiltForJson {
            width: b.profile.width,
            height: b.profile.height,
            font: match book.font().and_then(Result::ok) {
                Some(packed) => format!(
                    "packed, {} px, {} bit, {} glyphs, {} kerning pairs",
                    packed.px(),
                    packed.bits_per_pixel(),
                    packed.glyph_count(),
                    packed.kerning_pairs()
                ),
                None => b.font.name().to_owned(),
            },
            pages: b.pages,
        }),
        pages,
    })
}
