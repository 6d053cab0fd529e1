//! The book's table of contents as a flat list of entries, from the EPUB 3 navigation
//! document or else the EPUB 2 NCX.

use super::archive::Archive;
use super::package::Package;
use super::paths::Link;
use super::text::{decode, parse_xml};
use super::{nav, ncx, EpubError};

/// One entry of a table of contents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct TocEntry {
    /// The title as the table of contents shows it.
    pub title: String,
    /// Its depth, 1 for the top level.
    pub level: usize,
    /// The link as written, for messages.
    pub href: String,
    /// Where the link leads: `None` for a heading without a link (EPUB 3 allows a `span`
    /// that groups the entries below it) or a link that climbs out of the archive.
    pub target: Option<Link>,
}

/// The table of contents of the book, and what could not be read of it, one line each.
///
/// EPUB 3's navigation document is preferred; an EPUB 3 book may carry an NCX for old
/// readers too, and then both say the same. A table of contents that cannot be read leaves
/// the book without chapters, not unread: the text is still all there.
pub(super) fn read(
    archive: &Archive<'_>,
    package: &Package,
) -> Result<(Vec<TocEntry>, Vec<String>), EpubError> {
    let mut unset = Vec::new();
    let sources = [
        (package.nav(), nav::entries as Parser),
        (package.ncx, ncx::entries as Parser),
    ];
    for (item, parse) in sources {
        let Some(item) = item.and_then(|i| package.manifest.get(i)) else {
            continue;
        };
        let Some(Link::Inside { path, .. }) = &item.target else {
            unset.push(format!(
                "{}: table of contents outside the book, not read",
                item.href
            ));
            continue;
        };
        let Some(bytes) = archive.read(path)? else {
            unset.push(format!("{path}: table of contents missing from the book"));
            continue;
        };
        let (text, _) = decode(&bytes);
        match parse_xml(path, &text).map(|xml| parse(&xml, path)) {
            Ok(entries) if !entries.is_empty() => {
                return Ok((with_targets(entries, &mut unset), unset))
            }
            Ok(_) => unset.push(format!("{path}: table of contents has no entry")),
            Err(e) => unset.push(format!("table of contents not read: {e}")),
        }
    }
    Ok((Vec::new(), unset))
}

type Parser = fn(&roxmltree::Document<'_>, &str) -> Vec<TocEntry>;

/// Gives a heading without a link the target of its first entry (or that entry's first,
/// and so on), and drops (with a line in `unset`) the entries left without one. One pass
/// from the end: a hostile table of contents may be tens of thousands of headings deep.
fn with_targets(entries: Vec<TocEntry>, unset: &mut Vec<String>) -> Vec<TocEntry> {
    let mut resolved: Vec<Option<Link>> = vec![None; entries.len()];
    for i in (0..entries.len()).rev() {
        let first_under = entries
            .get(i + 1)
            .filter(|next| next.level > entries[i].level)
            .and_then(|_| resolved[i + 1].clone());
        resolved[i] = entries[i].target.clone().or(first_under);
    }
    let mut out = Vec::with_capacity(entries.len());
    for (entry, target) in entries.into_iter().zip(resolved) {
        match target {
            Some(target) => out.push(TocEntry {
                target: Some(target),
                ..entry
            }),
            None if entry.href.is_empty() => unset.push(format!(
                "table of contents entry '{}' links nowhere, left out",
                entry.title
            )),
            None => unset.push(format!(
                "table of contents entry '{}' links outside the book ({}), left out",
                entry.title, entry.href
            )),
        }
    }
    out
}
