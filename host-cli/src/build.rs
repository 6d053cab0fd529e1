//! From a document and a display to a blob.

use inkleaf::font::MonoFont;
use inkleaf::{
    encode_hyphens, pack_to_vec, Block, Book, BuiltFor, FontId, Hyphens, Layout, Meta, Profile,
};

use crate::hyphenate::{hyphen_points, language};
use crate::input::Document;

/// A packed blob with what it was built for.
#[derive(Clone, Debug)]
pub struct Built {
    /// The blob bytes.
    pub blob: Vec<u8>,
    /// Pages for the profile it was built for.
    pub pages: u32,
}

/// Packs `doc`, hyphenated for its language when there are patterns for it, and records
/// the page count it has on `profile` in `font`.
pub fn build(doc: &Document, profile: Profile, font: FontId) -> Result<Built, inkleaf::Error> {
    build_with(doc, profile, font, true)
}

/// Like [`build`]; `hyphenate: false` leaves words whole (hyphens in the text still break).
pub fn build_with(
    doc: &Document,
    profile: Profile,
    font: FontId,
    hyphenate: bool,
) -> Result<Built, inkleaf::Error> {
    let meta = Meta {
        title: &doc.title,
        byline: &doc.byline,
        source: &doc.source,
        date: &doc.date,
        language: &doc.language,
    };
    let lang = hyphenate.then(|| language(&doc.language)).flatten();
    let points: Vec<Vec<u8>> = doc
        .blocks
        .iter()
        .map(|(_, text)| {
            lang.map(|l| encode_hyphens(&hyphen_points(text, l)))
                .unwrap_or_default()
        })
        .collect();
    let blocks: Vec<Block<'_>> = doc
        .blocks
        .iter()
        .zip(&points)
        .map(|((kind, text), hyphens)| Block {
            kind: *kind,
            text,
            hyphens: Hyphens::from_encoded(hyphens),
        })
        .collect();
    // Pagination does not depend on the recorded profile, so count pages on a plain pack first.
    let plain = pack_to_vec(&meta, None, &blocks)?;
    let pages = page_count(&plain, profile, font.font())?;
    let built_for = BuiltFor {
        profile,
        font,
        pages,
    };
    let blob = pack_to_vec(&meta, Some(&built_for), &blocks)?;
    Ok(Built { blob, pages })
}

fn page_count(blob: &[u8], profile: Profile, font: &MonoFont) -> Result<u32, inkleaf::Error> {
    Ok(Layout::new(Book::from_bytes(blob)?, profile, font)?.page_count())
}
