//! The pages the firmware should draw, drawn on the host by the simulator and packed into
//! the firmware's framebuffer layout.

use embedded_graphics::{
    pixelcolor::{Gray4, GrayColor},
    prelude::*,
    primitives::Rectangle,
};
use inkleaf::{
    font::AnyFamily,
    layout::{Align, Margins},
    Book, Layout, Profile,
};

use super::protocol::{self, packed_len, Report};

/// How a firmware lays a blob out (`inkleaf_device::article::as_built` and `plain`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Look {
    /// With the profile the blob was built for.
    AsBuilt,
    /// The embedded-text peer's way: no margins, no paragraph gaps, flush left, no footer.
    Plain,
}

impl Look {
    /// The profile to lay out with; keep in step with the firmware's `article.rs`.
    pub fn apply(self, profile: Profile) -> Profile {
        match self {
            Look::AsBuilt => profile,
            Look::Plain => Profile {
                margins: Margins::all(0),
                paragraph_spacing: 0,
                align: Align::Left,
                footer: false,
                ..profile
            },
        }
    }
}

/// What the host makes of a blob.
#[derive(Debug)]
pub struct Expected {
    /// Display size.
    pub size: Size,
    /// Bits per pixel: 1, or 4 for gray.
    pub bits: u32,
    /// The page count the blob records for its own profile.
    pub built_for_pages: u32,
    /// Every page, drawn with the "page x / y" total, packed.
    pub pages: Vec<Vec<u8>>,
}

/// Lays `blob` out as the firmware does, in the fonts it names or packs, and draws every
/// page with `inkleaf_sim::draw_page`.
pub fn pages(blob: &[u8], look: Look) -> Result<Expected, inkleaf::Error> {
    laid_out(blob, look, 1, |page| {
        let display = inkleaf_sim::draw_page(page);
        pack(display.size(), |point| display.get_pixel(point).is_on())
    })
}

/// [`pages`] in 16 grays: every page drawn with `inkleaf_sim::draw_page_gray` (256 grays)
/// and each pixel taken to [`Gray4`] as the engine takes its grays to a 4-bit target.
pub fn gray_pages(blob: &[u8], look: Look) -> Result<Expected, inkleaf::Error> {
    laid_out(blob, look, 4, |page| {
        let display = inkleaf_sim::draw_page_gray(page);
        pack_gray4(display.size(), |point| {
            Gray4::from(display.get_pixel(point)).luma()
        })
    })
}

/// Lays `blob` out with `look` and packs every page, with its "page x / y" total, as `draw`
/// does, at `bits` per pixel.
fn laid_out(
    blob: &[u8],
    look: Look,
    bits: u32,
    draw: impl Fn(&inkleaf::Page<'_, AnyFamily<'_>>) -> Vec<u8>,
) -> Result<Expected, inkleaf::Error> {
    let book = Book::from_bytes(blob)?;
    let built = book
        .built_for()
        .expect("device fixtures record the profile they were built for");
    let profile = look.apply(built.profile);
    let layout = Layout::new(&book, profile, book.layout_font()?)?;
    let total = layout.page_count();
    let pages = layout
        .pages()
        .map(|page| draw(&page.with_total(total)))
        .collect();
    Ok(Expected {
        size: Size::new(profile.width.into(), profile.height.into()),
        bits,
        built_for_pages: built.pages,
        pages,
    })
}

/// What the host makes of a book's table of contents, laid out as built: what the firmware
/// should report in `CHAPTER` and `STATUS` lines.
#[derive(Debug)]
pub struct Contents {
    /// Every entry with the page `Layout::chapter_page` puts it on.
    pub chapters: Vec<protocol::Chapter>,
    /// Every page's start, the chapter there and its `Page::status` with the total known.
    pub statuses: Vec<protocol::Status>,
    /// Where the footer is drawn: its band's left and right ends, its top and bottom rows
    /// (exclusive), as `draw/footer.rs` places it.
    pub footer: Footer,
}

/// The footer's line on the page: columns `left..right`, rows `top..bottom`.
#[derive(Clone, Copy, Debug)]
pub struct Footer {
    /// The left margin.
    pub left: u32,
    /// The display's width less the right margin.
    pub right: u32,
    /// A line's height above `bottom`.
    pub top: u32,
    /// The display's height less the bottom margin.
    pub bottom: u32,
}

/// The table of contents and the page statuses of `blob`, laid out as built.
pub fn contents(blob: &[u8]) -> Result<Contents, inkleaf::Error> {
    let book = Book::from_bytes(blob)?;
    let built = book
        .built_for()
        .expect("device fixtures record the profile they were built for");
    let layout = Layout::new(&book, built.profile, book.layout_font()?)?;
    let chapters = book
        .chapters()
        .map(|c| {
            Ok(protocol::Chapter {
                index: c.index,
                level: c.level,
                new_page: c.new_page,
                block: c.start.block,
                page: layout.chapter_page(c.index)?,
                title: c.title.to_owned(),
            })
        })
        .collect::<Result<_, inkleaf::Error>>()?;
    let total = layout.page_count();
    let statuses = layout
        .pages()
        .map(|page| {
            let status = page.with_total(total).status();
            protocol::Status {
                n: page.index,
                start: (page.start.block, page.start.offset),
                chapter_of: book.chapter_of(page.start).map(|c| c.index),
                chapter: status.chapter.map(|c| c.index),
                page: status.page,
                total: status.total,
                percent: status.percent,
            }
        })
        .collect();
    let profile = layout.profile();
    let bottom = u32::from(profile.height) - u32::from(profile.margins.bottom);
    let footer = Footer {
        left: profile.margins.left.into(),
        right: u32::from(profile.width) - u32::from(profile.margins.right),
        top: bottom - layout.line_height(),
        bottom,
    };
    Ok(Contents {
        chapters,
        statuses,
        footer,
    })
}

/// Packs a `size` display whose pixel at a point is inked when `is_on` says so, the way the
/// firmware's framebuffers are laid out: row-major, rows padded to whole bytes with clear
/// bits, MSB = leftmost pixel, 1 = `BinaryColor::On`.
pub fn pack(size: Size, is_on: impl Fn(Point) -> bool) -> Vec<u8> {
    let stride = size.width.div_ceil(8) as usize;
    let mut bytes = vec![0u8; stride * size.height as usize];
    for point in Rectangle::new(Point::zero(), size).points() {
        if is_on(point) {
            let (x, y) = (point.x as usize, point.y as usize);
            bytes[y * stride + x / 8] |= 0x80 >> (x % 8);
        }
    }
    bytes
}

/// Packs a `size` display of 4-bit lumas, `luma` at a point, as the firmware's gray
/// framebuffer holds them: row-major, two pixels a byte, the left one in the high nibble,
/// a row's padding nibble 0.
pub fn pack_gray4(size: Size, luma: impl Fn(Point) -> u8) -> Vec<u8> {
    let stride = size.width.div_ceil(2) as usize;
    let mut bytes = vec![0u8; stride * size.height as usize];
    for point in Rectangle::new(Point::zero(), size).points() {
        let (x, y) = (point.x as usize, point.y as usize);
        let shift = if x % 2 == 0 { 4 } else { 0 };
        bytes[y * stride + x / 2] |= (luma(point) & 0x0f) << shift;
    }
    bytes
}

/// Checks that `report` holds exactly the `expected` pages, in order, bit for bit.
pub fn compare(bin: &str, report: &Report, expected: &Expected) -> Result<(), String> {
    let (drawn, laid_out) = (report.pages.len(), expected.pages.len());
    if drawn != laid_out || report.done != Some(drawn as u32) {
        return Err(format!(
            "{bin}: the device drew {drawn} pages (DONE {:?}), the host lays out {laid_out}",
            report.done
        ));
    }
    for (n, (page, host)) in report.pages.iter().zip(&expected.pages).enumerate() {
        let size = Size::new(page.width, page.height);
        if page.n as usize != n || size != expected.size || page.bits != expected.bits {
            return Err(format!(
                "{bin}: page {n} came as page {} of {size:?} at {} bits, expected {:?} at {}",
                page.n, page.bits, expected.size, expected.bits
            ));
        }
        if let Some(diff) = difference(page.width, page.bits, host, &page.bytes) {
            return Err(format!("{bin}: page {n} differs from the host's\n{diff}"));
        }
    }
    Ok(())
}

/// Where two packed pages of `bits` per pixel first differ, with both versions of the rows
/// around it as art (`#`/`.` at 1 bit, a hex digit of luma a pixel at 4); `None` if they are
/// equal.
pub fn difference(width: u32, bits: u32, expected: &[u8], actual: &[u8]) -> Option<String> {
    if expected == actual {
        return None;
    }
    if expected.len() != actual.len() {
        return Some(format!(
            "{} bytes expected, {} drawn",
            expected.len(),
            actual.len()
        ));
    }
    let stride = packed_len(width, 1, bits);
    let first = expected.iter().zip(actual).position(|(e, a)| e != a)?;
    let row = first / stride;
    let rows = row.saturating_sub(2)..(row + 3).min(expected.len() / stride);
    let art = |bytes: &[u8]| -> String {
        rows.clone()
            .map(|y| {
                (0..width as usize)
                    .map(|x| pixel(&bytes[y * stride..], x, bits))
                    .collect::<String>()
                    + "\n"
            })
            .collect()
    };
    Some(format!(
        "first difference in row {row}, byte {}:\nhost:\n{}device:\n{}",
        first % stride,
        art(expected),
        art(actual)
    ))
}

/// Pixel `x` of a packed row as a character: `#` ink or `.` paper at 1 bit, else the luma's
/// hex digit (`0` black, `f` white at 4 bits).
fn pixel(row: &[u8], x: usize, bits: u32) -> char {
    let bits = bits as usize;
    let at = x * bits;
    let value = (row[at / 8] >> (8 - bits - at % 8)) & ((1u16 << bits) - 1) as u8;
    match bits {
        1 if value == 1 => '#',
        1 => '.',
        _ => char::from_digit(u32::from(value), 16).unwrap_or('?'),
    }
}
