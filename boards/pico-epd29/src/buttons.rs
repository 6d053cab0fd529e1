//! Three buttons turned into the reader's events.
//!
//! | press | reading | contents open |
//! | --- | --- | --- |
//! | next | next page | highlight the next entry |
//! | previous | previous page | highlight the previous entry |
//! | menu | open the contents | go to the highlighted entry |
//! | next, held | next chapter | next chapter |
//! | previous, held | previous chapter | previous chapter |
//! | menu, held | add or remove a bookmark here | close the contents |
//! | next and previous together | go to the next bookmark | go to the next bookmark |
//!
//! A press acts when the button is let go; a hold acts once, as soon as it has lasted
//! [`HOLD_MS`], and its release is then ignored. Sampling every few milliseconds (the main
//! loop's period) is the debounce: a contact that bounces for less than a period reads as
//! one press.

use inkleaf::Event;

/// How long a press lasts before it counts as a hold.
pub const HOLD_MS: u64 = 600;

/// A button, in the order [`Buttons::sample`] takes their states.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Button {
    Next = 0,
    Previous = 1,
    Menu = 2,
}

/// What each button is doing, between samples.
#[derive(Debug, Default)]
pub struct Buttons {
    /// When each button went down, while it is down.
    down_since: [Option<u64>; 3],
    /// Whether the current press already acted (a hold or a combination), so its release
    /// does nothing.
    spent: [bool; 3],
}

impl Buttons {
    /// Takes which buttons are down now (`[next, previous, menu]`) at `now_ms`; returns the
    /// event a press, hold or combination completed, if any. `contents` says whether the
    /// reader shows its table of contents.
    pub fn sample(&mut self, down: [bool; 3], now_ms: u64, contents: bool) -> Option<Event> {
        let (next, previous) = (Button::Next as usize, Button::Previous as usize);
        for (i, &is_down) in down.iter().enumerate() {
            if is_down && self.down_since[i].is_none() {
                self.down_since[i] = Some(now_ms);
                self.spent[i] = false;
            }
        }
        if down[next] && down[previous] && !self.spent[next] && !self.spent[previous] {
            self.spent = [true, true, self.spent[Button::Menu as usize]];
            return Some(Event::NextBookmark);
        }
        for button in [Button::Next, Button::Previous, Button::Menu] {
            let i = button as usize;
            let Some(since) = self.down_since[i] else {
                continue;
            };
            if !down[i] {
                self.down_since[i] = None;
                if !self.spent[i] {
                    return Some(press(button, contents));
                }
            } else if !self.spent[i] && now_ms.saturating_sub(since) >= HOLD_MS {
                self.spent[i] = true;
                return Some(hold(button, contents));
            }
        }
        None
    }
}

/// A short press.
fn press(button: Button, contents: bool) -> Event {
    match (button, contents) {
        (Button::Next, _) => Event::NextPage,
        (Button::Previous, _) => Event::PreviousPage,
        (Button::Menu, false) => Event::Contents,
        (Button::Menu, true) => Event::Select,
    }
}

/// A hold.
fn hold(button: Button, contents: bool) -> Event {
    match (button, contents) {
        (Button::Next, _) => Event::NextChapter,
        (Button::Previous, _) => Event::PreviousChapter,
        (Button::Menu, false) => Event::ToggleBookmark,
        (Button::Menu, true) => Event::Contents,
    }
}
