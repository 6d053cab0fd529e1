//! The records inside the payload, as they travel on the wire.

use serde::{Deserialize, Serialize};

use crate::font::FontId;
use crate::text::BlockKind;
use crate::Profile;

/// What a reader shows about a text before its first page.
///
/// Every field borrows from the blob; empty strings mean "unknown".
///
/// ```
/// use inkleaf::build::{pack_into, Contents};
/// use inkleaf::{format::Meta, text::{Block, BlockKind}, Book};
///
/// let meta = Meta { title: "Field notes", language: "en", ..Meta::default() };
/// let blocks = [Block::new(BlockKind::Paragraph, "Day one.")];
/// let mut buffer = [0u8; 64];
/// let len = pack_into(&Contents::plain(meta, &blocks), &mut buffer)?;
/// assert_eq!(Book::from_bytes(&buffer[..len])?.meta(), &meta);
/// # Ok::<(), inkleaf::Error>(())
/// ```
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta<'a> {
    /// Title of the text.
    pub title: &'a str,
    /// Author or byline.
    pub byline: &'a str,
    /// Where the text comes from (publication, file name or URL).
    pub source: &'a str,
    /// Publication date as written by the source, ideally ISO 8601.
    pub date: &'a str,
    /// BCP 47 language tag such as `en` or `en-GB`.
    pub language: &'a str,
}

/// The display profile and font a blob was built for, with the page count they give.
///
/// A device with this profile can trust `pages`; any other device paginates itself.
///
/// ```
/// use inkleaf::{Book, Layout, Profile};
///
/// # let blob = include_bytes!("../../../tests/fixtures/device/article-2.9in.inkleaf");
/// let book = Book::from_bytes(blob)?;
/// let built = book.built_for().unwrap();
/// let mine = Profile::new(296, 128);
/// if built.profile == mine {
///     // The page count holds here, without laying anything out, in the font it names.
///     let layout = Layout::new(&book, mine, built.font.font())?;
///     assert_eq!(layout.page_count(), built.pages);
/// }
/// # Ok::<(), inkleaf::Error>(())
/// ```
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuiltFor {
    /// Display geometry and text settings.
    pub profile: Profile,
    /// Font used for the layout.
    pub font: FontId,
    /// Pages the text takes with this profile and font.
    pub pages: u32,
}

/// One block as stored in a blob without a text model: its kind, nesting and label, its
/// text, hyphenation points and style runs.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct RawBlock<'a> {
    pub(crate) kind: BlockKind,
    /// [`Nesting`](crate::text::Nesting) as its depth and quote bits.
    pub(crate) nesting: (u8, u8),
    pub(crate) label: &'a str,
    pub(crate) text: &'a str,
    /// Encoded hyphenation points, see [`Hyphens`](crate::text::Hyphens).
    pub(crate) hyphens: &'a [u8],
    /// Encoded style runs, see [`Runs`](crate::text::Runs).
    pub(crate) runs: &'a [u8],
}

/// One block as stored in a blob with a text model: as [`RawBlock`], with its text's length
/// in bytes and the bitstream that decodes to it (`docs/CODEC.md`) in place of the text.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct RawCodedBlock<'a> {
    pub(crate) kind: BlockKind,
    pub(crate) nesting: (u8, u8),
    pub(crate) label: &'a str,
    pub(crate) text_len: u32,
    pub(crate) bits: &'a [u8],
    pub(crate) hyphens: &'a [u8],
    pub(crate) runs: &'a [u8],
}

/// A block's framing, plain or coded, read without checking its text: what skipping a block
/// needs. The coded text length, if any, reads as part of `head`.
#[derive(Copy, Clone, Debug, Deserialize)]
pub(crate) struct BlockFrame<'a> {
    pub(crate) kind: BlockKind,
    pub(crate) nesting: (u8, u8),
    pub(crate) _label: &'a [u8],
}
