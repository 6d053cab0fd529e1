//! Drawing pages: onto any embedded-graphics target ([`Page`] is `Drawable`),
//! into a packed 1-bit [`Framebuffer`], or onto a grayscale target.

mod canvas;
mod footer;
mod framebuffer;
mod glyph;
mod gray;
mod marks;

pub use framebuffer::Framebuffer;
pub use gray::draw_glyph_gray;

// For the reader's contents view, which sets its titles as the footer sets a chapter's.
pub(crate) use canvas::TargetCanvas;
pub(crate) use footer::{fit as fit_title, width as text_width};
pub(crate) use glyph::draw_char;

use embedded_graphics::pixelcolor::{BinaryColor, Gray8, GrayColor};
use embedded_graphics::prelude::{DrawTarget, OriginDimensions, Point, Size};
use embedded_graphics::Drawable;

use self::canvas::Canvas;
use self::gray::GrayCanvas;
use crate::font::{Family, Font};
use crate::format::Part;
#[cfg(feature = "breaking")]
use crate::layout::Recorded;
use crate::layout::{Filled, Layout, Line, LineText, Lines, Page};
#[cfg(feature = "breaking")]
use crate::text::PageText;
use crate::text::{Block, Nesting, Style};
use crate::{Error, Position};

impl<F: Family> OriginDimensions for Page<'_, F> {
    fn size(&self) -> Size {
        let profile = &self.layout().profile;
        Size::new(u32::from(profile.width), u32::from(profile.height))
    }
}

/// Drawing lays the page's lines out again with the same routine pagination used, so what
/// is drawn is exactly what was measured. Paper is [`BinaryColor::Off`], ink
/// [`BinaryColor::On`]; a profile with a footer gets "page x / total" under the text when
/// the total is known ([`Page::total`]), or, in a book with chapters, the chapter's title at
/// the left and "x / total · p%" at the right ([`Page::status`]).
///
/// ```
/// use embedded_graphics::{mock_display::MockDisplay, pixelcolor::BinaryColor, Drawable};
/// use inkleaf::build::{pack_into, Contents};
/// use inkleaf::{font::MONO_6X10, format::Meta, text::{Block, BlockKind}, Book, Layout, Profile};
///
/// # let blocks = [Block::new(BlockKind::Paragraph, "Hello, paper.")];
/// # let mut buffer = [0u8; 128];
/// # let len = pack_into(&Contents::plain(Meta::default(), &blocks), &mut buffer)?;
/// # let blob = &buffer[..len];
/// let book = Book::from_bytes(blob)?;
/// let layout = Layout::new(&book, Profile::new(64, 20), &MONO_6X10)?;
/// let mut display = MockDisplay::<BinaryColor>::new();
/// display.set_allow_overdraw(true); // a page clears itself to paper before inking
/// layout.page(0)?.draw(&mut display)?;
/// assert_eq!(display.get_pixel((0, 0).into()), Some(BinaryColor::Off));
/// # Ok::<(), inkleaf::Error>(())
/// ```
impl<F: Family> Drawable for Page<'_, F> {
    type Color = BinaryColor;
    type Output = ();

    fn draw<D: DrawTarget<Color = BinaryColor>>(&self, target: &mut D) -> Result<(), D::Error> {
        self.render(&mut TargetCanvas(target))
    }
}

impl<F: Family> Page<'_, F> {
    /// Draws the page into a packed framebuffer, blitting glyph rows a byte at a time.
    /// The pixels are exactly those [`Drawable::draw`] gives.
    ///
    /// ```
    /// use embedded_graphics::Drawable;
    /// use inkleaf::{Book, Framebuffer};
    ///
    /// # let blob = include_bytes!("../../../tests/fixtures/device/article-2.9in.inkleaf");
    /// # let book = Book::from_bytes(blob)?;
    /// # let layout = book.layout()?;
    /// let page = layout.page(0)?;
    /// let mut bytes = [0u8; Framebuffer::<&mut [u8]>::bytes_needed(296, 128)];
    /// let mut packed = Framebuffer::new(&mut bytes[..], 296, 128)?;
    /// page.draw_into(&mut packed);
    /// // The same page through embedded-graphics, pixel by pixel.
    /// let mut other = [0u8; Framebuffer::<&mut [u8]>::bytes_needed(296, 128)];
    /// let mut pixels = Framebuffer::new(&mut other[..], 296, 128)?;
    /// page.draw(&mut pixels)?;
    /// assert_eq!(packed.as_bytes(), pixels.as_bytes());
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn draw_into<B: AsRef<[u8]> + AsMut<[u8]>>(&self, framebuffer: &mut Framebuffer<B>) {
        let Ok(()) = self.render(framebuffer);
    }

    /// Draws the page onto a grayscale target (`Gray2`, `Gray4`, `Gray8`): paper white, ink
    /// black, anti-aliased glyphs in the grays between.
    ///
    /// ```
    /// use embedded_graphics::mock_display::MockDisplay;
    /// use embedded_graphics::{pixelcolor::{Gray4, GrayColor}, prelude::*};
    /// # use inkleaf::{build::{pack_into, Contents}, format::Meta, text::{Block, BlockKind}};
    /// use inkleaf::{font::MONO_6X10, Book, Layout, Profile};
    ///
    /// # let blocks = [Block::new(BlockKind::Paragraph, "Hello, paper.")];
    /// # let mut buffer = [0u8; 128];
    /// # let len = pack_into(&Contents::plain(Meta::default(), &blocks), &mut buffer)?;
    /// # let blob = &buffer[..len];
    /// let book = Book::from_bytes(blob)?;
    /// let layout = Layout::new(&book, Profile::new(64, 20), &MONO_6X10)?;
    /// let mut display = MockDisplay::<Gray4>::new();
    /// display.set_allow_overdraw(true); // paper first, then ink
    /// layout.page(0)?.draw_gray(&mut display)?;
    /// assert_eq!(display.get_pixel(Point::new(0, 0)), Some(Gray4::WHITE)); // the margin
    /// let ink = Some(Gray4::BLACK);
    /// assert!(display.bounding_box().points().any(|p| display.get_pixel(p) == ink));
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn draw_gray<C, D>(&self, target: &mut D) -> Result<(), D::Error>
    where
        C: GrayColor + From<Gray8>,
        D: DrawTarget<Color = C>,
    {
        self.render(&mut GrayCanvas(target))
    }

    fn render<C: Canvas>(&self, canvas: &mut C) -> Result<(), C::Error> {
        self.render_checked(canvas).map(|_| ())
    }

    /// Draws the page; `Ok(Err(_))` if its lines did not come out as it says, and then what
    /// was drawn is not the page: [`Error::Malformed`]`(`[`Part::LineBreaks`]`)` for a baked
    /// page whose line breaks do not fit its text, [`Error::CorruptText`] for coded text
    /// that stops decoding on it.
    // Never inlined, so a caller's frame does not grow by the layout state drawing needs.
    #[inline(never)]
    fn render_checked<C: Canvas>(&self, canvas: &mut C) -> Result<Result<(), Error>, C::Error> {
        // Borrowed where it was returned, not moved out: lines are a few hundred bytes.
        let mut opened = self.layout().page_lines(self.index, self.start);
        self.render_lines(canvas, &mut opened, None)
    }

    /// [`Page::render_checked`] with the page's lines set by `opened`, each folded into
    /// `digest` if given (see `Recorded`).
    fn render_lines<'r, C: Canvas>(
        &'r self,
        canvas: &mut C,
        opened: &mut Result<Lines<'r, 'r, F>, Error>,
        mut digest: Option<&mut u32>,
    ) -> Result<Result<(), Error>, C::Error> {
        // Only a page laid out on the device has lines to compare.
        #[cfg(not(feature = "breaking"))]
        let _ = digest.take();
        let layout: &'r Layout<'r, F> = self.layout();
        canvas.clear_page(self.size())?;
        let Ok(lines) = opened else {
            // A page that does not belong to this layout draws as blank paper.
            return Ok(Err(Error::Malformed(Part::LineBreaks)));
        };
        let margins = layout.profile().margins;
        let line_spacing = u32::from(layout.profile().line_spacing);
        let origin = Point::new(i32::from(margins.left), i32::from(margins.top));
        // Where the line before ended, and in what: quote rules run on through the space
        // between two blocks of the same quote.
        let mut before: Option<(Nesting, u32)> = None;
        // The characters of the line being drawn, as measuring read them.
        let mut kept = LineText::new();
        let filled = layout.fill(
            lines,
            Some(self.lines),
            Some(&mut kept),
            |line, block, kept, top| {
                #[cfg(feature = "breaking")]
                if let Some(digest) = digest.as_deref_mut() {
                    *digest = crate::layout::digest(*digest, line);
                }
                let joined = before.map(|(nesting, bottom)| (nesting, top.saturating_sub(bottom)));
                let at = origin + Point::new(0, top as i32);
                marks::draw_marks(layout, line, joined, at, canvas)?;
                before = Some((line.nesting, top + line.height + line_spacing));
                draw_line(layout, line, block, kept, at, canvas)
            },
        )?;
        let whole = filled.lines == self.lines && filled.end == self.end && !lines.baked_fault();
        let checked = lines.text_fault().and_then(|()| {
            whole
                .then_some(())
                .ok_or_else(|| layout.baked_fault(self.start, self.end))
        });
        if layout.profile().footer {
            footer::draw(layout, &self.status(), canvas)?;
        }
        Ok(checked)
    }
}

impl<F: Family> Layout<'_, F> {
    /// Turns to page `index`, which starts at `start`, and draws it into `framebuffer`: what
    /// [`Layout::page_at`] and [`Page::draw_into`] do, in one pass over the page's text where
    /// the page index bakes its lines, which makes it the cheaper page turn on a device.
    ///
    /// The lines are checked as they are drawn: a page whose baked line breaks do not fit its
    /// text is [`Error::Malformed`]`(`[`Part::LineBreaks`]`)`, and one whose coded text stops
    /// decoding (coded text is checked as it is read, not when the book opens) is
    /// [`Error::CorruptText`], as from [`Layout::page_at`]; then the framebuffer holds no
    /// page to show.
    ///
    /// ```
    /// use inkleaf::{Book, Framebuffer, Position};
    ///
    /// # let blob = include_bytes!("../../../tests/fixtures/device/article-2.9in.inkleaf");
    /// let book = Book::from_bytes(blob)?;
    /// let layout = book.layout()?;
    /// let mut bytes = [0u8; Framebuffer::<&mut [u8]>::bytes_needed(296, 128)];
    /// let mut screen = Framebuffer::new(&mut bytes[..], 296, 128)?;
    /// let first = layout.draw_page_into(0, Position::START, &mut screen)?;
    /// // The same page and pixels as laying it out, then drawing it.
    /// let mut other = [0u8; Framebuffer::<&mut [u8]>::bytes_needed(296, 128)];
    /// let mut apart = Framebuffer::new(&mut other[..], 296, 128)?;
    /// layout.page(0)?.draw_into(&mut apart);
    /// assert_eq!(first, layout.page(0)?);
    /// assert_eq!(screen.as_bytes(), apart.as_bytes());
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn draw_page_into<B: AsRef<[u8]> + AsMut<[u8]>>(
        &self,
        index: u32,
        start: Position,
        framebuffer: &mut Framebuffer<B>,
    ) -> Result<Page<'_, F>, Error> {
        self.draw_page(index, start, None, framebuffer)
    }

    /// [`Layout::draw_page_into`] for a reader that counted the pages of a layout with no page
    /// index ([`Layout::page_count`]): a page the index does not bake shows `total` in its
    /// footer, as [`Page::with_total`] makes it. A baked page shows the index's own count.
    ///
    /// ```
    /// use inkleaf::{font::MONO_6X10, layout::Align, Book, Framebuffer, Layout, Position};
    ///
    /// # let blob = include_bytes!("../../../tests/fixtures/device/article-2.9in.inkleaf");
    /// let book = Book::from_bytes(blob)?;
    /// // Flush left: a look the blob bakes no lines for, laid out on the device.
    /// let profile = inkleaf::Profile { align: Align::Left, ..book.built_for().unwrap().profile };
    /// let layout = Layout::new(&book, profile, &MONO_6X10)?;
    /// let total = layout.page_count();
    /// let mut bytes = [0u8; Framebuffer::<&mut [u8]>::bytes_needed(296, 128)];
    /// let mut screen = Framebuffer::new(&mut bytes[..], 296, 128)?;
    /// let first = layout.draw_counted_page_into(0, Position::START, total, &mut screen)?;
    /// assert_eq!(first.total(), Some(total));
    /// // The same pixels as laying the page out, then drawing it.
    /// let mut other = [0u8; Framebuffer::<&mut [u8]>::bytes_needed(296, 128)];
    /// let mut apart = Framebuffer::new(&mut other[..], 296, 128)?;
    /// layout.page(0)?.with_total(total).draw_into(&mut apart);
    /// assert_eq!(screen.as_bytes(), apart.as_bytes());
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn draw_counted_page_into<B: AsRef<[u8]> + AsMut<[u8]>>(
        &self,
        index: u32,
        start: Position,
        total: u32,
        framebuffer: &mut Framebuffer<B>,
    ) -> Result<Page<'_, F>, Error> {
        self.draw_page(index, start, Some(total), framebuffer)
    }

    fn draw_page<B: AsRef<[u8]> + AsMut<[u8]>>(
        &self,
        index: u32,
        start: Position,
        total: Option<u32>,
        framebuffer: &mut Framebuffer<B>,
    ) -> Result<Page<'_, F>, Error> {
        let Some(filled) = self.count_baked_page(index, start) else {
            return self.lay_out_and_draw(index, start, total, framebuffer);
        };
        let page = Page::new(self, index, start, filled?);
        let Ok(checked) = page.render_checked(framebuffer);
        checked.map(|()| page)
    }

    /// The lines of baked page `index` counted, if the index bakes it and it starts at
    /// `start` (see `Layout::count_baked`). Out of line, so that the page breaks it reads are
    /// not held on the stack while the page is drawn.
    #[inline(never)]
    fn count_baked_page(&self, index: u32, start: Position) -> Option<Result<Filled, Error>> {
        self.baked_page(index, start)
            .and_then(|breaks| self.count_baked(index, breaks))
    }

    /// [`Layout::draw_page_into`] for a page the index does not bake: laid out, then drawn.
    /// The lines are broken once: laying the page out records their breaks, and drawing sets
    /// them from the record as a baked page's are set. Coded text is decoded once: laying
    /// out keeps what it decodes in a [`PageText`] (a kilobyte of this frame), and drawing
    /// reads it back.
    #[inline(never)]
    fn lay_out_and_draw<B: AsRef<[u8]> + AsMut<[u8]>>(
        &self,
        index: u32,
        start: Position,
        total: Option<u32>,
        framebuffer: &mut Framebuffer<B>,
    ) -> Result<Page<'_, F>, Error> {
        #[cfg(feature = "breaking")]
        {
            let mut record = Recorded::new();
            let text = PageText::new();
            let page = self.page_recorded(index, start, &mut record, &text)?;
            // The footer's page count, if the reader gave one.
            let page = total.map_or(page, |total| page.with_total(total));
            if let Some(mut lines) = self.recorded_lines(&page, &record, &text) {
                let mut drawn = crate::layout::DIGEST_START;
                let set = page.render_lines(framebuffer, &mut lines, Some(&mut drawn));
                if let Ok(Ok(())) = set {
                    if record.digest(page.lines) == Some(drawn) {
                        return Ok(page);
                    }
                }
            }
            // A line too long to record, or lines that set otherwise when read back: drawn
            // as laying out sets them, breaking them again.
            page.draw_into(framebuffer);
            Ok(page)
        }
        #[cfg(not(feature = "breaking"))]
        {
            // Unbaked pages are refused: this is the error.
            let page = self.page_at(index, start)?;
            let page = total.map_or(page, |total| page.with_total(total));
            page.draw_into(framebuffer);
            Ok(page)
        }
    }
}

/// `style`, underlined too when `font` marks its face that way (italics in a built-in font).
fn underlined<F: Font>(font: &F, style: Style) -> Style {
    if font.underline() {
        style.with(Style::LINK)
    } else {
        style
    }
}

/// Draws one line of `block` with the text area's left edge at `origin`, the pen moving as
/// layout measured it.
// Never inlined: see `marks::draw_marks`.
#[inline(never)]
fn draw_line<F: Family, C: Canvas>(
    layout: &Layout<'_, F>,
    line: &Line,
    block: &Block<'_>,
    kept: Option<&LineText>,
    origin: Point,
    target: &mut C,
) -> Result<(), C::Error> {
    let origin = origin + Point::new(line.left as i32, 0);
    let mut styled = false;
    layout.set_line(line, block, kept, |x, c, font, style| {
        styled |= marks::has_marks(underlined(font, style));
        let at = origin + Point::new(x as i32, 0);
        draw_char(font, c, at, font.embolden(), target)
    })?;
    if styled {
        // Underlines and strikes go over all of the line's glyphs: on a gray target a glyph's
        // pixel replaces what is under it, and the faint edge of the glyph after an underlined
        // one would lighten its underline.
        layout.set_line(line, block, kept, |x, c, font, style| {
            let advance = font.advance(c);
            marks::draw_style(font, underlined(font, style), origin, x, advance, target)?;
            Ok(advance)
        })?;
    }
    Ok(())
}

/// The footer alone, for tests that tell its ink from the text's.
#[cfg(all(test, feature = "justify", feature = "english"))]
impl<F: Family> Page<'_, F> {
    pub(crate) fn draw_footer<D: DrawTarget<Color = BinaryColor>>(
        &self,
        target: &mut D,
    ) -> Result<(), D::Error> {
        footer::draw(self.layout(), &self.status(), &mut TargetCanvas(target))
    }
}
