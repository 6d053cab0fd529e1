//! DejaVu Sans 14 px on the 2.9" panel, 1-bit and 4-bit, drawn and saved as PNG to look at
//! (`inkleaf-font-*.png` in the temp folder), and the drawing paths checked against each other.

use std::path::PathBuf;

use embedded_graphics::mock_display::MockDisplay;
use embedded_graphics::pixelcolor::{BinaryColor, Gray4, Gray8, GrayColor, Rgb888};
use embedded_graphics::prelude::*;
use embedded_graphics_simulator::{OutputSettingsBuilder, SimulatorDisplay};
use inkleaf::font::{Font, PackedFont};
use inkleaf::{draw::draw_glyph_gray, font::FontId, Book, Framebuffer, Layout, Profile};
use inkleaf_cli::fonts::{bundled_font, pack_font};
use inkleaf_cli::{build, displays, input, BUNDLED_ARTICLE};

/// Two sample lines: quotes, kerned pairs (AV, Wa, To), an em dash and figures.
const SAMPLE: [&str; 2] = [
    "“Tense, not yet broken,” diplomats said.",
    "AVA Wave, Tokyo — 1234567890",
];

fn section(bpp: u8) -> Vec<u8> {
    let dejavu = bundled_font("dejavu-sans").unwrap();
    let chars = BUNDLED_ARTICLE
        .chars()
        .chain(SAMPLE.iter().flat_map(|s| s.chars()));
    pack_font(dejavu, 14, chars, bpp).unwrap().0
}

/// The article as a blob (built for the mono font; pagination does not depend on it).
fn article_blob(profile: Profile) -> Vec<u8> {
    let doc = input::parse_text(BUNDLED_ARTICLE);
    build::build(&doc, profile, FontId::Mono6x10).unwrap().blob
}

fn out(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("inkleaf-font-{name}.png"))
}

/// Sets `text` from `origin` (pen on the line top) with kerning, as layout will.
fn draw_text<C, D>(font: &PackedFont<'_>, text: &str, origin: Point, target: &mut D)
where
    C: GrayColor + From<Gray8>,
    D: DrawTarget<Color = C>,
{
    let mut x = 0;
    let mut previous = None;
    for c in text.chars() {
        x += previous.map_or(0, |p| font.kerning(p, c));
        for glyph in font.glyphs(c) {
            let _ = draw_glyph_gray(&glyph, origin + Point::new(x, 0), target);
            x += glyph.advance as i32;
        }
        previous = Some(c);
    }
}

fn save_gray<C>(display: &SimulatorDisplay<C>, name: &str)
where
    C: PixelColor + From<BinaryColor> + Into<Rgb888>,
{
    for scale in [1, 3] {
        let settings = OutputSettingsBuilder::new().scale(scale).build();
        display
            .to_rgb_output_image(&settings)
            .save_png(out(&format!("{name}-{scale}x")))
            .unwrap();
    }
}

#[test]
fn sample_line_at_one_and_four_bits() {
    for bpp in [1, 4] {
        let bytes = section(bpp);
        let font = PackedFont::from_bytes(&bytes).unwrap();
        let mut display = SimulatorDisplay::<Gray4>::new(Size::new(296, 2 * font.line_height()));
        display.clear(Gray4::WHITE).unwrap();
        for (line, text) in (0..).zip(SAMPLE) {
            let origin = Point::new(2, line * font.line_height() as i32);
            draw_text(&font, text, origin, &mut display);
        }
        save_gray(&display, &format!("line-{bpp}bpp"));
        let inked = display
            .bounding_box()
            .points()
            .filter(|&p| display.get_pixel(p) != Gray4::WHITE);
        assert!(inked.count() > 500);
    }
}

#[test]
fn article_page_on_the_2_9in_panel() {
    let profile = displays::find("2.9in").unwrap().profile;
    let blob = article_blob(profile);
    let size = Size::new(u32::from(profile.width), u32::from(profile.height));
    for bpp in [1, 4] {
        let bytes = section(bpp);
        let font = PackedFont::from_bytes(&bytes).unwrap();
        let book = Book::from_bytes(&blob).unwrap();
        let layout = Layout::new(&book, profile, font).unwrap();
        let page = layout.page(0).unwrap();
        if bpp == 1 {
            let display = inkleaf_sim::draw_page(&page);
            for scale in [1, 3] {
                inkleaf_sim::save_png(&display, scale, &out(&format!("page-1bpp-{scale}x")))
                    .unwrap();
            }
        } else {
            let mut display = SimulatorDisplay::<Gray4>::new(size);
            page.draw_gray(&mut display).unwrap();
            save_gray(&display, "page-4bpp");
        }
        println!("{bpp} bpp: {} pages", layout.page_count());
    }
}

#[test]
fn blitting_equals_drawing_for_packed_fonts() {
    let profile = displays::find("2.9in").unwrap().profile;
    let blob = article_blob(profile);
    for bpp in [1, 2, 4] {
        let bytes = section(bpp);
        let font = PackedFont::from_bytes(&bytes).unwrap();
        let book = Book::from_bytes(&blob).unwrap();
        let layout = Layout::new(&book, profile, font).unwrap();
        for page in layout.pages() {
            let drawn = inkleaf_sim::draw_page(&page);
            let mut framebuffer = Framebuffer::new(vec![0u8; 37 * 128], 296, 128).unwrap();
            page.draw_into(&mut framebuffer);
            for p in drawn.bounding_box().points() {
                assert_eq!(
                    framebuffer.is_on(p),
                    drawn.get_pixel(p).is_on(),
                    "{bpp} bpp, page {}, {p}",
                    page.index
                );
            }
        }
    }
}

#[test]
fn four_bit_glyph_shades_on_a_mock_display() {
    let bytes = section(4);
    let font = PackedFont::from_bytes(&bytes).unwrap();
    let glyph = font.glyph('l').unwrap();
    let mut display = MockDisplay::<Gray4>::new();
    draw_glyph_gray(&glyph, Point::new(0, 0), &mut display).unwrap();
    // Unhinted, a 14 px stem straddles two columns at 9 and 10 of 15: two mid-grey columns
    // from the ascender (rounded off at the top) down to the baseline at row 13.
    let mut pattern = vec!["   "; 2];
    pattern.push(" 99");
    pattern.extend([" 56"; 10]);
    display.assert_pattern(&pattern);
    assert_eq!((glyph.top + glyph.height, font.baseline()), (13, 13));
}
