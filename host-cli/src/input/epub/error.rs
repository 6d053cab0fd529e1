//! Why an EPUB could not be read: one variant per failure, each naming what it is about.

use crate::input::html::HtmlError;

/// Why an EPUB could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EpubError {
    /// The bytes are not a zip archive at all.
    #[error("not an EPUB: not a zip archive")]
    NotZip,
    /// A zip archive whose end is missing: the file was cut short (an interrupted download).
    #[error("not a whole EPUB: the zip archive is cut short")]
    Truncated,
    /// A zip archive whose directory or an entry's data cannot be decoded.
    #[error("{path}: damaged in the zip archive ({reason})")]
    Corrupt {
        /// The entry, or empty for the archive's directory.
        path: String,
        /// What the zip reader found.
        reason: String,
    },
    /// An entry name or a link that would lead outside the archive (`../`, an absolute path,
    /// a backslash or a drive letter).
    #[error("{0}: a path that leads outside the book is refused")]
    EscapingPath(String),
    /// An entry that inflates past the per-entry limit (a zip bomb, or no book).
    #[error("{path}: inflates past {limit} bytes, more than a book's file can be")]
    TooLarge {
        /// The entry.
        path: String,
        /// The per-entry limit in bytes.
        limit: u64,
    },
    /// The entries read inflate past the per-book limit together.
    #[error("the book inflates past {limit} bytes, more than a book can be")]
    BookTooLarge {
        /// The per-book limit in bytes.
        limit: u64,
    },
    /// The book is protected by DRM (or its entries are password-protected); what says so.
    #[error("the book is DRM-protected and cannot be read ({0})")]
    Encrypted(String),
    /// No `META-INF/container.xml`: a zip archive, but not an EPUB.
    #[error("not an EPUB: no META-INF/container.xml")]
    MissingContainer,
    /// The package document (OPF) that the container names is not in the archive.
    #[error("{0}: the package document is missing from the book")]
    MissingPackage(String),
    /// A file of the reading order (spine) is not in the archive, or lies outside it.
    #[error("{0}: a file of the reading order is missing from the book")]
    MissingSpineItem(String),
    /// The reading order (spine) lists no file.
    #[error("the book's reading order (spine) is empty")]
    EmptySpine,
    /// An XML file of the book is not well-formed XML.
    #[error("{path}: not well-formed XML ({reason})")]
    BadXml {
        /// The file.
        path: String,
        /// What the XML parser found, with the line and column.
        reason: String,
    },
    /// A chapter file whose markup cannot be read (its elements nest past the limit).
    #[error("{path}: {source}")]
    Markup {
        /// The file.
        path: String,
        /// Why its markup cannot be read.
        source: HtmlError,
    },
    /// The container or package document is well-formed but lacks what an EPUB needs.
    #[error("{path}: {reason}")]
    BadPackage {
        /// The file.
        path: String,
        /// What is missing or wrong.
        reason: String,
    },
}
