//! Reading bit fields out of a byte slice, most significant bit first: the one bit order of
//! the coded text, its model and the page indexes.
//!
//! Bit `n` of a slice is bit `7 - n % 8` of byte `n / 8`. Reads past the end see zero bits;
//! callers compare positions against [`bit_len`] to tell a short slice from real zeros.
//! Positions are `u32`, which a Cortex-M adds and shifts in single instructions: the codec
//! bounds its models and streams so that positions never come near `u32::MAX`, and a page
//! index reads each field from the field's first byte.

/// Number of bits in `data`, saturating at `u32::MAX` for slices of 512 MB or more.
#[inline]
pub(crate) fn bit_len(data: &[u8]) -> u32 {
    u32::try_from(data.len()).map_or(u32::MAX, |n| n.saturating_mul(8))
}

/// The 32 bits starting at bit `pos`, left-aligned: the bit at `pos` is the result's top bit.
///
/// Five bytes hold any 32 bits; they are combined in 32-bit arithmetic, which a Cortex-M
/// does in single instructions (u64 shifts cost it several).
#[inline(always)]
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
#[inline(always)]
pub(crate) fn read(data: &[u8], pos: u32, width: u32) -> u32 {
    if width == 0 {
        return 0;
    }
    peek32(data, pos) >> (32 - width.min(32))
}

/// Bits needed to write every number in `0..=max` (0 for `max == 0`): the width of every
/// variable-width field of a codec model and of a page index's starts.
pub const fn width_for(max: u32) -> u32 {
    32 - max.leading_zeros()
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
    fn reads_whole_words_at_any_offset() {
        let data = [0x12, 0x34, 0x56, 0x78, 0x9A];
        assert_eq!(read(&data, 0, 32), 0x1234_5678);
        assert_eq!(read(&data, 4, 32), 0x2345_6789);
        assert_eq!(read(&data, 8, 0), 0);
        assert_eq!(bit_len(&data), 40);
    }

    #[test]
    fn widths_fit_the_largest_value() {
        assert_eq!(width_for(0), 0);
        assert_eq!(width_for(1), 1);
        assert_eq!(width_for(255), 8);
        assert_eq!(width_for(256), 9);
        assert_eq!(width_for(u32::MAX), 32);
    }
}
