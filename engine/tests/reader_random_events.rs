//! Random button presses on real books: the reader never panics or errs, always shows the
//! page holding its position, and its saved state always reads back as it was.

use inkleaf::font::{AnyFamily, MONO_6X10};
use inkleaf::reader::{Outcome, MAX_BOOKMARKS};
use inkleaf::{Book, Event, Layout, Profile, Reader, ReaderState};
use proptest::prelude::*;

/// Three chapters of the Rust book, baked for 400x300 and 296x128.
const TWO_DISPLAYS: &[u8] = include_bytes!("../../tests/fixtures/device/book-two-displays.inkleaf");
/// An article without chapters.
const ARTICLE: &[u8] = include_bytes!("../../tests/fixtures/device/article-2.9in.inkleaf");

fn event() -> impl Strategy<Value = Event> {
    prop_oneof![
        4 => Just(Event::NextPage),
        2 => Just(Event::PreviousPage),
        1 => Just(Event::FirstPage),
        1 => Just(Event::LastPage),
        1 => (0u32..14).prop_map(Event::Chapter),
        1 => Just(Event::NextChapter),
        1 => Just(Event::PreviousChapter),
        1 => any::<u8>().prop_map(Event::Percent),
        2 => Just(Event::Contents),
        1 => Just(Event::Select),
        2 => Just(Event::ToggleBookmark),
        2 => Just(Event::NextBookmark),
        1 => Just(Event::NextDisplay),
        1 => Just(Event::Larger),
        1 => Just(Event::Smaller),
    ]
}

/// Plays `events` on `layouts` (one per display), laying out again when asked.
fn play<F: inkleaf::font::Family>(
    book: &Book<'_>,
    layouts: &[Layout<'_, F>],
    events: &[Event],
) -> Result<(), TestCaseError> {
    let mut reader = Reader::new(&layouts[0], ReaderState::START).unwrap();
    for &event in events {
        let before = reader.state().clone();
        let outcome = reader.handle(event).unwrap();
        if outcome == Outcome::Relayout {
            let state = reader.state().clone();
            reader = Reader::new(&layouts[usize::from(state.display)], state).unwrap();
        }
        let state = reader.state();
        let page = reader.page().unwrap();
        prop_assert!(
            page.start <= state.position && state.position < page.end,
            "{event:?}: {:?} not on page {page:?}",
            state.position
        );
        let layout = &layouts[usize::from(state.display)];
        prop_assert_eq!(layout.page_of(state.position).unwrap(), page);
        prop_assert!(state.bookmarks.len() <= MAX_BOOKMARKS);
        prop_assert!(state.bookmarks.windows(2).all(|pair| pair[0] < pair[1]));
        if outcome == Outcome::Unchanged {
            prop_assert_eq!(&before, state, "{:?} changed the state unasked", event);
        }
        let mut record = [0u8; ReaderState::MAX_LEN];
        let len = state.save(book, &mut record).unwrap();
        prop_assert_eq!(&ReaderState::restore(book, &record[..len]).unwrap(), state);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_events_on_a_book_with_two_displays(events in prop::collection::vec(event(), 0..60)) {
        let book = Book::from_bytes(TWO_DISPLAYS).unwrap();
        let fonts = book.layout_font().unwrap();
        let layouts: Vec<Layout<'_, AnyFamily<'_>>> = (0..book.display_count())
            .map(|n| Layout::new(&book, book.display(n).unwrap(), fonts).unwrap())
            .collect();
        play(&book, &layouts, &events)?;
    }

    /// A profile the blob was not baked for: every page found by laying out.
    #[test]
    fn random_events_on_a_layout_without_a_page_index(events in prop::collection::vec(event(), 0..30)) {
        let book = Book::from_bytes(ARTICLE).unwrap();
        let profile = Profile { footer: true, ..Profile::new(200, 120) };
        let layout = Layout::new(&book, profile, &MONO_6X10).unwrap();
        assert!(layout.page_index().is_none());
        play(&book, &[layout], &events)?;
    }
}
