//! A book read through the engine's reader core, the way a device with buttons reads it:
//! every page by `Event::NextPage`, then [`SESSION`], a scripted session with the table of
//! contents, chapters, bookmarks and jumps, then the state saved, restored and resumed.
//!
//! The host replays the same events with its own `Reader` and checks every view bit for bit,
//! the saved record byte for byte, and the page the reader resumes on.

use embedded_graphics::{pixelcolor::BinaryColor, prelude::DrawTarget};
use inkleaf::{
    font::{AnyFamily, Family},
    reader::Outcome,
    Book, Event, Framebuffer, Layout, Reader, ReaderState,
};

use crate::{
    article::Failure,
    host::{Field, Host},
    machine::Machine,
    meter, rt,
    session::SESSION,
};

/// A whole firmware run on `machine`: boot, read the book in `blob` (laid out as built)
/// into `buffer`, report, exit.
///
/// `buffer` should be a `static`, so that `STACK_PEAK` is the engine's stack alone.
pub fn main(blob: &'static [u8], buffer: &mut [u8], machine: Machine) -> ! {
    let mut host = rt::boot_on(machine);
    let mark = meter::Mark::here();
    match read(&mut host, blob, buffer) {
        Ok(pages) => rt::finish(&mut host, mark, pages),
        Err(failure) => rt::fail(&mut host, failure.kind(), &failure),
    }
}

/// Sends `MEASURE open` and `MEASURE start`, `PAGE 0`; per `NextPage` that turns a page,
/// `PAGE n` and `MEASURE page<n>`; per event of [`SESSION`], `EVENT`, `VIEW` and
/// `MEASURE event<i>`; then `SAVED`, `MEASURE save`, `MEASURE resume` and `RESUMED`.
/// Returns the number of pages.
#[inline(never)]
fn read(host: &mut Host, blob: &'static [u8], buffer: &mut [u8]) -> Result<u32, Failure> {
    // Opened where it stays, a `static` as on the article's firmware, and borrowed from
    // there: no copy of the book on the stack.
    let opened = cortex_m::singleton!(: Option<Book<'static>> = None).expect("main runs once");
    let (book, cost) = meter::measure(|| Book::open_in(blob, opened).map(|book| &*book));
    host.measure(format_args!("open"), cost);
    let book = book?;
    // Laid out where it stays, a `static` too, its faces read into it: no copy of the family
    // on the stack.
    let laid = cortex_m::singleton!(: Option<Layout<'static, AnyFamily<'static>>> = None)
        .expect("main runs once");
    let layout: &Layout<'_, _> = book.layout_in(laid)?;
    let profile = layout.profile();
    let (width, height) = (u32::from(profile.width), u32::from(profile.height));
    let mut screen =
        Framebuffer::new(buffer, width, height).map_err(|_| Failure::FramebufferTooSmall {
            width: profile.width,
            height: profile.height,
        })?;

    let (started, cost) = meter::measure(|| start(layout, &mut screen));
    let mut reader = started?;
    host.measure(format_args!("start"), cost);
    host.page(0, width, height, screen.as_bytes());
    loop {
        let (outcome, cost) = meter::measure(|| turn(&mut reader, Event::NextPage, &mut screen));
        if outcome? == Outcome::Unchanged {
            break;
        }
        let n = reader.page_index();
        host.page(n, width, height, screen.as_bytes());
        host.measure(format_args!("page{n}"), cost);
    }

    for (i, event) in SESSION.into_iter().enumerate() {
        let (outcome, cost) = meter::measure(|| turn(&mut reader, event, &mut screen));
        report_event(host, i, &event, outcome?, &reader);
        host.view(i, width, height, screen.as_bytes());
        host.measure(format_args!("event{i}"), cost);
    }

    let mut record = [0u8; ReaderState::MAX_LEN];
    let (saved, cost) = meter::measure(|| reader.state().save(book, &mut record));
    let record = record.get(..saved?).unwrap_or_default();
    host.measure(format_args!("save"), cost);
    host.saved(record);
    let (resumed, cost) = meter::measure(|| resume(book, layout, record, &mut screen));
    let resumed = resumed?;
    host.measure(format_args!("resume"), cost);
    host.line(format_args!("RESUMED {}", resumed.page_index()));
    host.view(SESSION.len(), width, height, screen.as_bytes());
    Ok(reader.page_count())
}

/// A reader at the start of the book, its first page drawn.
fn start<'l, 'a, F: Family>(
    layout: &'l Layout<'a, F>,
    screen: &mut Framebuffer<&mut [u8]>,
) -> Result<Reader<'l, 'a, F>, inkleaf::Error> {
    let reader = Reader::new(layout, ReaderState::START)?;
    show(&reader, screen);
    Ok(reader)
}

/// `event` handled, and what the reader shows drawn if it changed.
fn turn<F: Family>(
    reader: &mut Reader<'_, '_, F>,
    event: Event,
    screen: &mut Framebuffer<&mut [u8]>,
) -> Result<Outcome, inkleaf::Error> {
    let outcome = reader.handle(event)?;
    if outcome != Outcome::Unchanged {
        show(reader, screen);
    }
    Ok(outcome)
}

/// A reader of `layout` from the saved `record`, as after a power-off, its page drawn.
fn resume<'l, 'a, F: Family>(
    book: &Book<'_>,
    layout: &'l Layout<'a, F>,
    record: &[u8],
    screen: &mut Framebuffer<&mut [u8]>,
) -> Result<Reader<'l, 'a, F>, inkleaf::Error> {
    let reader = Reader::new(layout, ReaderState::restore(book, record)?)?;
    show(&reader, screen);
    Ok(reader)
}

/// Draws what `reader` shows over a blank screen.
fn show<F: Family>(reader: &Reader<'_, '_, F>, screen: &mut Framebuffer<&mut [u8]>) {
    // The framebuffer's error type is `Infallible`.
    let _ = screen.clear(BinaryColor::Off);
    let _ = reader.draw(screen);
}

/// `EVENT <i> <outcome> <page> <contents> <highlight> <bookmarks> <event>`: what the reader
/// did with event `i` of [`SESSION`], the page it shows, whether (0/1) its contents view is
/// open, the entry highlighted there (`-` for none), its bookmark count, and the event's name.
#[inline(never)]
fn report_event<F: Family>(
    host: &mut Host,
    i: usize,
    event: &Event,
    outcome: Outcome,
    reader: &Reader<'_, '_, F>,
) {
    let highlight = Field(reader.highlighted());
    host.line(format_args!(
        "EVENT {i} {outcome:?} {} {} {highlight} {} {event:?}",
        reader.page_index(),
        u8::from(reader.in_contents()),
        reader.state().bookmarks.len(),
    ));
}
