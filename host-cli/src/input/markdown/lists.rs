//! Lists: the marker of each item as written, and which lists are loose.

use std::ops::Range;

use inkleaf::text::Marker;
use pulldown_cmark::{Event, Tag};

/// A list being read.
pub(super) struct List {
    /// The next item's number, or `None` for bullets.
    next: Option<u32>,
    /// The bullet character, or the delimiter after the number.
    mark: u8,
    /// Whether blank lines separate its items (or their blocks).
    pub(super) loose: bool,
}

impl List {
    /// The list that starts (pulldown-cmark's `start`) with the item at `at` in `source`.
    pub(super) fn new(start: Option<u64>, source: &str, at: usize, loose: bool) -> List {
        let next = start.map(|n| u32::try_from(n).unwrap_or(u32::MAX));
        // pulldown-cmark does not say which character the marker is: read it.
        let written = source
            .as_bytes()
            .get(at..)
            .unwrap_or_default()
            .iter()
            .copied()
            .find(|b| !b.is_ascii_digit() && !b.is_ascii_whitespace());
        let mark = match (next, written) {
            (Some(_), Some(b')')) => b')',
            (Some(_), _) => b'.',
            (None, Some(b @ (b'-' | b'*' | b'+'))) => b,
            (None, _) => b'-',
        };
        List { next, mark, loose }
    }

    /// The marker of the next item, counting it.
    pub(super) fn next_marker(&mut self) -> Marker {
        match &mut self.next {
            Some(value) => {
                let marker = Marker::Number {
                    value: *value,
                    delimiter: self.mark,
                };
                *value = value.saturating_add(1);
                marker
            }
            None => Marker::Bullet(self.mark),
        }
    }
}

/// Whether each list in `events`, in the order they start, is loose. pulldown-cmark says so
/// only by wrapping the paragraphs of a loose list's items in paragraph tags, which comes
/// after the items have started.
pub(super) fn loose_lists(events: &[(Event<'_>, Range<usize>)]) -> Vec<bool> {
    /// An open tag: a list (its index), an item of one, or anything else.
    enum Open {
        List(usize),
        Item(usize),
        Other,
    }
    let mut loose = Vec::new();
    let mut open = Vec::new();
    for (event, _) in events {
        match event {
            Event::Start(Tag::List(_)) => {
                open.push(Open::List(loose.len()));
                loose.push(false);
            }
            Event::Start(Tag::Item) => {
                let list = match open.last() {
                    Some(Open::List(list)) => *list,
                    _ => usize::MAX,
                };
                open.push(Open::Item(list));
            }
            Event::Start(tag) => {
                if let (Tag::Paragraph, Some(Open::Item(list))) = (tag, open.last()) {
                    if let Some(is_loose) = loose.get_mut(*list) {
                        *is_loose = true;
                    }
                }
                open.push(Open::Other);
            }
            Event::End(_) => {
                open.pop();
            }
            _ => {}
        }
    }
    loose
}
