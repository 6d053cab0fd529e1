//! Reading the payload's postcard values by hand: varints, byte strings, strings, options and
//! enum tags, each read exactly as postcard reads it. serde's generic deserializers cost a
//! device several KB of flash for the few records a blob holds; writing stays with serde
//! (`inkleaf::build`), and the tests below hold both to the same bytes.

use super::line_breaks::LineBreaksRecord;
use super::page_index::{FontCheck, PageIndexRecord};
use super::payload::{BlockFrame, BuiltFor, Meta, RawBlock, RawCodedBlock};
use crate::font::FontId;
use crate::profile::{Align, Margins};
use crate::Profile;

/// The bytes not read yet.
#[derive(Copy, Clone, Debug)]
pub(crate) struct Wire<'a> {
    pub(crate) rest: &'a [u8],
}

/// A value read off the front of a [`Wire`]; `None` where postcard would fail.
pub(crate) trait Take<'a>: Sized {
    fn take(wire: &mut Wire<'a>) -> Option<Self>;
}

impl<'a> Wire<'a> {
    pub(crate) fn byte(&mut self) -> Option<u8> {
        let (&byte, rest) = self.rest.split_first()?;
        self.rest = rest;
        Some(byte)
    }

    /// postcard's varint of an unsigned integer `bits` wide: seven bits a byte, least
    /// significant first, no more bytes than the type needs, and no bits past its width in
    /// the last one.
    ///
    /// `None` too for a value past `u32::MAX`: no length or count in a blob is that large
    /// (a host's 64-bit `usize` could say so, but no slice would hold it), and a 32-bit
    /// value needs no 64-bit shifts, which a device without them calls out for, deepest in
    /// the stack of a page turn.
    // Always inlined, into the few readers of a width: one frame fewer under a block's
    // framing, which a page turn reads at its deepest.
    #[inline(always)]
    fn varint(&mut self, bits: u32) -> Option<u32> {
        let most = bits.div_ceil(7);
        let last = (1u8 << (bits % 7)) - 1;
        let mut value = 0u32;
        for i in 0..most {
            let byte = self.byte()?;
            let part = u32::from(byte & 0x7f);
            if part != 0 {
                let shift = 7 * i;
                value |= part
                    .checked_shl(shift)
                    .filter(|shifted| shifted >> shift == part)?;
            }
            if byte & 0x80 == 0 {
                return (i + 1 < most || byte <= last).then_some(value);
            }
        }
        None
    }

    pub(crate) fn u16(&mut self) -> Option<u16> {
        u16::try_from(self.varint(u16::BITS)?).ok()
    }

    pub(crate) fn u32(&mut self) -> Option<u32> {
        self.varint(u32::BITS)
    }

    /// A length-prefixed byte string, borrowed.
    pub(crate) fn bytes(&mut self) -> Option<&'a [u8]> {
        let len = usize::try_from(self.varint(usize::BITS)?).ok()?;
        if len > self.rest.len() {
            return None;
        }
        let (bytes, rest) = self.rest.split_at(len);
        self.rest = rest;
        Some(bytes)
    }

    pub(crate) fn str(&mut self) -> Option<&'a str> {
        core::str::from_utf8(self.bytes()?).ok()
    }

    pub(crate) fn bool(&mut self) -> Option<bool> {
        match self.byte()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    /// An enum's variant number.
    pub(crate) fn tag(&mut self) -> Option<u32> {
        self.u32()
    }
}

impl Take<'_> for u32 {
    fn take(wire: &mut Wire<'_>) -> Option<Self> {
        wire.u32()
    }
}

impl<'a> Take<'a> for &'a [u8] {
    fn take(wire: &mut Wire<'a>) -> Option<Self> {
        wire.bytes()
    }
}

impl<'a, T: Take<'a>> Take<'a> for Option<T> {
    fn take(wire: &mut Wire<'a>) -> Option<Self> {
        match wire.byte()? {
            0 => Some(None),
            1 => T::take(wire).map(Some),
            _ => None,
        }
    }
}

impl<'a> Take<'a> for Meta<'a> {
    fn take(wire: &mut Wire<'a>) -> Option<Self> {
        Some(Meta {
            title: wire.str()?,
            byline: wire.str()?,
            source: wire.str()?,
            date: wire.str()?,
            language: wire.str()?,
        })
    }
}

impl Take<'_> for Profile {
    fn take(wire: &mut Wire<'_>) -> Option<Self> {
        Some(Profile {
            width: wire.u16()?,
            height: wire.u16()?,
            margins: Margins {
                top: wire.u16()?,
                right: wire.u16()?,
                bottom: wire.u16()?,
                left: wire.u16()?,
            },
            line_spacing: wire.u16()?,
            paragraph_spacing: wire.u16()?,
            indent: wire.u16()?,
            align: match wire.tag()? {
                0 => Align::Left,
                1 => Align::Justify,
                _ => return None,
            },
            footer: wire.bool()?,
        })
    }
}

impl Take<'_> for BuiltFor {
    fn take(wire: &mut Wire<'_>) -> Option<Self> {
        Some(BuiltFor {
            profile: Profile::take(wire)?,
            font: match wire.tag()? {
                0 => FontId::Mono6x10,
                1 => FontId::Mono8x13,
                2 => FontId::Mono10x20,
                _ => return None,
            },
            pages: wire.u32()?,
        })
    }
}

impl<'a> Take<'a> for LineBreaksRecord<'a> {
    fn take(wire: &mut Wire<'a>) -> Option<Self> {
        Some(LineBreaksRecord {
            base: wire.u16()?,
            rice: wire.byte()?,
            flagged: wire.bool()?,
            most: wire.u16()?,
            count_rice: wire.byte()?,
            anchor_bits: wire.byte()?,
            anchors: wire.bytes()?,
            code_bits: wire.u32()?,
            codes: wire.bytes()?,
        })
    }
}

impl<'a> Take<'a> for PageIndexRecord<'a> {
    fn take(wire: &mut Wire<'a>) -> Option<Self> {
        Some(PageIndexRecord {
            rules: wire.byte()?,
            built_for: BuiltFor::take(wire)?,
            font_check: FontCheck {
                line_height: wire.u32()?,
                advances: [wire.u32()?, wire.u32()?, wire.u32()?, wire.u32()?],
                faces: wire.u32()?,
            },
            block_bits: wire.byte()?,
            offset_bits: wire.byte()?,
            starts: wire.bytes()?,
            lines: Take::take(wire)?,
        })
    }
}

impl<'a> Take<'a> for BlockFrame<'a> {
    fn take(wire: &mut Wire<'a>) -> Option<Self> {
        Some(BlockFrame {
            kind: Take::take(wire)?,
            nesting: (wire.byte()?, wire.byte()?),
            _label: wire.bytes()?,
        })
    }
}

impl<'a> Take<'a> for RawBlock<'a> {
    fn take(wire: &mut Wire<'a>) -> Option<Self> {
        Some(RawBlock {
            kind: Take::take(wire)?,
            nesting: (wire.byte()?, wire.byte()?),
            label: wire.str()?,
            text: wire.str()?,
            hyphens: wire.bytes()?,
            runs: wire.bytes()?,
        })
    }
}

impl<'a> Take<'a> for RawCodedBlock<'a> {
    fn take(wire: &mut Wire<'a>) -> Option<Self> {
        Some(RawCodedBlock {
            kind: Take::take(wire)?,
            nesting: (wire.byte()?, wire.byte()?),
            label: wire.str()?,
            text_len: wire.u32()?,
            bits: wire.bytes()?,
            hyphens: wire.bytes()?,
            runs: wire.bytes()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{Take, Wire};
    use crate::format::{BuiltFor, Meta, PageIndexRecord, RawBlock, RawCodedBlock};
    use crate::text::BlockKind;

    /// Reads `bytes` as a `T` by hand and with postcard: both succeed alike, to the same
    /// value and the same bytes left, or both fail.
    fn same<'a, T>(bytes: &'a [u8])
    where
        T: Take<'a> + serde::Deserialize<'a> + PartialEq + core::fmt::Debug,
    {
        let mut wire = Wire { rest: bytes };
        let ours = T::take(&mut wire).map(|value| (value, wire.rest));
        let theirs = postcard::take_from_bytes::<T>(bytes).ok();
        assert_eq!(ours, theirs, "{bytes:02x?}");
    }

    /// Every byte string of up to `len` bytes drawn from `alphabet`.
    fn strings(alphabet: &[u8], len: usize, mut each: impl FnMut(&[u8])) {
        let mut buffer = [0u8; 8];
        let mut counts = [0usize; 8];
        for n in 0..=len {
            counts[..n].fill(0);
            loop {
                for (slot, &i) in buffer.iter_mut().zip(&counts[..n]) {
                    *slot = alphabet[i];
                }
                each(&buffer[..n]);
                let Some(i) = (0..n).find(|&i| counts[i] + 1 < alphabet.len()) else {
                    break;
                };
                counts[i] += 1;
                counts[..i].fill(0);
            }
        }
    }

    #[test]
    fn varints_options_and_tags_read_as_postcard_reads_them() {
        let alphabet = [
            0x00, 0x01, 0x02, 0x03, 0x04, 0x0f, 0x10, 0x7f, 0x80, 0x81, 0xff,
        ];
        for long in [
            &[0x80u8; 9][..],
            &[0xff; 11],
            &[0x80, 0x80, 0x80, 0x80, 0x80, 0x00],
        ] {
            same::<u32>(long);
            same::<&[u8]>(long);
        }
        strings(&alphabet, 5, |bytes| {
            same::<u32>(bytes);
            same::<&[u8]>(bytes);
            same::<Option<&[u8]>>(bytes);
            same::<BlockKind>(bytes);
        });
    }

    #[test]
    fn records_read_as_postcard_reads_them() {
        let blob = include_bytes!("../../../tests/fixtures/device/article-2.9in.inkleaf");
        let payload = &blob[crate::format::HEADER_LEN..];
        // Every prefix of the payload, so that each field is also cut short.
        for end in 0..payload.len().min(400) {
            same::<Meta<'_>>(&payload[..end]);
        }
        // The page index part follows the metadata and the chapter records.
        let (_, rest) = postcard::take_from_bytes::<Meta<'_>>(payload).unwrap();
        let (_, rest) = postcard::take_from_bytes::<&[u8]>(rest).unwrap();
        let (record, _) = postcard::take_from_bytes::<&[u8]>(rest).unwrap();
        assert!(!record.is_empty());
        for end in 0..=record.len() {
            same::<PageIndexRecord<'_>>(&record[..end]);
            same::<BuiltFor>(&record[1..end.max(1)]);
        }
        let mut corrupt = [0u8; 4096];
        for (i, &byte) in record.iter().enumerate().take(64) {
            for flipped in [byte ^ 0x80, byte ^ 0x01, 0xff, 0x02] {
                let copy = &mut corrupt[..record.len()];
                copy.copy_from_slice(record);
                copy[i] = flipped;
                same::<PageIndexRecord<'_>>(copy);
            }
        }
        for block in [
            &[0u8, 0, 0, 0, 2, b'h', b'i', 0, 0][..],
            &[1, 7, 0, 0, 0, 0, 0, 0],
        ] {
            same::<RawBlock<'_>>(block);
            same::<RawCodedBlock<'_>>(block);
        }
    }
}
