//! `inkleaf pages`: a blob's layout as text or JSON.

use std::fmt::Write;
use std::path::Path;

use anyhow::anyhow;
use inkleaf::font::{AnyFamily, Face};
use inkleaf::{layout::LineEnd, Layout};
use serde::Serialize;

use super::load;

#[derive(Serialize)]
struct PagesJson {
    width: u16,
    height: u16,
    font: String,
    text_width: u32,
    pages: Vec<PageJson>,
}

#[derive(Serialize)]
struct PageJson {
    number: u32,
    start: [u32; 2],
    end: [u32; 2],
    lines: Vec<LineJson>,
}

#[derive(Serialize)]
struct LineJson {
    text: String,
    block: u32,
    hyphen: bool,
    ends_paragraph: bool,
    heading: bool,
    /// Width as drawn: the full measure for a justified line.
    width: u32,
    /// Width with normal word gaps, a drawn hyphen included.
    natural_width: u32,
    available: u32,
    /// Normal word gap of the font.
    space: u32,
    /// Every word gap as drawn, left to right.
    gaps: Vec<u32>,
}

pub(super) fn run(
    file: &Path,
    json: bool,
    display: Option<&str>,
    out: &mut String,
) -> anyhow::Result<()> {
    let bytes = load::read_blob(file)?;
    let mut tables = Vec::new();
    let book = load::open(file, &bytes, &mut tables)?;
    let profile = load::layout_profile(&book, display)?;
    let font = book
        .layout_font()
        .map_err(|e| anyhow!("{}: {e}", file.display()))?;
    let layout =
        Layout::new(&book, profile, font).map_err(|e| anyhow!("{}: {e}", file.display()))?;
    let mut pages = Vec::new();
    for page in layout.pages() {
        let lines = page
            .lines()
            .map_err(|e| anyhow!("{}: {e}", file.display()))?;
        let lines = lines
            .map(|line| LineJson {
                text: layout.line_text(&line),
                block: line.block,
                hyphen: line.end_kind == LineEnd::Split,
                ends_paragraph: line.end_kind == LineEnd::BlockEnd,
                heading: line.kind.is_heading(),
                width: layout.drawn_width(&line),
                natural_width: line.width,
                available: line.measure,
                space: layout.space(&line),
                gaps: (1..=line.gaps)
                    .map(|gap| layout.gap_width(&line, gap))
                    .collect(),
            })
            .collect();
        pages.push(PageJson {
            number: page.index + 1,
            start: [page.start.block, page.start.offset],
            end: [page.end.block, page.end.offset],
            lines,
        });
    }
    if json {
        let doc = PagesJson {
            width: profile.width,
            height: profile.height,
            font: match font {
                AnyFamily::Mono(mono) => mono.name.to_owned(),
                AnyFamily::Packed(packed) => {
                    let regular = packed.packed(Face::Regular);
                    regular.map_or_else(String::new, |regular| {
                        format!(
                            "packed, {} px, {} bit",
                            regular.px(),
                            regular.bits_per_pixel()
                        )
                    })
                }
            },
            text_width: layout.text_width(),
            pages,
        };
        writeln!(out, "{}", serde_json::to_string_pretty(&doc)?)?;
        return Ok(());
    }
    for page in &pages {
        writeln!(out, "--- page {} / {} ---", page.number, pages.len())?;
        for line in &page.lines {
            writeln!(out, "{}{}", line.text, if line.hyphen { "-" } else { "" })?;
        }
    }
    Ok(())
}
