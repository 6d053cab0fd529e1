//! Who a book is: what a saved reader state names so it never applies to another book.

use crate::Book;

impl Book<'_> {
    /// Who this book is, for telling saved reader states apart: from the header's CRC-32 and
    /// payload length, so a rebuilt or different book has another identity.
    ///
    /// ```
    /// # let book = include_bytes!("../../../tests/fixtures/device/book-4.2in.inkleaf");
    /// # let article = include_bytes!("../../../tests/fixtures/device/article-2.9in.inkleaf");
    /// let (book, article) = (inkleaf::Book::from_bytes(book)?, inkleaf::Book::from_bytes(article)?);
    /// assert_ne!(book.identity(), article.identity());
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn identity(&self) -> u32 {
        let header = self.header();
        // The length spread over the high bits, where CRCs of blobs of one size still differ.
        header.crc ^ header.payload_len.rotate_left(16)
    }
}
