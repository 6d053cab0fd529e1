//! What each part of a blob takes.

/// Bytes taken by each part of a blob; they add up to the blob's length.
///
/// ```
/// # let blob = include_bytes!("../../../tests/fixtures/device/article-2.9in.inkleaf");
/// let s = inkleaf::Book::from_bytes(blob)?.part_sizes();
/// let parts = [s.header, s.metadata, s.chapters, s.page_index, s.line_breaks, s.font];
/// let parts = parts.into_iter().chain([s.model, s.text, s.hyphens, s.runs]);
/// assert_eq!(parts.sum::<usize>(), blob.len());
/// assert_eq!(s.font, 1); // no font sections: the built-in font it names
/// assert_eq!(s.chapters, 1); // an article: no chapters
/// # Ok::<(), inkleaf::Error>(())
/// ```
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct PartSizes {
    /// The fixed header.
    pub header: usize,
    /// Title, byline, source, date and language.
    pub metadata: usize,
    /// The table of contents: the chapter records with their length (one byte when empty).
    pub chapters: usize,
    /// The page indexes of the profiles the blob was built for, their line breaks excluded.
    pub page_index: usize,
    /// The line breaks baked into the page indexes (each index's record of them).
    pub line_breaks: usize,
    /// The packed faces, if the blob carries any (the part's length byte otherwise).
    pub font: usize,
    /// The text model, if the text is coded (its `None` byte otherwise).
    pub model: usize,
    /// The blocks' text (coded or plain) with each block's kind and lengths.
    pub text: usize,
    /// The blocks' hyphenation points with their lengths.
    pub hyphens: usize,
    /// The blocks' inline style runs with their lengths.
    pub runs: usize,
}
