//! From a document and a display to a blob.

use inkleaf::font::AnyFont;
use inkleaf::{
    Block, Book, BuiltFor, CodedBlock, Contents, FontCheck, FontId, Hyphens, Layout, Meta, Profile,
    StoredText,
};

use crate::hyphenate::{hyphen_points, language};
use crate::input::Document;
use crate::pack::{bake_page_index, encode_hyphens, pack_to_vec};

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
    /// How the text is stored.
    pub text: TextStorage,
    /// More profiles to bake page indexes for, after the main one.
    pub also_for: &'f [Profile],
}

/// How a blob stores its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextStorage {
    /// Coded in the fewest bytes: with the engine's built-in English model, or with a model
    /// trained for the text and stored in the blob.
    Coded,
    /// Coded with a model trained for the text, always: for firmware built without the
    /// built-in model (the engine's `english` feature).
    Trained,
    /// UTF-8 as it is.
    Plain,
}

/// Packs `doc` in a built-in font, hyphenated for its language when there are patterns for
/// it, and records the page count it has on `profile`.
pub fn build(doc: &Document, profile: Profile, font: FontId) -> Result<Built, inkleaf::Error> {
    let options = Options {
        font,
        packed: None,
        hyphenate: true,
        text: TextStorage::Coded,
        also_for: &[],
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
            text: inkleaf::Text::plain(text),
            hyphens: Hyphens::from_encoded(hyphens),
        })
        .collect();
    let texts: Vec<&str> = doc.blocks.iter().map(|(_, t)| t.as_str()).collect();
    let encoded = match options.text {
        TextStorage::Coded => Some(crate::codec::encode(&texts)?),
        TextStorage::Trained => Some(crate::codec::train(&texts)?),
        TextStorage::Plain => None,
    };
    let coded: Vec<CodedBlock<'_>> = encoded.as_ref().map_or_else(Vec::new, |e| {
        e.blocks
            .iter()
            .zip(&blocks)
            .map(|(b, block)| CodedBlock {
                kind: block.kind,
                text_len: b.text_len,
                bits: &b.bits,
                hyphens: block.hyphens,
            })
            .collect()
    });
    let text = match &encoded {
        Some(e) => StoredText::Coded {
            model: &e.model,
            blocks: &coded,
        },
        None => StoredText::Plain(&blocks),
    };
    let mut contents = Contents {
        meta,
        page_indexes: &[],
        font: options.packed,
        text,
    };
    // Pagination does not depend on the indexes, so lay out a blob without them first.
    let unindexed = pack_to_vec(&contents)?;
    let book = Book::from_bytes(&unindexed)?;
    // Without a recorded profile the book cannot say which built-in font: pick it here.
    let layout_font = match book.font() {
        Some(packed) => AnyFont::Packed(packed?),
        None => AnyFont::Mono(font.font()),
    };
    let mut records = Vec::new();
    let mut pages = 0;
    for (i, profile) in core::iter::once(&profile)
        .chain(options.also_for)
        .enumerate()
    {
        let index = page_index(book, &layout_font, *profile, font)?;
        if i == 0 {
            pages = index.0;
        }
        records.extend(index.1);
    }
    contents.page_indexes = &records;
    let blob = pack_to_vec(&contents)?;
    Ok(Built { blob, pages })
}

/// Lays `book` out for `profile` in `layout_font` and bakes its page starts into an index
/// record; `font` is the built-in font recorded with them.
fn page_index(
    book: Book<'_>,
    layout_font: &AnyFont<'_>,
    profile: Profile,
    font: FontId,
) -> Result<(u32, Vec<u8>), inkleaf::Error> {
    let layout = Layout::new(&book, profile, layout_font)?;
    let starts: Vec<_> = layout.pages().map(|page| page.start).collect();
    let pages = u32::try_from(starts.len()).map_err(|_| inkleaf::Error::TooLarge)?;
    let built_for = BuiltFor {
        profile,
        font,
        pages,
    };
    Ok((
        pages,
        bake_page_index(built_for, FontCheck::of(layout_font), &starts),
    ))
}
