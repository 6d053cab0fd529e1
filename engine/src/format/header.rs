//! The fixed 16-byte header in front of every blob.
//!
//! | bytes | field          | meaning                                  |
//! |-------|----------------|------------------------------------------|
//! | 0..4  | magic          | `INKL`                                   |
//! | 4..6  | version        | u16 little-endian, [`FORMAT_VERSION`]    |
//! | 6..8  | flags          | u16 little-endian, 0 (reserved)          |
//! | 8..12 | payload length | u32 little-endian                        |
//! | 12..16| payload CRC-32 | u32 little-endian, IEEE (zlib) CRC-32    |

use super::crc32::crc32;
use crate::Error;

/// The four bytes every blob starts with.
pub const MAGIC: [u8; 4] = *b"INKL";
/// The blob format version this engine reads and writes.
pub const FORMAT_VERSION: u16 = 7;
/// Size of the fixed header in bytes.
pub const HEADER_LEN: usize = 16;

/// The decoded fixed header.
///
/// ```
/// use inkleaf::format::{FORMAT_VERSION, HEADER_LEN, MAGIC};
///
/// # let blob = include_bytes!("../../../tests/fixtures/device/article-2.9in.inkleaf");
/// assert_eq!(blob[..4], MAGIC);
/// let header = inkleaf::Book::from_bytes(blob)?.header();
/// assert_eq!(header.version, FORMAT_VERSION);
/// assert_eq!(HEADER_LEN + header.payload_len as usize, blob.len());
/// # Ok::<(), inkleaf::Error>(())
/// ```
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Header {
    /// Format version.
    pub version: u16,
    /// Payload length in bytes.
    pub payload_len: u32,
    /// CRC-32 of the payload.
    pub crc: u32,
}

impl Header {
    /// Checks the header of `blob` and returns it with the payload it covers.
    pub(crate) fn split(blob: &[u8]) -> Result<(Header, &[u8]), Error> {
        let available = len_u32(blob.len());
        let Some((head, payload)) = blob.split_first_chunk::<HEADER_LEN>() else {
            return Err(Error::Truncated {
                needed: HEADER_LEN as u32,
                available,
            });
        };
        let [m0, m1, m2, m3, v0, v1, f0, f1, l0, l1, l2, l3, c0, c1, c2, c3] = *head;
        if [m0, m1, m2, m3] != MAGIC {
            return Err(Error::BadMagic([m0, m1, m2, m3]));
        }
        let version = u16::from_le_bytes([v0, v1]);
        if version != FORMAT_VERSION {
            return Err(Error::UnsupportedVersion(version));
        }
        let flags = u16::from_le_bytes([f0, f1]);
        if flags != 0 {
            return Err(Error::UnsupportedFlags(flags));
        }
        let header = Header {
            version,
            payload_len: u32::from_le_bytes([l0, l1, l2, l3]),
            crc: u32::from_le_bytes([c0, c1, c2, c3]),
        };
        let payload = header.check_payload(payload, available)?;
        Ok((header, payload))
    }

    fn check_payload(self, rest: &[u8], available: u32) -> Result<&[u8], Error> {
        let declared = usize::try_from(self.payload_len).map_err(|_| Error::TooLarge)?;
        let Some((payload, trailing)) = rest.split_at_checked(declared) else {
            return Err(Error::Truncated {
                needed: self.payload_len.saturating_add(HEADER_LEN as u32),
                available,
            });
        };
        if !trailing.is_empty() {
            return Err(Error::TrailingBytes(len_u32(trailing.len())));
        }
        let computed = crc32(payload);
        if computed != self.crc {
            return Err(Error::ChecksumMismatch {
                stored: self.crc,
                computed,
            });
        }
        Ok(payload)
    }

    /// Writes the header for `payload` into the first [`HEADER_LEN`] bytes of `out`.
    pub(crate) fn write(payload: &[u8], out: &mut [u8; HEADER_LEN]) -> Result<(), Error> {
        let len = u32::try_from(payload.len()).map_err(|_| Error::TooLarge)?;
        out[0..4].copy_from_slice(&MAGIC);
        out[4..6].copy_from_slice(&FORMAT_VERSION.to_le_bytes());
        out[6..8].copy_from_slice(&0u16.to_le_bytes());
        out[8..12].copy_from_slice(&len.to_le_bytes());
        out[12..16].copy_from_slice(&crc32(payload).to_le_bytes());
        Ok(())
    }
}

/// Saturating length for error reports; blobs never approach 4 GiB.
pub(crate) fn len_u32(len: usize) -> u32 {
    u32::try_from(len).unwrap_or(u32::MAX)
}
