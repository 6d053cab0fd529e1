//! The EPUB 3 navigation document: `<nav epub:type="toc">` and its nested `ol`/`li`/`a`.

use roxmltree::{Document, Node};

use super::paths::resolve;
use super::text::{collapsed_text, is, with_depth};
use super::toc::TocEntry;

/// The entries of the `toc` nav of `xml`, the navigation document at `path`, in document
/// order; empty when it has none. Walked without recursion: a hostile file may nest
/// thousands deep.
pub(super) fn entries(xml: &Document<'_>, path: &str) -> Vec<TocEntry> {
    let Some(toc) = xml.descendants().find(|n| is(*n, "nav") && is_toc(*n)) else {
        return Vec::new();
    };
    with_depth(toc, "ol")
        .into_iter()
        .filter(|(n, _)| is(*n, "li"))
        .filter_map(|(li, depth)| entry(li, depth.max(1), path))
        .collect()
}

/// Whether a `nav` is the table of contents: its `epub:type` lists `toc`.
fn is_toc(nav: Node<'_, '_>) -> bool {
    nav.attributes()
        .filter(|a| a.name() == "type")
        .any(|a| a.value().split_whitespace().any(|t| t == "toc"))
}

/// The entry an `li` makes: its label is its first `a` (a link) or `span` (a heading).
fn entry(li: Node<'_, '_>, level: usize, path: &str) -> Option<TocEntry> {
    let label = li.children().find(|n| is(*n, "a") || is(*n, "span"))?;
    let href = label.attribute("href").unwrap_or_default();
    let mut title = collapsed_text(label);
    if title.is_empty() {
        title = label.attribute("title").unwrap_or_default().to_owned();
    }
    Some(TocEntry {
        title,
        level,
        href: href.to_owned(),
        target: (!href.is_empty()).then(|| resolve(path, href)).flatten(),
    })
}
