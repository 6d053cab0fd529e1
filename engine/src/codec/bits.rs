//! Reading bit fields out of a byte slice, most significant bit first.
//!
//! Bit `n` of a slice is bit `7 - n % 8` of byte `n / 8`. Reads past the end see zero bits;
//! callers compare positions against [`bit_len`] to tell a short slice from real zeros.
//! Positions are `u32`, which a Cortex-M adds and shifts in single instructions: the model
//! parser rejects models longer than [`MAX_BYTES`], and a decoder sees at most that much of
//! a stream, so positions never come near `u32::MAX`.

/// The most of a model or a stream the codec reads: 2^31 bits leave room for a few codes
/// past the end.
pub(crate) const MAX_BYTES: usize = 1 << 28;

/// Number of bits in `data`, saturating at `u32::MAX` for slices of 512 MB or more.
#[inline]
pub(crate) fn bit_len(data: &[u8]) -> u32 {
    u32::try_from(data.len()).map_or(u32::MAX, |n| n.saturating_mul(8))
}

/// The 32 bits starting at bit `pos`, left-aligned: the bit at `pos` is the result's top bit.
///
/// Five bytes hold any 32 bits; they are combined in 32-bit arithmetic, which a Cortex-M
/// does in single instructions (u64 shifts cost it several).
#[inline]
pub(crate) fn peek32(data: &[u8], pos: u32) -> u32 {
    let byte = (pos / 8) as usize;
    let shift = pos % 8;
    let (word, next) = match data.get(byte..byte.wrapping_add(5)) {
        Some(&[a, b, c, d, e]) => (u32::from_be_bytes([a, b, c, d]), e),
        _ => {
            // Near the end: assemble what is there, zeros after.
            let at = |i: usize| data.get(byte.wrapping_add(i)).copied().unwrap_or(0);
            (u32::from_be_bytes([at(0), at(1), at(2), at(3)]), at(4))
        }
    };
    // `shift` is 0..=7: the fifth byte's top bits fill the low bits shifted out.
    (word << shift) | (u32::from(next) >> (8 - shift))
}

/// The `width`-bit field (0..=32) starting at bit `pos`, as a number.
#[inline]
pub(crate) fn read(data: &[u8], pos: u32, width: u32) -> u32 {
    if width == 0 {
        return 0;
    }
    peek32(data, pos) >> (32 - width.min(32))
}

/// Sequential reads over a byte slice, failing with `err` once a read would pass the end.
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
    fn reads_msb_first_and_zero_fills() {
        let data = [0b1010_0000, 0xFF];
        assert_eq!(read(&data, 0, 3), 0b101);
        assert_eq!(read(&data, 6, 4), 0b0011);
        assert_eq!(read(&data, 14, 4), 0b1100);
        assert_eq!(read(&data, 1000, 8), 0);
    }

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
