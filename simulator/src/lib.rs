//! Page previews for inkleaf: pages rendered headlessly to images that look like e-paper.
//!
//! Pages are drawn onto an embedded-graphics-simulator display, exactly as a device would draw
//! them into its framebuffer, then turned into PNG with warm paper and soft black ink.

pub mod keys;
mod sheet;
#[cfg(feature = "window")]
mod window;

use std::path::Path;

use embedded_graphics::pixelcolor::{BinaryColor, Rgb888};
use embedded_graphics::prelude::*;
use embedded_graphics_simulator::{
    BinaryColorTheme, OutputSettings, OutputSettingsBuilder, SimulatorDisplay,
};
use inkleaf::font::Family;
use inkleaf::Page;

pub use sheet::contact_sheet;
#[cfg(feature = "window")]
pub use window::DeviceWindow;

use embedded_graphics::pixelcolor::{Gray8, GrayColor};

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

/// Draws `page` onto a fresh simulator display the size of its layout's profile, footer
/// included when the page knows the total ([`Page::with_total`]).
pub fn draw_page<F: Family>(page: &Page<'_, F>) -> SimulatorDisplay<BinaryColor> {
    let mut display = SimulatorDisplay::new(page.size());
    // The simulator display never fails to draw.
    let Ok(()) = page.draw(&mut display);
    display
}

/// Draws `page` in shades of gray (for fonts packed at 2 or 4 bits per pixel).
pub fn draw_page_gray<F: Family>(page: &Page<'_, F>) -> SimulatorDisplay<Gray8> {
    let mut display = SimulatorDisplay::new(page.size());
    let Ok(()) = page.draw_gray(&mut display);
    display
}

/// A page as it will look on the panel: 1-bit, or gray when `gray`, in paper and ink colours.
pub fn preview<F: Family>(page: &Page<'_, F>, gray: bool) -> SimulatorDisplay<Rgb888> {
    if gray {
        on_paper_gray(&draw_page_gray(page))
    } else {
        on_paper(&draw_page(page))
    }
}

/// A 1-bit display in the panel's paper and ink colours.
pub fn on_paper(display: &SimulatorDisplay<BinaryColor>) -> SimulatorDisplay<Rgb888> {
    tint(
        display,
        |p| if display.get_pixel(p).is_on() { 0 } else { 255 },
    )
}

/// A gray display (0 = ink) in the panel's paper and ink colours.
pub fn on_paper_gray(display: &SimulatorDisplay<Gray8>) -> SimulatorDisplay<Rgb888> {
    tint(display, |p| display.get_pixel(p).luma())
}

/// Maps luma (0 = ink, 255 = paper) to the panel's colours.
fn tint<C: PixelColor>(
    display: &SimulatorDisplay<C>,
    luma: impl Fn(Point) -> u8,
) -> SimulatorDisplay<Rgb888> {
    let size = display.bounding_box().size;
    let mut out = SimulatorDisplay::new(size);
    let blend = |ink: u8, paper: u8, l: u8| {
        ((u32::from(ink) * (255 - u32::from(l)) + u32::from(paper) * u32::from(l)) / 255) as u8
    };
    let pixels = display.bounding_box().points().map(|p| {
        let l = luma(p);
        let color = Rgb888::new(
            blend(INK.r(), PAPER.r(), l),
            blend(INK.g(), PAPER.g(), l),
            blend(INK.b(), PAPER.b(), l),
        );
        Pixel(p, color)
    });
    let Ok(()) = out.draw_iter(pixels);
    out
}

/// Writes a preview as a PNG at `scale` image pixels per display pixel.
pub fn save_preview(
    display: &SimulatorDisplay<Rgb888>,
    scale: u32,
    path: &Path,
) -> std::io::Result<()> {
    let settings = OutputSettingsBuilder::new().scale(scale.max(1)).build();
    display
        .to_rgb_output_image(&settings)
        .save_png(path)
        .map_err(std::io::Error::other)
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
