//! Where coded text can resume near the last page ends, so that turning a page does not
//! decode its first block from the block's start again.
//!
//! A page turn lays out the page that starts where the last one ended, then draws it: both
//! open the text at that same position. Coded text reads forwards only, and a page usually
//! starts inside a paragraph, so each open would otherwise decode the paragraph up to there.
//! Remembering a checkpoint near each of the last two page ends makes both opens cheap.

#[cfg(feature = "coded")]
use core::cell::Cell;

#[cfg(feature = "coded")]
use crate::text::Mark;
use crate::text::Text;
use crate::Position;

/// Checkpoints near the last two page ends: 2 × 20 bytes on a 32-bit target, nothing
/// without the `coded` feature (plain text is read at any offset directly).
#[derive(Debug, Default)]
pub(crate) struct Seeds {
    /// `(block, mark)`, the newest first.
    #[cfg(feature = "coded")]
    ring: Cell<[Option<(u32, Mark)>; 2]>,
}

#[cfg(not(feature = "coded"))]
impl Seeds {
    pub(crate) fn remember(&self, _at: Position, _text: &Text<'_>) {}

    pub(crate) fn seed(&self, _at: Position, _text: &mut Text<'_>) {}
}

#[cfg(feature = "coded")]
impl Seeds {
    /// Remembers where `text`, block `at.block`'s text, can resume near `at`.
    pub(crate) fn remember(&self, at: Position, text: &Text<'_>) {
        let Some(mark) = text.mark_before(at.offset) else {
            return;
        };
        let ring = self.ring.get();
        if ring
            .iter()
            .flatten()
            .any(|&(block, known)| block == at.block && known.offset() == mark.offset())
        {
            return;
        }
        self.ring.set([Some((at.block, mark)), ring[0]]);
    }

    /// Gives `text`, block `at.block`'s text about to be read from `at`, the closest
    /// remembered checkpoint at or before `at`.
    pub(crate) fn seed(&self, at: Position, text: &mut Text<'_>) {
        let best = self
            .ring
            .get()
            .into_iter()
            .flatten()
            .filter(|&(block, mark)| block == at.block && mark.offset() <= at.offset)
            .max_by_key(|&(_, mark)| mark.offset());
        if let Some((_, mark)) = best {
            text.seed(mark);
        }
    }
}
