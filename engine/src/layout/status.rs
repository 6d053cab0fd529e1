//! What a page's footer tells the reader, as plain values for firmware that draws its own.

use super::Page;
use crate::font::Family;
use crate::text::Chapter;

/// Where a page lies in its book: the chapter it is in, its number, the page count and how
/// far through the book it is. What the footer draws ([`Profile::footer`](crate::Profile)),
/// computed without allocating.
///
/// ```
/// # let blob = include_bytes!("../../../tests/fixtures/device/article-2.9in.inkleaf");
/// let book = inkleaf::Book::from_bytes(blob)?;
/// let layout = book.layout()?;
/// let status = layout.page(2)?.status();
/// assert_eq!((status.page, status.total, status.percent), (3, Some(15), Some(20)));
/// assert_eq!(status.chapter, None); // an article has no chapters
/// # Ok::<(), inkleaf::Error>(())
/// ```
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Status<'a> {
    /// The chapter the page's first character is in (the innermost section); `None` in
    /// front matter and in a book without chapters.
    pub chapter: Option<Chapter<'a>>,
    /// The page's number, from 1.
    pub page: u32,
    /// The book's page count, when known ([`Page::total`]).
    pub total: Option<u32>,
    /// How far through the book the page is, by page: `page × 100 / total`, rounded down,
    /// so the last page is 100.
    pub percent: Option<u8>,
}

impl<'l, F: Family> Page<'l, F> {
    /// Where the page lies in its book, as its footer shows it.
    pub fn status(&self) -> Status<'l> {
        let page = self.index.saturating_add(1);
        let total = self.total();
        Status {
            chapter: self.layout().book().chapter_of(self.start),
            page,
            total,
            percent: total
                .filter(|&t| t > 0)
                .map(|t| u8::try_from(u64::from(page) * 100 / u64::from(t)).unwrap_or(100)),
        }
    }
}
