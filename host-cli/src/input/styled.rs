//! A block's text with its inline styles, built a piece at a time.
//!
//! Readers push text in the style it has; [`Styled`] keeps the runs exact through whatever
//! cuts the text afterwards (trimming the spaces around a paragraph, a code block's final
//! newline), so a run never ends inside a character or past the text.

use inkleaf::text::{Run, Style};

/// Text and runs that cover all of it, plain ones included, adjacent equal styles merged.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Styled {
    text: String,
    runs: Vec<Run>,
}

impl Styled {
    /// Appends `text` set in `style`.
    pub(crate) fn push(&mut self, text: &str, style: Style) {
        if text.is_empty() {
            return;
        }
        self.text.push_str(text);
        let len = text.len() as u32;
        match self.runs.last_mut() {
            Some(last) if last.style == style => last.len += len,
            _ => self.runs.push(Run { len, style }),
        }
    }

    /// The text so far.
    pub(crate) fn text(&self) -> &str {
        &self.text
    }

    /// Keeps the first `len` bytes (a char boundary), and the runs over them.
    pub(crate) fn truncate(&mut self, len: usize) {
        *self = self.slice(0, len);
    }

    /// The text with the whitespace around it left out.
    pub(crate) fn trimmed(&self) -> Styled {
        let start = self.text.len() - self.text.trim_start().len();
        let end = start + self.text.trim().len();
        self.slice(start, end)
    }

    /// The text without one final newline, as a code block's last line ends.
    pub(crate) fn without_final_newline(&self) -> Styled {
        let end = self
            .text
            .strip_suffix('\n')
            .map_or(self.text.len(), str::len);
        self.slice(0, end)
    }

    /// Bytes `start..end` (char boundaries) with the runs over them.
    fn slice(&self, start: usize, end: usize) -> Styled {
        let mut out = Styled::default();
        let mut at = 0;
        for run in &self.runs {
            let run_end = at + run.len as usize;
            let (from, to) = (at.max(start), run_end.min(end));
            if from < to {
                out.push(&self.text[from..to], run.style);
            }
            at = run_end;
        }
        out
    }

    /// The text and its runs as a block stores them: no plain run at the end.
    pub(crate) fn into_parts(mut self) -> (String, Vec<Run>) {
        if self.runs.last().is_some_and(|r| r.style == Style::PLAIN) {
            self.runs.pop();
        }
        (self.text, self.runs)
    }
}

/// Whether `runs` are as a block must hold them over `text`: each at least one byte, ending
/// on a char boundary within the text, no two adjacent runs in the same style, and no plain
/// run at the end (text past the last run is plain anyway).
///
/// ```
/// use inkleaf::text::{Run, Style};
/// use inkleaf_cli::input::runs_are_valid;
///
/// let runs = [Run { len: 4, style: Style::PLAIN }, Run { len: 4, style: Style::ITALIC }];
/// assert!(runs_are_valid("one very good", &runs));
/// assert!(!runs_are_valid("one", &runs)); // past the text
/// ```
pub fn runs_are_valid(text: &str, runs: &[Run]) -> bool {
    let mut end = 0usize;
    for (i, run) in runs.iter().enumerate() {
        end += run.len as usize;
        let merged = i > 0 && runs[i - 1].style == run.style;
        if run.len == 0 || merged || !text.is_char_boundary(end) || end > text.len() {
            return false;
        }
    }
    runs.last().is_none_or(|last| last.style != Style::PLAIN)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(len: u32, style: Style) -> Run {
        Run { len, style }
    }

    fn styled(pieces: &[(&str, Style)]) -> Styled {
        let mut out = Styled::default();
        for (text, style) in pieces {
            out.push(text, *style);
        }
        out
    }

    #[test]
    fn pieces_in_one_style_make_one_run() {
        let (text, runs) = styled(&[
            ("a ", Style::PLAIN),
            ("b", Style::BOLD),
            ("c", Style::BOLD),
            (" d", Style::PLAIN),
        ])
        .into_parts();
        assert_eq!(text, "a bc d");
        assert_eq!(runs, [run(2, Style::PLAIN), run(2, Style::BOLD)]);
        assert!(runs_are_valid(&text, &runs));
    }

    #[test]
    fn trimming_keeps_the_runs_on_the_text_left() {
        let (text, runs) = styled(&[
            ("  ", Style::ITALIC),
            ("é", Style::ITALIC),
            (" x ", Style::PLAIN),
            (" ", Style::BOLD),
        ])
        .trimmed()
        .into_parts();
        assert_eq!(text, "é x");
        assert_eq!(runs, [run(2, Style::ITALIC)]);
        assert!(runs_are_valid(&text, &runs));
    }

    #[test]
    fn a_code_block_loses_only_its_final_newline() {
        let (text, runs) = styled(&[("  a\n\n", Style::PLAIN)])
            .without_final_newline()
            .into_parts();
        assert_eq!((text.as_str(), runs.len()), ("  a\n", 0));
    }

    #[test]
    fn truncating_cuts_the_last_run() {
        let mut text = styled(&[("ab", Style::PLAIN), ("cd", Style::MONO)]);
        text.truncate(3);
        assert_eq!(
            text.into_parts().1,
            [run(2, Style::PLAIN), run(1, Style::MONO)]
        );
    }

    #[test]
    fn invalid_runs_are_caught() {
        let mono = Style::MONO;
        assert!(runs_are_valid("", &[]));
        assert!(!runs_are_valid("ab", &[run(0, mono)]));
        assert!(!runs_are_valid("ab", &[run(1, mono), run(1, mono)]));
        assert!(!runs_are_valid("ab", &[run(1, Style::PLAIN)]));
        assert!(!runs_are_valid("é", &[run(1, mono)]));
        assert!(!runs_are_valid("ab", &[run(3, mono)]));
    }
}
