//! The displays and text sizes a blob was baked for, and a layout for any pair of them.
//!
//! A blob holds one font family per text size (the font part, in the order the builder was
//! given them) and a page index for every display at every size. A reader picks a display
//! and a size by index and lands on the page holding its [`Position`](crate::Position).
//! A blob set in the built-in mono fonts packs no family: its sizes are the built-in fonts
//! its page indexes name.

use crate::book::{read_family, FaceSections};
use crate::error::Error;
use crate::font::{AnyFamily, FontId, PackedFamily, MONO_6X10};
use crate::{Book, Layout, Profile};

/// Offset of the pixel size in a font section's header (`docs/FONT_FORMAT.md`).
const PX_AT: usize = 6;

impl<'a> Book<'a> {
    /// How many text sizes the blob holds: its packed families, else the distinct built-in
    /// fonts its page indexes name; at least 1.
    ///
    /// ```
    /// # let blob = include_bytes!("../../tests/fixtures/sizes/article-three-sizes.inkleaf");
    /// let book = inkleaf::Book::from_bytes(blob)?; // built with --size 10 --size 13 --size 20
    /// assert_eq!(book.size_count(), 3);
    /// let sizes: Vec<_> = (0..4).map(|size| book.size_px(size)).collect();
    /// assert_eq!(sizes, [Some(10), Some(13), Some(20), None]);
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn size_count(&self) -> u8 {
        let packed = self.families().take(usize::from(u8::MAX)).count();
        let sizes = match packed {
            0 => count_distinct(self.page_indexes().map(|index| index.built_for().font)),
            n => n,
        };
        u8::try_from(sizes.max(1)).unwrap_or(u8::MAX)
    }

    /// The pixel size of text size `size`: its regular face's (`docs/FONT_FORMAT.md`), or
    /// the built-in font's height; `None` past the last size.
    pub fn size_px(&self, size: u8) -> Option<u16> {
        match self.families().next() {
            Some(_) => {
                let family = self.families().nth(usize::from(size))?;
                let (_, section) = FaceSections::over(family).next()?;
                let px = section.get(PX_AT..PX_AT + 2)?;
                Some(u16::from_le_bytes([*px.first()?, *px.get(1)?]))
            }
            None => u16::try_from(self.mono_at(size)?.height).ok(),
        }
    }

    /// The family packed for text size `size`, each face checked: `None` when the blob is
    /// set in a built-in font; [`Error::SizeOutOfRange`] past the last size.
    ///
    /// ```
    /// use inkleaf::Error;
    ///
    /// # let blob = include_bytes!("../../tests/fixtures/sizes/article-three-sizes.inkleaf");
    /// let book = inkleaf::Book::from_bytes(blob)?;
    /// assert!(book.family_at(2)?.is_none()); // set in the built-in 10x20
    /// assert_eq!(book.family_at(3).unwrap_err(), Error::SizeOutOfRange(3));
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn family_at(&self, size: u8) -> Result<Option<PackedFamily<'a>>, Error> {
        if size >= self.size_count() {
            return Err(Error::SizeOutOfRange(size));
        }
        self.families()
            .nth(usize::from(size))
            .map(read_family)
            .transpose()
    }

    /// The faces packed for text size `size`, each with its font section unchecked; none
    /// past the last size or in a blob set in the built-in fonts.
    pub fn face_sections_at(&self, size: u8) -> FaceSections<'a> {
        FaceSections::over(self.families().nth(usize::from(size)).unwrap_or_default())
    }

    /// The fonts text size `size` is laid out in: its packed family, else its built-in font.
    /// [`Book::layout_font`] is `layout_font_at(0)`.
    pub fn layout_font_at(&self, size: u8) -> Result<AnyFamily<'a>, Error> {
        Ok(match self.family_at(size)? {
            Some(packed) => AnyFamily::Packed(packed),
            None => AnyFamily::Mono(self.mono_at(size).unwrap_or(&MONO_6X10)),
        })
    }

    /// How many displays the blob's page indexes were baked for: the distinct profiles among
    /// them. 0 for a blob without a page index.
    pub fn display_count(&self) -> u8 {
        let displays = count_distinct(self.page_indexes().map(|index| index.built_for().profile));
        u8::try_from(displays).unwrap_or(u8::MAX)
    }

    /// Display `display`'s profile, in the order the blob was built for them; `None` past
    /// the last.
    ///
    /// ```
    /// # let blob = include_bytes!("../../tests/fixtures/sizes/article-three-sizes.inkleaf");
    /// let book = inkleaf::Book::from_bytes(blob)?; // built for 2.9in and oled-128x64
    /// assert_eq!(book.display_count(), 2);
    /// let widths: Vec<_> = (0..3).map(|d| book.display(d).map(|p| p.width)).collect();
    /// assert_eq!(widths, [Some(296), Some(128), None]);
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn display(&self, display: u8) -> Option<Profile> {
        nth_distinct(
            self.page_indexes().map(|index| index.built_for().profile),
            display,
        )
    }

    /// The layout for display `display` at text size `size`, through the page index baked
    /// for them. [`Book::layout`] is `layout_for(0, 0)`.
    ///
    /// ```
    /// use inkleaf::Error;
    ///
    /// # let blob = include_bytes!("../../tests/fixtures/sizes/article-three-sizes.inkleaf");
    /// let book = inkleaf::Book::from_bytes(blob)?;
    /// let small = book.layout_for(0, 0)?;
    /// let large = book.layout_for(0, 2)?;
    /// assert!(large.page_index().is_some()); // baked: no pass over the book
    /// assert!(large.page_count() > small.page_count());
    /// // The page of the large size that holds the small size's fifth page's first word.
    /// let start = small.page(4)?.start;
    /// let there = large.page_of(start)?;
    /// assert!(there.start <= start);
    /// assert_eq!(book.layout_for(2, 0).unwrap_err(), Error::DisplayOutOfRange(2));
    /// assert_eq!(book.layout_for(0, 3).unwrap_err(), Error::SizeOutOfRange(3));
    /// # Ok::<(), inkleaf::Error>(())
    /// ```
    pub fn layout_for(&self, display: u8, size: u8) -> Result<Layout<'_, AnyFamily<'a>>, Error> {
        let profile = match self.display(display) {
            Some(profile) => profile,
            None if self.display_count() == 0 => return Err(Error::ProfileMissing),
            None => return Err(Error::DisplayOutOfRange(display)),
        };
        Layout::new(self, profile, self.layout_font_at(size)?)
    }

    /// The built-in font of text size `size` in a blob that packs no family: the distinct
    /// fonts its page indexes name, in order, or 6x10 when it has none.
    fn mono_at(&self, size: u8) -> Option<&'static crate::font::MonoFont> {
        let fonts = self.page_indexes().map(|index| index.built_for().font);
        match nth_distinct(fonts, size) {
            Some(id) => Some(id.font()),
            None if size == 0 && self.page_indexes().next().is_none() => {
                Some(FontId::Mono6x10.font())
            }
            None => None,
        }
    }
}

/// How many distinct items `items` holds. Quadratic, without a heap: a blob's page indexes
/// are a handful.
fn count_distinct<T: PartialEq>(items: impl Iterator<Item = T> + Clone) -> usize {
    let all = items.clone();
    all.enumerate()
        .filter(|(i, item)| items.clone().take(*i).all(|earlier| earlier != *item))
        .count()
}

/// The `n`th distinct item of `items`, in the order each first appears.
fn nth_distinct<T: PartialEq>(items: impl Iterator<Item = T> + Clone, n: u8) -> Option<T> {
    let all = items.clone();
    all.enumerate()
        .filter(|(i, item)| items.clone().take(*i).all(|earlier| earlier != *item))
        .map(|(_, item)| item)
        .nth(usize::from(n))
}
