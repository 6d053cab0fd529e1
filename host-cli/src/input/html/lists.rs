//! Lists: the marker of each item, counted as browsers count them.

use inkleaf::text::Marker;

/// A list being read.
pub(super) struct List {
    /// The next item's number, or `None` for bullets.
    next: Option<i64>,
    /// `-1` for a reversed list, else `1`.
    step: i64,
    /// Whether its items hold paragraphs, which browsers set apart as a loose list's.
    pub(super) loose: bool,
}

/// What an `<ol>` or `<ul>` says about its numbering.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Numbering {
    pub(super) numbered: bool,
    /// The `start` attribute.
    pub(super) start: Option<i64>,
    pub(super) reversed: bool,
    /// How many `<li>` children it has: a reversed list counts down from there.
    pub(super) items: usize,
    pub(super) loose: bool,
}

impl List {
    pub(super) fn new(numbering: Numbering) -> List {
        let items = i64::try_from(numbering.items).unwrap_or(i64::MAX);
        let first = match (numbering.start, numbering.reversed) {
            (Some(start), _) => start,
            (None, true) => items,
            (None, false) => 1,
        };
        List {
            next: numbering.numbered.then_some(first),
            step: if numbering.reversed { -1 } else { 1 },
            loose: numbering.loose,
        }
    }

    /// The marker of the next item, counting it; `value` is the item's own `value`
    /// attribute, from which the numbers after it go on.
    pub(super) fn next_marker(&mut self, value: Option<i64>) -> Marker {
        let Some(next) = &mut self.next else {
            return Marker::Bullet(b'-');
        };
        let this = value.unwrap_or(*next);
        *next = this.saturating_add(self.step);
        Marker::Number {
            // The model numbers from 0 up; a count below that is set at 0.
            value: u32::try_from(this.max(0)).unwrap_or(u32::MAX),
            delimiter: b'.',
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(numbering: Numbering, values: &[Option<i64>]) -> Vec<u32> {
        let mut list = List::new(numbering);
        values
            .iter()
            .map(|v| match list.next_marker(*v) {
                Marker::Number { value, .. } => value,
                _ => u32::MAX,
            })
            .collect()
    }

    #[test]
    fn lists_count_as_browsers_do() {
        let numbered = Numbering {
            numbered: true,
            ..Numbering::default()
        };
        assert_eq!(numbers(numbered, &[None, None]), [1, 2]);
        let from_7 = Numbering {
            start: Some(7),
            ..numbered
        };
        assert_eq!(numbers(from_7, &[None, Some(20), None]), [7, 20, 21]);
        let reversed = Numbering {
            reversed: true,
            items: 3,
            ..numbered
        };
        assert_eq!(numbers(reversed, &[None, None, None, None]), [3, 2, 1, 0]);
        let bullets = List::new(Numbering::default()).next_marker(None);
        assert_eq!(bullets, Marker::Bullet(b'-'));
    }
}
