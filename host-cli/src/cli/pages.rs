//! `inkleaf pages`: a blob's layout as text or JSON.

use std::fmt::Write;
use std::path::Path;

use anyhow::anyhow;
use inkleaf::font::{AnyFamily, Face, Family};
use inkleaf::layout::{Line, LineEnd};
use inkleaf::text::{BlockKind, Marker, Nesting, Style};
use inkleaf::Layout;
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

/// A stretch of a line set in one face and style.
#[derive(Serialize, PartialEq, Debug)]
struct RunJson {
    text: String,
    /// "regular", "bold", "italic", "bold italic", "mono", "heading 1", "heading 2".
    face: &'static str,
    /// Styles beyond the face: "link", "strike".
    #[serde(skip_serializing_if = "Vec::is_empty")]
    style: Vec<&'static str>,
    /// Pixels from the line's start.
    x: u32,
}

#[derive(Serialize)]
struct LineJson {
    text: String,
    block: u32,
    hyphen: bool,
    ends_paragraph: bool,
    heading: bool,
    /// What the line's block is: "paragraph", "heading 2", "list item", "code", "rule",
    /// "table row", "table header".
    kind: String,
    /// A list item's marker as drawn before its first line.
    #[serde(skip_serializing_if = "Option::is_none")]
    marker: Option<String>,
    /// The quotes and lists the block sits in, outermost first.
    nesting: Vec<&'static str>,
    /// Pixels from the text area's left edge to the line's first character.
    left: u32,
    /// The line's text cut where its face or style changes, each with its x offset.
    runs: Vec<RunJson>,
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
    chapter: Option<u32>,
    choice: load::Choice<'_>,
    out: &mut String,
) -> anyhow::Result<()> {
    let bytes = load::read_blob(file)?;
    let mut tables = Vec::new();
    let book = load::open(file, &bytes, &mut tables)?;
    let (profile, font) = load::layout_choice(file, &book, choice)?;
    let layout =
        Layout::new(&book, profile, font).map_err(|e| anyhow!("{}: {e}", file.display()))?;
    let wanted = match chapter {
        Some(n) => load::chapter_pages(file, &layout, n)?,
        None => 0..u32::MAX,
    };
    let mut pages = Vec::new();
    for page in layout.pages().filter(|p| wanted.contains(&p.index)) {
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
                kind: kind_name(line.kind),
                marker: marker(&line),
                nesting: nesting(line.nesting),
                left: line.left,
                runs: runs(&layout, &line),
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
    let total = layout.page_count();
    for page in &pages {
        writeln!(out, "--- page {} / {total} ---", page.number)?;
        for line in &page.lines {
            let mut prefix: String = line
                .nesting
                .iter()
                .map(|&level| if level == "quote" { "> " } else { "  " })
                .collect();
            if let Some(marker) = &line.marker {
                // The marker hangs in the innermost list's indent.
                prefix.truncate(prefix.len().saturating_sub(2));
                prefix.push_str(&format!("{marker} "));
            }
            let text = if line.kind == "rule" {
                "* * *"
            } else {
                &line.text
            };
            writeln!(out, "{prefix}{text}{}", if line.hyphen { "-" } else { "" })?;
        }
    }
    Ok(())
}

fn kind_name(kind: BlockKind) -> String {
    match kind {
        BlockKind::Heading(level) => format!("heading {level}"),
        BlockKind::ListItem { .. } => "list item".into(),
        BlockKind::Code => "code".into(),
        BlockKind::Rule => "rule".into(),
        BlockKind::TableRow { header: true } => "table header".into(),
        BlockKind::TableRow { header: false } => "table row".into(),
        _ => "paragraph".into(),
    }
}

fn marker(line: &Line) -> Option<String> {
    let BlockKind::ListItem { marker, .. } = line.kind else {
        return None;
    };
    if !line.first_in_block {
        return None;
    }
    Some(match marker {
        Marker::Bullet(_) if line.nesting.lists() % 2 == 0 => "\u{2013}".into(),
        Marker::Bullet(_) => "\u{2022}".into(),
        Marker::Number { value, delimiter } => format!("{value}{}", char::from(delimiter)),
        Marker::Task(done) => if done { "[x]" } else { "[ ]" }.into(),
    })
}

fn nesting(nesting: Nesting) -> Vec<&'static str> {
    (0..nesting.depth())
        .map(|level| {
            if nesting.is_quote(level) {
                "quote"
            } else {
                "list"
            }
        })
        .collect()
}

/// The line's glyphs grouped into runs of one face and style; a word gap inside a run reads
/// as one space.
fn runs<F: Family>(layout: &Layout<'_, F>, line: &Line) -> Vec<RunJson> {
    let mut runs: Vec<(RunJson, Face, Style)> = Vec::new();
    // The line's characters: the spaces between two glyphs are a word gap.
    let mut chars = layout.line_chars(line).peekable();
    layout.for_each_styled_glyph(line, |x, c, face, style| {
        let mut gap = false;
        while let Some(&next) = chars.peek() {
            chars.next();
            if next == c {
                break;
            }
            gap |= next == ' ';
        }
        match runs.last_mut() {
            Some((run, f, s)) if *f == face && *s == style => {
                if gap {
                    run.text.push(' ');
                }
                run.text.push(c);
            }
            _ => {
                let mut names = Vec::new();
                if style.has(Style::LINK) {
                    names.push("link");
                }
                if style.has(Style::STRIKE) {
                    names.push("strike");
                }
                let run = RunJson {
                    text: c.to_string(),
                    face: super::inspect::face_name(face),
                    style: names,
                    x,
                };
                runs.push((run, face, style));
            }
        }
    });
    runs.into_iter().map(|(run, _, _)| run).collect()
}
