//! Writing the trained model and the blocks' bitstreams; sync points over the result.

use super::alphabet::Alphabet;
use super::bitwriter::BitWriter;
use super::codes::Codes;
use super::mapping::Mapping;
use super::parse::Token;
use inkleaf::codec::format::VERSION;
use inkleaf::codec::{Decoder, Model, State, Stream, SyncPoint};
use inkleaf::format::width_for;
use inkleaf::Error;

/// A trained model and every block's coded text.
#[derive(Clone, Debug)]
pub struct Encoded {
    /// The model's bytes, for [`Model::from_bytes`](inkleaf::codec::Model::from_bytes).
    pub model: Vec<u8>,
    /// The blocks in order.
    pub blocks: Vec<EncodedBlock>,
    /// Entry texts, to tell whether an offset inside an entry is a character boundary.
    entries: Vec<String>,
    literals: u32,
}

/// One block's coded text and where its tokens start.
#[derive(Clone, Debug)]
pub struct EncodedBlock {
    /// The bitstream, zero-padded to whole bytes.
    pub bits: Vec<u8>,
    /// Length of the block's text in bytes.
    pub text_len: u32,
    tokens: Vec<TokenAt>,
    end_state: State,
}

/// A token as written: where its text starts, where its code starts, its symbol and the
/// state before it.
#[derive(Copy, Clone, Debug)]
pub(crate) struct TokenAt {
    pub(crate) start: u32,
    pub(crate) bit: u32,
    pub(crate) symbol: u32,
    pub(crate) state: State,
}

impl EncodedBlock {
    /// A block from its bits and tokens; `end_state` is the state after its text.
    pub(crate) fn new(
        bits: Vec<u8>,
        text_len: u32,
        tokens: Vec<TokenAt>,
        end_state: State,
    ) -> Self {
        EncodedBlock {
            bits,
            text_len,
            tokens,
            end_state,
        }
    }
}

impl Encoded {
    /// The result of coding with `model`, whose entries spell `entries`.
    pub(crate) fn new(
        model: Vec<u8>,
        blocks: Vec<EncodedBlock>,
        entries: Vec<String>,
        literals: u32,
    ) -> Self {
        Encoded {
            model,
            blocks,
            entries,
            literals,
        }
    }
}

impl Encoded {
    /// Block `block`'s stream, for a [`Decoder`](inkleaf::codec::Decoder).
    pub fn stream(&self, block: usize) -> Option<Stream<'_>> {
        let b = self.blocks.get(block)?;
        Some(Stream {
            bits: &b.bits,
            text_len: b.text_len,
        })
    }

    /// Where a decoder must start to yield the character at `byte_offset` of block `block`
    /// first. `byte_offset` may be the text's length (an empty rest).
    pub fn sync_point(&self, block: usize, byte_offset: u32) -> Result<SyncPoint, Error> {
        let out_of_range = Error::PositionOutOfRange(inkleaf::Position::new(
            u32::try_from(block).unwrap_or(u32::MAX),
            byte_offset,
        ));
        let b = self.blocks.get(block).ok_or(out_of_range)?;
        if byte_offset == b.text_len {
            return Ok(SyncPoint {
                bit: u32::try_from(b.bits.len() * 8).map_err(|_| Error::TooLarge)?,
                skip: 0,
                state: b.end_state,
                offset: byte_offset,
            });
        }
        let after = b.tokens.partition_point(|t| t.start <= byte_offset);
        let token = after
            .checked_sub(1)
            .and_then(|i| b.tokens.get(i))
            .ok_or(out_of_range)?;
        let skip = byte_offset - token.start;
        let boundary = match token.symbol.checked_sub(self.literals) {
            None => skip == 0,
            Some(entry) => self.entries[entry as usize].is_char_boundary(skip as usize),
        };
        if !boundary || byte_offset > b.text_len {
            return Err(out_of_range);
        }
        Ok(SyncPoint {
            bit: token.bit,
            skip: skip as u8,
            state: token.state,
            offset: byte_offset,
        })
    }

    /// Whether every block decodes with `model` to its text in `texts`, and there is one block
    /// per text: what a coder wrote is checked, not assumed.
    pub(crate) fn decodes_to(&self, model: &Model<'_>, texts: &[&str]) -> bool {
        let decodes = |(b, text): (usize, &&str)| {
            let stream = self.stream(b)?;
            let mut out = String::with_capacity(text.len());
            for item in Decoder::new(model, stream) {
                out.push(item.ok()?.1);
            }
            (out == **text).then_some(())
        };
        self.blocks.len() == texts.len() && texts.iter().enumerate().try_for_each(decodes).is_some()
    }

    /// Bytes of all blocks' bitstreams.
    pub fn text_bytes(&self) -> usize {
        self.blocks.iter().map(|b| b.bits.len()).sum()
    }
}

/// Everything a model says, in trainer terms.
pub(crate) struct Plan<'p> {
    pub(crate) alphabet: &'p Alphabet,
    pub(crate) mapping: &'p Mapping,
    pub(crate) entries: &'p [String],
    pub(crate) codes: &'p Codes,
}

impl Plan<'_> {
    /// The model's bytes, `None` if some entry cannot be spelled with the codes.
    pub(crate) fn model(&self) -> Option<Vec<u8>> {
        let a = self.alphabet;
        let mut w = BitWriter::default();
        w.bits(u32::from(VERSION), 8);
        let (ascii, wide): (Vec<char>, Vec<char>) = a.chars.iter().partition(|c| c.is_ascii());
        w.exp_golomb(ascii.len() as u32);
        for c in &ascii {
            w.bits(u32::from(*c), 7);
        }
        let wide_width = width_for(wide.last().map_or(0, |&c| u32::from(c)));
        w.bits(wide_width, 5);
        w.exp_golomb(wide.len() as u32);
        for c in &wide {
            w.bits(u32::from(*c), wide_width);
        }
        let m = self.mapping;
        let (groups, classes) = (
            m.groups as u32,
            m.class_of_group
                .iter()
                .max()
                .map_or(1, |&c| u32::from(c) + 1),
        );
        let contexts = m.contexts as u32;
        let (group_width, class_width) = (width_for(groups - 1), width_for(classes - 1));
        let ctx_width = width_for(contexts - 1);
        w.bits(groups - 1, 4);
        w.bits(classes - 1, 2);
        w.bits(contexts - 1, 4);
        for &fine in &a.fine_of {
            w.bits(u32::from(m.group_of_fine[usize::from(fine)]), group_width);
        }
        for &class in &m.class_of_group {
            w.bits(u32::from(class), class_width);
        }
        for class in 0..classes as usize {
            for group in 0..groups as usize {
                let ctx = m.ctx_of.get(class * m.groups + group).copied().unwrap_or(0);
                w.bits(u32::from(ctx), ctx_width);
            }
        }
        let entry_state = m.entry(a);
        for state in [m.start(a), entry_state] {
            w.bits(u32::from(state.context), ctx_width);
            w.bits(u32::from(state.class), class_width);
        }
        w.exp_golomb(self.entries.len() as u32);
        let id_width = width_for(self.codes.symbols);
        for table in &self.codes.tables {
            table.write(&mut w, id_width);
        }
        let mut spelling = BitWriter::default();
        let mut ends = Vec::new();
        for entry in self.entries {
            let mut state = entry_state;
            for ch in entry.chars() {
                let literal = a.id(ch);
                self.codes
                    .put(&mut spelling, usize::from(state.context), literal)?;
                state = m.next(a, state, literal);
            }
            ends.push(u32::try_from(spelling.len()).ok()?);
        }
        let off_width = width_for(ends.last().copied().unwrap_or(0));
        w.bits(off_width, 5);
        for end in ends {
            w.bits(end, off_width);
        }
        w.append(&spelling);
        Some(w.into_bytes())
    }

    /// One block's bitstream for `tokens` of `text`.
    pub(crate) fn block(&self, text: &str, tokens: &[Token]) -> Option<EncodedBlock> {
        let a = self.alphabet;
        let mut w = BitWriter::default();
        let mut at = Vec::with_capacity(tokens.len());
        for token in tokens {
            let state = self.mapping.at(a, text, token.start as usize);
            at.push(TokenAt {
                start: token.start,
                bit: u32::try_from(w.len()).ok()?,
                symbol: token.symbol,
                state,
            });
            self.codes
                .put(&mut w, usize::from(state.context), token.symbol)?;
        }
        Some(EncodedBlock {
            bits: w.into_bytes(),
            text_len: u32::try_from(text.len()).ok()?,
            tokens: at,
            end_state: self.mapping.at(a, text, text.len()),
        })
    }
}

/// Assembles the result.
pub(crate) fn encoded(model: Vec<u8>, blocks: Vec<EncodedBlock>, plan: &Plan<'_>) -> Encoded {
    Encoded::new(model, blocks, plan.entries.to_vec(), plan.alphabet.len())
}
