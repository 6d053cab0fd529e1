//! Opening a blob checks every block's framing, not its coded text: the text is checked as
//! it is read. A block whose bits are damaged (behind a checksum made to match) still opens,
//! reads short rather than long or wrong in length, names its fault when asked, and lays
//! out and draws without a panic; the blocks around it read as they were written.

use embedded_graphics::Drawable;
use inkleaf::{format::Part, Book, Error, Layout};
use inkleaf_cli::build::{build_with, Options, TextStorage};
use inkleaf_tests::blobs::{article, fix_crc, preset};

/// The article coded with the built-in model, for the OLED preset.
fn coded_article() -> Vec<u8> {
    let display = preset("oled-128x64");
    let options = Options {
        font: display.font,
        faces: &[],
        hyphenate: true,
        text: TextStorage::Coded,
        also_for: &[],
        also_sizes: &[],
    };
    build_with(&article(), display.profile, &options)
        .unwrap()
        .blob
}

#[test]
fn damaged_coded_text_opens_reads_short_and_names_its_fault() {
    let original = coded_article();
    let book = Book::from_bytes(&original).unwrap();
    let texts: Vec<String> = book.blocks().map(|b| b.text.to_string()).collect();
    let sizes = book.part_sizes();
    let blocks_start = sizes.header
        + sizes.metadata
        + sizes.chapters
        + sizes.page_index
        + sizes.font
        + sizes.model;
    let (mut opened, mut short) = (0, 0);
    for byte in (blocks_start..original.len()).step_by(7) {
        let mut blob = original.clone();
        blob[byte] ^= 0x5A;
        fix_crc(&mut blob);
        // A flip in a block's framing is refused at open; one in its bits is not.
        let Ok(book) = Book::from_bytes(&blob) else {
            continue;
        };
        opened += 1;
        assert_eq!(book.blocks().count() as u32, book.block_count());
        let (mut faults, mut changed) = (0, 0);
        for (block, written) in book.blocks().zip(&texts) {
            let read = block.text.to_string();
            match block.check() {
                Ok(()) => assert_eq!(read.len(), block.text.len(), "byte {byte}"),
                Err(fault) => {
                    assert!(
                        matches!(fault, Error::CorruptText | Error::Malformed(Part::Blocks)),
                        "byte {byte}: {fault:?}"
                    );
                    assert!(read.len() <= block.text.len(), "byte {byte} reads long");
                    faults += 1;
                }
            }
            changed += usize::from(read != *written);
        }
        // One flipped byte damages one block at most; the others read as written.
        assert!(
            faults <= 1 && changed <= 1,
            "byte {byte}: {faults}, {changed}"
        );
        assert_eq!(book.check_text().is_err(), faults == 1, "byte {byte}");
        short += faults;
        if faults > 0 {
            lay_out_and_draw(&book);
        }
    }
    assert!(
        opened > 0 && short > 0,
        "{opened} opened, {short} read short"
    );
}

/// Paginates `book` on the OLED preset and draws every page.
fn lay_out_and_draw(book: &Book<'_>) {
    let display = preset("oled-128x64");
    let layout = Layout::new(book, display.profile, display.font.font()).unwrap();
    let count = layout.page_count();
    for n in 0..count {
        let Ok(page) = layout.page(n) else { continue };
        let mut frame = inkleaf::Framebuffer::new([0u8; 16 * 64], 128, 64).unwrap();
        let view = page.with_total(count);
        let Ok(()) = view.draw(&mut frame);
        view.draw_into(&mut frame);
    }
}
