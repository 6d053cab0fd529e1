//! The generator of the engine's mono font bitmaps, `engine/src/font/mono_data.rs`.
//!
//! embedded-graphics keeps each font as one glyph atlas, rows of pixels running across many
//! glyphs, so drawing a glyph means a bit offset into every row. The engine stores the same
//! pixels one glyph after another instead, each row padded to whole bytes, so a glyph is one
//! slice of flash. This module reads embedded-graphics' atlases through their public API and
//! writes that file; `cargo run -p inkleaf-tests --example gen_mono_fonts` rewrites it, and
//! `tests/tests/mono_font_data.rs` checks that the committed file is what this produces.

use std::fmt::Write;

use embedded_graphics::image::GetPixel;
use embedded_graphics::mono_font::{iso_8859_1, MonoFont};
use embedded_graphics::pixelcolor::BinaryColor;
use embedded_graphics::prelude::{OriginDimensions, Point};

/// Where the generated file lives, from the workspace root.
pub const PATH: &str = "engine/src/font/mono_data.rs";

/// The fonts the engine carries: its constant's name and embedded-graphics' font.
fn fonts() -> [(&'static str, &'static MonoFont<'static>); 3] {
    [
        ("MONO_6X10", &iso_8859_1::FONT_6X10),
        ("MONO_8X13", &iso_8859_1::FONT_8X13),
        ("MONO_10X20", &iso_8859_1::FONT_10X20),
    ]
}

/// The characters the engine stores, in its order: printable ASCII, then printable Latin-1.
/// U+007F, which the embedded-graphics atlas also holds, is left out.
fn covered() -> impl Iterator<Item = char> {
    ('\u{20}'..='\u{7E}').chain('\u{A0}'..='\u{FF}')
}

/// Bytes per source line before a glyph's bytes wrap.
const BYTES_PER_LINE: usize = 16;

/// The whole text of `engine/src/font/mono_data.rs`.
pub fn generate() -> String {
    let mut out = String::from(
        "//! Glyph bitmaps of the embedded-graphics 0.8 ISO 8859-1 mono fonts.\n\
         //!\n\
         //! Generated code: do not edit. `tests/src/mono_data.rs` writes it from embedded-graphics'\n\
         //! own font data (`cargo run -p inkleaf-tests --example gen_mono_fonts`);\n\
         //! `tests/tests/mono_font_data.rs` checks that it is up to date and every pixel against it.\n",
    );
    for (name, font) in fonts() {
        out.push('\n');
        write_font(&mut out, name, font);
    }
    out
}

fn write_font(out: &mut String, name: &str, font: &MonoFont<'_>) {
    let size = font.character_size;
    let row_bytes = size.width.div_ceil(8);
    let glyphs = covered().count();
    writeln!(
        out,
        "/// {w}x{h}: {glyphs} glyphs of {w}x{h}, {row_bytes} byte(s) per row.",
        w = size.width,
        h = size.height,
    )
    .unwrap();
    writeln!(out, "pub(crate) const {name}: &[u8] = &[").unwrap();
    for c in covered() {
        let bytes = glyph_bytes(font, c);
        let lines: Vec<_> = bytes.chunks(BYTES_PER_LINE).collect();
        for (i, line) in lines.iter().enumerate() {
            let hex: Vec<_> = line.iter().map(|b| format!("0x{b:02x},")).collect();
            out.push_str("    ");
            out.push_str(&hex.join(" "));
            if i + 1 == lines.len() {
                write!(out, " // U+{:04X}", u32::from(c)).unwrap();
            }
            out.push('\n');
        }
    }
    out.push_str("];\n");
}

/// `c`'s cell from the font's atlas, row by row, most significant bit leftmost, each row
/// padded with zero bits to a whole byte.
fn glyph_bytes(font: &MonoFont<'_>, c: char) -> Vec<u8> {
    let size = font.character_size;
    // The atlas holds its glyphs in mapping order, left to right, then top to bottom.
    let per_row = font.image.size().width / size.width;
    let index = font.glyph_mapping.index(c) as u32;
    let origin = Point::new(
        ((index % per_row) * size.width) as i32,
        ((index / per_row) * size.height) as i32,
    );
    let mut bytes = Vec::new();
    for y in 0..size.height {
        for byte_x in (0..size.width).step_by(8) {
            let mut byte = 0u8;
            for bit in 0..8 {
                let x = byte_x + bit;
                let on = x < size.width
                    && font.image.pixel(origin + Point::new(x as i32, y as i32))
                        == Some(BinaryColor::On);
                byte |= u8::from(on) << (7 - bit);
            }
            bytes.push(byte);
        }
    }
    bytes
}
