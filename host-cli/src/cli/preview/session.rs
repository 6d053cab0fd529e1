//! A preview session: the reader core driven by keys, its frames shown on a screen. Every
//! move is the engine's [`Reader`]; this only feeds it keys and shows what it draws.

use std::collections::VecDeque;
use std::path::Path;
use std::time::Duration;

use anyhow::anyhow;
use embedded_graphics::pixelcolor::{BinaryColor, Gray8, Rgb888};
use embedded_graphics::prelude::*;
use embedded_graphics_simulator::SimulatorDisplay;
use inkleaf::font::{AnyFamily, Family};
use inkleaf::reader::Outcome;
use inkleaf::{Book, Layout, Reader, ReaderState};
use inkleaf_sim::keys::Key;

use super::super::load;
use super::keypad::{Action, Keypad};
use super::source::Source;

/// Where frames go and keys come from: a window, or PNG files.
pub(super) trait Screen {
    /// Shows a frame.
    fn show(&mut self, frame: &SimulatorDisplay<Rgb888>) -> anyhow::Result<()>;
    /// Whether a frame is wanted after every key, changed or not (one file per key).
    fn every_key(&self) -> bool;
    /// The keys pressed, waiting up to `wait` for one; none when none came.
    fn keys(&mut self, wait: Duration) -> Vec<Key>;
}

/// How long a window waits for keys before looking whether the source changed.
const POLL: Duration = Duration::from_millis(200);

/// What a key did, the strongest of its events' outcomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Step {
    Unchanged,
    Redraw,
    Relayout,
    Quit,
}

/// Shows `source` on `screen`, pressing the `script` keys first, then the screen's own
/// until one quits. With `watch`, an edited source is rebuilt and shown at the same
/// position; a build that fails is reported and the last good one stays.
pub(super) fn run(
    source: &Source<'_>,
    screen: &mut dyn Screen,
    script: Vec<Key>,
    watch: bool,
) -> anyhow::Result<()> {
    let name = source.name();
    let mut bytes = source.bytes()?;
    let mut stamp = source.stamp();
    let mut state = ReaderState::START;
    let mut keys: VecDeque<Key> = script.into();
    let mut keypad = Keypad::default();
    let mut rebuilt: Option<Vec<u8>> = None;
    loop {
        if let Some(new) = rebuilt.take() {
            bytes = new;
        }
        let mut tables = Vec::new();
        let book = load::open(Path::new(&name), &bytes, &mut tables)?;
        let fail = |e: inkleaf::Error| anyhow!("{name}: {e}");
        let font = book.layout_font().map_err(fail)?;
        // A font packed at 2 or 4 bits is for a grayscale panel: show it in gray.
        let gray = font.bits_per_pixel() > 1;
        'layout: loop {
            let layout = layout_for(&book, &mut state).map_err(fail)?;
            let mut reader = open_reader(&layout, &state).map_err(fail)?;
            screen.show(&frame(&reader, gray).map_err(fail)?)?;
            loop {
                let Some(key) = keys.pop_front() else {
                    keys.extend(screen.keys(POLL));
                    if keys.is_empty() && watch && source.stamp() != stamp {
                        // Let the editor finish writing before reading.
                        std::thread::sleep(Duration::from_millis(100));
                        stamp = source.stamp();
                        match source.bytes() {
                            Ok(new) => {
                                state = reader.state().clone();
                                rebuilt = Some(new);
                                break 'layout;
                            }
                            Err(err) => {
                                eprintln!("inkleaf: {err:#}; still showing the last build")
                            }
                        }
                    }
                    continue;
                };
                let actions = keypad.press(key, reader.in_contents(), book.chapter_count());
                match press(&mut reader, &actions).map_err(fail)? {
                    Step::Quit => return Ok(()),
                    Step::Relayout => {
                        state = reader.state().clone();
                        continue 'layout;
                    }
                    Step::Redraw => screen.show(&frame(&reader, gray).map_err(fail)?)?,
                    Step::Unchanged if screen.every_key() => {
                        screen.show(&frame(&reader, gray).map_err(fail)?)?
                    }
                    Step::Unchanged => {}
                }
            }
        }
    }
}

/// Hands a key's `actions` to the reader, saying what the caller must do.
fn press<F: Family>(
    reader: &mut Reader<'_, '_, F>,
    actions: &[Action],
) -> Result<Step, inkleaf::Error> {
    let mut step = Step::Unchanged;
    for action in actions {
        let Action::Event(event) = *action else {
            return Ok(Step::Quit);
        };
        step = step.max(match reader.handle(event)? {
            Outcome::Unchanged => Step::Unchanged,
            Outcome::Redraw => Step::Redraw,
            Outcome::Relayout => Step::Relayout,
        });
    }
    Ok(step)
}

/// The layout for the display and text size `state` chose among those the book was baked
/// for; a choice the book does not have (after a rebuild) falls back to its first.
fn layout_for<'a>(
    book: &'a Book<'a>,
    state: &mut ReaderState,
) -> Result<Layout<'a, AnyFamily<'a>>, inkleaf::Error> {
    if state.display >= book.display_count() {
        state.display = 0;
    }
    if state.size >= book.size_count() {
        state.size = 0;
    }
    if book.display_count() == 0 {
        // No baked display: `layout` says so by name.
        return book.layout();
    }
    book.layout_for(state.display, state.size)
}

/// A reader at `state`'s position, or at the start when a rebuilt book no longer has it.
fn open_reader<'l, 'a>(
    layout: &'l Layout<'a, AnyFamily<'a>>,
    state: &ReaderState,
) -> Result<Reader<'l, 'a, AnyFamily<'a>>, inkleaf::Error> {
    Reader::new(layout, state.clone()).or_else(|_| {
        let start = ReaderState {
            position: ReaderState::START.position,
            ..state.clone()
        };
        Reader::new(layout, start)
    })
}

/// What the reader shows, in the panel's colours: a page in gray when the font is gray,
/// anything else (the contents view, a 1-bit font) as the reader draws it.
fn frame<F: Family>(
    reader: &Reader<'_, '_, F>,
    gray: bool,
) -> Result<SimulatorDisplay<Rgb888>, inkleaf::Error> {
    let page = reader.page()?;
    let size = page.size();
    if gray && !reader.in_contents() {
        let mut display = SimulatorDisplay::<Gray8>::new(size);
        let Ok(()) = page.draw_gray(&mut display);
        return Ok(inkleaf_sim::on_paper_gray(&display));
    }
    let mut display = SimulatorDisplay::<BinaryColor>::new(size);
    let Ok(()) = reader.draw(&mut display);
    Ok(inkleaf_sim::on_paper(&display))
}
