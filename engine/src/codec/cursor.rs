//! The model parser's cursor: sequential bit fields and Exp-Golomb numbers, read in the
//! crate's one bit order ([`crate::bits`]), and the bound that keeps the codec's bit
//! positions in a `u32`.

use crate::bits::{bit_len, peek32, read};

/// The most of a model or a stream the codec reads: 2^31 bits leave room for a few codes
/// past the end. The model parser rejects longer models, and a decoder sees at most this
/// much of a stream, so the codec's positions never come near `u32::MAX`.
pub(crate) const MAX_BYTES: usize = 1 << 28;

/// Sequential reads over a byte slice, `None` once a read would pass the end.
#[derive(Copy, Clone, Debug)]
pub(crate) struct Cursor<'a> {
    data: &'a [u8],
    pos: u32,
}

impl<'a> Cursor<'a> {
    /// A cursor at bit 0.
    pub(crate) fn new(data: &'a [u8]) -> Self {
        Cursor { data, pos: 0 }
    }

    /// The bit position of the next read.
    pub(crate) fn pos(&self) -> u32 {
        self.pos
    }

    /// Moves the cursor `bits` ahead, or `None` if that passes the end.
    pub(crate) fn skip(&mut self, bits: u64) -> Option<()> {
        let end = u64::from(self.pos).checked_add(bits)?;
        if end > u64::from(bit_len(self.data)) {
            return None;
        }
        self.pos = u32::try_from(end).ok()?;
        Some(())
    }

    /// The next `width` bits (0..=32) as a number.
    pub(crate) fn bits(&mut self, width: u32) -> Option<u32> {
        let value = read(self.data, self.pos, width);
        self.skip(u64::from(width))?;
        Some(value)
    }

    /// An Exp-Golomb (order 0) number: `k` zero bits, a one, then `k` more bits; value is
    /// that `k + 1`-bit number minus one. `k` is at most 31.
    pub(crate) fn exp_golomb(&mut self) -> Option<u32> {
        let zeros = peek32(self.data, self.pos).leading_zeros();
        if zeros > 31 {
            return None;
        }
        self.skip(u64::from(zeros))?;
        let value = u64::from(self.bits(zeros + 1)?);
        u32::try_from(value - 1).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exp_golomb_round_numbers() {
        // 1 → 0, 010 → 1, 011 → 2, 00100 → 3
        let data = [0b1010_0110, 0b0100_0000];
        let mut c = Cursor::new(&data);
        assert_eq!(c.exp_golomb(), Some(0));
        assert_eq!(c.exp_golomb(), Some(1));
        assert_eq!(c.exp_golomb(), Some(2));
        assert_eq!(c.exp_golomb(), Some(3));
        assert_eq!(c.pos(), 12);
    }

    #[test]
    fn cursor_stops_at_the_end() {
        let mut c = Cursor::new(&[0u8]);
        assert_eq!(c.bits(8), Some(0));
        assert_eq!(c.bits(1), None);
        assert_eq!(Cursor::new(&[0, 0, 0, 0, 0]).exp_golomb(), None);
    }
}
