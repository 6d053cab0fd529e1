//! The EPUB 2 NCX: `navMap` with nested `navPoint`s, each a `navLabel` and a `content`.

use roxmltree::{Document, Node};

use super::paths::resolve;
use super::text::{collapsed_text, is, with_depth};
use super::toc::TocEntry;

/// The entries of the NCX `xml` at `path`, in document order (the nesting; `playOrder`
/// repeats it in well-made books). Walked without recursion.
pub(super) fn entries(xml: &Document<'_>, path: &str) -> Vec<TocEntry> {
    let Some(map) = xml.descendants().find(|n| is(*n, "navMap")) else {
        return Vec::new();
    };
    with_depth(map, "navPoint")
        .into_iter()
        .filter(|(n, _)| is(*n, "navPoint"))
        .map(|(point, depth)| entry(point, depth, path))
        .collect()
}

fn entry(point: Node<'_, '_>, level: usize, path: &str) -> TocEntry {
    let title = point
        .children()
        .find(|n| is(*n, "navLabel"))
        .and_then(|label| label.children().find(|n| is(*n, "text")))
        .map(collapsed_text)
        .unwrap_or_default();
    let href = point
        .children()
        .find(|n| is(*n, "content"))
        .and_then(|n| n.attribute("src"))
        .unwrap_or_default();
    TocEntry {
        title,
        level,
        href: href.to_owned(),
        target: (!href.is_empty()).then(|| resolve(path, href)).flatten(),
    }
}
