//! The pages the firmware should draw, drawn on the host by the simulator and packed into
//! the firmware's framebuffer layout.

use embedded_graphics::{prelude::*, primitives::Rectangle};
use inkleaf::{
    layout::{Align, Margins},
    Book, Layout, Profile,
};

use super::protocol::Report;

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
    /// The page count the blob records for its own profile.
    pub built_for_pages: u32,
    /// Every page, drawn with the "page x / y" total, packed.
    pub pages: Vec<Vec<u8>>,
}

/// Lays `blob` out as the firmware does and draws every page with `inkleaf_sim::draw_page`.
pub fn pages(blob: &[u8], look: Look) -> Result<Expected, inkleaf::Error> {
    let book = Book::from_bytes(blob)?;
    let built = book
        .built_for()
        .expect("device fixtures record the profile they were built for");
    let profile = look.apply(built.profile);
    let layout = Layout::new(&book, profile, built.font.font())?;
    let total = layout.page_count();
    let pages = layout
        .pages()
        .map(|page| {
            let display = inkleaf_sim::draw_page(&page.with_total(total));
            pack(display.size(), |point| display.get_pixel(point).is_on())
        })
        .collect();
    Ok(Expected {
        size: Size::new(profile.width.into(), profile.height.into()),
        built_for_pages: built.pages,
        pages,
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
        if page.n as usize != n || size != expected.size {
            return Err(format!(
                "{bin}: page {n} came as page {} of {size:?}, expected {:?}",
                page.n, expected.size
            ));
        }
        if let Some(diff) = difference(page.width, host, &page.bytes) {
            return Err(format!("{bin}: page {n} differs from the host's\n{diff}"));
        }
    }
    Ok(())
}

/// Where two packed pages first differ, with both versions of the rows around it as
/// `#`/`.` art; `None` if they are equal.
pub fn difference(width: u32, expected: &[u8], actual: &[u8]) -> Option<String> {
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
    let stride = width.div_ceil(8) as usize;
    let first = expected.iter().zip(actual).position(|(e, a)| e != a)?;
    let row = first / stride;
    let rows = row.saturating_sub(2)..(row + 3).min(expected.len() / stride);
    let art = |bytes: &[u8]| -> String {
        rows.clone()
            .map(|y| {
                (0..width as usize)
                    .map(|x| {
                        let on = bytes[y * stride + x / 8] & (0x80 >> (x % 8)) != 0;
                        if on {
                            '#'
                        } else {
                            '.'
                        }
                    })
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
