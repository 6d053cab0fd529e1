//! An EPUB's own table of contents, read here apart from inkleaf's EPUB reader so the two
//! check each other: the container names the package, the package names the EPUB 3
//! navigation document (`properties="nav"`) and the EPUB 2 NCX (the spine's `toc`), and
//! each lists its entries as nested lists.

use std::io::Read;
use std::path::Path;

use roxmltree::{Document, Node, ParsingOptions};

/// One entry of a table of contents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TocEntry {
    /// Its label, whitespace collapsed.
    pub title: String,
    /// Its depth: 1 for the top level.
    pub level: u8,
    /// Its link as written, relative to the file that lists it.
    pub href: String,
}

/// What an EPUB lists as its table of contents.
#[derive(Clone, Debug, Default)]
pub struct Toc {
    /// The package's `version` attribute: `2.0`, `3.0`.
    pub version: String,
    /// The navigation document's `toc` nav, when the package names one.
    pub nav: Option<Vec<TocEntry>>,
    /// The NCX, when the spine names one.
    pub ncx: Option<Vec<TocEntry>>,
}

impl Toc {
    /// The table of contents a reading system shows: an EPUB 3 book's navigation document,
    /// an EPUB 2 book's NCX (EPUB 3 keeps the NCX for old readers only).
    pub fn shown(&self) -> &[TocEntry] {
        let nav = self
            .nav
            .as_deref()
            .filter(|_| self.version.starts_with('3'));
        nav.or(self.ncx.as_deref()).unwrap_or_default()
    }
}

/// The table of contents of the EPUB at `path`.
pub fn epub_toc(path: &Path) -> Toc {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut zip = zip::ZipArchive::new(file).expect("an EPUB is a zip archive");
    let mut entry = |name: &str| -> String {
        let mut text = String::new();
        zip.by_name(name)
            .unwrap_or_else(|e| panic!("{}: no {name}: {e}", path.display()))
            .read_to_string(&mut text)
            .expect("UTF-8 XML");
        text
    };
    let container = entry("META-INF/container.xml");
    let container = Document::parse(&container).expect("well-formed container.xml");
    let opf_path = container
        .descendants()
        .find(|n| n.has_tag_name("rootfile"))
        .and_then(|n| n.attribute("full-path"))
        .expect("a rootfile")
        .to_owned();
    let opf_text = entry(&opf_path);
    let opf = Document::parse(&opf_text).expect("a well-formed package");
    let item = |found: &dyn Fn(Node<'_, '_>) -> bool| {
        opf.descendants()
            .find(|n| n.has_tag_name("item") && found(*n))
            .and_then(|n| n.attribute("href"))
            .map(|href| joined(&opf_path, href))
    };
    let nav_path = item(&|n| {
        n.attribute("properties")
            .is_some_and(|p| p.split_whitespace().any(|p| p == "nav"))
    });
    let ncx_id = opf
        .descendants()
        .find(|n| n.has_tag_name("spine"))
        .and_then(|n| n.attribute("toc"));
    let ncx_path = ncx_id.and_then(|id| item(&|n| n.attribute("id") == Some(id)));
    Toc {
        version: opf
            .root_element()
            .attribute("version")
            .unwrap_or_default()
            .to_owned(),
        nav: nav_path.map(|p| nav_entries(&entry(&p))),
        ncx: ncx_path.map(|p| ncx_entries(&entry(&p))),
    }
}

/// `href` (percent-encoding aside, which these books do not use) from the folder of `base`.
fn joined(base: &str, href: &str) -> String {
    match base.rsplit_once('/') {
        Some((folder, _)) => format!("{folder}/{href}"),
        None => href.to_owned(),
    }
}

/// The entries of the `nav` whose `epub:type` lists `toc`: each `li`'s label is its first
/// `a` or `span`, its level the number of `ol`s around it.
fn nav_entries(xhtml: &str) -> Vec<TocEntry> {
    // pandoc's EPUB 3 declares `<!DOCTYPE html>`.
    let options = ParsingOptions {
        allow_dtd: true,
        ..ParsingOptions::default()
    };
    let doc =
        Document::parse_with_options(xhtml, options).expect("a well-formed navigation document");
    let toc = doc
        .descendants()
        .find(|n| {
            n.has_tag_name("nav")
                && n.attributes()
                    .any(|a| a.name() == "type" && a.value().split_whitespace().any(|t| t == "toc"))
        })
        .expect("a toc nav");
    let mut entries = Vec::new();
    for li in toc.descendants().filter(|n| n.has_tag_name("li")) {
        let label = li
            .children()
            .find(|n| n.has_tag_name("a") || n.has_tag_name("span"))
            .expect("an entry's label");
        let level = li
            .ancestors()
            .take_while(|n| *n != toc)
            .filter(|n| n.has_tag_name("ol"));
        entries.push(TocEntry {
            title: text_of(label),
            level: level.count() as u8,
            href: label.attribute("href").unwrap_or_default().to_owned(),
        });
    }
    entries
}

/// The `navPoint`s of the NCX's `navMap`, in document order, each labelled by its
/// `navLabel`'s text.
fn ncx_entries(xml: &str) -> Vec<TocEntry> {
    let doc = Document::parse(xml).expect("a well-formed NCX");
    let map = doc
        .descendants()
        .find(|n| n.has_tag_name("navMap"))
        .expect("a navMap");
    map.descendants()
        .filter(|n| n.has_tag_name("navPoint"))
        .map(|point| {
            let child = |name: &str| point.children().find(|n| n.has_tag_name(name));
            let level = point.ancestors().filter(|n| n.has_tag_name("navPoint"));
            TocEntry {
                title: child("navLabel").map(text_of).unwrap_or_default(),
                level: level.count() as u8,
                href: child("content")
                    .and_then(|c| c.attribute("src"))
                    .unwrap_or_default()
                    .to_owned(),
            }
        })
        .collect()
}

/// The text under `node`, whitespace collapsed.
fn text_of(node: Node<'_, '_>) -> String {
    let text: String = node
        .descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
