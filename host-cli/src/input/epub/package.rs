//! The package document (OPF): the book's metadata, its files (manifest) and their reading
//! order (spine).

use roxmltree::Node;

use super::archive::Archive;
use super::paths::{resolve, Link};
use super::text::{collapsed_text, decode, is, parse_xml};
use super::EpubError;

/// What the package document says about the book.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Package {
    /// Where the package document is in the archive.
    pub path: String,
    pub metadata: Metadata,
    /// Every file of the book, in the order the manifest lists them.
    pub manifest: Vec<Item>,
    /// The reading order: indexes into `manifest`.
    pub spine: Vec<SpineItem>,
    /// The manifest index of the EPUB 2 NCX table of contents (the spine's `toc`).
    pub ncx: Option<usize>,
}

/// The book's Dublin Core metadata; each field may be empty.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Metadata {
    pub title: String,
    /// Every `dc:creator`, in order.
    pub creators: Vec<String>,
    pub language: String,
    pub date: String,
    /// The identifier the package names unique, else the first.
    pub identifier: String,
}

/// One file of the manifest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Item {
    pub id: String,
    /// The `href` as written, for messages.
    pub href: String,
    /// Where `href` leads; `None` when it climbs out of the archive.
    pub target: Option<Link>,
    pub media_type: String,
    /// Its `properties` (EPUB 3): `nav`, `scripted`, `svg`, ...
    pub properties: Vec<String>,
}

/// One entry of the spine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct SpineItem {
    /// Index in [`Package::manifest`].
    pub item: usize,
    /// `false` for `linear="no"`: supplementary content a reading system may skip.
    pub linear: bool,
}

impl Package {
    /// Reads the package document at `path`.
    pub fn read(archive: &Archive<'_>, path: &str) -> Result<Package, EpubError> {
        let bytes = archive
            .read(path)?
            .ok_or_else(|| EpubError::MissingPackage(path.to_owned()))?;
        let (text, _) = decode(&bytes);
        let xml = parse_xml(path, &text)?;
        let root = xml.root_element();
        let bad = |reason: &str| EpubError::BadPackage {
            path: path.to_owned(),
            reason: reason.to_owned(),
        };
        if !is(root, "package") {
            return Err(bad("is not a package document (its root is not <package>)"));
        }
        let manifest: Vec<Item> = child(root, "manifest")
            .ok_or_else(|| bad("has no manifest"))?
            .children()
            .filter(|n| is(*n, "item"))
            .map(|n| Item::read(n, path))
            .collect();
        let spine_node = child(root, "spine").ok_or_else(|| bad("has no spine"))?;
        let index_of = |id: &str| manifest.iter().position(|item| item.id == id);
        let mut spine = Vec::new();
        for itemref in spine_node.children().filter(|n| is(*n, "itemref")) {
            let idref = itemref.attribute("idref").unwrap_or_default();
            let item = index_of(idref).ok_or_else(|| {
                bad(&format!(
                    "the spine lists '{idref}', which the manifest does not"
                ))
            })?;
            let linear = itemref.attribute("linear").map(str::trim) != Some("no");
            spine.push(SpineItem { item, linear });
        }
        let ncx = spine_node.attribute("toc").and_then(index_of);
        Ok(Package {
            path: path.to_owned(),
            metadata: child(root, "metadata")
                .map(|m| Metadata::read(m, root))
                .unwrap_or_default(),
            manifest,
            spine,
            ncx,
        })
    }

    /// The manifest index of the EPUB 3 navigation document (`properties="nav"`).
    pub fn nav(&self) -> Option<usize> {
        self.manifest
            .iter()
            .position(|item| item.properties.iter().any(|p| p == "nav"))
    }
}

impl Item {
    fn read(node: Node<'_, '_>, package: &str) -> Item {
        let href = node.attribute("href").unwrap_or_default();
        Item {
            id: node.attribute("id").unwrap_or_default().to_owned(),
            href: href.to_owned(),
            target: resolve(package, href),
            media_type: node.attribute("media-type").unwrap_or_default().to_owned(),
            properties: node
                .attribute("properties")
                .unwrap_or_default()
                .split_whitespace()
                .map(str::to_owned)
                .collect(),
        }
    }
}

impl Metadata {
    fn read(metadata: Node<'_, '_>, package: Node<'_, '_>) -> Metadata {
        // EPUB 2 books may wrap the Dublin Core elements in <dc-metadata>.
        let elements: Vec<Node<'_, '_>> =
            metadata.descendants().filter(|n| n.is_element()).collect();
        let texts = |name: &str| -> Vec<String> {
            elements
                .iter()
                .filter(|n| is(**n, name))
                .map(|n| collapsed_text(*n))
                .filter(|t| !t.is_empty())
                .collect()
        };
        let first = |name: &str| texts(name).into_iter().next().unwrap_or_default();
        let unique = package.attribute("unique-identifier");
        let identifier = elements
            .iter()
            .find(|n| is(**n, "identifier") && unique.is_some() && n.attribute("id") == unique)
            .map(|n| collapsed_text(*n))
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| first("identifier"));
        Metadata {
            title: first("title"),
            creators: texts("creator"),
            language: first("language"),
            date: first("date"),
            identifier,
        }
    }
}

/// The first child element of `node` named `local`.
fn child<'a, 'i>(node: Node<'a, 'i>, local: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|n| is(*n, local))
}
