//! What the reader draws: pages with their status line apart from the text, and the table of
//! contents inside the page with its highlight in view.

use embedded_graphics::geometry::Dimensions;
use embedded_graphics::pixelcolor::BinaryColor;
use embedded_graphics::prelude::{DrawTarget, Pixel, Point, Size};
use embedded_graphics::primitives::{PointsIter, Rectangle};

use super::tests::{handle, open, reader, BOOK, TWO_DISPLAYS};
use super::{Event, Reader};
use crate::build::{pack_into, Contents};
use crate::font::{Family, MONO_6X10};
use crate::format::{ChapterRecord, Meta};
use crate::text::{Block, BlockKind};
use crate::{Book, Framebuffer, Layout, Profile};

/// The 400x300 book's screen.
const WIDTH: u32 = 400;
const HEIGHT: u32 = 300;
const BYTES: usize = Framebuffer::<&mut [u8]>::bytes_needed(WIDTH, HEIGHT);

/// A screen that remembers pixels drawn outside it, where a real one would wrap or fault.
struct Screen {
    pixels: Framebuffer<[u8; BYTES]>,
    outside: u32,
}

impl Screen {
    fn new() -> Self {
        Screen {
            pixels: Framebuffer::new([0u8; BYTES], WIDTH, HEIGHT).unwrap(),
            outside: 0,
        }
    }

    fn ink(&self, area: Rectangle) -> u32 {
        area.points().filter(|&p| self.pixels.is_on(p)).count() as u32
    }
}

impl DrawTarget for Screen {
    type Color = BinaryColor;
    type Error = core::convert::Infallible;

    fn draw_iter<I: IntoIterator<Item = Pixel<BinaryColor>>>(
        &mut self,
        pixels: I,
    ) -> Result<(), Self::Error> {
        let page = self.pixels.bounding_box();
        for pixel in pixels {
            if page.contains(pixel.0) {
                self.pixels.draw_iter([pixel])?;
            } else {
                self.outside += 1;
            }
        }
        Ok(())
    }
}

impl Dimensions for Screen {
    // Larger than the page, so that nothing is clipped for the reader.
    fn bounding_box(&self) -> Rectangle {
        Rectangle::new(Point::new(-1000, -1000), Size::new(3000, 3000))
    }
}

/// The text area of `layout`: inside the margins, above the footer.
fn text_area<F: Family>(layout: &Layout<'_, F>) -> Rectangle {
    let m = layout.profile().margins;
    Rectangle::new(
        Point::new(i32::from(m.left), i32::from(m.top)),
        Size::new(layout.text_width(), layout.text_height()),
    )
}

#[test]
fn the_status_line_never_inks_the_text_area_nor_the_text_the_status_line() {
    let book = open(BOOK);
    let layout = book.layout().unwrap();
    assert!(layout.profile().footer);
    let text = text_area(&layout);
    let mut reader = reader(&layout);
    for n in 0..reader.page_count() {
        let (mut shown, mut status) = (Screen::new(), Screen::new());
        reader.draw(&mut shown).unwrap();
        reader.page().unwrap().draw_footer(&mut status).unwrap();
        assert!(
            status.ink(status.pixels.bounding_box()) > 0,
            "page {n} has a status line"
        );
        assert_eq!(
            status.ink(text),
            0,
            "page {n}: the status line inks the text area"
        );
        for p in shown.pixels.bounding_box().points() {
            let ink = shown.pixels.is_on(p);
            let footer = status.pixels.is_on(p);
            assert!(
                !footer || ink,
                "page {n}: the status line is not all drawn at {p}"
            );
            // Text may overhang a side margin by a bold glyph's extra pixel; never the bottom.
            assert!(
                !ink || footer || p.y < text.bottom_right().unwrap().y + 1,
                "page {n}: text inked {p}, below its area"
            );
        }
        assert_eq!(shown.outside, 0);
        handle(&mut reader, Event::NextPage);
    }
}

/// The contents view's rows: how many fit, their pitch and the first one's top.
fn rows<F: Family>(layout: &Layout<'_, F>) -> (u32, u32, u32) {
    let pitch = layout.line_pitch();
    let m = layout.profile().margins;
    let height = u32::from(layout.profile().height) - u32::from(m.top + m.bottom);
    (height / pitch, pitch, u32::from(m.top))
}

/// The rows of the contents view that are mostly ink: the highlighted one.
fn inverted_rows<F: Family>(layout: &Layout<'_, F>, screen: &Screen) -> heapless::Vec<u32, 64> {
    let (count, pitch, top) = rows(layout);
    let m = layout.profile().margins;
    let width = layout.text_width();
    (0..count)
        .filter(|row| {
            let band = Rectangle::new(
                Point::new(i32::from(m.left), (top + row * pitch) as i32),
                Size::new(width, pitch),
            );
            screen.ink(band) * 2 > width * pitch
        })
        .collect()
}

#[test]
fn the_contents_view_keeps_its_highlight_in_view_inside_the_page() {
    let book = open(TWO_DISPLAYS);
    let small = book.display(1).unwrap(); // 296x128
    let layout = Layout::new(&book, small, book.layout_font().unwrap()).unwrap();
    let (count, _, _) = rows(&layout);
    assert!(count < 12, "the view must scroll to show all 12 entries");
    let mut reader = reader(&layout);
    handle(&mut reader, Event::Contents);
    let page = Rectangle::new(Point::zero(), Size::new(296, 128));
    for highlight in 0..12 {
        assert_eq!(reader.highlighted(), Some(highlight));
        let mut screen = Screen::new();
        reader.draw(&mut screen).unwrap();
        assert_eq!(screen.outside, 0);
        assert_eq!(screen.ink(screen.pixels.bounding_box()), screen.ink(page));
        assert_eq!(inverted_rows(&layout, &screen), [highlight % count]);
        handle(&mut reader, Event::NextPage);
    }
}

#[test]
fn contents_entries_are_indented_by_level_with_page_numbers_at_the_right() {
    let blocks = [
        Block::new(BlockKind::Heading(1), "One"),
        Block::new(BlockKind::Paragraph, "It begins."),
        Block::new(BlockKind::Heading(2), "Two"),
        Block::new(BlockKind::Paragraph, "It goes on, onto a page of its own."),
    ];
    let toc = [
        ChapterRecord {
            block: 0,
            level: 1,
            new_page: true,
            title: "One",
            language: "",
        },
        ChapterRecord {
            block: 2,
            level: 2,
            new_page: true,
            title: "Two",
            language: "",
        },
    ];
    let contents = Contents {
        chapters: &toc,
        ..Contents::plain(Meta::default(), &blocks)
    };
    let mut buffer = [0u8; 256];
    let len = pack_into(&contents, &mut buffer).unwrap();
    let book = Book::from_bytes(&buffer[..len]).unwrap();
    let layout = Layout::new(&book, Profile::new(64, 28), &MONO_6X10).unwrap();
    let mut reader = Reader::new(&layout, crate::ReaderState::START).unwrap();
    reader.handle(Event::Contents).unwrap();
    reader.handle(Event::NextPage).unwrap();
    let mut screen = Screen::new();
    reader.draw(&mut screen).unwrap();
    let pitch = layout.line_pitch() as i32;
    // The 6x10 character cell from pixel `x` on row `row`, under a 4-pixel top margin.
    let cell = |x: i32, row: i32| Rectangle::new(Point::new(x, 4 + row * pitch), Size::new(6, 10));
    // Row 0: "One" from the left margin (x 4), "1" flush right against the right margin
    // (x 54 to 60), paper between.
    assert!(screen.ink(cell(4, 0)) > 0 && screen.ink(cell(54, 0)) > 0);
    assert_eq!(
        screen.ink(Rectangle::new(Point::new(22, 4), Size::new(32, 10))),
        0
    );
    // Row 1, the highlight, inverted: ink up to "Two", two spaces in (x 16), paper in its
    // strokes and in those of "2", ink between them.
    let full = 6 * 10;
    assert_eq!(screen.ink(cell(4, 1)) + screen.ink(cell(10, 1)), 2 * full);
    assert!(screen.ink(cell(16, 1)) < full);
    assert_eq!(screen.ink(cell(40, 1)), full);
    assert!(screen.ink(cell(54, 1)) < full);
    // Nothing past the page's 64x28.
    let page = Rectangle::new(Point::zero(), Size::new(64, 28));
    assert_eq!(screen.ink(screen.pixels.bounding_box()), screen.ink(page));
}

/// A target whose every draw fails, like a display whose bus is gone.
struct Broken;

impl DrawTarget for Broken {
    type Color = BinaryColor;
    type Error = &'static str;

    fn draw_iter<I: IntoIterator<Item = Pixel<BinaryColor>>>(
        &mut self,
        _: I,
    ) -> Result<(), Self::Error> {
        Err("the bus is gone")
    }
}

impl Dimensions for Broken {
    fn bounding_box(&self) -> Rectangle {
        Rectangle::new(Point::zero(), Size::new(WIDTH, HEIGHT))
    }
}

#[test]
fn display_errors_reach_the_caller() {
    let book = open(BOOK);
    let layout = book.layout().unwrap();
    let mut reader = reader(&layout);
    assert_eq!(reader.draw(&mut Broken), Err("the bus is gone"));
    handle(&mut reader, Event::Contents);
    assert_eq!(reader.draw(&mut Broken), Err("the bus is gone"));
}
