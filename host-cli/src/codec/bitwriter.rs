//! Writing bit fields, most significant bit first (the layout [`super::super::bits`] reads).

/// A growing bit string.
#[derive(Clone, Debug, Default)]
pub(crate) struct BitWriter {
    bytes: Vec<u8>,
    len: u64,
}

impl BitWriter {
    /// Number of bits written.
    pub(crate) fn len(&self) -> u64 {
        self.len
    }

    /// Appends the low `width` bits of `value` (`width` ≤ 32), top bit first.
    pub(crate) fn bits(&mut self, value: u32, width: u32) {
        for i in (0..width).rev() {
            let bit = (value >> i) & 1;
            let index = (self.len / 8) as usize;
            if index == self.bytes.len() {
                self.bytes.push(0);
            }
            self.bytes[index] |= (bit as u8) << (7 - self.len % 8);
            self.len += 1;
        }
    }

    /// Appends an Exp-Golomb (order 0) number.
    pub(crate) fn exp_golomb(&mut self, value: u32) {
        let v = u64::from(value) + 1;
        let width = 64 - v.leading_zeros();
        self.bits(0, width - 1);
        // `v` may need 33 bits; write its top bit separately.
        if width == 33 {
            self.bits(1, 1);
            self.bits(v as u32, 32);
        } else {
            self.bits(v as u32, width);
        }
    }

    /// Appends another bit string.
    pub(crate) fn append(&mut self, other: &BitWriter) {
        for (i, byte) in other.bytes.iter().enumerate() {
            let left = other.len - i as u64 * 8;
            let width = left.min(8) as u32;
            self.bits(u32::from(*byte) >> (8 - width), width);
        }
    }

    /// The bytes, zero-padded to a byte boundary.
    pub(crate) fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }
}
