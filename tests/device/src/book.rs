//! A book read the way a reader with a table of contents reads it: every page in order,
//! each with the status its footer shows, then a turn to each chapter's first page, found
//! with `Layout::chapter_page` and opened with `Layout::page_at` from where the blob's page
//! index says that page starts.

use inkleaf::{
    font::{Family, PackedFamily},
    layout::Status,
    text::Chapter,
    Book, Layout, Position,
};

use crate::{
    article::Failure,
    host::{Field, Host},
    machine::Machine,
    meter, rt,
    surface::Surface,
};

/// A whole firmware run on `machine`: boot, read the book in `blob` (set in the faces it
/// packs, laid out as built) into `buffer` as an `S`, report, exit.
///
/// `buffer` should be a `static`, so that `STACK_PEAK` is the engine's stack alone.
pub fn main<'b, S: Surface<'b>>(blob: &'static [u8], buffer: &'b mut [u8], machine: Machine) -> ! {
    main_opening::<S>(blob, buffer, machine, u32::MAX)
}

/// As [`main`], turning only to the first `pages` pages (and to no chapter unless that is
/// every page): a book too long to read whole under QEMU still measures opening and a turn.
pub fn main_opening<'b, S: Surface<'b>>(
    blob: &'static [u8],
    buffer: &'b mut [u8],
    machine: Machine,
    pages: u32,
) -> ! {
    let mut host = rt::boot_on(machine);
    let mark = meter::Mark::here();
    match read::<S>(&mut host, blob, buffer, pages) {
        Ok(pages) => rt::finish(&mut host, mark, pages),
        Err(failure) => rt::fail(&mut host, failure.kind(), &failure),
    }
}

/// Sends `MEASURE open`, `MEASURE fonts` and `MEASURE paginate`; then per page in order
/// `PAGE n`, `STATUS n ...` and `MEASURE page<n>`; then per chapter `CHAPTER c ...`,
/// `CHAPTER_PAGE c n` and `MEASURE chapter<c>`. Returns the number of pages drawn: all of
/// them, or the first `limit`.
#[inline(never)]
fn read<'b, S: Surface<'b>>(
    host: &mut Host,
    blob: &'static [u8],
    buffer: &'b mut [u8],
    limit: u32,
) -> Result<u32, Failure> {
    // Opened where it stays and borrowed from there: no copy of the book on the stack.
    let mut opened = None;
    let (book, cost) = meter::measure(|| Book::open_in(blob, &mut opened).map(|book| &*book));
    host.measure(format_args!("open"), cost);
    let book = book?;
    let profile = book.built_for().ok_or(Failure::NotBuiltFor)?.profile;
    // Read where it stays, a `static`, and lent to the layout: no copy of the faces on the
    // stack, as a device keeps them.
    let kept =
        cortex_m::singleton!(: Option<PackedFamily<'static>> = None).expect("main runs once");
    let (family, cost) = meter::measure(|| book.family_in(kept));
    host.measure(format_args!("fonts"), cost);
    let layout = Layout::new(book, profile, family?.ok_or(Failure::NoFonts)?)?;
    let (width, height) = (profile.width, profile.height);
    let mut surface = S::new(buffer, width.into(), height.into())
        .ok_or(Failure::FramebufferTooSmall { width, height })?;
    let (total, cost) = meter::measure(|| layout.page_count());
    host.measure(format_args!("paginate"), cost);

    let mut start = Position::START;
    if limit < total {
        for n in 0..limit {
            let (turned, cost) = meter::measure(|| turn(&layout, n, start, total, &mut surface));
            host.page_of(S::BITS, n, width.into(), height.into(), surface.bytes());
            host.measure(format_args!("page{n}"), cost);
            start = turned?.0;
        }
        return Ok(limit);
    }
    for n in 0..total {
        let (turned, cost) = meter::measure(|| turn(&layout, n, start, total, &mut surface));
        let (end, status) = turned?;
        host.page_of(S::BITS, n, width.into(), height.into(), surface.bytes());
        report_status(host, n, start, book.chapter_of(start), &status);
        host.measure(format_args!("page{n}"), cost);
        start = end;
    }

    for chapter in book.chapters() {
        let c = chapter.index;
        let (jumped, cost) = meter::measure(|| jump(&layout, c, total, &mut surface));
        let page = jumped?;
        report_chapter(host, &chapter, page);
        host.chapter_page(c, page, width.into(), height.into(), surface.bytes());
        host.measure(format_args!("chapter{c}"), cost);
    }
    Ok(total)
}

/// One page turn knowing only where the page starts: lay it out, draw it with its footer,
/// and return where the next page starts and what the footer shows.
fn turn<'l, 'b, F: Family, S: Surface<'b>>(
    layout: &'l Layout<'l, F>,
    index: u32,
    start: Position,
    total: u32,
    surface: &mut S,
) -> Result<(Position, Status<'l>), inkleaf::Error> {
    let page = surface.turn(layout, index, start, total)?;
    Ok((page.end, page.status()))
}

/// A jump from the table of contents: the page chapter `chapter` starts on, opened from
/// where the page index says it starts, and drawn. Returns the page's number.
fn jump<'b, F: Family, S: Surface<'b>>(
    layout: &Layout<'_, F>,
    chapter: u32,
    total: u32,
    surface: &mut S,
) -> Result<u32, Failure> {
    let n = layout.chapter_page(chapter)?;
    let start = layout
        .page_index()
        .and_then(|index| index.start(n))
        .ok_or(Failure::NoPageIndex)?;
    surface.turn(layout, n, start, total)?;
    Ok(n)
}

/// `STATUS <n> <block> <offset> <chapter_of> <chapter> <page> <total> <percent>`: where page
/// `n` starts, the chapter `Book::chapter_of` finds there, and its `Page::status`; `-` for
/// none.
#[inline(never)]
fn report_status(
    host: &mut Host,
    n: u32,
    start: Position,
    of: Option<Chapter<'_>>,
    status: &Status<'_>,
) {
    let index = |chapter: Option<Chapter<'_>>| Field(chapter.map(|c| c.index));
    host.line(format_args!(
        "STATUS {n} {} {} {} {} {} {} {}",
        start.block,
        start.offset,
        index(of),
        index(status.chapter),
        status.page,
        Field(status.total),
        Field(status.percent),
    ));
}

/// `CHAPTER <index> <level> <new_page> <block> <page> <title>`: a table of contents entry
/// as the device reads it (`new_page` 0 or 1), and the page `Layout::chapter_page` puts it on.
#[inline(never)]
fn report_chapter(host: &mut Host, chapter: &Chapter<'_>, page: u32) {
    host.line(format_args!(
        "CHAPTER {} {} {} {} {page} {}",
        chapter.index,
        chapter.level,
        u8::from(chapter.new_page),
        chapter.start.block,
        chapter.title,
    ));
}
