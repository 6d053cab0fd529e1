//! The engine's read-and-draw path: open a blob from flash, paginate it with the profile it
//! was built for, and draw every page into a framebuffer, measuring each page turn.

use core::fmt;

use inkleaf::{
    font::{Family, MonoFont, PackedFamily},
    layout::{Align, Margins},
    Book, Layout, Position, Profile,
};

use crate::{host::Host, machine::Machine, meter, rt, surface::Surface};

/// How to lay a blob out, given the profile it was built for.
pub type Look = fn(Profile) -> Profile;

/// The profile the blob was built for, unchanged.
pub fn as_built(profile: Profile) -> Profile {
    profile
}

/// How the embedded-text peer sets text: no margins, no gaps between paragraphs, flush left.
pub fn plain(profile: Profile) -> Profile {
    Profile {
        margins: Margins::all(0),
        paragraph_spacing: 0,
        align: Align::Left,
        footer: false,
        ..profile
    }
}

/// The fonts to lay a blob out in, found in the book.
pub type Fonts<'a, F> = fn(&Book<'a>) -> Result<F, Failure>;

/// The built-in font the blob was built for: firmware that takes this links none of the
/// packed-font code.
pub fn built_in_font(book: &Book<'_>) -> Result<&'static MonoFont, Failure> {
    Ok(book.built_for().ok_or(Failure::NotBuiltFor)?.font.font())
}

/// The faces the blob packs, as `inkleaf build` packs its default family, read into a `static` (`Book::family_in`) and lent to the
/// layout: a family is a few hundred bytes, which reading it and a layout holding it by value
/// would copy through their frames. Once per firmware run.
pub fn kept_family(book: &Book<'static>) -> Result<&'static PackedFamily<'static>, Failure> {
    let kept =
        cortex_m::singleton!(: Option<PackedFamily<'static>> = None).ok_or(Failure::NoFonts)?;
    book.family_in(kept)?.ok_or(Failure::NoFonts)
}

/// Why the read-and-draw path stopped.
#[derive(Clone, Copy, Debug)]
pub enum Failure {
    /// The engine turned the blob down.
    Engine(inkleaf::Error),
    /// The blob records no profile to lay it out with.
    NotBuiltFor,
    /// The blob packs no faces, and the firmware draws packed ones.
    NoFonts,
    /// The blob has no page index for its own profile, and the firmware turns to pages by
    /// where the index says they start.
    NoPageIndex,
    /// The static framebuffer is smaller than the profile's display.
    FramebufferTooSmall {
        /// Display width in pixels.
        width: u16,
        /// Display height in pixels.
        height: u16,
    },
}

impl From<inkleaf::Error> for Failure {
    fn from(error: inkleaf::Error) -> Self {
        Failure::Engine(error)
    }
}

impl Failure {
    /// The kind of failure, one word for the `FAILED` line: `engine`, `not-built-for`,
    /// `no-fonts`, `no-page-index` or `framebuffer-too-small`.
    pub fn kind(&self) -> &'static str {
        match self {
            Failure::Engine(_) => "engine",
            Failure::NotBuiltFor => "not-built-for",
            Failure::NoFonts => "no-fonts",
            Failure::NoPageIndex => "no-page-index",
            Failure::FramebufferTooSmall { .. } => "framebuffer-too-small",
        }
    }
}

/// What went wrong, without the kind: for an engine failure, the engine error's own text.
impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Engine(error) => write!(f, "{error}"),
            Failure::NotBuiltFor => f.write_str("the blob records no display profile"),
            Failure::NoFonts => f.write_str("the blob packs no font faces"),
            Failure::NoPageIndex => f.write_str("the blob has no page index for its profile"),
            Failure::FramebufferTooSmall { width, height } => {
                write!(f, "the framebuffer cannot hold {width}x{height}")
            }
        }
    }
}

/// A whole firmware run on `lm3s6965evb`: boot, draw every page of `blob`, set in the
/// built-in font it was built for, into `buffer` as an `S`, report, exit.
///
/// `buffer` should be a `static` (e.g. from `cortex_m::singleton!`), so that `STACK_PEAK`
/// is the engine's stack alone.
pub fn main<'b, S: Surface<'b>>(blob: &'static [u8], buffer: &'b mut [u8], look: Look) -> ! {
    let run = Run {
        machine: Machine::Lm3s6965evb,
        look,
        fonts: built_in_font,
        laid: cortex_m::singleton!(: Laid<&'static MonoFont> = None).expect("main runs once"),
    };
    run.go::<S>(blob, buffer, None)
}

/// [`main`], with coded text decoded through lookup tables in `tables` (`Book::accelerate`).
pub fn main_with_tables<'b, S: Surface<'b>>(
    blob: &'static [u8],
    buffer: &'b mut [u8],
    look: Look,
    tables: &'static mut [u32],
) -> ! {
    let run = Run {
        machine: Machine::Lm3s6965evb,
        look,
        fonts: built_in_font,
        laid: cortex_m::singleton!(: Laid<&'static MonoFont> = None).expect("main runs once"),
    };
    run.go::<S>(blob, buffer, Some(tables))
}

/// [`main`] on `machine` for a blob set in the faces it packs, laid out as built.
pub fn main_packed<'b, S: Surface<'b>>(
    blob: &'static [u8],
    buffer: &'b mut [u8],
    machine: Machine,
) -> ! {
    let run = Run {
        machine,
        look: as_built,
        fonts: kept_family,
        laid: cortex_m::singleton!(: Laid<&'static PackedFamily<'static>> = None)
            .expect("main runs once"),
    };
    run.go::<S>(blob, buffer, None)
}

/// How a firmware runs: where, with which profile and in which fonts, and where it keeps
/// its layout.
struct Run<F: 'static> {
    machine: Machine,
    look: Look,
    fonts: Fonts<'static, F>,
    laid: &'static mut Laid<F>,
}

/// Where a firmware keeps its layout between page turns: a `static` too, a few hundred bytes
/// that every page turn borrows and none copies.
type Laid<F> = Option<Layout<'static, F>>;

/// Where a firmware keeps its opened book: a `static`, like its framebuffer, so that the
/// book (a few hundred bytes with its text model) is neither on the stack nor copied.
type Opened = Option<Book<'static>>;

impl<F: Family> Run<F> {
    fn go<'b, S: Surface<'b>>(
        self,
        blob: &'static [u8],
        buffer: &'b mut [u8],
        tables: Option<&'static mut [u32]>,
    ) -> ! {
        let mut host = rt::boot_on(self.machine);
        // Nothing opened yet: `read_and_draw` opens the blob into it, measured.
        let opened = cortex_m::singleton!(: Opened = None).expect("a firmware runs once");
        let mark = meter::Mark::here();
        let run = read_and_draw::<S, F>(
            &mut host, blob, opened, self.laid, buffer, self.look, self.fonts, tables,
        );
        match run {
            Ok(pages) => rt::finish(&mut host, mark, pages),
            Err(failure) => rt::fail(&mut host, failure.kind(), &failure),
        }
    }
}

/// Opens `blob` into `opened` and sends `MEASURE open` (tables built included), `MEASURE
/// fonts` (taking the fonts from the book), `MEASURE paginate`, then `PAGE n` and `MEASURE
/// page<n>` per page. Returns the number of pages.
///
/// The book and the layout go into `opened` and `laid`, where they stay; opening and laying
/// out have frames of their own, gone before the first turn.
#[allow(clippy::too_many_arguments)]
#[inline(never)]
fn read_and_draw<'a, 'b, S: Surface<'b>, F: Family>(
    host: &mut Host,
    blob: &'a [u8],
    opened: &'a mut Option<Book<'a>>,
    laid: &'a mut Option<Layout<'a, F>>,
    buffer: &'b mut [u8],
    look: Look,
    fonts: Fonts<'a, F>,
    tables: Option<&'a mut [u32]>,
) -> Result<u32, Failure> {
    let book = open(host, blob, opened, tables)?;
    let layout = lay_out(host, book, look, fonts, laid)?;
    let profile = layout.profile();
    let (width, height) = (profile.width, profile.height);
    let mut page = S::new(buffer, width.into(), height.into())
        .ok_or(Failure::FramebufferTooSmall { width, height })?;

    let (total, cost) = meter::measure(|| layout.page_count());
    host.measure(format_args!("paginate"), cost);
    let mut start = Position::START;
    for n in 0..total {
        let (turned, cost) = meter::measure(|| turn(layout, n, start, total, &mut page));
        start = turned?;
        report_page(host, n, (width.into(), height.into()), &page, cost);
    }
    Ok(total)
}

/// Sends `PAGE n` with the page drawn and `MEASURE page<n>`: out of line, so that what
/// reporting needs is not in the frame every page turn sits under.
#[inline(never)]
fn report_page<'b, S: Surface<'b>>(
    host: &mut Host,
    n: u32,
    (width, height): (u32, u32),
    page: &S,
    cost: meter::Cost,
) {
    host.page_of(S::BITS, n, width, height, page.bytes());
    host.measure(format_args!("page{n}"), cost);
}

/// Opens `blob` into `opened`, where it stays, and sends `MEASURE open` (tables built
/// included).
#[inline(never)]
fn open<'a>(
    host: &mut Host,
    blob: &'a [u8],
    opened: &'a mut Option<Book<'a>>,
    tables: Option<&'a mut [u32]>,
) -> Result<&'a Book<'a>, Failure> {
    // Opened where it stays and borrowed from there: a book with a text model is too big to
    // keep or copy on a device's stack.
    let (book, cost) = meter::measure(|| {
        let book = Book::open_in(blob, opened)?;
        #[cfg(feature = "tables")]
        if let Some(tables) = tables {
            book.accelerate(tables)?;
        }
        Ok::<_, inkleaf::Error>(&*book)
    });
    #[cfg(not(feature = "tables"))]
    let _ = tables;
    host.measure(format_args!("open"), cost);
    Ok(book?)
}

/// Lays `book` out into `laid` for the profile it was built for, as `look` sets it, in the
/// fonts `fonts` takes from it; sends `MEASURE fonts`.
#[inline(never)]
fn lay_out<'a, F: Family>(
    host: &mut Host,
    book: &'a Book<'a>,
    look: Look,
    fonts: Fonts<'a, F>,
    laid: &'a mut Option<Layout<'a, F>>,
) -> Result<&'a Layout<'a, F>, Failure> {
    let built = book.built_for().ok_or(Failure::NotBuiltFor)?;
    // Packed faces are checked when they are taken from the book: part of opening it.
    let (family, cost) = meter::measure(|| fonts(book));
    host.measure(format_args!("fonts"), cost);
    // Laid out where it stays: a layout holds its family, a few hundred bytes of packed faces.
    Ok(Layout::new_in(book, look(built.profile), family?, laid)?)
}

/// One page turn as a reader does it, knowing only where the page starts: lay the page out
/// and draw it with its "page x / y" footer (in one pass where the surface can), and return
/// where the next page starts.
// Never inlined, so that what a turn needs for the page it draws is its own frame's, not
// the frame that keeps the layout between turns.
#[inline(never)]
fn turn<'b, F: Family, S: Surface<'b>>(
    layout: &Layout<'_, F>,
    index: u32,
    start: Position,
    total: u32,
    surface: &mut S,
) -> Result<Position, inkleaf::Error> {
    Ok(surface.turn(layout, index, start, total)?.end)
}
