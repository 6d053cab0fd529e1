//! The packed framebuffer's byte blitting draws exactly what the pixel-by-pixel path draws.

use embedded_graphics::prelude::*;
use inkleaf::{Book, Framebuffer, Layout};
use inkleaf_cli::displays::PRESETS;
use inkleaf_tests::blobs::{article_blob, pack_blocks, page_kinds};

fn buffer(width: u32, height: u32) -> Framebuffer<Vec<u8>> {
    let bytes = vec![0; Framebuffer::<Vec<u8>>::bytes_needed(width, height)];
    Framebuffer::new(bytes, width, height).unwrap()
}

/// Draws every page both ways and compares them with the simulator's pixels.
fn assert_both_paths_agree(blob: &[u8], display: &inkleaf_cli::displays::Display) {
    let book = Book::from_bytes(blob).unwrap();
    let layout = Layout::new(&book, display.profile, display.font.font()).unwrap();
    let (w, h) = (
        u32::from(display.profile.width),
        u32::from(display.profile.height),
    );
    let total = layout.page_count();
    for page in layout.pages() {
        let mut pixelwise = buffer(w, h);
        let mut blitted = buffer(w, h);
        let Ok(()) = page.with_total(total).draw(&mut pixelwise);
        // Start from ink everywhere: drawing a page must clear what was there before.
        let Ok(()) = blitted.clear(embedded_graphics::pixelcolor::BinaryColor::On);
        page.with_total(total).draw_into(&mut blitted);
        assert_eq!(
            pixelwise.as_bytes(),
            blitted.as_bytes(),
            "{} page {}",
            display.name,
            page.index + 1
        );
        let simulated = inkleaf_sim::draw_page(&page.with_total(total));
        for point in simulated.bounding_box().points() {
            assert_eq!(
                blitted.is_on(point),
                simulated.get_pixel(point).is_on(),
                "{point:?}"
            );
        }
    }
}

#[test]
fn the_article_blits_like_it_draws_on_every_preset() {
    for display in &PRESETS {
        assert_both_paths_agree(&article_blob(display.profile, display.font), display);
    }
}

#[test]
fn glyphs_at_every_bit_offset_and_the_buffer_edges_blit_correctly() {
    use inkleaf::text::BlockKind::{Heading, Paragraph};
    let text = "Wg|j— “x” ÿÀ… ".repeat(40);
    let blob = pack_blocks(&[(Heading(1), "Édition spéciale"), (Paragraph, text.as_str())]);
    for display in &page_kinds() {
        for margin in [0u16, 1, 3, 5, 7] {
            let mut display = *display;
            display.profile.margins = inkleaf::layout::Margins::all(margin);
            assert_both_paths_agree(&blob, &display);
        }
    }
}

/// A rich document in the packed DejaVu Sans faces `inkleaf build` sets by default, at 1 and
/// at 4 bits per pixel: code blocks set their spaces as glyphs, and a packed space is a
/// glyph with an empty bitmap, which blits as nothing.
#[test]
fn a_rich_document_in_packed_faces_blits_like_it_draws() {
    for name in ["rich-2.9in.inkleaf", "rich-4.2in-4bit.inkleaf"] {
        let path = format!("{}/fixtures/device/{name}", env!("CARGO_MANIFEST_DIR"));
        let blob = std::fs::read(path).unwrap();
        let book = Book::from_bytes(&blob).unwrap();
        let layout = book.layout().unwrap();
        let profile = layout.profile();
        let (w, h) = (u32::from(profile.width), u32::from(profile.height));
        let total = layout.page_count();
        let mut code_pages = 0;
        for page in layout.pages() {
            let page = page.with_total(total);
            let mut pixelwise = buffer(w, h);
            let Ok(()) = page.draw(&mut pixelwise);
            let mut blitted = buffer(w, h);
            let Ok(()) = blitted.clear(embedded_graphics::pixelcolor::BinaryColor::On);
            page.draw_into(&mut blitted);
            assert_eq!(
                pixelwise.as_bytes(),
                blitted.as_bytes(),
                "{name} page {}",
                page.index + 1
            );
            let on_page = |block: u32| (page.start.block..=page.end.block).contains(&block);
            let code = book
                .blocks()
                .enumerate()
                .any(|(i, b)| on_page(i as u32) && b.kind.is_preformatted() && !b.text.is_empty());
            code_pages += usize::from(code);
        }
        assert!(code_pages > 0, "{name}: some pages show code");
    }
}
