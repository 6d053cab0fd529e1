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
        let offset = match fragment.as_str() {
            "" => 0,
            id => match file.anchors.iter().find(|(anchor, _)| anchor == id) {
                Some((_, offset)) => *offset,
                None => {
                    unset.push(format!(
                        "table of contents entry '{}': {path} has no #{id}, set at the file's start",
                        entry.title
                    ));
                    0
                }
            },
        };
        let block = file.start.saturating_add(offset);
        if block >= blocks {
            unset.push(format!(
                "table of contents entry '{}' links past the end of the text ({}), left out",
                entry.title, entry.href
            ));
            continue;
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
