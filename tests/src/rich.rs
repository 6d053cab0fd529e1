//! Rich documents built as `inkleaf build` builds them for a display, and their text read
//! back out of the layout: line by line, page by page, each character with the style its
//! block's runs give it at that offset and the face that sets it.

use inkleaf::build::FaceSection;
use inkleaf::font::{Face, Family};
use inkleaf::layout::Line;
use inkleaf::text::{Block, BlockKind, Run, Style};
use inkleaf::{Book, Layout};
use inkleaf_cli::build::{build_with, Built, Face as Typeface, Options, Settings, TextStorage};
use inkleaf_cli::displays::{self, Typeface as DisplayTypeface};
use inkleaf_cli::fonts::{chars_to_pack, Family as FontFamily, ParsedFamily};
use inkleaf_cli::input::Document;

/// The settings `inkleaf build --display <display> --bits <bits> --text <text>` resolves
/// to with no other option: the display's profile, its bundled family at its size.
pub fn settings(display: &str, bits: u8, text: TextStorage) -> Settings {
    let family = display_family(display, bits);
    let display = displays::find(display).unwrap_or_else(|| panic!("no display {display}"));
    Settings {
        display: display.name,
        profile: display.profile,
        also_for: Vec::new(),
        also_sizes: Vec::new(),
        bake_all_lines: false,
        face: Typeface::TrueType {
            family: Box::new(family),
            fallback: display.font,
        },
        hyphenate: true,
        text,
    }
}

/// `doc` built as `inkleaf build` does by default for `display`: its family packed at 1
/// bit per pixel, the text coded.
pub fn build_default(doc: &Document, display: &str) -> Result<Built, String> {
    settings(display, 1, TextStorage::Coded)
        .build(doc)
        .map_err(|e| e.to_string())
}

/// One character of a layout as it is set.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct SetChar {
    /// Its style: the block's runs at its offset, [`Style::MONO`] added in a code block.
    pub style: Style,
    /// The face that sets it.
    pub face: Face,
    /// The page it is on.
    pub page: u32,
}

/// The text of every line of a layout, page by page, whitespace collapsed to single spaces
/// (none at the ends), with what sets each of its bytes. Lines of one block that meet (a
/// word split or broken after a hyphen) join without a space; any other two are apart.
#[derive(Clone, Debug, Default)]
pub struct LaidOut {
    pub text: String,
    /// One for each byte of `text`; a space between lines is plain.
    pub chars: Vec<SetChar>,
    /// Lines read.
    pub lines: usize,
    /// Pages read.
    pub pages: u32,
}

impl LaidOut {
    /// The style of each byte.
    pub fn styles(&self) -> Vec<Style> {
        self.chars.iter().map(|c| c.style).collect()
    }
}

/// Reads every line of every page of `layout` through [`inkleaf::Layout::pages`] and
/// [`inkleaf::Page::lines`].
pub fn laid_out<F: Family>(layout: &Layout<'_, F>) -> LaidOut {
    let book = layout.book();
    let mut out = LaidOut::default();
    let mut before: Option<Line> = None;
    let mut styles: (u32, Vec<Style>) = (u32::MAX, Vec::new());
    let space = SetChar {
        style: Style::PLAIN,
        face: Face::Regular,
        page: 0,
    };
    for page in layout.pages() {
        out.pages += 1;
        for line in page.lines().expect("a page of this layout opens") {
            out.lines += 1;
            let block = book.block(line.block).expect("a line's block exists");
            if styles.0 != line.block {
                styles = (line.block, byte_styles(&block));
            }
            let meets = before.is_some_and(|b| b.block == line.block && b.end == line.start);
            if !meets {
                push_space(&mut out, space);
            }
            let extra = match block.kind {
                BlockKind::Code => Style::MONO,
                _ => Style::PLAIN,
            };
            let chars = block
                .text
                .chars_between(line.start as usize, line.end as usize);
            for (at, c) in chars {
                if c.is_whitespace() {
                    push_space(&mut out, space);
                    continue;
                }
                let style = styles.1[at];
                let set = SetChar {
                    style: style.with(extra),
                    face: Face::of(line.kind, style),
                    page: page.index,
                };
                out.text.push(c);
                out.chars.extend(std::iter::repeat_n(set, c.len_utf8()));
            }
            before = Some(line);
        }
    }
    if out.text.ends_with(' ') {
        out.text.pop();
        out.chars.pop();
    }
    out
}

fn push_space(out: &mut LaidOut, space: SetChar) {
    if !out.text.is_empty() && !out.text.ends_with(' ') {
        out.text.push(' ');
        out.chars.push(space);
    }
}

/// The style of every byte of `block`'s text, as its runs say.
pub fn byte_styles(block: &Block<'_>) -> Vec<Style> {
    let mut styles = Vec::with_capacity(block.text.len());
    for run in block.runs {
        styles.extend(std::iter::repeat_n(run.style, run.len as usize));
    }
    styles.resize(block.text.len(), Style::PLAIN);
    styles
}

/// `doc` built for `display` as [`Settings::build`] builds it, with `family` parsed once
/// for many documents: the faces the text uses packed with [`ParsedFamily::pack`] and the
/// blob packed with [`build_with`], its text stored as `text`.
pub fn build_parsed(
    family: &ParsedFamily<'_>,
    doc: &Document,
    display: &str,
    text: TextStorage,
) -> Result<Built, String> {
    let display = displays::find(display).unwrap_or_else(|| panic!("no display {display}"));
    let packed = family
        .pack(&chars_to_pack(doc))
        .map_err(|e| e.to_string())?;
    let faces: Vec<FaceSection<'_>> = packed
        .sections
        .iter()
        .map(|(face, section)| FaceSection {
            face: *face,
            section,
        })
        .collect();
    let options = Options {
        font: display.font,
        faces: &faces,
        hyphenate: true,
        text,
        also_for: &[],
        also_sizes: &[],
        bake_all_lines: false,
    };
    build_with(doc, display.profile, &options).map_err(|e| e.to_string())
}

/// The bundled family `display` sets its text in, at its size and `bits` per pixel.
pub fn display_family(display: &str, bits: u8) -> FontFamily {
    let display = displays::find(display).unwrap_or_else(|| panic!("no display {display}"));
    let DisplayTypeface::Bundled { name, px } = display.typeface else {
        panic!("{} sets text in a built-in font", display.name);
    };
    FontFamily::bundled(name, px, bits).expect("a bundled family")
}

/// Checks that `book` holds `doc`'s blocks as written: kind, nesting, label, text and runs
/// (a run of plain text at a block's end is not stored: text past the last run is plain).
pub fn blocks_match(doc: &Document, book: &Book<'_>) -> Result<(), String> {
    if book.block_count() as usize != doc.blocks.len() {
        return Err(format!(
            "{} blocks read back, {} written",
            book.block_count(),
            doc.blocks.len()
        ));
    }
    for (i, (written, read)) in doc.blocks.iter().zip(book.blocks()).enumerate() {
        let styled = written
            .runs
            .iter()
            .rposition(|run| run.style != Style::PLAIN)
            .map_or(0, |last| last + 1);
        let runs: Vec<Run> = read.runs.collect();
        let same = read.kind == written.kind
            && read.nesting == written.nesting
            && read.label == written.label
            && read.text == written.text.as_str()
            && runs == written.runs[..styled];
        if !same {
            return Err(format!(
                "block {i} written {written:?}, read back {:?} {:?} {:?} {:?} {runs:?}",
                read.kind,
                read.nesting,
                read.label,
                read.text.to_string()
            ));
        }
    }
    Ok(())
}
