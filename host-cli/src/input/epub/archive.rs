//! The zip archive an EPUB is, read from bytes with limits on what it may inflate to.

use std::cell::{Cell, RefCell};
use std::io::{Cursor, Read};

use zip::result::ZipError;
use zip::ZipArchive;

use super::paths::is_safe_entry_name;
use super::EpubError;

/// How much an archive may inflate to. Inflated sizes are counted as the bytes come out of
/// the decompressor; the sizes the archive declares are not trusted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Limits {
    /// Bytes one entry may inflate to.
    pub entry: u64,
    /// Bytes all the entries read may inflate to together.
    pub book: u64,
}

impl Limits {
    /// The largest chapter files of real books (a whole novel in one file) are a few MiB;
    /// 64 MiB is far past any of them and still small next to a PC's memory.
    pub const ENTRY: u64 = 64 << 20;
    /// A long illustrated book's text and stylesheets stay well under this; images and
    /// fonts, the large parts of a book, are not read.
    pub const BOOK: u64 = 256 << 20;

    pub const REAL: Limits = Limits {
        entry: Self::ENTRY,
        book: Self::BOOK,
    };
}

/// An EPUB's zip archive, whose entry names have all been checked to stay inside it.
pub(super) struct Archive<'a> {
    zip: RefCell<ZipArchive<Cursor<&'a [u8]>>>,
    limits: Limits,
    inflated: Cell<u64>,
}

impl std::fmt::Debug for Archive<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Archive")
            .field("limits", &self.limits)
            .field("inflated", &self.inflated.get())
            .finish_non_exhaustive()
    }
}

/// The local file header signature every zip archive starts with (unless it is empty).
const LOCAL_HEADER: &[u8] = b"PK\x03\x04";

impl<'a> Archive<'a> {
    /// Opens the archive in `bytes`, refusing it if any entry's name leads outside it.
    pub fn open(bytes: &'a [u8], limits: Limits) -> Result<Self, EpubError> {
        let zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| match e {
            // A zip's directory sits at its end: a file that starts like a zip but has none
            // was cut short.
            _ if !bytes.starts_with(LOCAL_HEADER) => EpubError::NotZip,
            _ if !has_end_record(bytes) => EpubError::Truncated,
            e => EpubError::Corrupt {
                path: String::new(),
                reason: e.to_string(),
            },
        })?;
        if let Some(bad) = zip.file_names().find(|name| !is_safe_entry_name(name)) {
            return Err(EpubError::EscapingPath(bad.to_owned()));
        }
        Ok(Archive {
            zip: RefCell::new(zip),
            limits,
            inflated: Cell::new(0),
        })
    }

    /// Whether the archive has an entry `path`.
    pub fn contains(&self, path: &str) -> bool {
        self.zip.borrow().index_for_name(path).is_some()
    }

    /// The inflated bytes of entry `path`, or `None` when there is no such entry.
    pub fn read(&self, path: &str) -> Result<Option<Vec<u8>>, EpubError> {
        let mut zip = self.zip.borrow_mut();
        let Some(index) = zip.index_for_name(path) else {
            return Ok(None);
        };
        let corrupt = |e: &dyn std::fmt::Display| EpubError::Corrupt {
            path: path.to_owned(),
            reason: e.to_string(),
        };
        let entry = match zip.by_index(index) {
            Ok(entry) => entry,
            Err(ZipError::UnsupportedArchive(ZipError::PASSWORD_REQUIRED)) => {
                return Err(EpubError::Encrypted(format!(
                    "{path} is a password-protected zip entry"
                )))
            }
            Err(e) => return Err(corrupt(&e)),
        };
        let book_left = self.limits.book.saturating_sub(self.inflated.get());
        let allowed = self.limits.entry.min(book_left);
        let mut bytes = Vec::new();
        // One byte past what is allowed tells "too large" from "exactly at the limit".
        entry
            .take(allowed.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|e| corrupt(&e))?;
        let inflated = bytes.len() as u64;
        if inflated > allowed {
            // Only `allowed + 1` bytes were read: past the entry limit means it was the smaller.
            return Err(if inflated > self.limits.entry {
                EpubError::TooLarge {
                    path: path.to_owned(),
                    limit: self.limits.entry,
                }
            } else {
                EpubError::BookTooLarge {
                    limit: self.limits.book,
                }
            });
        }
        self.inflated.set(self.inflated.get() + inflated);
        Ok(Some(bytes))
    }
}

/// Whether `bytes` end with a zip's end of central directory record: its signature within
/// the last 22 bytes plus the longest comment. A cut archive has lost it.
fn has_end_record(bytes: &[u8]) -> bool {
    const SIGNATURE: &[u8] = b"PK\x05\x06";
    const FIXED: usize = 22;
    let tail = &bytes[bytes.len().saturating_sub(FIXED + usize::from(u16::MAX))..];
    tail.windows(SIGNATURE.len()).any(|w| w == SIGNATURE)
}
