//! Page previews for inkleaf: pages rendered headlessly to images that look like e-paper.
//!
//! Pages are drawn onto an embedded-graphics-simulator display, exactly as a device would draw
//! them into its framebuffer, then turned into PNG with warm paper and soft black ink.

mod sheet;

use std::path::Path;

use embedded_graphics::pixelcolor::{BinaryColor, Rgb888};
use embedded_graphics::prelude::*;
use embedded_graphics_simulator::{
    BinaryColorTheme, OutputSettings, OutputSettingsBuilder, SimulatorDisplay,
};
use inkleaf::font::Font;
use inkleaf::{Layout, Page};

pub use sheet::contact_sheet;

/// Paper white of a typical e-paper panel.
pub const PAPER: Rgb888 = Rgb888::new(0xEE, 0xEC, 0xE4);
/// Ink black of a typical e-paper panel.
pub const INK: Rgb888 = Rgb888::new(0x22, 0x22, 0x22);

/// Output settings that look like an e-paper panel at `scale` image pixels per display pixel.
pub fn epaper_output(scale: u32) -> OutputSettings {
    OutputSettingsBuilder::new()
        .scale(scale.max(1))
        .pixel_spacing(0)
        .theme(BinaryColorTheme::Custom {
            color_off: PAPER,
            color_on: INK,
        })
        .build()
}

/// Draws `page` onto a fresh simulator display the size of the layout's profile.
pub fn draw_page<F: Font>(
    layout: &Layout<'_, '_, F>,
    page: Page,
    total: Option<u32>,
) -> SimulatorDisplay<BinaryColor> {
    let profile = layout.profile();
    let mut display = SimulatorDisplay::new(Size::new(
        u32::from(profile.width),
        u32::from(profile.height),
    ));
    // The simulator display never fails to draw.
    let Ok(()) = layout.view(page, total).draw(&mut display);
    display
}

/// Writes `display` as a PNG at `scale`.
pub fn save_png(
    display: &SimulatorDisplay<BinaryColor>,
    scale: u32,
    path: &Path,
) -> std::io::Result<()> {
    display
        .to_rgb_output_image(&epaper_output(scale))
        .save_png(path)
        .map_err(std::io::Error::other)
}

/// The display as rows of `#` (ink) and `.` (paper), for snapshot tests.
pub fn ascii_art(display: &SimulatorDisplay<BinaryColor>) -> String {
    let size = display.bounding_box().size;
    let mut out = String::with_capacity(((size.width + 1) * size.height) as usize);
    for y in 0..size.height as i32 {
        for x in 0..size.width as i32 {
            out.push(if display.get_pixel(Point::new(x, y)).is_on() {
                '#'
            } else {
                '.'
            });
        }
        out.push('\n');
    }
    out
}
