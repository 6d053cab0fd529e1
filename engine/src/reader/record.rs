//! The saved record of a [`ReaderState`]: small, checked, and tied to one book.
//!
//! | bytes      | field                                                      |
//! |------------|------------------------------------------------------------|
//! | 0          | [`RECORD_VERSION`]                                         |
//! | 1..len-4   | postcard: the book's identity (u32), then the state        |
//! | len-4..len | CRC-32 (IEEE, little-endian) of every byte before it       |
//!
//! The check value is always the last four bytes, whatever the version, so a corrupt record
//! is told apart from one of another version before anything in it is trusted.

use core::fmt;

use super::state::{ReaderState, MAX_BOOKMARKS};
use crate::format::{crc32, len_u32};
use crate::{Book, Error, Position};

/// The version of the saved record this engine writes and reads.
pub const RECORD_VERSION: u8 = 1;

/// Bytes of the check value at the end of a record.
const CHECK_LEN: usize = 4;

/// The smallest record: a version byte, a one-byte identity and the smallest state (position
/// 0:0, no bookmarks, display and size 0), and the check value.
const MIN_LEN: usize = 1 + 1 + 2 + 1 + 1 + 1 + CHECK_LEN;

/// Bytes a `u32` takes as a postcard varint at most.
const VARINT_U32: usize = 5;

/// Bytes a saved record takes at most: the version byte, the identity, the position, the
/// bookmark count and eight bookmarks, the display and size, and the check value.
const MAX_RECORD_LEN: usize =
    1 + VARINT_U32 + 2 * VARINT_U32 + 1 + MAX_BOOKMARKS * 2 * VARINT_U32 + 1 + 1 + CHECK_LEN;

/// Why a saved record was refused ([`Error::BadState`]). The caller starts at the beginning
/// ([`ReaderState::START`]).
///
/// ```
/// use inkleaf::reader::StateFault;
/// use inkleaf::{Error, ReaderState};
///
/// # let blob = include_bytes!("../../../tests/fixtures/device/book-4.2in.inkleaf");
/// # let other = include_bytes!("../../../tests/fixtures/device/article-2.9in.inkleaf");
/// let book = inkleaf::Book::from_bytes(blob)?;
/// let mut record = [0u8; ReaderState::MAX_LEN];
/// let len = ReaderState::START.save(&book, &mut record)?;
/// // Saved for another book:
/// let article = inkleaf::Book::from_bytes(other)?;
/// let foreign = ReaderState::restore(&article, &record[..len]).unwrap_err();
/// assert!(matches!(foreign, Error::BadState(StateFault::Foreign { .. })));
/// // Worn flash:
/// record[2] ^= 0x10;
/// let corrupt = ReaderState::restore(&book, &record[..len]).unwrap_err();
/// assert!(matches!(corrupt, Error::BadState(StateFault::Checksum { .. })));
/// # Ok::<(), inkleaf::Error>(())
/// ```
#[non_exhaustive]
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum StateFault {
    /// Fewer bytes than the smallest record takes (its length is given).
    Truncated(u32),
    /// The check value does not match the bytes: the record is corrupt.
    Checksum {
        /// The check value the record ends in.
        stored: u32,
        /// The check value of the bytes before it.
        computed: u32,
    },
    /// A record version this engine does not read.
    Version(u8),
    /// The check value matches, yet the fields do not decode or leave bytes behind.
    Malformed,
    /// The record was saved for another book.
    Foreign {
        /// The identity the record names.
        saved: u32,
        /// This book's ([`Book::identity`]).
        book: u32,
    },
    /// The position or a bookmark lies outside the book.
    PositionOutside(Position),
    /// The bookmarks are not in reading order, or two are alike.
    BookmarksUnordered,
    /// A display index past the book's displays.
    DisplayOutside(u8),
    /// A text size index past the book's sizes.
    SizeOutside(u8),
}

impl fmt::Display for StateFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            StateFault::Truncated(len) => write!(f, "{len} bytes are too few for a record"),
            StateFault::Checksum { stored, computed } => write!(
                f,
                "corrupt: check value {stored:#010x}, bytes give {computed:#010x}"
            ),
            StateFault::Version(v) => write!(f, "record version {v} is not {RECORD_VERSION}"),
            StateFault::Malformed => f.write_str("its fields do not decode"),
            StateFault::Foreign { saved, book } => {
                write!(f, "saved for book {saved:#010x}, this is book {book:#010x}")
            }
            StateFault::PositionOutside(p) => {
                write!(f, "position {}:{} is outside the book", p.block, p.offset)
            }
            StateFault::BookmarksUnordered => f.write_str("bookmarks out of reading order"),
            StateFault::DisplayOutside(d) => write!(f, "display {d} is not in the book"),
            StateFault::SizeOutside(s) => write!(f, "text size {s} is not in the book"),
        }
    }
}

impl ReaderState {
    /// Bytes a saved record can take: a buffer this long always holds one.
    pub const MAX_LEN: usize = MAX_RECORD_LEN;

    /// Writes the state as a record for `book` into `out` and returns its length: a version
    /// byte, the book's identity ([`Book::identity`]), the state in postcard, and a CRC-32
    /// check value. Fails with [`Error::BufferTooSmall`] if `out` cannot hold it
    /// ([`ReaderState::MAX_LEN`] bytes always can).
    ///
    /// ```
    /// use inkleaf::{Event, Reader, ReaderState};
    ///
    /// # let blob = include_bytes!("../../../tests/fixtures/device/book-4.2in.inkleaf");
    /// let book = inkleaf::Book::from_bytes(blob)?;
    /// let layout = book.layout()?;
    /// let mut reader = Reader::new(&layout, ReaderState::START)?;
    /// reader.handle(Event::Percent(50))?;
    /// reader.handle(Event::ToggleBookmark)?;
    /// let mut record = [0u8; ReaderState::MAX_LEN];
    /// let len = reader.state().save(&book, &mut record)?; // to flash, to a file
    /// assert!(len <= 24);
    /// let restored = ReaderState::restore(&book, &record[..len])?;
    /// assert_eq!(&restored, reader.state());
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn save(&self, book: &Book<'_>, out: &mut [u8]) -> Result<usize, Error> {
        let mut record = [0u8; MAX_RECORD_LEN];
        let len = write_record(book.identity(), self, &mut record)?;
        let target = out.get_mut(..len).ok_or(Error::BufferTooSmall {
            needed: len_u32(len),
        })?;
        target.copy_from_slice(record.get(..len).unwrap_or_default());
        Ok(len)
    }

    /// Reads a record [`ReaderState::save`] wrote for `book`. A record that is cut short,
    /// corrupt, of another version, saved for another book or naming places the book does not
    /// have is refused with [`Error::BadState`], saying which; the caller then starts at
    /// [`ReaderState::START`].
    ///
    /// ```
    /// use inkleaf::reader::StateFault;
    /// use inkleaf::{Error, ReaderState};
    ///
    /// # let blob = include_bytes!("../../../tests/fixtures/device/book-4.2in.inkleaf");
    /// let book = inkleaf::Book::from_bytes(blob)?;
    /// // Erased flash reads as 0xFF bytes:
    /// let erased = [0xFF; 16];
    /// let state = ReaderState::restore(&book, &erased).unwrap_or(ReaderState::START);
    /// assert_eq!(state, ReaderState::START);
    /// let empty = ReaderState::restore(&book, &[]);
    /// assert_eq!(empty, Err(Error::BadState(StateFault::Truncated(0))));
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn restore(book: &Book<'_>, bytes: &[u8]) -> Result<ReaderState, Error> {
        read_record(book, bytes).map_err(Error::BadState)
    }
}

/// Writes a record naming book `identity` without checking the state against any book.
pub(crate) fn write_record(
    identity: u32,
    state: &ReaderState,
    out: &mut [u8],
) -> Result<usize, Error> {
    let too_small = Error::BufferTooSmall {
        needed: len_u32(MAX_RECORD_LEN),
    };
    let (version, rest) = out.split_first_mut().ok_or(too_small)?;
    *version = RECORD_VERSION;
    let fields = postcard::to_slice(&(identity, state), rest)
        .map_err(|_| too_small)?
        .len();
    let body = 1 + fields;
    let crc = crc32(out.get(..body).unwrap_or_default());
    out.get_mut(body..body + CHECK_LEN)
        .ok_or(too_small)?
        .copy_from_slice(&crc.to_le_bytes());
    Ok(body + CHECK_LEN)
}

fn read_record(book: &Book<'_>, bytes: &[u8]) -> Result<ReaderState, StateFault> {
    if bytes.len() < MIN_LEN {
        return Err(StateFault::Truncated(len_u32(bytes.len())));
    }
    let Some((body, &check)) = bytes.split_last_chunk::<CHECK_LEN>() else {
        return Err(StateFault::Truncated(len_u32(bytes.len())));
    };
    let (stored, computed) = (u32::from_le_bytes(check), crc32(body));
    if stored != computed {
        return Err(StateFault::Checksum { stored, computed });
    }
    let Some((&version, fields)) = body.split_first() else {
        return Err(StateFault::Truncated(len_u32(bytes.len())));
    };
    if version != RECORD_VERSION {
        return Err(StateFault::Version(version));
    }
    let ((saved, state), rest) = postcard::take_from_bytes::<(u32, ReaderState)>(fields)
        .map_err(|_| StateFault::Malformed)?;
    if !rest.is_empty() {
        return Err(StateFault::Malformed);
    }
    if saved != book.identity() {
        return Err(StateFault::Foreign {
            saved,
            book: book.identity(),
        });
    }
    state.check(book)?;
    Ok(state)
}
