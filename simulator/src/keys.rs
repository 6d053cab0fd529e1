//! The keys of a reader, whether they come from a keyboard or from a script.
//!
//! A window and a headless run take the same [`Key`]s, so a script such as `"n n t 3 + n"`
//! shows exactly the frames that pressing those keys in the window shows.

use std::fmt;

/// A key of the reader: what a device's buttons (or a keyboard) ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// The next page (`n`, or Right, Down, Space, PageDown in the window).
    Next,
    /// The previous page (`p`, or Left, Up, PageUp).
    Previous,
    /// The first page (`home`).
    First,
    /// The last page (`end`).
    Last,
    /// Opens or closes the table of contents (`t`).
    Contents,
    /// A digit, to pick a table-of-contents entry by its number.
    Digit(u8),
    /// Confirms the entry typed or highlighted (`enter`).
    Enter,
    /// A larger text size (`+`).
    Larger,
    /// A smaller text size (`-`).
    Smaller,
    /// Adds or removes a bookmark on this page (`b`).
    Bookmark,
    /// The next display the book was built for (`d`).
    Display,
    /// Ends the session (`q`, or Escape and closing the window).
    Quit,
}

/// A word of a key script that names no key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownKey {
    /// The word as written.
    pub word: String,
    /// Its place in the script, 1-based.
    pub index: usize,
}

impl fmt::Display for UnknownKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "key {} of the script, '{}', is not a key: use n, p, space, home, end, t, 0-9, enter, +, -, b, d or q",
            self.index, self.word
        )
    }
}

impl std::error::Error for UnknownKey {}

/// Reads a script of keys separated by spaces, such as `"n n t 3 + n"`. A number of several
/// digits is read as its digits, so `t 12` picks entry 12.
///
/// ```
/// use inkleaf_sim::keys::{parse_script, Key};
///
/// let keys = parse_script("n t 12 enter").unwrap();
/// assert_eq!(keys, [Key::Next, Key::Contents, Key::Digit(1), Key::Digit(2), Key::Enter]);
/// ```
pub fn parse_script(script: &str) -> Result<Vec<Key>, UnknownKey> {
    let mut keys = Vec::new();
    for (i, word) in script.split_whitespace().enumerate() {
        let unknown = || UnknownKey {
            word: word.to_owned(),
            index: i + 1,
        };
        if word.bytes().all(|b| b.is_ascii_digit()) {
            keys.extend(word.bytes().map(|b| Key::Digit(b - b'0')));
            continue;
        }
        keys.push(named(word).ok_or_else(unknown)?);
    }
    Ok(keys)
}

/// The key a script word names.
fn named(word: &str) -> Option<Key> {
    Some(match word.to_ascii_lowercase().as_str() {
        "n" | "next" | "space" => Key::Next,
        "p" | "prev" | "previous" => Key::Previous,
        "home" => Key::First,
        "end" => Key::Last,
        "t" | "toc" => Key::Contents,
        "enter" => Key::Enter,
        "+" => Key::Larger,
        "-" => Key::Smaller,
        "b" => Key::Bookmark,
        "d" => Key::Display,
        "q" => Key::Quit,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_script_reads_as_its_keys() {
        let keys = parse_script("n n t 3 + n").unwrap();
        use Key::*;
        assert_eq!(keys, [Next, Next, Contents, Digit(3), Larger, Next]);
    }

    #[test]
    fn every_documented_word_is_a_key() {
        let keys = parse_script("n p space home end t 0 9 enter + - b d q").unwrap();
        assert_eq!(keys.len(), 14);
        assert_eq!(keys[2], Key::Next);
    }

    #[test]
    fn an_unknown_word_is_named_with_its_place() {
        let err = parse_script("n  n x").unwrap_err();
        assert_eq!(
            err,
            UnknownKey {
                word: "x".into(),
                index: 3
            }
        );
        assert!(err.to_string().contains("'x'"));
        // A digit glued to a letter is not a number.
        assert_eq!(parse_script("3a").unwrap_err().word, "3a");
    }

    #[test]
    fn an_empty_script_has_no_keys() {
        assert_eq!(parse_script("  ").unwrap(), []);
    }
}
