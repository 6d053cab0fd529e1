//! inkleaf turns articles into compact blobs that a small e-paper reader shows page by page.
//!
//! This crate is the part that runs everywhere, microcontrollers included: it opens a blob
//! in place without allocating ([`Book::from_bytes`]), paginates it for a display
//! ([`Layout`]) and draws its pages ([`Page`]) onto any embedded-graphics
//! [`DrawTarget`](embedded_graphics::draw_target::DrawTarget). Showing page `n` as the blob
//! was built takes three statements:
//!
//! ```
//! # use embedded_graphics::{mock_display::MockDisplay, pixelcolor::BinaryColor};
//! use embedded_graphics::Drawable;
//! use inkleaf::Book;
//!
//! // Made by `inkleaf build`; on a device it sits in flash (`include_bytes!`).
//! let blob = include_bytes!("../../tests/fixtures/device/article-2.9in.inkleaf");
//! # let mut display = MockDisplay::<BinaryColor>::new();
//! # display.set_allow_out_of_bounds_drawing(true);
//! # display.set_allow_overdraw(true);
//! # let n = 0;
//! let book = Book::from_bytes(blob)?; // checks magic, version, length and CRC-32
//! let layout = book.layout()?; // the display, font and page index it was built for
//! layout.page(n)?.draw(&mut display)?; // any DrawTarget<Color = BinaryColor>
//! # Ok::<(), inkleaf::Error>(())
//! ```
//!
//! A reader keeps [`Position`]s rather than page numbers: they survive a change of font or
//! display ([`Layout::page_of`]), and [`Layout::page_at`] opens the page starting at one
//! without laying out the pages before it. [`Layout::new`] lays a book out for any other
//! [`Profile`] and font. A device's buttons go to a [`Reader`] ([`reader`]): its [`Event`]s
//! turn pages, open chapters and bookmarks and the table of contents, and its [`ReaderState`]
//! is saved as a small checked record. The modules hold the rest: [`font`] (built-in and
//! packed fonts), [`text`] (blocks and their characters), [`layout`] and [`draw`] (lines, page
//! iterators, the packed [`Framebuffer`]), `codec` (the text decoder), [`format`] (wire-format
//! views) and [`build`] (packing blobs, for hosts).
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

// The pipeline, each stage reading the ones above it: the wire format, the text decoder,
// a book's content, the opened book, pagination, drawing. Building sits beside reading.
mod bits;
mod book;
pub mod build;
#[cfg(feature = "coded")]
pub mod codec;
pub mod draw;
mod error;
pub mod font;
pub mod format;
pub mod layout;
mod position;
mod profile;
pub mod reader;
mod sizes;
pub mod text;

pub use book::Book;
pub use draw::Framebuffer;
pub use error::Error;
pub use layout::{Layout, Page};
pub use position::Position;
pub use profile::Profile;
pub use reader::{Event, Reader, ReaderState};

/// The README's firmware example, compiled as a doctest so it cannot go stale.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
