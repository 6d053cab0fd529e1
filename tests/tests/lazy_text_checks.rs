//! Opening a blob checks every block's framing, not its coded text: the text is checked as
//! it is read. A block whose bits are damaged (behind a checksum made to match) still opens,
//! reads short rather than long or wrong in length, names its fault when asked, and lays
//! out and draws without a panic; the blocks around it read as they were written.

use embedded_graphics::Drawable;
use inkleaf::{format::Part, Book, Error, Framebuffer, Layout, Position, Profile};
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
        bake_all_lines: false,
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

/// The bundled article as `inkleaf build --display 2.9in` makes it: coded, justified, with
/// a page index that bakes its line breaks.
const BAKED_ARTICLE: &[u8] = include_bytes!("../fixtures/device/article-2.9in.inkleaf");

#[test]
fn a_page_on_damaged_coded_text_is_an_error_not_a_short_page() {
    let good = Book::from_bytes(BAKED_ARTICLE).unwrap();
    let sizes = good.part_sizes();
    let blocks_start = sizes.header
        + sizes.metadata
        + sizes.chapters
        + sizes.page_index
        + sizes.font
        + sizes.model;
    let mut damaged = 0;
    for byte in (blocks_start..BAKED_ARTICLE.len()).step_by(11) {
        let mut blob = BAKED_ARTICLE.to_vec();
        blob[byte] ^= 0x5A;
        fix_crc(&mut blob);
        let Ok(book) = Book::from_bytes(&blob) else {
            continue;
        };
        // Only bits that stop decoding: bits that decode to other text of the right length
        // cannot be told from the text by reading it, on a device or anywhere.
        let Some((block, stop)) = book.blocks().enumerate().find_map(|(i, block)| {
            let read = block.text.to_string().len();
            (block.check() == Err(Error::CorruptText)).then_some((i as u32, read as u32))
        }) else {
            continue;
        };
        damaged += 1;
        pages_stop_at_the_damage(&good, &book, Position::new(block, stop), byte);
        if damaged == 12 {
            break;
        }
    }
    assert!(damaged > 0, "no flip damaged a block's text");
}

/// Every page of `bad` (which stops decoding at `stop`), baked or broken on the device,
/// laid out or turned to and drawn in one pass, is the page `good` has or
/// [`Error::CorruptText`]: never another error, never a page cut short. Pages before the
/// damaged block are whole, pixel for pixel, and the baked page that holds `stop` is the
/// error.
fn pages_stop_at_the_damage(good: &Book<'_>, bad: &Book<'_>, stop: Position, byte: usize) {
    let built = good.built_for().unwrap();
    let font = built.font.font();
    // The footer changes the text height: no page index for that profile, so the engine
    // breaks the lines itself.
    let unbaked = Profile {
        footer: !built.profile.footer,
        ..built.profile
    };
    for profile in [built.profile, unbaked] {
        let (want, got) = (
            Layout::new(good, profile, font).unwrap(),
            Layout::new(bad, profile, font).unwrap(),
        );
        let baked = want.page_index().is_some();
        assert_eq!(baked, profile == built.profile);
        let mut corrupt = 0;
        for n in 0..want.page_count() {
            let page = want.page(n).unwrap();
            let before = page.end <= Position::new(stop.block, 0);
            let pixels = drawn(|fb| page.draw_into(fb));
            let mut results = vec![got.page(n).map(|other| {
                let drawn = drawn(|fb| other.draw_into(fb));
                (other, drawn)
            })];
            if baked {
                // The page turn a device makes: one pass, checking its lines as it draws.
                let mut turned = None;
                let drawn = drawn(|fb| turned = Some(got.draw_page_into(n, page.start, fb)));
                results.push(turned.unwrap().map(|other| (other, drawn)));
            }
            for result in results {
                match result {
                    Ok((other, drawn)) if before => {
                        assert_eq!(other, page, "byte {byte}, page {n}");
                        assert!(drawn == pixels, "byte {byte}, page {n}: other pixels");
                    }
                    Ok((other, _)) => {
                        assert!(
                            !(baked && other.contains(stop)),
                            "byte {byte}, page {n}: {other:?} holds {stop:?}"
                        );
                    }
                    Err(error) => {
                        assert!(!before, "byte {byte}, page {n}: {error:?}");
                        assert_eq!(error, Error::CorruptText, "byte {byte}, page {n}");
                        corrupt += 1;
                    }
                }
            }
        }
        assert!(corrupt > 0, "byte {byte}: no page met the damage");
    }
}

/// The bytes `draw` leaves in a 296x128 framebuffer.
fn drawn(draw: impl FnOnce(&mut Framebuffer<Vec<u8>>)) -> Vec<u8> {
    let mut framebuffer = Framebuffer::new(vec![0u8; 37 * 128], 296, 128).unwrap();
    draw(&mut framebuffer);
    framebuffer.into_inner()
}
