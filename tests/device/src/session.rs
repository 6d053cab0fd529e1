//! The scripted session a reader firmware runs after its page-by-page read. One file for
//! both sides: the firmware handles these events, and the host test (which includes this
//! file by path) replays them with its own reader.

use inkleaf::Event;

/// The scripted session after the page-by-page read: what a reader does with three buttons
/// and a menu.
pub const SESSION: [Event; 22] = [
    Event::FirstPage,
    Event::Contents,
    Event::NextPage,
    Event::NextPage,
    Event::Select,
    Event::ToggleBookmark,
    Event::NextChapter,
    Event::NextChapter,
    Event::ToggleBookmark,
    Event::FirstPage,
    Event::NextBookmark,
    Event::NextBookmark,
    Event::PreviousChapter,
    Event::Percent(50),
    Event::LastPage,
    Event::NextPage,
    Event::Contents,
    Event::PreviousPage,
    Event::Contents,
    Event::Chapter(11),
    Event::PreviousPage,
    Event::ToggleBookmark,
];
