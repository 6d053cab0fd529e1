//! From a document and a display to a blob.

use inkleaf::font::AnyFont;
use inkleaf::{
    encode_hyphens, pack_to_vec_with_font, Block, Book, BuiltFor, FontId, Hyphens, Layout, Meta,
    Profile,
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

/// How to build a blob beyond the document and the display.
#[derive(Clone, Copy, Debug)]
pub struct Options<'f> {
    /// The built-in font recorded for the profile; also what a reader without the packed
    /// font falls back to.
    pub font: FontId,
    /// A packed font section (see [`crate::fonts::pack_font`]) to carry and set the text in.
    pub packed: Option<&'f [u8]>,
    /// Add hyphenation points for the document's language.
    pub hyphenate: bool,
}

/// Packs `doc` in a built-in font, hyphenated for its language when there are patterns for
/// it, and records the page count it has on `profile`.
pub fn build(doc: &Document, profile: Profile, font: FontId) -> Result<Built, inkleaf::Error> {
    let options = Options {
        font,
        packed: None,
        hyphenate: true,
    };
    build_with(doc, profile, &options)
}

/// Packs `doc` as `options` say and records the page count it has on `profile`.
pub fn build_with(
    doc: &Document,
    profile: Profile,
    options: &Options<'_>,
) -> Result<Built, inkleaf::Error> {
    let (font, hyphenate) = (options.font, options.hyphenate);
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
    let plain = pack_to_vec_with_font(&meta, None, options.packed, &blocks)?;
    let pages = page_count(&plain, profile, font)?;
    let built_for = BuiltFor {
        profile,
        font,
        pages,
    };
    let blob = pack_to_vec_with_font(&meta, Some(&built_for), options.packed, &blocks)?;
    Ok(Built { blob, pages })
}

fn page_count(blob: &[u8], profile: Profile, font: FontId) -> Result<u32, inkleaf::Error> {
    let book = Book::from_bytes(blob)?;
    // Without a recorded profile the book cannot say which built-in font: pick it here.
    let font = match book.font() {
        Some(packed) => AnyFont::Packed(packed?),
        None => AnyFont::Mono(font.font()),
    };
    Ok(Layout::new(book, profile, &font)?.page_count())
}
