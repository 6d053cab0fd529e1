//! Pages drawn straight into a real panel driver's framebuffer: epd-waveshare's buffer for
//! the 2.9" V2 panel holds exactly the bits the simulator shows, once the panel's
//! conventions are applied.
//!
//! The panel is 128 pixels wide and 296 tall (portrait); a 296x128 landscape page needs the
//! driver's 90° or 270° rotation. Its colour is the opposite of `BinaryColor`: a set bit is
//! white paper, so `BinaryColor::On` (ink) becomes a clear bit. `color_converted` applies
//! the driver's own `From<BinaryColor>`.

use embedded_graphics::{draw_target::DrawTargetExt, pixelcolor::BinaryColor, prelude::*};
use epd_waveshare::{
    color::Color,
    epd2in9_v2::{Display2in9, HEIGHT, WIDTH},
    graphics::DisplayRotation,
};
use inkleaf::{Book, Layout};

/// The 2.9" blob the device tests run (`inkleaf build --display 2.9in`).
const BLOB: &[u8] = include_bytes!("../fixtures/device/article-2.9in.inkleaf");

#[test]
fn every_page_lands_in_the_panel_buffer_rotated_90() {
    // Rotate90 puts logical (x, y) at panel column WIDTH - 1 - y, row x.
    check(DisplayRotation::Rotate90, |column, row| {
        Point::new(row as i32, (WIDTH - 1 - column) as i32)
    });
}

#[test]
fn every_page_lands_in_the_panel_buffer_rotated_270() {
    // Rotate270 puts logical (x, y) at panel column y, row HEIGHT - 1 - x.
    check(DisplayRotation::Rotate270, |column, row| {
        Point::new((HEIGHT - 1 - row) as i32, column as i32)
    });
}

#[test]
fn ink_is_a_clear_bit_on_this_panel() {
    assert_eq!(Color::from(BinaryColor::On), Color::Black);
    assert_eq!(Color::Black.get_bit_value(), 0);
    assert_eq!(Color::White.get_bit_value(), 1);
}

/// Draws every page at `rotation` and compares each panel bit with the simulator's pixel at
/// the logical point `logical(column, row)` of that panel pixel.
fn check(rotation: DisplayRotation, logical: impl Fn(u32, u32) -> Point) {
    let book = Book::from_bytes(BLOB).expect("the fixture opens");
    let built = book.built_for().expect("the fixture records its profile");
    let layout = Layout::new(&book, built.profile, built.font.font()).unwrap();
    let total = layout.page_count();
    assert_eq!(total, built.pages);
    let stride = WIDTH.div_ceil(8) as usize;
    for page in layout.pages() {
        let mut panel = Display2in9::default();
        panel.set_rotation(rotation);
        assert_eq!(
            panel.size(),
            Size::new(296, 128),
            "landscape after rotation"
        );
        let Ok(()) = page
            .with_total(total)
            .draw(&mut panel.color_converted::<BinaryColor>());
        let simulator = inkleaf_sim::draw_page(&page.with_total(total));

        let buffer = panel.buffer();
        assert_eq!(buffer.len(), stride * HEIGHT as usize);
        for row in 0..HEIGHT {
            for column in 0..WIDTH {
                let byte = buffer[row as usize * stride + column as usize / 8];
                let white = byte & (0x80 >> (column % 8)) != 0;
                let point = logical(column, row);
                let ink = simulator.get_pixel(point).is_on();
                assert_eq!(
                    white, !ink,
                    "page {}: panel column {column}, row {row} (page pixel {point:?})",
                    page.index
                );
            }
        }
    }
}
