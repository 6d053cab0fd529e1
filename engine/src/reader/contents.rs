//! The table of contents view: its highlight moves, and its drawing (titles indented by
//! level, each with its page number at the right, the highlighted entry inverted).

use core::iter::Peekable;

use embedded_graphics::pixelcolor::BinaryColor;
use embedded_graphics::prelude::{DrawTarget, DrawTargetExt, Pixel, Point, Size};
use embedded_graphics::primitives::Rectangle;

use super::{Event, Outcome, Reader};
use crate::draw::{draw_char, fit_title, text_width, TargetCanvas};
use crate::font::{Face, Family, Font};
use crate::layout::Pages;
use crate::text::Chapter;
use crate::{Error, Layout};

/// What a cut title ends in.
const CUT: &str = "...";

impl<F: Family> Reader<'_, '_, F> {
    /// Opens the view with the chapter of the current page highlighted (the first entry in
    /// front matter). A book without a table of contents has none to open.
    pub(super) fn open_contents(&mut self) -> Outcome {
        let book = self.layout.book();
        if book.chapter_count() == 0 {
            return Outcome::Unchanged;
        }
        let here = book.chapter_of(self.current.start).map_or(0, |c| c.index);
        self.contents = Some(here);
        Outcome::Redraw
    }

    pub(super) fn handle_in_contents(
        &mut self,
        highlight: u32,
        event: Event,
    ) -> Result<Outcome, Error> {
        let last = self.layout.book().chapter_count().saturating_sub(1);
        let to = match event {
            Event::NextPage => highlight.saturating_add(1).min(last),
            Event::PreviousPage => highlight.saturating_sub(1),
            Event::FirstPage => 0,
            Event::LastPage => last,
            Event::Contents => {
                self.contents = None;
                return Ok(Outcome::Redraw);
            }
            Event::Select => {
                self.contents = None;
                if let Some(chapter) = self.layout.book().chapter(highlight) {
                    self.open_chapter(chapter)?;
                }
                // The view closes whether or not the page changed.
                return Ok(Outcome::Redraw);
            }
            _ => return Ok(Outcome::Unchanged),
        };
        if to == highlight {
            return Ok(Outcome::Unchanged);
        }
        self.contents = Some(to);
        Ok(Outcome::Redraw)
    }
}

/// Draws the table of contents of `layout`'s book with entry `highlight` inverted, showing
/// the screenful of entries that holds it. Nothing is drawn outside the page.
pub(super) fn draw<F: Family, D: DrawTarget<Color = BinaryColor>>(
    layout: &Layout<'_, F>,
    highlight: u32,
    target: &mut D,
) -> Result<(), D::Error> {
    let profile = layout.profile();
    let page = Rectangle::new(
        Point::zero(),
        Size::new(u32::from(profile.width), u32::from(profile.height)),
    );
    let mut target = target.clipped(&page);
    target.fill_solid(&page, BinaryColor::Off)?;
    let rows = Rows::of(layout);
    let first = highlight / rows.count * rows.count;
    let chapters = layout.book().chapters().skip(first as usize);
    let mut numbers = ChapterPages::new(layout);
    for (row, chapter) in (0..rows.count).zip(chapters) {
        let entry = Entry {
            title: chapter.title,
            level: chapter.level,
            page: numbers.page(&chapter).map(|n| n.saturating_add(1)),
        };
        let top = rows.top + row * rows.pitch;
        if chapter.index == highlight {
            let band = Rectangle::new(
                Point::new(rows.left as i32, top as i32),
                Size::new(rows.right.saturating_sub(rows.left), rows.pitch),
            );
            target.fill_solid(&band, BinaryColor::On)?;
            entry.draw(layout, &rows, top, &mut Inverted(&mut target))?;
        } else {
            entry.draw(layout, &rows, top, &mut target)?;
        }
    }
    Ok(())
}

/// The pages chapters open on, asked for in reading order: through the baked page index, or
/// else in one pass over the pages, however many entries a screen shows.
struct ChapterPages<'l, F: Family> {
    layout: &'l Layout<'l, F>,
    /// The pages not yet passed, when the layout has no baked index.
    pages: Option<Peekable<Pages<'l, F>>>,
    /// The last page passed.
    last: Option<u32>,
}

impl<'l, F: Family> ChapterPages<'l, F> {
    fn new(layout: &'l Layout<'l, F>) -> Self {
        ChapterPages {
            layout,
            pages: layout
                .page_index()
                .is_none()
                .then(|| layout.pages().peekable()),
            last: None,
        }
    }

    /// The page (from 0) `chapter` opens on; `None` when the layout cannot place it, so
    /// that the view shows no number rather than a wrong one.
    fn page(&mut self, chapter: &Chapter<'_>) -> Option<u32> {
        let Some(pages) = &mut self.pages else {
            return self.layout.chapter_page(chapter.index).ok();
        };
        // Where its first line starts, as `Layout::chapter_page` finds it.
        let start = self.layout.lines_at(chapter.start).ok()?.position();
        while let Some(page) = pages.next_if(|page| page.start <= start) {
            self.last = Some(page.index);
        }
        self.last
    }
}

/// Where the entries go: the text area's sides, its top, the distance between rows and how
/// many fit.
struct Rows {
    left: u32,
    right: u32,
    top: u32,
    pitch: u32,
    count: u32,
}

impl Rows {
    fn of<F: Family>(layout: &Layout<'_, F>) -> Self {
        let profile = layout.profile();
        let m = profile.margins;
        let height =
            u32::from(profile.height).saturating_sub(u32::from(m.top) + u32::from(m.bottom));
        let pitch = layout.line_pitch().max(1);
        Rows {
            left: u32::from(m.left),
            right: u32::from(profile.width).saturating_sub(u32::from(m.right)),
            top: u32::from(m.top),
            pitch,
            // At least one, so the highlight always shows, clipped if it must be.
            count: (height / pitch).max(1),
        }
    }
}

/// One line of the view.
struct Entry<'t> {
    title: &'t str,
    level: u8,
    page: Option<u32>,
}

impl Entry<'_> {
    /// Draws the title from its indent and the page number flush right, on the row at `top`.
    fn draw<F: Family, D: DrawTarget<Color = BinaryColor>>(
        &self,
        layout: &Layout<'_, F>,
        rows: &Rows,
        top: u32,
        target: &mut D,
    ) -> Result<(), D::Error> {
        let font = &layout.fonts().face(Face::Regular);
        let mut number = heapless::String::<10>::new();
        if let Some(page) = self.page {
            // Ten bytes hold any u32.
            let _ = core::fmt::Write::write_fmt(&mut number, format_args!("{page}"));
        }
        let number_width = text_width(font, &number);
        let number_x = rows.right.saturating_sub(number_width).max(rows.left);
        let indent = u32::from(self.level.saturating_sub(1)) * 2 * font.advance(' ');
        let x = rows.left.saturating_add(indent).min(number_x);
        // An em between the title and the number, so they never touch.
        let room = number_x.saturating_sub(x).saturating_sub(font.advance('m'));
        let (shown, cut) = fit_title(font, self.title, room);
        let mut line = Line {
            top,
            right: rows.right,
            target,
        };
        let end = line.text(font, shown, x)?;
        line.text(font, if cut { CUT } else { "" }, end)?;
        line.text(font, &number, number_x)?;
        Ok(())
    }
}

/// A row being drawn: glyphs stop at its right end.
struct Line<'d, D> {
    top: u32,
    right: u32,
    target: &'d mut D,
}

impl<D: DrawTarget<Color = BinaryColor>> Line<'_, D> {
    /// Draws `text` from `x` on and returns where it ended.
    fn text<T: Font>(&mut self, font: &T, text: &str, mut x: u32) -> Result<u32, D::Error> {
        for c in text.chars() {
            if x.saturating_add(font.advance(c)) > self.right {
                break;
            }
            let at = Point::new(x as i32, self.top as i32);
            x += draw_char(font, c, at, font.embolden(), &mut TargetCanvas(self.target))?;
        }
        Ok(x)
    }
}

/// A target that swaps ink and paper: the highlighted entry's text is paper on ink.
struct Inverted<'d, D>(&'d mut D);

impl<D: DrawTarget<Color = BinaryColor>> DrawTarget for Inverted<'_, D> {
    type Color = BinaryColor;
    type Error = D::Error;

    fn draw_iter<I>(&mut self, pixels: I) -> Result<(), D::Error>
    where
        I: IntoIterator<Item = Pixel<BinaryColor>>,
    {
        let inverted = pixels
            .into_iter()
            .map(|Pixel(at, color)| Pixel(at, color.invert()));
        self.0.draw_iter(inverted)
    }
}

impl<D: DrawTarget<Color = BinaryColor>> embedded_graphics::geometry::Dimensions
    for Inverted<'_, D>
{
    fn bounding_box(&self) -> Rectangle {
        self.0.bounding_box()
    }
}

#[cfg(all(test, feature = "justify", feature = "english"))]
mod tests {
    use super::ChapterPages;
    use crate::reader::tests::{open, BOOK};
    use crate::{Layout, Profile};

    #[test]
    fn one_pass_finds_the_pages_the_layout_names_with_or_without_an_index() {
        let book = open(BOOK);
        let baked = book.layout().unwrap();
        let footed = Profile {
            footer: true,
            ..Profile::new(300, 200)
        };
        let unbaked = Layout::new(&book, footed, book.layout_font().unwrap()).unwrap();
        assert!(unbaked.page_index().is_none());
        for layout in [&baked, &unbaked] {
            let mut pages = ChapterPages::new(layout);
            for chapter in book.chapters() {
                let expected = layout.chapter_page(chapter.index).ok();
                assert_eq!(pages.page(&chapter), expected, "{}", chapter.title);
            }
        }
    }
}
