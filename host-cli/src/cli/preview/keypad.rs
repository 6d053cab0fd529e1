//! Keys into reader events: what the reader core decides is not decided here; this only
//! reads the numbers typed in the table of contents.

use inkleaf::Event;
use inkleaf_sim::keys::Key;

/// What one key asks of the session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Action {
    /// An event for the reader.
    Event(Event),
    /// The end of the session.
    Quit,
}

/// Turns keys into actions, keeping the digits of a table-of-contents entry being typed.
#[derive(Debug, Default)]
pub(super) struct Keypad {
    /// The entry number typed so far (1-based, as the contents view numbers entries).
    typed: Option<u32>,
}

impl Keypad {
    /// The actions `key` asks for while the contents view is `open` with `entries` entries.
    ///
    /// A number picks its entry as soon as no longer number could (`t 3` in a book of fewer
    /// than 30 entries), else on Enter or the next other key (`t 1 2 enter`).
    pub(super) fn press(&mut self, key: Key, open: bool, entries: u32) -> Vec<Action> {
        if let Key::Digit(d) = key {
            if !open {
                return Vec::new();
            }
            let typed = self
                .typed
                .unwrap_or(0)
                .saturating_mul(10)
                .saturating_add(u32::from(d));
            self.typed = Some(typed);
            if typed.saturating_mul(10) > entries {
                return self.pick(entries);
            }
            return Vec::new();
        }
        let typed = self.typed.is_some();
        let picked = self.pick(entries);
        // Enter ends a number; it selects the highlighted entry only when none was typed.
        if key == Key::Enter && typed {
            return picked;
        }
        picked.into_iter().chain(action(key)).collect()
    }

    /// Jumps to the entry typed, if any and if the book has it, closing the view (as Select
    /// does); forgets the digits either way.
    fn pick(&mut self, entries: u32) -> Vec<Action> {
        match self.typed.take() {
            Some(n) if (1..=entries).contains(&n) => vec![
                Action::Event(Event::Contents),
                Action::Event(Event::Chapter(n - 1)),
            ],
            _ => Vec::new(),
        }
    }
}

/// The action of a key; digits have none of their own.
fn action(key: Key) -> Option<Action> {
    Some(Action::Event(match key {
        Key::Next => Event::NextPage,
        Key::Previous => Event::PreviousPage,
        Key::First => Event::FirstPage,
        Key::Last => Event::LastPage,
        Key::Contents => Event::Contents,
        Key::Enter => Event::Select,
        Key::Larger => Event::Larger,
        Key::Smaller => Event::Smaller,
        Key::Bookmark => Event::ToggleBookmark,
        Key::Display => Event::NextDisplay,
        Key::Quit => return Some(Action::Quit),
        Key::Digit(_) => return None,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Key::*;

    fn events(keys: &[Key], open: bool, entries: u32) -> Vec<Action> {
        let mut pad = Keypad::default();
        keys.iter()
            .flat_map(|&k| pad.press(k, open, entries))
            .collect()
    }

    /// Closing the view, then the entry's chapter.
    fn chapter(n: u32) -> [Action; 2] {
        [
            Action::Event(Event::Contents),
            Action::Event(Event::Chapter(n)),
        ]
    }

    #[test]
    fn one_digit_picks_its_entry_at_once_in_a_short_contents() {
        assert_eq!(events(&[Digit(3)], true, 9), chapter(2));
    }

    #[test]
    fn two_digits_pick_an_entry_past_nine() {
        assert_eq!(events(&[Digit(1), Digit(2)], true, 20), chapter(11));
        // "1" might be the start of "12": it waits for Enter or another key.
        assert_eq!(events(&[Digit(1)], true, 20), []);
        assert_eq!(events(&[Digit(1), Enter], true, 20), chapter(0));
        let then_next = events(&[Digit(1), Next], true, 20);
        assert_eq!(then_next[..2], chapter(0));
        assert_eq!(then_next[2..], [Action::Event(Event::NextPage)]);
    }

    #[test]
    fn a_number_the_contents_does_not_have_does_nothing() {
        assert_eq!(events(&[Digit(0), Enter], true, 5), []);
        assert_eq!(events(&[Digit(7)], true, 5), []);
    }

    #[test]
    fn digits_outside_the_contents_do_nothing() {
        assert_eq!(events(&[Digit(3)], false, 9), []);
    }

    #[test]
    fn enter_without_digits_selects_the_highlighted_entry() {
        assert_eq!(events(&[Enter], true, 9), [Action::Event(Event::Select)]);
        assert_eq!(events(&[Quit], false, 9), [Action::Quit]);
    }
}
