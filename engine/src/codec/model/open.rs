//! Opening a model: every field parsed and checked once, so decoding can rely on it.

use super::Model;
use crate::bits::{self, width_for};
use crate::codec::code::Code;
use crate::codec::context::ContextMap;
use crate::codec::cursor::{self, Cursor};
use crate::codec::format::{MAX_CONTEXTS, MAX_ENTRY_BYTES, VERSION};
use crate::codec::{builtin_model, BUILTIN_ENGLISH};
use crate::Error;

impl<'a> Model<'a> {
    /// Parses and checks a model. Any input gives a model, [`Error::UnsupportedVersion`] for
    /// a first byte other than [`VERSION`], or [`Error::CorruptModel`]. The one byte
    /// [`BUILTIN_ENGLISH`] opens the built-in English model ([`builtin_model`]), or gives
    /// [`Error::BuiltinModelMissing`] in a build without it.
    pub fn from_bytes(data: &'a [u8]) -> Result<Self, Error> {
        let mut slot = None;
        Self::open_in(data, &mut slot)?;
        slot.ok_or(Error::CorruptModel)
    }

    /// [`Model::from_bytes`] into `slot`, building the model where it will stay: a model is
    /// most of a book's size, and a device's stack has no room for copies while it is parsed.
    /// `slot` is `None` after an error.
    // Never inlined, so a caller holding the model does not keep the room parsing needs.
    #[inline(never)]
    pub(crate) fn open_in(data: &'a [u8], slot: &mut Option<Self>) -> Result<(), Error> {
        // One byte names the built-in model (`docs/CODEC.md`).
        let data = match data {
            [BUILTIN_ENGLISH] => builtin_model().ok_or(Error::BuiltinModelMissing),
            bytes => Ok(bytes),
        };
        let opened = match data {
            Err(e) => Err(e),
            Ok(&[v, ..]) if v != VERSION => Err(Error::UnsupportedVersion(u16::from(v))),
            Ok(data) => Self::parse(data, slot, Entries::of(data)).ok_or(Error::CorruptModel),
        };
        if opened.is_err() {
            *slot = None;
        }
        opened
    }

    fn parse(data: &'a [u8], slot: &mut Option<Self>, entries: Entries) -> Option<()> {
        // Bit positions are u32; 256 MB of model is far past any blob.
        if data.len() > cursor::MAX_BYTES {
            return None;
        }
        let mut c = Cursor::new(data);
        if c.bits(8)? != u32::from(VERSION) {
            return None;
        }
        let (n_ascii, ascii_at) = literal_table(&mut c, 7, 0, 0x7F)?;
        let wide_width = c.bits(5)?;
        let (n_wide, wide_at) = literal_table(&mut c, wide_width, 0x80, 0x10_FFFF)?;
        let n_lit = n_ascii.checked_add(n_wide).filter(|&n| n > 0)?;
        let contexts = ContextMap::parse(&mut c, n_lit)?;
        let n_ent = c.exp_golomb()?;
        let n_sym = n_lit.checked_add(n_ent).filter(|&n| n < 1 << 24)?;
        let id_width = width_for(n_sym);
        let model = slot.insert(Model {
            data,
            n_ascii,
            n_lit,
            n_sym,
            ascii_at,
            wide_at,
            wide_width: wide_width as u8,
            id_width: id_width as u8,
            off_width: 0,
            contexts,
            codes: [Code::default(); MAX_CONTEXTS + 1],
            ends_at: 0,
            spell_at: 0,
            // The built-in model's own bytes are the ones its tests prove.
            builtin: entries == Entries::Proven,
            #[cfg(feature = "tables")]
            tables: None,
        });
        // The escape code cannot escape; context codes may use id `n_sym` as the escape.
        model.codes[0] = Code::parse(&mut c, id_width, n_sym, true)?;
        for code in model
            .codes
            .iter_mut()
            .skip(1)
            .take(usize::from(contexts.contexts()))
        {
            *code = Code::parse(&mut c, id_width, n_sym + 1, false)?;
        }
        let off_width = c.bits(5)?;
        model.off_width = off_width as u8;
        model.ends_at = c.pos();
        c.skip(u64::from(n_ent) * u64::from(off_width))?;
        model.spell_at = c.pos();
        if entries == Entries::Proven {
            return Some(());
        }
        let spelled = model.check_entries(n_ent)?;
        c.skip(u64::from(spelled))?;
        // Only zero padding to the byte boundary may follow.
        let rest = bits::bit_len(data) - c.pos();
        if rest >= 8 || c.bits(rest)? != 0 {
            return None;
        }
        Some(())
    }

    /// Decodes every entry once, returning the spelling area's length in bits.
    fn check_entries(&self, n_ent: u32) -> Option<u32> {
        let limit = bits::bit_len(self.data) - self.spell_at;
        let mut start = 0u32;
        for entry in 0..n_ent {
            // The ends were skipped over in bounds, so this stays inside the model.
            let end = bits::read(
                self.data,
                self.ends_at + entry * u32::from(self.off_width),
                u32::from(self.off_width),
            );
            if end <= start || end > limit {
                return None;
            }
            let (mut pos, mut state, mut bytes) = (start, self.contexts.entry, 0usize);
            while pos < end {
                let at = self.spell_at + pos;
                let (lit, next) = self.decode_literal(self.data, at, state.context)?;
                pos = next - self.spell_at;
                bytes += self.literal(lit).len_utf8();
                state = self.next_state(state, lit);
                if bytes > MAX_ENTRY_BYTES {
                    return None;
                }
            }
            if pos != end {
                return None;
            }
            start = end;
        }
        Some(start)
    }
}

/// Whether opening a model decodes its dictionary entries, most of what opening costs (about
/// 10 M instructions on a Cortex-M3 for the built-in model's 1,230 entries).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(super) enum Entries {
    /// Every entry is decoded: bytes that came with a blob.
    Check,
    /// The built-in model's own bytes, compiled into the engine: its tests decode every
    /// entry of a copy (`english::tests`), so an open need not. A copy of those bytes inside
    /// a blob lives at another address and is checked in full.
    Proven,
}

impl Entries {
    fn of(data: &[u8]) -> Self {
        match builtin_model() {
            Some(english) if core::ptr::eq(english, data) => Entries::Proven,
            _ => Entries::Check,
        }
    }
}

/// A count (Exp-Golomb) then that many ascending code points of `width` bits in `lo..=hi`.
fn literal_table(c: &mut Cursor<'_>, width: u32, lo: u32, hi: u32) -> Option<(u32, u32)> {
    let n = c.exp_golomb()?;
    let at = c.pos();
    let mut previous = None;
    for _ in 0..n {
        let cp = c.bits(width)?;
        if cp < lo || cp > hi || char::from_u32(cp).is_none() || previous >= Some(cp) {
            return None;
        }
        previous = Some(cp);
    }
    Some((n, at))
}
