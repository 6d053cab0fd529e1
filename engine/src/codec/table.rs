//! Optional lookup tables: with RAM to spare, a decoder reads most codes with one load.
//!
//! In place, a code is read by walking its lengths (one compare each) and then its symbol
//! list in flash, and a literal's character and group are bit fields in flash too. That keeps
//! a model under 512 bytes of RAM, but each character waits on a chain of dependent reads and
//! a branch that mispredicts whenever the code length changes. A host, or a device with a few
//! kilobytes to spare, can instead give [`Model::accelerate`](super::Model::accelerate) a
//! buffer: each code gets a table indexed by the next `bits` bits of the stream, and each
//! literal one word with its character and group. Codes longer than `bits` still walk, so the
//! tables change how fast a model decodes, never what it decodes to.

/// A code table word for bit strings that start a code longer than the table's bits.
pub(crate) const MISS: u32 = u32::MAX;

/// Fewest and most bits a code table is indexed by.
pub(crate) const MIN_BITS: u32 = 4;
pub(crate) const MAX_BITS: u32 = 10;

/// Lookup tables built for one model, in a caller's buffer.
#[derive(Copy, Clone, Debug)]
pub(crate) struct Tables<'t> {
    /// One table per code (the escape code first), `1 << bits` words each: `id << 8 | length`
    /// of the code the next `bits` bits start, or [`MISS`]. Then one word per literal:
    /// its character, and its group from bit 24.
    pub(crate) words: &'t [u32],
    /// Index of the first literal word.
    pub(crate) literals_at: u32,
    pub(crate) bits: u8,
}

impl Tables<'_> {
    /// `(symbol id, code length)` of code `code` at a stream window, if the table knows it.
    #[inline]
    pub(crate) fn code(&self, code: usize, window: u32) -> Option<(u32, u32)> {
        let bits = u32::from(self.bits);
        let at = (code << bits) | (window >> (32 - bits)) as usize;
        match self.words.get(at) {
            Some(&word) if word != MISS => Some((word >> 8, word & 0xFF)),
            _ => None,
        }
    }

    /// `(character, group)` of literal `id`, if the table has it.
    #[inline]
    pub(crate) fn literal(&self, id: u32) -> Option<(char, u32)> {
        let word = *self.words.get(self.literals_at.wrapping_add(id) as usize)?;
        // Built from checked literals, so the character is valid; a miss never panics.
        Some((char::from_u32(word & 0x1F_FFFF)?, word >> 24))
    }
}

impl Tables<'_> {
    /// Spelling range of entry number `entry` (symbol `id`), relative to the spellings' start.
    #[inline]
    pub(crate) fn entry(&self, id: u32, entry: u32) -> Option<(u32, u32)> {
        let at = self.literals_at.wrapping_add(id) as usize;
        let end = *self.words.get(at)?;
        let start = match entry {
            0 => 0,
            _ => *self.words.get(at.wrapping_sub(1))?,
        };
        Some((start, end))
    }
}

/// Words tables of `bits` bits take for `codes` codes and `literals` literals.
pub(crate) fn words(codes: u32, literals: u32, bits: u32) -> usize {
    ((codes as usize) << bits).saturating_add(literals as usize)
}
