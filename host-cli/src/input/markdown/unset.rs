//! What the Markdown reader could not set as the source meant, for the user to be told.

/// Counts of what was kept with a stand-in.
#[derive(Default)]
pub(super) struct Unset {
    pub(super) images: usize,
    pub(super) html: usize,
    pub(super) footnotes: usize,
    /// Blocks nested deeper than the model keeps.
    pub(super) folded: usize,
    /// Numbered task items, whose box is shown instead of the number.
    pub(super) task_numbers: usize,
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
                self.html,
                "piece of raw HTML",
                "pieces of raw HTML",
                "kept as text, tags left out",
            ),
            (
                self.footnotes,
                "footnote",
                "footnotes",
                "set where defined, as '[label] text'",
            ),
            (
                self.folded,
                "block nested",
                "blocks nested",
                "in more than 8 quotes and lists set in the 8 outermost",
            ),
            (
                self.task_numbers,
                "numbered task item",
                "numbered task items",
                "shown with a box instead of the number",
            ),
        ];
        crate::input::warnings::count_lines(kinds)
    }
}

// The line about folded nesting names the levels kept.
const _: () = assert!(inkleaf::text::Nesting::MAX == 8);
