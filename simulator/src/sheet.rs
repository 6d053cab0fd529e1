//! A contact sheet: every page of a text side by side in one image.

use embedded_graphics::pixelcolor::Rgb888;
use embedded_graphics::prelude::*;
use embedded_graphics_simulator::SimulatorDisplay;

/// Gap between pages and around the sheet, in display pixels.
const GUTTER: u32 = 8;
/// Colour between pages, darker than paper so page edges show.
const DESK: Rgb888 = Rgb888::new(0x9A, 0x9A, 0x96);

/// Lays page previews (see [`crate::preview`]) out in a grid `columns` wide, one sheet pixel
/// per display pixel.
pub fn contact_sheet(pages: &[SimulatorDisplay<Rgb888>], columns: u32) -> SimulatorDisplay<Rgb888> {
    let count = u32::try_from(pages.len()).unwrap_or(u32::MAX);
    let columns = columns.clamp(1, count.max(1));
    let rows = count.div_ceil(columns).max(1);
    let page = pages
        .first()
        .map_or(Size::new(1, 1), |p| p.bounding_box().size);
    let cell = page + Size::new(GUTTER, GUTTER);
    let mut sheet = SimulatorDisplay::new(Size::new(
        columns * cell.width + GUTTER,
        rows * cell.height + GUTTER,
    ));
    let Ok(()) = sheet.clear(DESK);
    for (i, display) in (0..count).zip(pages) {
        let corner = Point::new(
            (GUTTER + i % columns * cell.width) as i32,
            (GUTTER + i / columns * cell.height) as i32,
        );
        let pixels = display
            .bounding_box()
            .points()
            .map(|p| Pixel(corner + p, display.get_pixel(p)));
        let Ok(()) = sheet.draw_iter(pixels);
    }
    sheet
}
