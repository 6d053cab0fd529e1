//! Whole pages of the bundled article as `#`/`.` rows, snapshotted with insta.
//!
//! Set `INKLEAF_PNG_DIR` to also write each page as a PNG there, to look at before accepting a
//! changed snapshot (`INKLEAF_PNG_DIR=/tmp cargo test -p inkleaf-tests --test snapshots`).

use std::path::Path;

use inkleaf::{Book, Layout};
use inkleaf_tests::blobs::{article_blob, preset};

/// Page `index` of the article on preset `name`, as rows of `#` and `.`.
fn page_art(name: &str, index: u32) -> String {
    let display = preset(name);
    let blob = article_blob(display.profile, display.font);
    let book = Book::from_bytes(&blob).unwrap();
    let layout = Layout::new(&book, display.profile, display.font.font()).unwrap();
    let total = layout.page_count();
    let drawn = inkleaf_sim::draw_page(&layout.page(index).unwrap().with_total(total));
    if let Some(dir) = std::env::var_os("INKLEAF_PNG_DIR") {
        let path = Path::new(&dir).join(format!("inkleaf-{name}-page{}.png", index + 1));
        inkleaf_sim::save_png(&drawn, 3, &path).unwrap();
    }
    inkleaf_sim::ascii_art(&drawn)
}

#[test]
fn oled_128x64_first_two_pages() {
    insta::assert_snapshot!("oled_128x64_page1", page_art("oled-128x64", 0));
    insta::assert_snapshot!("oled_128x64_page2", page_art("oled-128x64", 1));
}

#[test]
fn epaper_296x128_first_page() {
    insta::assert_snapshot!("epaper_2_9in_page1", page_art("2.9in", 0));
}

/// The article built as `inkleaf build` does by default for `display` (DejaVu Sans packed at
/// `bits` per pixel), laid out from the blob alone.
fn dejavu_blob(display: &str, bits: u8) -> (Vec<u8>, inkleaf::Profile) {
    let display = preset(display);
    let inkleaf_cli::displays::Typeface::Bundled { name, px } = display.typeface else {
        panic!("{} sets text in a built-in font", display.name);
    };
    let doc = inkleaf_tests::blobs::article();
    let chars = doc.blocks.iter().flat_map(|b| b.text.chars());
    let font = inkleaf_cli::fonts::bundled_font(name).unwrap();
    let (section, missing) = inkleaf_cli::fonts::pack_font(font, px, chars, bits).unwrap();
    assert!(missing.is_empty(), "DejaVu lacks {missing:?}");
    let faces = [inkleaf::build::FaceSection {
        face: inkleaf::font::Face::Regular,
        section: &section,
    }];
    let options = inkleaf_cli::build::Options {
        font: display.font,
        faces: &faces,
        hyphenate: true,
        text: inkleaf_cli::build::TextStorage::Coded,
        also_for: &[],
        also_sizes: &[],
        bake_all_lines: false,
    };
    let built = inkleaf_cli::build::build_with(&doc, display.profile, &options).unwrap();
    (built.blob, display.profile)
}

#[test]
fn dejavu_296x128_first_page_in_one_bit() {
    let (blob, profile) = dejavu_blob("2.9in", 1);
    let book = Book::from_bytes(&blob).unwrap();
    let font = book.layout_font().unwrap();
    let layout = Layout::new(&book, profile, font).unwrap();
    let drawn = inkleaf_sim::draw_page(&layout.page(0).unwrap());
    if let Some(dir) = std::env::var_os("INKLEAF_PNG_DIR") {
        let path = Path::new(&dir).join("inkleaf-dejavu-2.9in-page1.png");
        inkleaf_sim::save_png(&drawn, 3, &path).unwrap();
    }
    insta::assert_snapshot!("dejavu_2_9in_page1", inkleaf_sim::ascii_art(&drawn));
}

/// The top of the first page at 400x300 in 4-bit gray: one hex digit of luma per pixel.
#[test]
fn dejavu_400x300_first_lines_in_four_bit_gray() {
    use embedded_graphics::pixelcolor::GrayColor;
    use embedded_graphics::prelude::{Point, Size};
    let (blob, profile) = dejavu_blob("4.2in", 4);
    let book = Book::from_bytes(&blob).unwrap();
    let font = book.layout_font().unwrap();
    let layout = Layout::new(&book, profile, font).unwrap();
    let total = layout.page_count();
    let page = layout.page(0).unwrap();
    if let Some(dir) = std::env::var_os("INKLEAF_PNG_DIR") {
        let preview = inkleaf_sim::preview(&page.with_total(total), true);
        let path = Path::new(&dir).join("inkleaf-dejavu-4.2in-gray-page1.png");
        inkleaf_sim::save_preview(&preview, 3, &path).unwrap();
    }
    let drawn = inkleaf_sim::draw_page_gray(&page.with_total(total));
    let Size { width, .. } = profile_size(&profile);
    let rows: String = (0..48)
        .map(|y| {
            let row: String = (0..width as i32)
                .map(|x| {
                    char::from_digit(u32::from(drawn.get_pixel(Point::new(x, y)).luma() >> 4), 16)
                        .unwrap()
                })
                .collect();
            row + "\n"
        })
        .collect();
    insta::assert_snapshot!("dejavu_4_2in_gray_top", rows);
}

fn profile_size(profile: &inkleaf::Profile) -> embedded_graphics::prelude::Size {
    embedded_graphics::prelude::Size::new(u32::from(profile.width), u32::from(profile.height))
}
