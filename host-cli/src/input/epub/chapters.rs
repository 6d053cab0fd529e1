//! Table of contents entries mapped onto the blocks the spine was read into.

use super::paths::Link;
use super::spine::SpineFile;
use super::toc::TocEntry;
use crate::input::Chapter;

/// The chapters `toc` names in a book of `blocks` blocks read from `files`, ordered by the
/// block each starts at, and what could not be placed, one line each.
///
/// - An entry `file#id` starts at the block of `id` in `file`; an `id` the file lacks
///   starts the entry at the file's start (the file is right; only the spot is lost).
/// - It opens a new page when it starts where its file starts.
/// - An entry out of reading order moves to where its block is: a chapter list must follow
///   the text it indexes. Entries at the same block keep the table of contents' order.
/// - An entry whose file is not in the reading order, or that points past the last block
///   (an empty last file), is left out with a line.
pub(super) fn chapters(
    toc: &[TocEntry],
    files: &[SpineFile],
    blocks: usize,
    book_language: &str,
) -> (Vec<Chapter>, Vec<String>) {
    let mut chapters = Vec::new();
    let mut unset = Vec::new();
    for entry in toc {
        let Some(Link::Inside { path, fragment }) = &entry.target else {
            unset.push(format!(
                "table of contents entry '{}' links outside the book ({}), left out",
                entry.title, entry.href
            ));
            continue;
        };
        let Some(file) = files.iter().find(|f| &f.path == path) else {
            unset.push(format!(
                "table of contents entry '{}' links to {path}, which is not in the reading order, left out",
                entry.title
            ));
            continue;
        };
        let anchor = match fragment.as_str() {
            "" => Some(0),
            id => file
                .anchors
                .iter()
                .find(|(anchor, _)| anchor == id)
                .map(|(_, offset)| *offset),
        };
        let offset = anchor.unwrap_or(0);
        let block = file.start.saturating_add(offset);
        if block >= blocks {
            unset.push(format!(
                "table of contents entry '{}' links past the end of the text ({}), left out",
                entry.title, entry.href
            ));
            continue;
        }
        if anchor.is_none() {
            unset.push(format!(
                "table of contents entry '{}': {path} has no #{fragment}, set at the file's start",
                entry.title
            ));
        }
        let differs =
            !file.language.is_empty() && !file.language.eq_ignore_ascii_case(book_language);
        chapters.push(Chapter {
            title: entry.title.clone(),
            level: level(entry.level),
            block,
            new_page: offset == 0,
            language: if differs {
                file.language.clone()
            } else {
                String::new()
            },
        });
    }
    chapters.sort_by_key(|c| c.block);
    (chapters, unset)
}

/// A table of contents depth as a chapter level: deeper than the model keeps is set at its
/// deepest.
fn level(depth: usize) -> u8 {
    u8::try_from(depth)
        .unwrap_or(u8::MAX)
        .clamp(1, Chapter::MAX_LEVEL)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, start: usize, anchors: &[(&str, usize)], language: &str) -> SpineFile {
        SpineFile {
            path: path.into(),
            start,
            anchors: anchors.iter().map(|(a, i)| ((*a).into(), *i)).collect(),
            language: language.into(),
        }
    }

    fn entry(title: &str, level: usize, path: &str, fragment: &str) -> TocEntry {
        TocEntry {
            title: title.into(),
            level,
            href: format!("{path}#{fragment}"),
            target: Some(Link::Inside {
                path: path.into(),
                fragment: fragment.into(),
            }),
        }
    }

    /// Three files: a.xhtml blocks 0..4 (ids top at 0, s1 at 2), b.xhtml 4..6 (French),
    /// c.xhtml 6..9.
    fn files() -> Vec<SpineFile> {
        vec![
            file("a.xhtml", 0, &[("top", 0), ("s1", 2)], "en"),
            file("b.xhtml", 4, &[], "fr-FR"),
            file("c.xhtml", 6, &[("end", 3)], ""),
        ]
    }

    fn summary(chapters: &[Chapter]) -> Vec<(&str, u8, usize, bool, &str)> {
        chapters
            .iter()
            .map(|c| {
                (
                    c.title.as_str(),
                    c.level,
                    c.block,
                    c.new_page,
                    c.language.as_str(),
                )
            })
            .collect()
    }

    #[test]
    fn entries_start_at_their_file_or_their_anchor() {
        let toc = [
            entry("A", 1, "a.xhtml", ""),
            entry("A top", 2, "a.xhtml", "top"),
            entry("A.1", 2, "a.xhtml", "s1"),
            entry("B", 1, "b.xhtml", ""),
            entry("C", 1, "c.xhtml", ""),
        ];
        let (chapters, unset) = chapters(&toc, &files(), 9, "en");
        assert_eq!(
            summary(&chapters),
            [
                ("A", 1, 0, true, ""),
                ("A top", 2, 0, true, ""),
                ("A.1", 2, 2, false, ""),
                ("B", 1, 4, true, "fr-FR"),
                ("C", 1, 6, true, ""),
            ]
        );
        assert!(unset.is_empty(), "{unset:?}");
    }

    #[test]
    fn a_missing_anchor_starts_at_its_file_with_a_warning() {
        let (chapters, unset) = chapters(&[entry("B.2", 2, "b.xhtml", "gone")], &files(), 9, "en");
        assert_eq!(summary(&chapters), [("B.2", 2, 4, true, "fr-FR")]);
        assert_eq!(
            unset,
            ["table of contents entry 'B.2': b.xhtml has no #gone, set at the file's start"]
        );
    }

    #[test]
    fn entries_out_of_reading_order_follow_the_text() {
        let toc = [
            entry("C", 1, "c.xhtml", ""),
            entry("A", 1, "a.xhtml", ""),
            entry("A.1", 2, "a.xhtml", "s1"),
        ];
        let (chapters, _) = chapters(&toc, &files(), 9, "en");
        let titles: Vec<_> = chapters.iter().map(|c| c.title.as_str()).collect();
        assert_eq!(titles, ["A", "A.1", "C"]);
    }

    #[test]
    fn deep_levels_clamp_to_the_model() {
        let (chapters, _) = chapters(&[entry("Deep", 50_000, "a.xhtml", "")], &files(), 9, "en");
        assert_eq!(chapters[0].level, Chapter::MAX_LEVEL);
    }

    #[test]
    fn entries_that_cannot_be_placed_are_left_out_with_a_line_each() {
        let mut outside = entry("Web", 1, "", "");
        outside.target = Some(Link::External);
        outside.href = "https://example.com".into();
        let toc = [
            entry("Not in spine", 1, "z.xhtml", ""),
            entry("Past the end", 1, "c.xhtml", "end"),
            outside,
        ];
        let (chapters, unset) = chapters(&toc, &files(), 9, "en");
        assert!(chapters.is_empty());
        assert_eq!(unset.len(), 3, "{unset:?}");
        assert!(unset[0].contains("z.xhtml, which is not in the reading order"));
        assert!(unset[1].contains("past the end"));
        assert!(unset[2].contains("https://example.com"));
    }

    #[test]
    fn a_language_that_differs_only_in_case_is_the_books() {
        let files = [file("a.xhtml", 0, &[], "EN")];
        let (chapters, _) = chapters(&[entry("A", 1, "a.xhtml", "")], &files, 1, "en");
        assert_eq!(chapters[0].language, "");
    }
}
