//! inkleaf turns articles into compact blobs that a small e-paper reader shows page by page.
//!
//! This crate is the part that runs everywhere, microcontrollers included: it opens a blob
//! without allocating ([`Book::from_bytes`]), paginates it for a display ([`Layout`]) and draws
//! pages onto any embedded-graphics [`DrawTarget`](embedded_graphics::draw_target::DrawTarget).
//! Building blobs ([`pack_into`]; training codecs and baking page indexes in `inkleaf-cli`)
//! is for hosts.
//!
//! ```
//! use embedded_graphics::{mock_display::MockDisplay, pixelcolor::BinaryColor, Drawable};
//! use inkleaf::{font::MONO_6X10, Block, BlockKind, Book, Layout, Meta, Profile};
//!
//! // Normally the blob comes from `inkleaf build` and sits in flash.
//! # let blocks = [Block::new(BlockKind::Paragraph, "Hello, paper.")];
//! # let mut buffer = [0u8; 128];
//! # let len = inkleaf::pack_into(&inkleaf::Contents::plain(Meta::default(), &blocks), &mut buffer)?;
//! # let blob = &buffer[..len];
//! let book = Book::from_bytes(blob)?;
//! let layout = Layout::new(&book, Profile::new(64, 64), &MONO_6X10)?;
//! let page = layout.page(0)?;
//!
//! let mut display = MockDisplay::<BinaryColor>::new();
//! // A page clears itself to paper before inking, which MockDisplay counts as overdraw.
//! display.set_allow_overdraw(true);
//! layout.view(page, None).draw(&mut display).unwrap();
//! # Ok::<(), inkleaf::Error>(())
//! ```
#![no_std]
#![deny(
    missing_docs,
    missing_debug_implementations,
    unsafe_code,
    trivial_casts,
    trivial_numeric_casts,
    unused_qualifications,
    rustdoc::broken_intra_doc_links
)]

#[cfg(feature = "alloc")]
extern crate alloc;

mod blob;
mod draw;
mod error;
pub mod font;
mod layout;

#[cfg(feature = "coded")]
pub mod codec;

pub use blob::{
    pack_into, packed_len, Block, BlockKind, Blocks, Book, BuiltFor, CharsBetween, CodedBlock,
    Contents, FontCheck, FontId, Header, Hyphens, Meta, PageIndex, PageIndexRecord, PageIndexes,
    PartSizes, StoredText, Text, FORMAT_VERSION, HEADER_LEN, MAGIC,
};
pub use draw::{draw_glyph_gray, Framebuffer, PageView};
pub use error::{Error, Part};
pub use layout::{
    Align, Layout, Line, LineEnd, Margins, Page, PageLines, Pages, Position, Profile,
};

/// The README's firmware example, compiled as a doctest so it cannot go stale.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
