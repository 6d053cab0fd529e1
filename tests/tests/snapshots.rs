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
    let layout = Layout::new(book, display.profile, display.font.font()).unwrap();
    let total = layout.page_count();
    let drawn = inkleaf_sim::draw_page(&layout, layout.page(index).unwrap(), Some(total));
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
