//! Hyphenation points: where a word may be broken with a hyphen, decided on the host.
//!
//! Stored per block as byte offsets into the block's text, strictly increasing, each the
//! difference from the previous one (the first from 0) as a postcard varint. A device needs
//! no hyphenation patterns: it reads these.

use crate::Error;

/// The hyphenation points of one block, as byte offsets into its text.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct Hyphens<'a> {
    bytes: &'a [u8],
    at: u32,
}

impl<'a> Hyphens<'a> {
    /// No hyphenation points.
    pub const NONE: Hyphens<'static> = Hyphens { bytes: &[], at: 0 };

    /// Points from their encoded form, as `encode_hyphens` (with the `alloc` feature) writes
    /// it. A book checks them when it opens; packing checks them too.
    pub const fn from_encoded(bytes: &'a [u8]) -> Self {
        Hyphens { bytes, at: 0 }
    }

    /// The encoded form.
    pub fn encoded(&self) -> &'a [u8] {
        self.bytes
    }

    /// Checks that every point is inside `text`, on a character boundary, after the last.
    pub(crate) fn check(self, text: &mut crate::blob::Text<'_>) -> Result<(), Error> {
        let mut last = 0u32;
        let mut points = self;
        while !points.bytes.is_empty() {
            let at = points
                .step()
                .ok_or(Error::Malformed(crate::error::Part::Blocks))?;
            let inside = at > last && (at as usize) < text.len() && text.is_boundary(at as usize);
            if !inside {
                return Err(Error::Malformed(crate::error::Part::Blocks));
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

/// Encodes hyphenation points (strictly increasing byte offsets) for [`Hyphens`].
#[cfg(feature = "alloc")]
pub fn encode_hyphens(points: &[u32]) -> alloc::vec::Vec<u8> {
    let mut out = alloc::vec::Vec::with_capacity(points.len() * 2);
    let mut last = 0u32;
    for &point in points {
        let mut delta = point.saturating_sub(last);
        last = point;
        loop {
            let byte = (delta & 0x7F) as u8;
            delta >>= 7;
            if delta == 0 {
                out.push(byte);
                break;
            }
            out.push(byte | 0x80);
        }
    }
    out
}
