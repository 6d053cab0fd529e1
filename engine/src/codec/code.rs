//! Canonical prefix codes stored in the model, decoded in place (no tables in RAM).
//!
//! A code is `max_len` (5 bits); if it is 0 the code has exactly one symbol, taking no bits.
//! Otherwise `count_width` (5 bits), `max_len` counts of `count_width` bits (codes of length
//! 1, 2, …), then the symbols in canonical order, `id_width` bits each. Canonical order means
//! the first symbol of length `l` gets the code after the last one of length `l - 1`, shifted
//! left by one (DEFLATE's rule); the list says which symbol each code is. The escape code may
//! instead be flat (`max_len` 31): each symbol is its id as an `id_width`-bit number, no table.

use super::bits::{self, Cursor};
use super::MAX_CODE_LEN;

/// `max_len` value of a flat code: each symbol is its id as an `id_width`-bit number.
pub(crate) const FLAT: u32 = 31;

/// Where one code sits in the model's bytes, with its first counts at hand.
#[derive(Copy, Clone, Debug, Default)]
pub(crate) struct Code {
    /// Counts from `min_len` on, left-aligned, `cached` of them; the rest are read from flash.
    cache: u64,
    list_at: u32,
    max_len: u8,
    count_width: u8,
    /// Shortest code length; shorter lengths have no codes and are skipped when decoding.
    min_len: u8,
    cached: u8,
}

impl Code {
    /// Reads and checks a code's header and counts, returning it and its symbol count.
    ///
    /// The code must be complete (every bit string starts some code), so any stream decodes
    /// to some symbol within `max_len` bits. `ids` is the number of valid symbol ids.
    /// `flat_ok` allows the [`FLAT`] form (ids as plain `id_width`-bit numbers).
    pub(crate) fn parse(
        cursor: &mut Cursor<'_>,
        id_width: u32,
        ids: u32,
        flat_ok: bool,
    ) -> Option<Code> {
        let max_len = cursor.bits(5)?;
        let mut code = Code {
            max_len: max_len as u8,
            ..Code::default()
        };
        if max_len == FLAT && flat_ok {
            return Some(code);
        }
        let total = if max_len == 0 {
            1
        } else {
            if max_len > MAX_CODE_LEN {
                return None;
            }
            let count_width = cursor.bits(5).filter(|&w| w > 0)?;
            code.count_width = count_width as u8;
            let counts_at = cursor.pos();
            // Kraft sum in units of 2^-MAX_CODE_LEN; complete means exactly 2^MAX_CODE_LEN.
            let mut kraft = 0u64;
            let mut total = 0u32;
            for len in 1..=max_len {
                let count = cursor.bits(count_width)?;
                if count > 0 && code.min_len == 0 {
                    code.min_len = len as u8;
                }
                kraft += u64::from(count) << (MAX_CODE_LEN - len);
                total = total.checked_add(count)?;
            }
            if kraft != 1 << MAX_CODE_LEN {
                return None;
            }
            let skipped = u64::from(code.min_len - 1) * u64::from(count_width);
            let fields = (max_len + 1 - u32::from(code.min_len)).min(64 / count_width);
            let cache = (bits::peek128(cursor.data(), counts_at + skipped) >> 64) as u64;
            code.cache = cache & top_bits(fields * count_width);
            code.cached = fields as u8;
            total
        };
        code.list_at = u32::try_from(cursor.pos()).ok()?;
        for _ in 0..total {
            if cursor.bits(id_width)? >= ids {
                return None;
            }
        }
        Some(code)
    }

    /// Decodes one symbol from `stream` at bit `pos`: `(symbol id, code length)`.
    ///
    /// Bits past the stream's end read as zero; the caller checks the new position. The code
    /// was checked complete by [`Code::parse`], so the loop always finds a symbol.
    #[inline]
    pub(crate) fn decode(
        &self,
        model: &[u8],
        id_width: u32,
        stream: &[u8],
        pos: u64,
    ) -> (u32, u32) {
        let list_at = u64::from(self.list_at);
        if u32::from(self.max_len) == FLAT {
            return (bits::read(stream, pos, id_width), id_width);
        }
        if self.max_len == 0 {
            return (bits::read(model, list_at, id_width), 0);
        }
        let window = bits::peek32(stream, pos);
        let width = u32::from(self.count_width);
        let mask = (1u32 << width) - 1;
        let (min_len, max_len) = (u32::from(self.min_len), u32::from(self.max_len));
        let mut cache = self.cache;
        let mut left = u32::from(self.cached);
        // Lengths below the shortest hold no codes: start there with its bits in hand.
        // `code - first` is the code's rank among codes of this length (DEFLATE's `puff`).
        let (mut code, mut first, mut index) =
            (window.checked_shr(33 - min_len).unwrap_or(0), 0u32, 0u32);
        for len in min_len..=max_len {
            code = (code << 1) | ((window >> (32 - len)) & 1);
            if left == 0 {
                // Past the cached counts: refill from flash, as many as fit in 64 bits.
                let back = u64::from(max_len + 1 - len) * u64::from(width);
                cache = bits::peek64(model, list_at.saturating_sub(back));
                left = 64 / width;
            }
            let count = (cache >> (64 - width)) as u32 & mask;
            cache <<= width;
            left -= 1;
            let rank = code.wrapping_sub(first);
            if rank < count {
                let at = list_at + u64::from(index.wrapping_add(rank)) * u64::from(id_width);
                return (bits::read(model, at, id_width), len);
            }
            index = index.wrapping_add(count);
            first = first.wrapping_add(count) << 1;
        }
        // Unreachable for a checked code; symbol 0 keeps decoding total anyway.
        (
            bits::read(model, list_at, id_width),
            u32::from(self.max_len),
        )
    }
}

/// A mask of the top `n` bits of a `u64` (`n` up to 64).
fn top_bits(n: u32) -> u64 {
    !u64::MAX.checked_shr(n).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top_bits_covers_every_width() {
        assert_eq!(top_bits(0), 0);
        assert_eq!(top_bits(1), 1 << 63);
        assert_eq!(top_bits(64), u64::MAX);
    }

    #[test]
    fn wide_counts_fill_the_cache() {
        // 8 lengths of 8-bit counts: exactly 64 cached bits. Lengths 1..=7 hold one code each,
        // length 8 the remaining two: a complete code over 9 symbols.
        let (mut bits, mut len) = ([0u32; 128], 0);
        let mut push = |value: u32, width: u32| {
            for i in (0..width).rev() {
                bits[len] = (value >> i) & 1;
                len += 1;
            }
        };
        push(8, 5);
        push(8, 5);
        for count in [1, 1, 1, 1, 1, 1, 1, 2] {
            push(count, 8);
        }
        for symbol in 0..9 {
            push(symbol, 4);
        }
        let mut data = [0u8; 16];
        for (i, bit) in bits.iter().enumerate() {
            data[i / 8] |= (*bit as u8) << (7 - i % 8);
        }
        // 10 + 64 + 36 bits: the last byte's low 2 bits are padding.
        let code = Code::parse(&mut Cursor::new(&data), 4, 9, false).expect("valid code");
        assert_eq!(code.cached, 8);
        // Code 1111_1111 is the last symbol of length 8.
        assert_eq!(code.decode(&data, 4, &[0xFF, 0xFF], 0), (8, 8));
        assert_eq!(code.decode(&data, 4, &[0b1111_1110], 0), (7, 8));
        assert_eq!(code.decode(&data, 4, &[0b0000_0000], 0), (0, 1));
        assert_eq!(code.decode(&data, 4, &[0b1111_1100], 0), (6, 7));
    }
}
