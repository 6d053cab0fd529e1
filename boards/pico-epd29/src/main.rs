//! An inkleaf e-reader on a Raspberry Pi Pico with a Waveshare 2.9" e-paper module and
//! three buttons (wiring in README.md): it opens the book linked into its flash, shows the
//! page it was on when it was switched off, and turns pages, chapters and bookmarks through
//! the engine's reader core. The reader's state goes to the last flash sector once the
//! buttons have been left alone for [`SAVE_AFTER_MS`].
#![no_std]
#![no_main]

mod buttons;
mod panel;
mod storage;

use core::fmt::{Display, Write as _};

use embassy_rp::{
    flash::Flash,
    gpio::{Input, Level, Output, Pull},
    spi::{self, Spi},
};
use embassy_time::{block_for, Duration, Instant};
use embedded_graphics::{
    mono_font::{ascii::FONT_6X10, MonoTextStyle},
    pixelcolor::BinaryColor,
    prelude::*,
    text::Text,
};
use embedded_hal_bus::spi::ExclusiveDevice;
use inkleaf::{reader::Outcome, Book, Reader, ReaderState};

use crate::{buttons::Buttons, panel::Panel, storage::Storage};

/// The book: replace the file (any blob `inkleaf build --display 2.9in` makes) and rebuild.
static BOOK: &[u8] = include_bytes!("../../../tests/fixtures/device/book-2.9in.inkleaf");

/// How often the buttons are read; also their debounce.
const POLL_MS: u64 = 10;
/// Quiet time after a change before the state is saved and the panel sleeps: a reader
/// turning several pages saves once, and the flash is spared.
const SAVE_AFTER_MS: u64 = 3_000;
/// SPI clock for the module (its controller takes up to 20 MHz).
const SPI_HZ: u32 = 4_000_000;
/// Characters of 6x10 text across the 296-pixel panel, less a margin.
const LINE_CHARS: usize = 48;

#[cortex_m_rt::entry]
fn main() -> ! {
    let p = embassy_rp::init(Default::default());

    // The Waveshare Pico-ePaper-2.9 pinout (README.md, "Wiring"): SPI1 on GP10/GP11.
    let mut config = spi::Config::default();
    config.frequency = SPI_HZ;
    let spi = Spi::new_blocking_txonly(p.SPI1, p.PIN_10, p.PIN_11, config);
    let cs = Output::new(p.PIN_9, Level::High);
    let dc = Output::new(p.PIN_8, Level::Low);
    let rst = Output::new(p.PIN_12, Level::High);
    let busy = Input::new(p.PIN_13, Pull::None);
    // Buttons to ground, with the RP2040's pull-ups.
    let keys = [
        Input::new(p.PIN_2, Pull::Up),
        Input::new(p.PIN_3, Pull::Up),
        Input::new(p.PIN_4, Pull::Up),
    ];
    let mut flash: Storage = Flash::new_blocking(p.FLASH);

    // Chip select is a plain output: setting it cannot fail.
    let Ok(bus) = ExclusiveDevice::new_no_delay(spi, cs);
    let Ok(mut panel) = Panel::new(bus, busy, dc, rst) else {
        // Without a panel there is nothing to tell the reader with.
        halt()
    };
    if let Err(e) = read(&mut panel, &mut flash, &keys) {
        show_failure(&mut panel, &e);
    }
    halt()
}

/// Why reading stopped.
enum Failure {
    /// The engine turned the book down.
    Book(inkleaf::Error),
    /// The module stopped answering.
    Panel,
}

impl Display for Failure {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Failure::Book(e) => write!(f, "The book cannot be read: {e}"),
            Failure::Panel => f.write_str("The display does not answer."),
        }
    }
}

impl From<inkleaf::Error> for Failure {
    fn from(e: inkleaf::Error) -> Self {
        Failure::Book(e)
    }
}

impl From<panel::BusError> for Failure {
    fn from(_: panel::BusError) -> Self {
        Failure::Panel
    }
}

/// Opens the book where it was left and reads it for as long as the power lasts.
fn read(panel: &mut Panel, flash: &mut Storage, keys: &[Input<'_>; 3]) -> Result<(), Failure> {
    let book = Book::from_bytes(BOOK)?;
    // Laid out where it stays, its faces read into it: no copy of them on the stack.
    let mut laid = None;
    let layout: &inkleaf::Layout<'_, _> = book.layout_in(&mut laid)?;
    // A saved position that this layout cannot place (another book's, say) starts afresh.
    let mut reader = match storage::load(flash, &book) {
        Some(state) => {
            Reader::new(layout, state).or_else(|_| Reader::new(layout, ReaderState::START))
        }
        None => Reader::new(layout, ReaderState::START),
    }?;
    let mut saved = reader.state().clone();
    panel.show(|target| {
        let _ = reader.draw(target);
    })?;

    let mut buttons = Buttons::default();
    let mut changed_at = None;
    loop {
        let now = Instant::now().as_millis();
        let down = keys.each_ref().map(Input::is_low);
        if let Some(event) = buttons.sample(down, now, reader.in_contents()) {
            // An event the book has nothing for (no bookmark yet, say) changes nothing.
            if let Ok(Outcome::Redraw | Outcome::Relayout) = reader.handle(event) {
                panel.show(|target| {
                    let _ = reader.draw(target);
                })?;
                changed_at = Some(now);
            }
        }
        if changed_at.is_some_and(|at| now.saturating_sub(at) >= SAVE_AFTER_MS) {
            changed_at = None;
            if *reader.state() != saved {
                // A failed save keeps the previous record; the next change tries again.
                if storage::save(flash, &book, reader.state()).is_ok() {
                    saved = reader.state().clone();
                }
            }
            panel.sleep()?;
        }
        block_for(Duration::from_millis(POLL_MS));
    }
}

/// Shows why reading stopped, in the built-in 6x10 font, wrapped at the panel's width.
fn show_failure(panel: &mut Panel, failure: &Failure) {
    // A message too long for the buffer is cut short, which `write!` reports and we accept.
    let mut message = heapless::String::<256>::new();
    let _ = write!(message, "{failure}");
    let style = MonoTextStyle::new(&FONT_6X10, BinaryColor::On);
    let _ = panel.show(|target| {
        let mut rest = message.as_str();
        let mut y = 12;
        while !rest.is_empty() {
            let cut = rest
                .char_indices()
                .nth(LINE_CHARS)
                .map_or(rest.len(), |(at, _)| at);
            let (line, tail) = rest.split_at(cut);
            let _ = Text::new(line, Point::new(4, y), style).draw(target);
            rest = tail;
            y += 12;
        }
    });
    let _ = panel.sleep();
}

/// Waits for a reset, drawing next to no power.
fn halt() -> ! {
    loop {
        cortex_m::asm::wfi();
    }
}

/// A panic (none is expected: the engine returns errors) restarts the reader, which then
/// resumes from its saved state.
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    cortex_m::peripheral::SCB::sys_reset()
}
