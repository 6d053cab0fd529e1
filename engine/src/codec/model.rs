//! The model: literal characters, contexts, prefix codes and the dictionary, read in place.

use super::code::Code;
use super::context::{ContextMap, State};
use super::cursor::{self, Cursor};
use super::format::{MAX_CONTEXTS, MAX_ENTRY_BYTES, VERSION};
#[cfg(feature = "tables")]
use super::table::{self, Tables};
use super::BUILTIN_ENGLISH;
use crate::bits::{self, width_for};
use crate::Error;

/// A checked view of a model's bytes (see `docs/CODEC.md` for the layout).
///
/// [`Model::from_bytes`] validates everything once: the codes are complete prefix codes, every
/// symbol id, context and offset is in range, every literal is a `char`, and every dictionary
/// entry decodes to 1 to 32 bytes of literals. Decoding can then rely on it. The struct holds
/// offsets into the borrowed bytes and small caches (each code's first counts and first
/// symbol, the context map, the groups of the first 96 literals): 460 bytes on a 32-bit target
/// (444 without the `tables` feature), so a model and a decoder fit in 512 bytes of RAM. With
/// RAM to spare, `Model::accelerate` (feature `tables`) adds lookup tables in a caller's buffer.
#[derive(Copy, Clone, Debug)]
pub struct Model<'a> {
    data: &'a [u8],
    n_ascii: u32,
    n_lit: u32,
    n_sym: u32,
    ascii_at: u32,
    wide_at: u32,
    wide_width: u8,
    id_width: u8,
    off_width: u8,
    contexts: ContextMap,
    /// The escape code first, then one per context.
    codes: [Code; MAX_CONTEXTS + 1],
    ends_at: u32,
    spell_at: u32,
    /// Lookup tables in a caller's buffer, once [`Model::accelerate`] built them.
    #[cfg(feature = "tables")]
    tables: Option<Tables<'a>>,
}

/// What a symbol id stands for.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Symbol {
    /// Literal `id`, one character.
    Literal(u32),
    /// Dictionary entry: its spelling's bit range in the model.
    Entry(u32, u32),
}

impl<'a> Model<'a> {
    /// Parses and checks a model. Any input gives a model, [`Error::UnsupportedVersion`] for
    /// a first byte other than [`VERSION`], or [`Error::CorruptModel`]. The one byte
    /// [`BUILTIN_ENGLISH`] opens the built-in English model
    /// ([`builtin_model`](super::builtin_model)), or gives [`Error::BuiltinModelMissing`] in a
    /// build without it.
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
            [BUILTIN_ENGLISH] => super::builtin_model().ok_or(Error::BuiltinModelMissing),
            bytes => Ok(bytes),
        };
        let opened = match data {
            Err(e) => Err(e),
            Ok(&[v, ..]) if v != VERSION => Err(Error::UnsupportedVersion(u16::from(v))),
            Ok(data) => Self::parse(data, slot).ok_or(Error::CorruptModel),
        };
        if opened.is_err() {
            *slot = None;
        }
        opened
    }

    fn parse(data: &'a [u8], slot: &mut Option<Self>) -> Option<()> {
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

    /// Decodes a symbol in context `ctx` at bit `pos` of `stream`, following an escape.
    ///
    /// Returns the symbol id and the position after it, or `None` past the stream's end.
    #[inline]
    pub(crate) fn decode_id(&self, stream: &[u8], pos: u32, ctx: u8) -> Option<(u32, u32)> {
        let (mut id, len) = self.read_code(usize::from(ctx) + 1, stream, pos)?;
        let mut pos = pos + len;
        if id == self.n_sym {
            let (escaped, len) = self.read_code(0, stream, pos)?;
            id = escaped;
            pos += len;
        }
        // A flat escape code can spell ids past the last symbol.
        (pos <= bits::bit_len(stream) && id < self.n_sym).then_some((id, pos))
    }

    /// Reads one code of code `index` (0 the escape code, then the contexts' codes).
    #[inline]
    fn read_code(&self, index: usize, stream: &[u8], pos: u32) -> Option<(u32, u32)> {
        #[cfg(feature = "tables")]
        if let Some(tables) = &self.tables {
            if let Some(found) = tables.code(index, bits::peek32(stream, pos)) {
                return Some(found);
            }
        }
        let code = self.codes.get(index)?;
        Some(code.decode(self.data, u32::from(self.id_width), stream, pos))
    }

    /// Decodes a symbol that must be a literal (inside a dictionary entry).
    #[inline]
    fn decode_literal(&self, stream: &[u8], pos: u32, ctx: u8) -> Option<(u32, u32)> {
        self.decode_id(stream, pos, ctx)
            .filter(|&(id, _)| id < self.n_lit)
    }

    /// What symbol `id` stands for.
    #[inline]
    pub(crate) fn symbol(&self, id: u32) -> Symbol {
        if id < self.n_lit {
            return Symbol::Literal(id);
        }
        let entry = id - self.n_lit;
        #[cfg(feature = "tables")]
        if let Some((start, end)) = self.tables.as_ref().and_then(|t| t.entry(id, self.n_lit)) {
            return Symbol::Entry(self.spell_at + start, self.spell_at + end);
        }
        let width = u32::from(self.off_width);
        let end = bits::read(self.data, self.ends_at + entry * width, width);
        let start = match entry {
            0 => 0,
            _ => bits::read(self.data, self.ends_at + (entry - 1) * width, width),
        };
        Symbol::Entry(self.spell_at + start, self.spell_at + end)
    }

    /// Decodes the next literal of an entry's spelling at model bit `pos`.
    #[inline]
    pub(crate) fn spelled_literal(&self, pos: u32, ctx: u8) -> Option<(u32, u32)> {
        self.decode_literal(self.data, pos, ctx)
    }

    /// The character of literal `id`.
    #[inline]
    pub(crate) fn literal(&self, id: u32) -> char {
        if id < self.n_ascii {
            // Seven bits are always a `char`: no check on the hot path.
            return char::from(bits::read(self.data, self.ascii_at + id * 7, 7) as u8);
        }
        let width = u32::from(self.wide_width);
        let value = bits::read(self.data, self.wide_at + (id - self.n_ascii) * width, width);
        char::from_u32(value).unwrap_or(char::REPLACEMENT_CHARACTER)
    }

    /// The character of literal `id` and the state after it in `state`.
    #[inline]
    pub(crate) fn literal_and_next(&self, state: State, id: u32) -> (char, State) {
        #[cfg(feature = "tables")]
        if let Some((ch, group)) = self.tables.as_ref().and_then(|t| t.literal(id)) {
            return (ch, self.contexts.next_in_group(state, group));
        }
        (self.literal(id), self.next_state(state, id))
    }

    /// Words of RAM that [`Model::accelerate`] fills with tables indexed by `bits` bits
    /// (4 to 10; others are clamped): one table of `1 << bits` words per code, one word per
    /// symbol.
    #[cfg(feature = "tables")]
    pub fn table_words(&self, bits: u32) -> usize {
        table::words_for(u32::from(self.contexts()) + 1, self.n_sym, bits)
    }

    /// Builds lookup tables in `buf` and decodes through them from now on: faster, with the
    /// same results. Takes the widest tables (up to 10 bits) that fit; returns their bits,
    /// or [`Error::BufferTooSmall`] (in bytes) if not even 4-bit tables fit.
    ///
    /// The model alone decodes in under 512 bytes of RAM; the tables are for a host or a
    /// device with RAM to spare. The built-in English model (17 codes, 1,450 symbols) takes
    /// 10 KB at 6 bits; the Rust book's (17 codes, 3,858 symbols) 83 KB at 10 bits.
    #[cfg(feature = "tables")]
    pub fn accelerate(&mut self, buf: &'a mut [u32]) -> Result<u32, Error> {
        let codes = u32::from(self.contexts()) + 1;
        let fits = |bits: u32| self.table_words(bits) <= buf.len();
        let too_small = Error::BufferTooSmall {
            needed: u32::try_from(self.table_words(table::MIN_BITS).saturating_mul(4))
                .unwrap_or(u32::MAX),
        };
        let bits = (table::MIN_BITS..=table::MAX_BITS)
            .rev()
            .find(|&b| fits(b))
            .ok_or(too_small)?;
        let symbols_at = table::symbols_at(codes, bits);
        let (code_words, rest) = buf.split_at_mut_checked(symbols_at).ok_or(too_small)?;
        for (code, words) in self
            .codes
            .iter()
            .zip(code_words.chunks_exact_mut(1 << bits))
        {
            code.fill_table(self.data, u32::from(self.id_width), bits, words);
        }
        for (id, word) in (0..self.n_sym).zip(rest.iter_mut()) {
            *word = match self.symbol(id) {
                Symbol::Literal(_) => {
                    u32::from(self.literal(id)) | self.contexts.group(self.data, id) << 24
                }
                Symbol::Entry(_, end) => end - self.spell_at,
            };
        }
        self.tables = Some(Tables {
            words: buf,
            symbols_at: symbols_at as u32,
            bits: bits as u8,
        });
        Ok(bits)
    }

    /// Calls `visit(symbol, length, code)` for every symbol that code `code` lists, with the
    /// bits an encoder writes for it (`length` of them, most significant first). Code 0 is
    /// the shared escape code; code `1 + c` is context `c`'s, where symbol id
    /// `literals() + entries()` is its escape. Codes past [`Model::contexts`] list nothing.
    /// For encoders: the decoder walks the codes instead.
    pub fn for_each_codeword(&self, code: u8, visit: impl FnMut(u32, u32, u32)) {
        if code > self.contexts() {
            return;
        }
        if let Some(code) = self.codes.get(usize::from(code)) {
            code.for_each_codeword(self.data, u32::from(self.id_width), self.n_sym + 1, visit);
        }
    }

    /// The characters of dictionary entry `entry` (none past [`Model::entries`]).
    pub fn entry_chars(&self, entry: u32) -> impl Iterator<Item = char> + '_ {
        let mut spelling = match self.symbol(self.n_lit.saturating_add(entry)) {
            Symbol::Entry(pos, end) if entry < self.entries() => Some((pos, end)),
            _ => None,
        };
        let mut state = self.entry_state();
        core::iter::from_fn(move || {
            let (pos, end) = spelling.as_mut()?;
            if *pos >= *end {
                return None;
            }
            let (lit, next) = self.spelled_literal(*pos, state.context)?;
            state = self.next_state(state, lit);
            *pos = next;
            Some(self.literal(lit))
        })
    }

    /// The context state after literal `id` (its index in [`Model::chars`]) in `state`.
    #[inline]
    pub fn next_state(&self, state: State, id: u32) -> State {
        self.contexts.next(self.data, state, id)
    }

    /// The state a block starts in.
    pub fn start_state(&self) -> State {
        self.contexts.start
    }

    /// The state every entry's spelling starts in.
    pub(crate) fn entry_state(&self) -> State {
        self.contexts.entry
    }

    /// Whether `state` is a state of this model.
    pub(crate) fn valid_state(&self, state: State) -> bool {
        self.contexts.valid(state)
    }

    /// Whether this is the built-in English model, rather than one a blob carries.
    pub fn is_builtin(&self) -> bool {
        super::builtin_model().is_some_and(|english| core::ptr::eq(english, self.data))
    }

    /// The characters this model can code, in literal id order.
    pub fn chars(&self) -> impl Iterator<Item = char> + '_ {
        (0..self.n_lit).map(|id| self.literal(id))
    }

    /// Size of the model in bytes, wherever it is stored.
    pub fn byte_len(&self) -> usize {
        self.data.len()
    }

    /// Number of contexts (1 to 16).
    pub fn contexts(&self) -> u8 {
        self.contexts.contexts()
    }

    /// Number of dictionary entries.
    pub fn entries(&self) -> u32 {
        self.n_sym - self.n_lit
    }

    /// Number of literal characters.
    pub fn literals(&self) -> u32 {
        self.n_lit
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
