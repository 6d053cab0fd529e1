//! What the HTML reader could not set as the source meant, for the user to be told.

/// Counts of what was kept with a stand-in.
#[derive(Default)]
pub(super) struct Unset {
    pub(super) images: usize,
    /// Blocks nested deeper than the model keeps.
    pub(super) folded: usize,
    /// Lists numbered with letters or roman numerals (`type="a"`), set with numbers.
    pub(super) lettered: usize,
}

impl Unset {
    /// One line for the user per kind of thing that was set with a stand-in.
    pub(super) fn lines(&self) -> Vec<String> {
        let kinds = [
            (
                self.images,
                "image",
                "images",
                "shown as '[image: alt text]'",
            ),
            (
                self.folded,
                "block nested",
                "blocks nested",
                "in more than 8 quotes and lists set in the 8 outermost",
            ),
            (
                self.lettered,
                "list numbered",
                "lists numbered",
                "with letters or roman numerals set with numbers",
            ),
        ];
        crate::input::warnings::count_lines(kinds)
    }
}

// The line about folded nesting names the levels kept.
const _: () = assert!(inkleaf::text::Nesting::MAX == 8);
