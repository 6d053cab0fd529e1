//! The reading order read into blocks: each spine file through the (X)HTML reader, with
//! the stylesheets it links read from the archive.

use std::cell::RefCell;
use std::collections::HashMap;

use inkleaf::text::BlockKind;

use super::archive::Archive;
use super::package::Package;
use super::paths::{resolve, resolve_as_written, Link};
use super::text::decode;
use super::EpubError;
use crate::input::html::read_xhtml;
use crate::input::DocBlock;

/// One file of the reading order, once read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct SpineFile {
    /// Its path in the archive.
    pub path: String,
    /// Index of its first block in the book's blocks (its end is the next file's start).
    pub start: usize,
    /// Its ids and the index of the block each is at or before, counted in the file.
    pub anchors: Vec<(String, usize)>,
    /// Its own language, or empty.
    pub language: String,
}

/// The book's text: its blocks, where each spine file starts, and what could not be set.
#[derive(Debug, Default)]
pub(super) struct Text {
    pub blocks: Vec<DocBlock>,
    pub files: Vec<SpineFile>,
    pub unset: Vec<String>,
}

/// Reads every file of the spine in order, `linear="no"` ones included where the spine
/// puts them: a device reader has no links to reach them by, and every word reaches the
/// pages once, in order.
pub(super) fn read(
    archive: &Archive<'_>,
    package: &Package,
    obfuscated: &[String],
) -> Result<Text, EpubError> {
    let mut text = Text::default();
    let stylesheets = Stylesheets::new(archive);
    for spine_item in &package.spine {
        let Some(item) = package.manifest.get(spine_item.item) else {
            continue;
        };
        let path = match &item.target {
            Some(Link::Inside { path, .. }) => path.clone(),
            Some(Link::External) => return Err(EpubError::MissingSpineItem(item.href.clone())),
            None => return Err(EpubError::EscapingPath(item.href.clone())),
        };
        if obfuscated.contains(&path) {
            return Err(EpubError::Encrypted(format!("{path} is obfuscated")));
        }
        // The file keeps the name links resolve to, whichever way it was found.
        let bytes = match archive.read(&path)? {
            Some(bytes) => bytes,
            None => read_as_written(archive, &package.path, &item.href)?
                .ok_or_else(|| EpubError::MissingSpineItem(path.clone()))?,
        };
        let start = text.blocks.len();
        if is_markup(&item.media_type, &path) {
            let (markup, replaced) = decode(&bytes);
            if replaced {
                text.unset.push(format!(
                    "{path}: not UTF-8 or UTF-16, undecodable bytes shown as '\u{FFFD}'"
                ));
            }
            let xhtml =
                read_xhtml(&markup, &|href| stylesheets.read(&path, href)).map_err(|source| {
                    EpubError::Markup {
                        path: path.clone(),
                        source,
                    }
                })?;
            stylesheets.take_error()?;
            text.unset.extend(stylesheets.take_unset());
            text.unset
                .extend(xhtml.unset.iter().map(|line| format!("{path}: {line}")));
            text.blocks.extend(xhtml.blocks);
            text.files.push(SpineFile {
                path,
                start,
                anchors: xhtml.anchors,
                language: xhtml.language,
            });
        } else {
            if item.media_type.starts_with("image/") {
                text.blocks
                    .push(DocBlock::plain(BlockKind::Paragraph, "[image]"));
            }
            text.unset.push(format!(
                "{path}: a page of {} in the reading order, {}",
                item.media_type,
                if item.media_type.starts_with("image/") {
                    "shown as '[image]'"
                } else {
                    "left out"
                }
            ));
            text.files.push(SpineFile {
                path,
                start,
                ..SpineFile::default()
            });
        }
    }
    Ok(text)
}

/// The entry named by `href` as written, escapes and all, if the archive has one.
fn read_as_written(
    archive: &Archive<'_>,
    package: &str,
    href: &str,
) -> Result<Option<Vec<u8>>, EpubError> {
    match resolve_as_written(package, href) {
        Some(Link::Inside { path, .. }) => archive.read(&path),
        _ => Ok(None),
    }
}

/// Whether a spine file is (X)HTML by its media type, or by its name when the manifest
/// gives no type.
fn is_markup(media_type: &str, path: &str) -> bool {
    match media_type.trim() {
        "application/xhtml+xml" | "text/html" | "application/xml" | "text/xml" => true,
        "" => {
            let lower = path.to_ascii_lowercase();
            [".xhtml", ".html", ".htm", ".xml"]
                .iter()
                .any(|ext| lower.ends_with(ext))
        }
        _ => false,
    }
}

/// The stylesheets chapters link, read once each from the archive. Errors that refuse the
/// book (a stylesheet that inflates past the limits) are kept for after the chapter is read,
/// since the (X)HTML reader's callback cannot return them.
struct Stylesheets<'a, 'b> {
    archive: &'b Archive<'a>,
    cache: RefCell<HashMap<String, Option<String>>>,
    error: RefCell<Option<EpubError>>,
    unset: RefCell<Vec<String>>,
}

impl<'a, 'b> Stylesheets<'a, 'b> {
    fn new(archive: &'b Archive<'a>) -> Self {
        Stylesheets {
            archive,
            cache: RefCell::default(),
            error: RefCell::default(),
            unset: RefCell::default(),
        }
    }

    /// The text of the stylesheet `href`, linked from the chapter at `from`.
    fn read(&self, from: &str, href: &str) -> Option<String> {
        let Some(Link::Inside { path, .. }) = resolve(from, href) else {
            return None;
        };
        if let Some(cached) = self.cache.borrow().get(&path) {
            return cached.clone();
        }
        let css = match self.archive.read(&path) {
            Ok(Some(bytes)) => Some(decode(&bytes).0),
            Ok(None) => {
                self.unset
                    .borrow_mut()
                    .push(format!("{path}: stylesheet missing from the book"));
                None
            }
            Err(e) => {
                self.error.borrow_mut().get_or_insert(e);
                None
            }
        };
        self.cache.borrow_mut().insert(path, css.clone());
        css
    }

    fn take_error(&self) -> Result<(), EpubError> {
        self.error.borrow_mut().take().map_or(Ok(()), Err)
    }

    fn take_unset(&self) -> Vec<String> {
        std::mem::take(&mut *self.unset.borrow_mut())
    }
}

#[cfg(test)]
mod tests {
    use super::super::archive::Limits;
    use super::super::tests::Book;
    use super::*;

    #[test]
    fn stylesheets_resolve_against_their_chapter_and_are_read_once() {
        let bytes = Book::empty()
            .file("OEBPS/styles/a b.css", "p { margin: 0 }")
            .zip();
        let archive = Archive::open(&bytes, Limits::REAL).unwrap();
        let sheets = Stylesheets::new(&archive);
        let from = "OEBPS/text/ch1.xhtml";
        assert_eq!(
            sheets.read(from, "../styles/a%20b.css").as_deref(),
            Some("p { margin: 0 }")
        );
        let once = format!("{archive:?}");
        assert!(sheets.read(from, "../styles/a%20b.css").is_some());
        assert_eq!(format!("{archive:?}"), once, "the second read is cached");
        assert_eq!(sheets.read(from, "../../../x.css"), None);
        assert_eq!(sheets.read(from, "https://example.com/x.css"), None);
        assert_eq!(sheets.read(from, "gone.css"), None);
        assert_eq!(
            sheets.take_unset(),
            ["OEBPS/text/gone.css: stylesheet missing from the book"]
        );
        assert_eq!(sheets.take_error(), Ok(()));
    }

    #[test]
    fn a_stylesheet_past_the_limit_refuses_the_book() {
        let bytes = Book::empty().file("s.css", vec![b' '; 2048]).zip();
        let limits = Limits {
            entry: 1024,
            book: 4096,
        };
        let archive = Archive::open(&bytes, limits).unwrap();
        let sheets = Stylesheets::new(&archive);
        assert_eq!(sheets.read("ch.xhtml", "s.css"), None);
        assert_eq!(
            sheets.take_error(),
            Err(EpubError::TooLarge {
                path: "s.css".into(),
                limit: 1024
            })
        );
    }
}
