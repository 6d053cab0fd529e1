//! The engine's reader core on a device: firmware in `tests/device` reads the 2.9" book
//! through `inkleaf::Reader` on a Cortex-M0 with 16 KB of RAM (QEMU's `microbit`) and on the
//! Cortex-M3: every page by `NextPage` bit-identical to what the simulator draws, then a
//! session of contents, chapters, bookmarks and jumps, each view bit-identical to the host's
//! reader given the same events, then the state saved (the same record bytes as the host's)
//! and resumed on the same page.
//!
//! Needs `qemu-system-arm` and the `thumbv6m-none-eabi` and `thumbv7m-none-eabi` Rust
//! targets; without them these tests fail and say how to install them.

#[path = "../device/runner/mod.rs"]
mod runner;

/// The firmware's session, from the same file the firmware builds it from.
#[path = "../device/src/session.rs"]
mod session;

use std::sync::OnceLock;

use embedded_graphics::{pixelcolor::BinaryColor, prelude::DrawTarget};
use inkleaf::{reader::Outcome, Book, Event, Framebuffer, Reader, ReaderState};
use runner::{
    firmware,
    protocol::{ReaderEvent, Report},
    reference::{self, Look},
};
use session::SESSION;

const FIXTURE: &str = "book-2.9in.inkleaf";

/// On the Cortex-M0, inside 16 KB of RAM with a 4,736-byte framebuffer.
#[test]
fn reader_on_a_cortex_m0_matches_the_host() {
    let bin = "inkleaf-reader-m0";
    let report = run(bin, firmware::M0_TARGET, firmware::M0_FIRMWARE);
    check(bin, &report);
    let sections = runner::size::sections(&firmware::elf(bin)).expect("section sizes");
    let (peak, stack) = report.stack_peak.expect("STACK_PEAK is reported");
    assert_eq!(
        sections.data + sections.bss + stack as u64,
        16 * 1024,
        "{bin}: the stack is what .data and .bss leave of 16 KB"
    );
    assert!(peak < stack, "{bin}: stack peak {peak} of {stack}");
}

/// The same firmware on the Cortex-M3 (`lm3s6965evb`).
#[test]
fn reader_on_a_cortex_m3_matches_the_host() {
    let bin = "inkleaf-reader";
    check(bin, &run(bin, firmware::TARGET, &[]));
}

/// Checks everything `bin` reported against the host's reader of the same book.
fn check(bin: &str, report: &Report) {
    let blob = std::fs::read(firmware::fixture(FIXTURE)).unwrap();
    let expected = reference::pages(&blob, Look::AsBuilt).expect("the fixture lays out");
    if let Err(message) = reference::compare(bin, report, &expected) {
        panic!("{message}");
    }

    let book = Book::from_bytes(&blob).unwrap();
    let layout = book.layout().unwrap();
    let mut reader = Reader::new(&layout, ReaderState::START).unwrap();
    while reader.handle(Event::NextPage).unwrap() != Outcome::Unchanged {}
    let (width, height) = (
        layout.profile().width.into(),
        layout.profile().height.into(),
    );
    let mut screen = Framebuffer::new(
        vec![0u8; Framebuffer::<&mut [u8]>::bytes_needed(width, height)],
        width,
        height,
    )
    .unwrap();

    assert_eq!(
        report.events.len(),
        SESSION.len(),
        "{bin}: one EVENT per event"
    );
    for (i, event) in SESSION.into_iter().enumerate() {
        let outcome = reader.handle(event).unwrap();
        if outcome != Outcome::Unchanged {
            show(&reader, &mut screen);
        }
        let host = ReaderEvent {
            i,
            outcome: format!("{outcome:?}"),
            page: reader.page_index(),
            contents: reader.in_contents(),
            highlight: reader.highlighted(),
            bookmarks: reader.state().bookmarks.len(),
            event: format!("{event:?}"),
        };
        assert_eq!(report.events[i], host, "{bin}: event {i}");
        check_view(bin, report, i, screen.as_bytes());
    }

    let mut record = [0u8; ReaderState::MAX_LEN];
    let len = reader.state().save(&book, &mut record).unwrap();
    let saved = report.saved.as_deref().expect("SAVED is reported");
    assert_eq!(
        saved,
        &record[..len],
        "{bin}: the saved record, byte for byte"
    );
    assert_eq!(
        ReaderState::restore(&book, saved).as_ref(),
        Ok(reader.state()),
        "{bin}: the record restores the state it saved"
    );
    assert_eq!(
        report.resumed,
        Some(reader.page_index()),
        "{bin}: resumed where it was saved"
    );
    check_view(bin, report, SESSION.len(), screen.as_bytes());
    check_session(bin, report, &layout);
}

/// What a reader would notice in the session, beyond matching the host: the contents open
/// on the chapter being read and select the entry highlighted; bookmarks take a reader back
/// to the pages they were set on; a chapter jump lands on its first page.
fn check_session<F: inkleaf::font::Family>(
    bin: &str,
    report: &Report,
    layout: &inkleaf::Layout<'_, F>,
) {
    let at = |i: usize| &report.events[i];
    let chapter_page = |c: u32| layout.chapter_page(c).unwrap();
    assert_eq!(
        at(1).highlight,
        Some(0),
        "{bin}: contents open on chapter 0"
    );
    assert_eq!(
        at(4).page,
        chapter_page(2),
        "{bin}: Select opens the entry moved to"
    );
    let marked = [at(5).page, at(8).page];
    assert_ne!(marked[0], marked[1], "{bin}: two bookmarks on two pages");
    assert_eq!(
        [at(10).page, at(11).page],
        marked,
        "{bin}: NextBookmark visits them in order"
    );
    assert_eq!(at(19).page, chapter_page(11), "{bin}: Chapter(11)");
    assert_eq!(
        (at(15).outcome.as_str(), at(15).page),
        ("Unchanged", at(14).page),
        "{bin}: no page after the last"
    );
    assert_eq!(at(21).bookmarks, 3, "{bin}: three bookmarks kept");
}

/// Checks `VIEW i` against the host's `expected` bytes.
fn check_view(bin: &str, report: &Report, i: usize, expected: &[u8]) {
    let view = report
        .views
        .iter()
        .find(|view| view.n as usize == i)
        .unwrap_or_else(|| panic!("{bin}: no VIEW {i}"));
    if let Some(diff) = reference::difference(view.width, view.bits, expected, &view.bytes) {
        panic!("{bin}: what the reader shows after event {i} differs from the host's\n{diff}");
    }
}

/// Draws what `reader` shows over a blank screen, as the firmware does.
fn show<F: inkleaf::font::Family>(reader: &Reader<'_, '_, F>, screen: &mut Framebuffer<Vec<u8>>) {
    screen.clear(BinaryColor::Off).unwrap();
    reader.draw(screen).unwrap();
}

/// Builds firmware for `target` with `args` once per test process and target, then runs
/// `bin`.
fn run(bin: &str, target: &str, args: &[&str]) -> Report {
    static M0: OnceLock<Result<(), String>> = OnceLock::new();
    static M3: OnceLock<Result<(), String>> = OnceLock::new();
    let once = if target == firmware::M0_TARGET {
        &M0
    } else {
        &M3
    };
    let built = once.get_or_init(|| {
        firmware::check_tools_for(target)?;
        firmware::build(args)
    });
    if let Err(message) = built {
        panic!("{message}");
    }
    runner::run(bin).unwrap_or_else(|message| panic!("{message}"))
}
