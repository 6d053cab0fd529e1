//! A block's text as the line breaker reads it: plain UTF-8, or coded with the blob's model.
//!
//! Coded text cannot be sliced, so everything reads it a character at a time by byte offset
//! through [`Text::char_at`]. A coded text keeps a decoder positioned at the last character
//! asked for: reading forwards costs one decoded character per character. Layout also looks
//! back (to measure a word up to a hyphenation point, to start the next line where the last
//! one broke), so the text leaves a checkpoint every [`MARK_STRIDE`] bytes and keeps the last
//! [`MARKS`]: going back within them decodes at most a stride again, not the whole block.
//! Copies share what the original knew when they were made and learn on their own after.

#[cfg(all(feature = "coded", feature = "breaking"))]
use super::page_text::{Kept, Shared};
#[cfg(feature = "breaking")]
use super::PageText;
#[cfg(feature = "coded")]
use crate::codec::{Checkpoint, Decoder, Model, Spot, Stream};

/// Checkpoints a coded text keeps: with [`MARK_STRIDE`], about the last 128 bytes read are at
/// most a stride away (a checkpoint waits for the end of a dictionary word). 4 × 12 bytes on
/// any target: layout holds a few texts at once, and device stack is short.
#[cfg(feature = "coded")]
const MARKS: usize = 4;

/// Bytes between checkpoints: about half a line on the narrowest displays.
#[cfg(feature = "coded")]
const MARK_STRIDE: u32 = 32;

/// A place a coded text can resume decoding from, taken from one [`Text`] and given to a
/// later copy of the same block's text ([`Text::seed`]); plain texts have none.
#[cfg(feature = "coded")]
#[derive(Copy, Clone, Debug, Default)]
pub(crate) struct Mark {
    at: Checkpoint,
}

#[cfg(feature = "coded")]
impl Mark {
    /// Byte offset of the character decoded next from here.
    pub(crate) fn offset(&self) -> u32 {
        self.at.offset()
    }
}

/// A place a coded text passed: see [`Text::place`]. (Plain text has none.)
#[derive(Copy, Clone, Debug)]
pub(crate) struct Place<'b> {
    #[cfg(feature = "coded")]
    cursor: Spot,
    #[cfg(feature = "coded")]
    last: Option<(u32, char)>,
    text: core::marker::PhantomData<&'b str>,
}

/// One block's text, cheap to copy; see the module docs.
///
/// Offsets are bytes of the UTF-8 text, coded or not, and texts compare by what they read.
///
/// ```
/// use inkleaf::text::Text;
///
/// let mut text = Text::plain("naïve café");
/// assert_eq!(text.len(), 12); // bytes: ï and é take two each
/// assert_eq!(text.char_at(2), Some('ï'));
/// assert_eq!(text.char_at(3), None); // inside 'ï'
/// assert!(text.is_boundary(4) && !text.is_boundary(3));
/// assert_eq!(text, "naïve café");
/// # Ok::<(), inkleaf::Error>(())
/// ```
#[derive(Copy, Clone, Debug)]
pub struct Text<'b> {
    repr: Repr<'b>,
}

// No heap to box the coded side into: a plain text is as large to copy, and layout copies
// a text a few times per line at most.
#[allow(clippy::large_enum_variant)]
#[derive(Copy, Clone, Debug)]
enum Repr<'b> {
    Plain(&'b str),
    #[cfg(feature = "coded")]
    Coded(Coded<'b>),
}

#[cfg(feature = "coded")]
#[derive(Copy, Clone, Debug)]
struct Coded<'b> {
    /// Just past `last`.
    cursor: Decoder<'b, 'b>,
    /// The last character decoded and its offset.
    last: Option<(u32, char)>,
    /// A ring of checkpoints in increasing offset order, `newest` the last one written.
    marks: [Checkpoint; MARKS],
    /// How many of `marks` are set (the rest are the block start's defaults).
    marked: u8,
    newest: u8,
    /// Whether decoding has failed: the text reads as ending there, and is corrupt.
    failed: bool,
    /// The page text this text keeps its characters in, or reads them back from, and its
    /// segment there (see [`Text::share_page`]).
    #[cfg(feature = "breaking")]
    page: Option<Shared<'b>>,
}

impl<'b> Text<'b> {
    /// Plain UTF-8 text.
    pub const fn plain(text: &'b str) -> Self {
        Text {
            repr: Repr::Plain(text),
        }
    }

    /// Coded text: `stream` decoded with `model`. A stream that fails to decode reads as
    /// ending where it fails: [`Text::char_at`] gives `None` from there on, and the text
    /// remembers that it is corrupt, so that layout can tell that end from the real one.
    // Always inlined: set where the caller puts the block, not in a frame of its own and then
    // copied out with a `memcpy` whose own frame lands at the deepest point of a page turn.
    #[cfg(feature = "coded")]
    #[inline(always)]
    pub fn coded(model: &'b Model<'b>, stream: Stream<'b>) -> Self {
        Text {
            repr: Repr::Coded(Coded {
                cursor: Decoder::new(model, stream),
                last: None,
                marks: [Checkpoint::default(); MARKS],
                marked: 0,
                newest: 0,
                failed: false,
                #[cfg(feature = "breaking")]
                page: None,
            }),
        }
    }

    /// Length in bytes of the UTF-8 text.
    pub fn len(&self) -> usize {
        match &self.repr {
            Repr::Plain(text) => text.len(),
            #[cfg(feature = "coded")]
            Repr::Coded(coded) => coded.cursor.text_len() as usize,
        }
    }

    /// Whether the text is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The text itself when it is stored plain.
    ///
    /// ```
    /// use inkleaf::Book;
    ///
    /// # let coded = include_bytes!("../../../tests/fixtures/device/article-2.9in.inkleaf");
    /// # let plain = include_bytes!("../../../tests/fixtures/device/article-2.9in-plain-text.inkleaf");
    /// let (coded, plain) = (Book::from_bytes(coded)?, Book::from_bytes(plain)?);
    /// let (a, b) = (coded.block(0).unwrap().text, plain.block(0).unwrap().text);
    /// assert!(a.as_plain().is_none()); // decoded a character at a time
    /// assert!(b.as_plain().is_some_and(|s| s.starts_with("In the turbulent")));
    /// assert_eq!(a, b); // the same text, however stored
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn as_plain(&self) -> Option<&'b str> {
        match self.repr {
            Repr::Plain(text) => Some(text),
            #[cfg(feature = "coded")]
            Repr::Coded(_) => None,
        }
    }

    /// Decodes a coded text once to the end: it must give exactly its length in bytes.
    pub(crate) fn check(&self) -> Result<(), crate::Error> {
        match &self.repr {
            Repr::Plain(_) => Ok(()),
            #[cfg(feature = "coded")]
            Repr::Coded(coded) => coded.check(),
        }
    }

    /// Whether reading this text (this copy, or the one it was copied from) has met coded
    /// bits that do not decode: what it read then ended early, and is not the block's text.
    pub(crate) fn is_corrupt(&self) -> bool {
        match &self.repr {
            Repr::Plain(_) => false,
            #[cfg(feature = "coded")]
            Repr::Coded(coded) => coded.failed,
        }
    }

    /// Where this coded text stands (its decoder's own state and last character, not its
    /// checkpoints), for [`Text::go_to`] to come back to; `None` for plain text, which needs
    /// none. 28 bytes, copied as words: the greedy breaker takes one a word.
    pub(crate) fn place(&self) -> Option<Place<'b>> {
        match &self.repr {
            Repr::Plain(_) => None,
            #[cfg(feature = "coded")]
            Repr::Coded(coded) => Some(Place {
                cursor: coded.cursor.spot(),
                last: coded.last,
                text: core::marker::PhantomData,
            }),
        }
    }

    /// Goes back to `place`, which this text or a copy of it passed. The checkpoints it
    /// took since stay: each is a place in the same block, to resume from when asked.
    /// A text that failed to decode stays failed.
    pub(crate) fn go_to(&mut self, place: Place<'b>) {
        #[cfg(feature = "coded")]
        if let Repr::Coded(coded) = &mut self.repr {
            if !coded.failed {
                coded.cursor.go_to(place.cursor);
                coded.last = place.last;
            }
        }
        #[cfg(not(feature = "coded"))]
        let _ = place;
    }

    /// Whether the text reads to its length, as [`Text::check`] wants it: what a reader that
    /// met its end asks, as coded text that stops decoding reads as ending early. One step
    /// where the end was read, else it decodes the rest.
    pub(crate) fn reads_whole(&mut self) -> bool {
        match &mut self.repr {
            Repr::Plain(_) => true,
            #[cfg(feature = "coded")]
            Repr::Coded(coded) => coded.reads_whole(),
        }
    }

    /// The character starting at byte `i`; `None` at or past the end, or inside a character.
    #[inline]
    pub fn char_at(&mut self, i: usize) -> Option<char> {
        match &mut self.repr {
            Repr::Plain(text) => match *text.as_bytes().get(i)? {
                // ASCII is read without decoding.
                byte @ 0..=0x7F => Some(char::from(byte)),
                _ => text.get(i..)?.chars().next(),
            },
            #[cfg(feature = "coded")]
            Repr::Coded(coded) => coded.char_at(u32::try_from(i).ok()?),
        }
    }

    /// The latest place at or before byte `i` this text can resume decoding from, for a
    /// later copy opened there; `None` for plain text, or if it has read nothing near `i`.
    #[cfg(feature = "coded")]
    pub(crate) fn mark_before(&self, i: u32) -> Option<Mark> {
        match &self.repr {
            Repr::Plain(_) => None,
            Repr::Coded(coded) => coded.best_mark(i).map(|&at| Mark { at }),
        }
    }

    /// Gives a fresh coded text a place to resume from: a mark a text of the same block
    /// gave. A text that has read something already keeps what it knows.
    #[cfg(feature = "coded")]
    pub(crate) fn seed(&mut self, mark: Mark) {
        if let Repr::Coded(coded) = &mut self.repr {
            if coded.marked == 0 && coded.last.is_none() {
                coded.marks[0] = mark.at;
                coded.marked = 1;
                coded.newest = 0;
            }
        }
    }

    /// Shares `page` with this text, the text of block `block` read from byte `from` on:
    /// while a page is laid out, the characters it decodes are kept there; once it is
    /// drawn, they are read back from there instead of decoded. Plain text needs neither.
    #[cfg(feature = "breaking")]
    pub(crate) fn share_page(&mut self, page: &'b PageText, block: u32, from: u32) {
        #[cfg(feature = "coded")]
        if let Repr::Coded(coded) = &mut self.repr {
            coded.page = page.share(block, from);
            if let Some(shared) = coded.page {
                // The character last read, if it is the first to keep.
                if let Some((at, c)) = coded.last {
                    shared.offer(at, c, || coded.cursor.checkpoint());
                }
                if shared.reading() {
                    // What is not kept is decoded from a checkpoint: at the page's start, or
                    // where keeping stopped. Not on from a character read before.
                    coded.last = None;
                    if let Some(at) = shared.resume() {
                        coded.remember(at);
                    }
                }
            }
        }
        #[cfg(not(feature = "coded"))]
        let _ = (page, block, from);
    }

    /// Whether byte `i` starts a character or is the end.
    pub fn is_boundary(&mut self, i: usize) -> bool {
        i == self.len() || self.char_at(i).is_some()
    }

    /// The characters from byte `from` to byte `to`, with their offsets.
    ///
    /// ```
    /// use inkleaf::text::Text;
    ///
    /// let text = Text::plain("a é b");
    /// let chars: Vec<(usize, char)> = text.chars_between(2, 5).collect();
    /// assert_eq!(chars, [(2, 'é'), (4, ' ')]);
    /// assert_eq!(text.chars_between(4, 99).count(), 2); // `to` past the end stops at the end
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn chars_between(self, from: usize, to: usize) -> CharsBetween<'b> {
        CharsBetween {
            text: self,
            at: from,
            end: to.min(self.len()),
        }
    }

    /// All characters, in order.
    pub fn chars(self) -> impl Iterator<Item = char> + 'b {
        let end = self.len();
        self.chars_between(0, end).map(|(_, c)| c)
    }
}

#[cfg(feature = "coded")]
impl Coded<'_> {
    fn check(&self) -> Result<(), crate::Error> {
        let mut decoder = self.cursor;
        decoder.restart();
        while decoder.next_char()?.is_some() {}
        if decoder.offset() == decoder.text_len() {
            Ok(())
        } else {
            Err(crate::Error::CorruptText)
        }
    }

    // Not `#[inline]` on purpose: the layout is generic over the font, so it is compiled in
    // the caller's crate, and an inlined decoder would be built at the caller's optimization
    // level (none in test builds). Called, it keeps the engine's, at one call per character.
    fn char_at(&mut self, i: u32) -> Option<char> {
        match self.last {
            Some((at, c)) if at == i => return Some(c),
            Some((at, _)) if at < i => {
                // The next character of a built-in dictionary entry, as reading on asks most:
                // copied, with no checkpoint to consider (none is taken inside an entry).
                if let Some(Ok((at, c))) = self.cursor.next_spelled() {
                    self.last = Some((at, c));
                    self.keep(at, c);
                    if at >= i {
                        return (at == i).then_some(c);
                    }
                }
            }
            _ => {
                // Read back from the page text, if it kept `i`. A text reading back starts
                // with no last character (see `Text::share_page`), and comes here for
                // every character it kept: checked here, not on every call.
                #[cfg(feature = "breaking")]
                if let Some(shared) = &self.page {
                    if let Kept::Answer(c) = shared.read(i, self.cursor.text_len()) {
                        return c;
                    }
                }
                self.go_back(i);
            }
        }
        loop {
            self.mark();
            let (at, c) = match self.cursor.next_char_inlined() {
                Ok(next) => next?,
                Err(_) => {
                    self.failed = true;
                    return None;
                }
            };
            self.last = Some((at, c));
            self.keep(at, c);
            if at >= i {
                return (at == i).then_some(c);
            }
        }
    }

    /// Hands `c`, just decoded at byte `at`, to the page text being laid out, if any.
    #[inline(always)]
    fn keep(&self, at: u32, c: char) {
        #[cfg(feature = "breaking")]
        if let Some(shared) = &self.page {
            shared.offer(at, c, || self.cursor.checkpoint());
        }
        #[cfg(not(feature = "breaking"))]
        let _ = (at, c);
    }

    fn reads_whole(&mut self) -> bool {
        #[cfg(feature = "breaking")]
        if self.page.is_some_and(|shared| shared.reads_whole()) {
            return true;
        }
        let whole = self.decodes_to_end();
        #[cfg(feature = "breaking")]
        if let (true, Some(shared)) = (whole, &self.page) {
            shared.found_whole();
        }
        whole
    }

    fn decodes_to_end(&mut self) -> bool {
        let len = self.cursor.text_len();
        // The cursor is just past `last`, or at a checkpoint when nothing was read since:
        // decoding on from there must end at the text's length, and not inside a token
        // (a dictionary entry spelling past the end). One step where the end was read.
        while !self.failed {
            match self.cursor.next_char() {
                Ok(Some(last)) => self.last = Some(last),
                Ok(None) => return self.cursor.offset() == len,
                Err(_) => self.failed = true,
            }
        }
        false
    }

    /// Puts the cursor at the latest checkpoint at or before byte `i`, or the block's start.
    fn go_back(&mut self, i: u32) {
        match self.best_mark(i) {
            Some(&mark) => self.cursor.resume(mark),
            None => self.cursor.restart(),
        }
        self.last = None;
    }

    /// The latest checkpoint at or before byte `i`.
    fn best_mark(&self, i: u32) -> Option<&Checkpoint> {
        self.marks
            .iter()
            .take(usize::from(self.marked))
            .filter(|m| m.offset() <= i)
            .max_by_key(|m| m.offset())
    }

    /// Keeps checkpoint `at` as the newest, if it is past the newest kept.
    #[cfg(feature = "breaking")]
    fn remember(&mut self, at: Checkpoint) {
        if self.marked > 0 {
            if at.offset() <= self.marks[usize::from(self.newest)].offset() {
                return;
            }
            self.newest = (self.newest + 1) % MARKS as u8;
        }
        self.marked = (self.marked + 1).min(MARKS as u8);
        self.marks[usize::from(self.newest)] = at;
    }

    /// Leaves a checkpoint at the cursor if it is a stride past the newest one.
    fn mark(&mut self) {
        let offset = self.cursor.offset();
        let newest = self.marks[usize::from(self.newest)];
        if self.marked > 0 && offset < newest.offset().saturating_add(MARK_STRIDE) {
            return;
        }
        let Some(mark) = self.cursor.checkpoint() else {
            return;
        };
        if self.marked > 0 {
            self.newest = (self.newest + 1) % MARKS as u8;
        }
        self.marked = (self.marked + 1).min(MARKS as u8);
        self.marks[usize::from(self.newest)] = mark;
    }
}

/// Iterator over `(byte offset, char)` of part of a [`Text`].
///
/// ```
/// # let blob = include_bytes!("../../../tests/fixtures/device/article-2.9in.inkleaf");
/// let book = inkleaf::Book::from_bytes(blob)?;
/// let text = book.block(0).unwrap().text;
/// // Where the first word ends, found without copying the text out.
/// let space = text.chars_between(0, text.len()).find(|&(_, c)| c == ' ');
/// assert_eq!(space, Some((2, ' ')));
/// # Ok::<(), inkleaf::Error>(())
/// ```
#[derive(Copy, Clone, Debug)]
pub struct CharsBetween<'b> {
    text: Text<'b>,
    at: usize,
    end: usize,
}

impl Iterator for CharsBetween<'_> {
    type Item = (usize, char);

    #[inline]
    fn next(&mut self) -> Option<(usize, char)> {
        if self.at >= self.end {
            return None;
        }
        let c = self.text.char_at(self.at)?;
        let at = self.at;
        self.at += c.len_utf8();
        Some((at, c))
    }
}

impl core::fmt::Display for Text<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        use core::fmt::Write;
        self.chars().try_for_each(|c| f.write_char(c))
    }
}

/// Texts are equal when they read the same, however they are stored.
impl PartialEq for Text<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.chars().eq(other.chars())
    }
}

impl Eq for Text<'_> {}

impl PartialEq<str> for Text<'_> {
    fn eq(&self, other: &str) -> bool {
        self.len() == other.len() && self.chars().eq(other.chars())
    }
}

impl PartialEq<&str> for Text<'_> {
    fn eq(&self, other: &&str) -> bool {
        *self == **other
    }
}
