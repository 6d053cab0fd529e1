//! EPUB 2 and EPUB 3 books into the content model: the spine's chapter files through the
//! (X)HTML reader, the table of contents as chapters, the package's metadata.
//!
//! A book is read from bytes, never unpacked to disk. What a hostile file could do is
//! refused by name: entry names that lead outside the archive, entries or books that inflate
//! past a limit (counted as they inflate), XML entity bombs. DRM-protected books are refused
//! too; fonts that ordinary books obfuscate are simply not read.
//!
//! ```no_run
//! let bytes = std::fs::read("book.epub")?;
//! let doc = inkleaf_cli::input::epub::read_epub(&bytes)?;
//! for chapter in &doc.chapters {
//!     println!("{}{}", "  ".repeat(usize::from(chapter.level - 1)), chapter.title);
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod archive;
mod chapters;
mod container;
mod drm;
mod error;
mod nav;
mod ncx;
mod package;
mod paths;
mod spine;
mod text;
mod toc;

#[cfg(test)]
mod tests;

pub use error::EpubError;

use archive::{Archive, Limits};
use package::Package;

use super::Document;

/// Reads an EPUB 2 or EPUB 3 book.
///
/// The spine's files are read in order (`linear="no"` ones too, where the spine puts them);
/// the table of contents (EPUB 3 navigation document, else NCX) becomes
/// [`Document::chapters`]; title, byline (the creators), date, language and source (the
/// identifier) come from the package. What could not be set is in [`Document::unset`],
/// each line naming the file it is about.
pub fn read_epub(bytes: &[u8]) -> Result<Document, EpubError> {
    read_with_limits(bytes, Limits::REAL)
}

fn read_with_limits(bytes: &[u8], limits: Limits) -> Result<Document, EpubError> {
    let archive = Archive::open(bytes, limits)?;
    let obfuscated = drm::obfuscated_files(&archive)?;
    let package_path = container::package_path(&archive)?;
    let package = Package::read(&archive, &package_path)?;
    if package.spine.is_empty() {
        return Err(EpubError::EmptySpine);
    }
    let text = spine::read(&archive, &package, &obfuscated)?;
    let (toc, toc_unset) = toc::read(&archive, &package)?;
    let meta = package.metadata;
    // A book without dc:language is in the language its first file declares.
    let language = Some(meta.language)
        .filter(|l| !l.is_empty())
        .or_else(|| {
            text.files
                .iter()
                .map(|f| f.language.clone())
                .find(|l| !l.is_empty())
        })
        .unwrap_or_default();
    let (chapters, chapter_unset) =
        chapters::chapters(&toc, &text.files, text.blocks.len(), &language);
    let mut unset = text.unset;
    unset.extend(toc_unset);
    unset.extend(chapter_unset);
    Ok(Document {
        title: meta.title,
        byline: meta.creators.join(", "),
        source: meta.identifier,
        date: meta.date,
        language,
        blocks: text.blocks,
        chapters,
        unset,
    })
}
