//! Streaming characters out of one block's coded text, from its start or any sync point.

use super::context::State;
use super::cursor::MAX_BYTES;
use super::model::{Model, Symbol};
use super::spelled;
use crate::bits;
use crate::Error;

/// Where decoding can start inside a block: a token's bit offset, plus how far into it.
///
/// The host records one per page start (`inkleaf_cli::codec::Encoded::sync_point`).
/// A page may start inside a dictionary entry (a word broken at a hyphen), so `skip` says how
/// many bytes of the token's text come before `offset`.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct SyncPoint {
    /// Bit offset of the token in the block's stream.
    pub bit: u32,
    /// Bytes of the token's text before `offset` (0 to 31).
    pub skip: u8,
    /// The context state the token is decoded in.
    pub state: State,
    /// Byte offset in the block's text of the first character decoded: token start + `skip`.
    pub offset: u32,
}

/// One block's coded text: its bits and the length of the text they decode to.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Stream<'a> {
    /// The block's bitstream, starting at bit 0.
    pub bits: &'a [u8],
    /// The block's text length in bytes; decoding stops there.
    pub text_len: u32,
}

/// Yields `(byte offset, char)` for a block's text. Nine words of state (36 bytes on a 32-bit
/// target), so cheap to copy; the line breaker keeps only the five that move, to back up to a
/// break.
///
/// Corrupt input gives [`Error::CorruptText`] (or still-valid chars), after which the decoder
/// stops. Each character costs at most two code walks of at most 24 steps each.
#[derive(Copy, Clone, Debug)]
pub struct Decoder<'m, 'a> {
    model: &'m Model<'a>,
    bits: &'a [u8],
    pos: u32,
    text_len: u32,
    offset: u32,
    /// What is still to spell of the current dictionary entry: a model bit range, or for the
    /// built-in model a range of its spelled-out dictionary (`codec::spelled`).
    entry_pos: u32,
    entry_end: u32,
    state: State,
}

/// A decoder's place between two tokens of its block, without its borrows (12 bytes):
/// [`Decoder::resume`] at it decodes on from the same character, so a reader can come back
/// to a point it passed.
#[derive(Copy, Clone, Debug, Default)]
pub(crate) struct Checkpoint {
    pos: u32,
    offset: u32,
    state: State,
}

impl Checkpoint {
    /// Byte offset of the character decoded next from here.
    pub(crate) fn offset(&self) -> u32 {
        self.offset
    }
}

/// Where a decoder stands anywhere in its block, inside a dictionary entry too: its own
/// state without its borrows (20 bytes, copied as words where the whole decoder's 36 bytes
/// are a `memcpy`). [`Decoder::go_to`] comes back to it.
#[derive(Copy, Clone, Debug)]
pub(crate) struct Spot {
    pos: u32,
    offset: u32,
    entry_pos: u32,
    entry_end: u32,
    state: State,
}

impl<'m, 'a> Decoder<'m, 'a> {
    /// Where this decoder stands, for [`Decoder::go_to`].
    #[inline(always)]
    pub(crate) fn spot(&self) -> Spot {
        Spot {
            pos: self.pos,
            offset: self.offset,
            entry_pos: self.entry_pos,
            entry_end: self.entry_end,
            state: self.state,
        }
    }

    /// Moves back (or on) to `at`, where this decoder or a copy of it stood. A spot from
    /// another block decodes to wrong text or an error, never a panic.
    #[inline(always)]
    pub(crate) fn go_to(&mut self, at: Spot) {
        self.pos = at.pos;
        self.offset = at.offset;
        self.entry_pos = at.entry_pos;
        self.entry_end = at.entry_end;
        self.state = at.state;
    }

    /// Where this decoder is, if it is between tokens (not inside a dictionary entry).
    pub(crate) fn checkpoint(&self) -> Option<Checkpoint> {
        if self.entry_pos < self.entry_end {
            return None;
        }
        Some(Checkpoint {
            pos: self.pos,
            offset: self.offset,
            state: self.state,
        })
    }

    /// Moves to `at`, a checkpoint this decoder's block gave. A checkpoint from another block
    /// decodes to wrong text or an error, never a panic.
    pub(crate) fn resume(&mut self, at: Checkpoint) {
        self.pos = at.pos;
        self.offset = at.offset;
        self.entry_pos = 0;
        self.entry_end = 0;
        self.state = at.state;
    }

    /// Moves back to the block's start.
    pub(crate) fn restart(&mut self) {
        *self = Decoder::new(
            self.model,
            Stream {
                bits: self.bits,
                text_len: self.text_len,
            },
        );
    }

    /// The block's text length in bytes.
    pub(crate) fn text_len(&self) -> u32 {
        self.text_len
    }

    /// A decoder at the start of a block.
    pub fn new(model: &'m Model<'a>, stream: Stream<'a>) -> Self {
        // Past this, positions could overflow: such a stream is corrupt at its cut.
        let bits = stream.bits.get(..MAX_BYTES).unwrap_or(stream.bits);
        Decoder {
            model,
            bits,
            pos: 0,
            text_len: stream.text_len,
            offset: 0,
            entry_pos: 0,
            entry_end: 0,
            state: model.start_state(),
        }
    }

    /// A decoder at a sync point, positioned so the next character is at `sync.offset`.
    pub fn at(model: &'m Model<'a>, stream: Stream<'a>, sync: SyncPoint) -> Result<Self, Error> {
        let token_start = sync.offset.checked_sub(u32::from(sync.skip));
        let (Some(offset), true) = (token_start, model.valid_state(sync.state)) else {
            return Err(Error::CorruptText);
        };
        let decoder = Decoder::new(model, stream);
        // Past the stream's end nothing decodes (and positions must stay far from u32::MAX).
        if sync.bit > bits::bit_len(decoder.bits) {
            return Err(Error::CorruptText);
        }
        let mut decoder = Decoder {
            pos: sync.bit,
            offset,
            state: sync.state,
            ..decoder
        };
        // At most 31 bytes, all inside the first token.
        while decoder.offset < sync.offset {
            decoder.next_char()?.ok_or(Error::CorruptText)?;
        }
        if decoder.offset != sync.offset {
            return Err(Error::CorruptText);
        }
        Ok(decoder)
    }

    /// Byte offset of the next character.
    pub fn offset(&self) -> u32 {
        self.offset
    }

    /// The next character and its byte offset, `None` at the end of the block.
    #[inline]
    pub fn next_char(&mut self) -> Result<Option<(u32, char)>, Error> {
        self.next_char_inlined()
    }

    /// [`Decoder::next_char`], always inlined: for the one loop that reads text for layout
    /// and drawing (`Text::char_at`), where a call per character costs. Everything else
    /// calls the one copy of [`Decoder::next_char`], which keeps the firmware small.
    #[inline(always)]
    pub(crate) fn next_char_inlined(&mut self) -> Result<Option<(u32, char)>, Error> {
        match self.step() {
            Some(Ok(item)) => Ok(Some(item)),
            None => Ok(None),
            Some(Err(())) => {
                self.stop();
                Err(Error::CorruptText)
            }
        }
    }

    /// The next character if it is inside a built-in model's dictionary entry: a byte
    /// copied, with nothing decoded and no checkpoint possible. `None` elsewhere.
    #[inline(always)]
    pub(crate) fn next_spelled(&mut self) -> Option<Result<(u32, char), ()>> {
        (self.entry_pos < self.entry_end && self.model.is_builtin()).then(|| self.spelled_char())
    }

    #[inline(always)]
    fn step(&mut self) -> Option<Result<(u32, char), ()>> {
        let model = self.model;
        let literal = if self.entry_pos < self.entry_end {
            if model.is_builtin() {
                return Some(self.spelled_char());
            }
            self.spell(self.entry_pos)
        } else {
            if self.offset >= self.text_len {
                return None;
            }
            match model.decode_id(self.bits, self.pos, self.state.context) {
                Some((id, next)) => {
                    self.pos = next;
                    if let Some((start, end, state)) = model.spelled_entry(id) {
                        // The built-in model's entry: its bytes copied, its end state at once.
                        (self.entry_pos, self.entry_end, self.state) = (start, end, state);
                        return Some(self.spelled_char());
                    }
                    match model.symbol(id) {
                        Symbol::Literal(literal) => Ok(literal),
                        Symbol::Entry(start, end) => {
                            self.entry_end = end;
                            self.state = model.entry_state();
                            self.spell(start)
                        }
                    }
                }
                None => Err(()),
            }
        };
        // A `match`, not `and_then`: a closure is a call of its own at opt-level "z".
        Some(match literal {
            Ok(literal) => self.emit(literal),
            Err(()) => Err(()),
        })
    }

    /// The next byte of a built-in model's entry, at spelled-dictionary position
    /// `entry_pos`: ASCII, one byte a character. The state after the entry is set already.
    #[inline(always)]
    fn spelled_char(&mut self) -> Result<(u32, char), ()> {
        let byte = spelled::byte(self.entry_pos)
            .filter(u8::is_ascii)
            .ok_or(())?;
        self.entry_pos += 1;
        let at = self.offset;
        self.offset = at.checked_add(1).ok_or(())?;
        if self.offset > self.text_len {
            return Err(());
        }
        Ok((at, char::from(byte)))
    }

    /// Decodes the entry's literal at model bit `pos`.
    #[inline(always)]
    fn spell(&mut self, pos: u32) -> Result<u32, ()> {
        let (literal, next) = self
            .model
            .spelled_literal(pos, self.state.context)
            .ok_or(())?;
        self.entry_pos = next;
        Ok(literal)
    }

    #[inline(always)]
    fn emit(&mut self, literal: u32) -> Result<(u32, char), ()> {
        let (ch, state) = self.model.literal_and_next(self.state, literal);
        self.state = state;
        let at = self.offset;
        self.offset = at.checked_add(ch.len_utf8() as u32).ok_or(())?;
        if self.offset > self.text_len {
            return Err(());
        }
        Ok((at, ch))
    }

    fn stop(&mut self) {
        self.offset = self.text_len;
        self.entry_end = self.entry_pos;
    }
}

impl Iterator for Decoder<'_, '_> {
    type Item = Result<(u32, char), Error>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        self.next_char().transpose()
    }
}

// The RAM budget: on a 32-bit device a decoder and the model it borrows fit in 512 bytes
// (496 with the `tables` feature, 480 without). On a 64-bit host their slices and references
// take 32 bytes more.
#[cfg(target_pointer_width = "32")]
const _: () = assert!(size_of::<Decoder<'_, '_>>() + size_of::<Model<'_>>() <= 512);
#[cfg(target_pointer_width = "64")]
const _: () = assert!(size_of::<Decoder<'_, '_>>() + size_of::<Model<'_>>() <= 512 + 32);
