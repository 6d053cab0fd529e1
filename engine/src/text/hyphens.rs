//! Hyphenation points: where a word may be broken with a hyphen, decided on the host.
//!
//! Stored per block as byte offsets into the block's text, strictly increasing, each the
//! difference from the previous one (the first from 0) as a postcard varint. A device needs
//! no hyphenation patterns: it reads these.

use crate::Error;

/// The hyphenation points of one block, as byte offsets into its text.
///
/// Encoded, the points are strictly increasing, each stored as its difference from the one
/// before (the first from 0) in a postcard varint: seven bits a byte, least significant first,
/// the top bit set on every byte but a number's last. The host writes them
/// (`inkleaf_cli::pack::encode_hyphens`); a device reads them here.
///
/// ```
/// # let blob = include_bytes!("../../../tests/fixtures/device/article-2.9in.inkleaf");
/// let book = inkleaf::Book::from_bytes(blob)?;
/// let first = book.block(0).unwrap(); // "In the turbulent ..."
/// // "tur-bu-lent": breaks after bytes 10 and 12, then further along.
/// assert!(first.hyphens.take(2).eq([10, 12]));
/// assert!(first.text.chars_between(7, 16).map(|(_, c)| c).eq("turbulent".chars()));
/// # Ok::<(), inkleaf::Error>(())
/// ```
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct Hyphens<'a> {
    bytes: &'a [u8],
    at: u32,
}

impl<'a> Hyphens<'a> {
    /// No hyphenation points.
    pub const NONE: Hyphens<'static> = Hyphens { bytes: &[], at: 0 };

    /// Points from their encoded form, laid out as above. A book checks them when it opens;
    /// packing checks them too.
    ///
    /// ```
    /// use inkleaf::text::Hyphens;
    ///
    /// // "hy-phen-ation": points 2 and 6, stored as 2 then 6 - 2.
    /// let points = Hyphens::from_encoded(&[2, 4]);
    /// assert!(points.eq([2, 6]));
    /// assert_eq!(points.encoded(), &[2, 4]);
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub const fn from_encoded(bytes: &'a [u8]) -> Self {
        Hyphens { bytes, at: 0 }
    }

    /// The encoded form.
    pub fn encoded(&self) -> &'a [u8] {
        self.bytes
    }

    /// Checks that every point is inside a text of `len` bytes and after the last, without
    /// reading the text: what opening a book checks.
    pub(crate) fn check_order(self, len: usize) -> Result<(), Error> {
        self.check_each(|at| at < len)
    }

    /// Checks that every point is inside `text`, on a character boundary, after the last.
    pub(crate) fn check(self, text: &mut crate::text::Text<'_>) -> Result<(), Error> {
        self.check_each(|at| at < text.len() && text.is_boundary(at))
    }

    fn check_each(self, mut inside: impl FnMut(usize) -> bool) -> Result<(), Error> {
        let bad = Error::Malformed(crate::error::Part::Blocks);
        let mut last = 0u32;
        let mut points = self;
        while !points.bytes.is_empty() {
            let at = points.step().ok_or(bad)?;
            if at <= last || !inside(at as usize) {
                return Err(bad);
            }
            last = at;
        }
        Ok(())
    }

    fn step(&mut self) -> Option<u32> {
        let mut value = 0u32;
        for (i, &byte) in self.bytes.iter().enumerate().take(5) {
            value |= u32::from(byte & 0x7F).checked_shl(7 * i as u32)?;
            if byte & 0x80 == 0 {
                self.bytes = self.bytes.get(i + 1..)?;
                self.at = self.at.checked_add(value)?;
                return Some(self.at);
            }
        }
        self.bytes = &[];
        None
    }
}

impl Iterator for Hyphens<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        if self.bytes.is_empty() {
            return None;
        }
        self.step()
    }
}
