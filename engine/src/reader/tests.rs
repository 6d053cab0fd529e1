//! The reader's decisions on real blobs, event by event, without a display.

use super::{Event, Outcome, Reader, ReaderState, MAX_BOOKMARKS};
use crate::font::AnyFamily;
use crate::{Book, Error, Layout, Position};

/// The opening chapters of the Rust book on a 4.2" panel with a status line: 12 entries in
/// three levels, 34 pages.
pub(super) const BOOK: &[u8] = include_bytes!("../../../tests/fixtures/device/book-4.2in.inkleaf");
/// The same book baked for 400x300 (34 pages) and 296x128 (96 pages).
pub(super) const TWO_DISPLAYS: &[u8] =
    include_bytes!("../../../tests/fixtures/device/book-two-displays.inkleaf");
/// An article with no table of contents, 15 pages.
pub(super) const ARTICLE: &[u8] =
    include_bytes!("../../../tests/fixtures/device/article-2.9in.inkleaf");

pub(super) fn open(blob: &[u8]) -> Book<'_> {
    Book::from_bytes(blob).expect("the fixture opens")
}

pub(super) fn reader<'l, 'a>(
    layout: &'l Layout<'a, AnyFamily<'a>>,
) -> Reader<'l, 'a, AnyFamily<'a>> {
    Reader::new(layout, ReaderState::START).expect("the start is in every book")
}

pub(super) fn handle(reader: &mut Reader<'_, '_, AnyFamily<'_>>, event: Event) -> Outcome {
    reader.handle(event).expect("the fixture's data is sound")
}

#[test]
fn page_moves_stop_at_both_ends() {
    let book = open(BOOK);
    let layout = book.layout().unwrap();
    let mut reader = reader(&layout);
    assert_eq!(handle(&mut reader, Event::PreviousPage), Outcome::Unchanged);
    assert_eq!(handle(&mut reader, Event::FirstPage), Outcome::Unchanged);
    assert_eq!(handle(&mut reader, Event::NextPage), Outcome::Redraw);
    assert_eq!(reader.page_index(), 1);
    assert_eq!(reader.state().position, layout.page(1).unwrap().start);
    assert_eq!(handle(&mut reader, Event::LastPage), Outcome::Redraw);
    assert_eq!(reader.page_index(), 33);
    assert_eq!(handle(&mut reader, Event::NextPage), Outcome::Unchanged);
    assert_eq!(handle(&mut reader, Event::LastPage), Outcome::Unchanged);
    assert_eq!(handle(&mut reader, Event::PreviousPage), Outcome::Redraw);
    assert_eq!(reader.page_index(), 32);
    assert_eq!(handle(&mut reader, Event::FirstPage), Outcome::Redraw);
    assert_eq!(reader.state().position, Position::START);
}

#[test]
fn every_page_is_reached_forwards_and_backwards_in_order() {
    let book = open(BOOK);
    let layout = book.layout().unwrap();
    let mut reader = reader(&layout);
    let mut starts = [Position::START; 34];
    for (n, start) in starts.iter_mut().enumerate() {
        assert_eq!(reader.page_index() as usize, n);
        *start = reader.page().unwrap().start;
        assert_eq!(*start, layout.page(n as u32).unwrap().start);
        handle(&mut reader, Event::NextPage);
    }
    for n in (0..34).rev() {
        assert_eq!(reader.page().unwrap().start, starts[n]);
        handle(&mut reader, Event::PreviousPage);
    }
}

#[test]
fn chapters_open_on_the_page_the_contents_names() {
    let book = open(BOOK);
    let layout = book.layout().unwrap();
    let mut reader = reader(&layout);
    for chapter in book.chapters() {
        let expected = layout.chapter_page(chapter.index).unwrap();
        handle(&mut reader, Event::Chapter(chapter.index));
        assert_eq!(reader.page_index(), expected, "{}", chapter.title);
        assert!(reader.page().unwrap().contains(reader.state().position));
    }
    // "Who Rust Is For" and "Teams of Developers" share page 9; chapter 12 does not exist.
    handle(&mut reader, Event::Chapter(2));
    assert_eq!(handle(&mut reader, Event::Chapter(3)), Outcome::Unchanged);
    assert_eq!(handle(&mut reader, Event::Chapter(12)), Outcome::Unchanged);
    assert_eq!(
        handle(&mut reader, Event::Chapter(u32::MAX)),
        Outcome::Unchanged
    );
}

#[test]
fn next_and_previous_chapter_walk_the_pages_chapters_open() {
    let book = open(BOOK);
    let layout = book.layout().unwrap();
    let mut reader = reader(&layout);
    // Chapter pages, each once: 0 7 9 12 13 14 15 17 19 32 33.
    let mut opened = [0u32; 11];
    for page in opened.iter_mut().skip(1) {
        assert_eq!(handle(&mut reader, Event::NextChapter), Outcome::Redraw);
        *page = reader.page_index();
    }
    assert_eq!(opened, [0, 7, 9, 12, 13, 14, 15, 17, 19, 32, 33]);
    assert_eq!(handle(&mut reader, Event::NextChapter), Outcome::Unchanged);
    for &page in opened.iter().rev().skip(1) {
        assert_eq!(handle(&mut reader, Event::PreviousChapter), Outcome::Redraw);
        assert_eq!(reader.page_index(), page);
    }
    assert_eq!(
        handle(&mut reader, Event::PreviousChapter),
        Outcome::Unchanged
    );
    // Inside a chapter, back goes to its own first page.
    handle(&mut reader, Event::Percent(70)); // page 24, in "How to Use This Book"
    assert_eq!(reader.page_index(), 23);
    handle(&mut reader, Event::PreviousChapter);
    assert_eq!(reader.page_index(), 19);
}

#[test]
fn chapter_moves_in_a_book_without_contents_change_nothing() {
    let book = open(ARTICLE);
    let layout = book.layout().unwrap();
    let mut reader = reader(&layout);
    handle(&mut reader, Event::NextPage);
    for event in [
        Event::NextChapter,
        Event::PreviousChapter,
        Event::Chapter(0),
        Event::Contents,
        Event::Select,
    ] {
        assert_eq!(handle(&mut reader, event), Outcome::Unchanged, "{event:?}");
        assert!(!reader.in_contents());
    }
    assert_eq!(reader.page_index(), 1);
}

#[test]
fn percentages_land_where_the_status_line_shows_them() {
    let book = open(BOOK);
    let layout = book.layout().unwrap();
    let mut reader = reader(&layout);
    for percent in 0..=100 {
        handle(&mut reader, Event::Percent(percent));
        let shown = reader.page().unwrap().status().percent.unwrap();
        assert!(shown >= percent, "{percent}% shows as {shown}%");
    }
    assert_eq!(reader.page_index(), 33);
    assert_eq!(handle(&mut reader, Event::Percent(255)), Outcome::Unchanged);
    assert_eq!(handle(&mut reader, Event::Percent(0)), Outcome::Redraw);
    assert_eq!(reader.page_index(), 0);
}

#[test]
fn a_position_inside_a_page_is_kept_and_lands_on_its_page() {
    let book = open(BOOK);
    let layout = book.layout().unwrap();
    let inside = layout.page(20).unwrap().lines().unwrap().nth(3).unwrap();
    let state = ReaderState {
        position: inside.position(),
        ..ReaderState::START
    };
    let reader = Reader::new(&layout, state).unwrap();
    assert_eq!(reader.page_index(), 20);
    assert_eq!(reader.state().position, inside.position());
    // The end of the book is no page's inside: the last page's start stands for it.
    let end = Position::new(book.block_count(), 0);
    let state = ReaderState {
        position: end,
        ..ReaderState::START
    };
    let reader = Reader::new(&layout, state).unwrap();
    assert_eq!(reader.page_index(), 33);
    assert_eq!(reader.state().position, layout.page(33).unwrap().start);
    let outside = ReaderState {
        position: Position::new(book.block_count() + 1, 0),
        ..ReaderState::START
    };
    assert!(matches!(
        Reader::new(&layout, outside),
        Err(Error::PositionOutOfRange(_))
    ));
}

#[test]
fn a_page_shown_carries_its_total_for_the_status_line() {
    let book = open(BOOK);
    let layout = book.layout().unwrap();
    let reader = reader(&layout);
    let status = reader.page().unwrap().status();
    assert_eq!((status.page, status.total), (1, Some(34)));
    assert_eq!(status.chapter.map(|c| c.title), Some("Foreword"));
}

#[test]
fn bookmarks_toggle_at_the_page_start_in_reading_order() {
    let book = open(BOOK);
    let layout = book.layout().unwrap();
    let mut reader = reader(&layout);
    assert_eq!(handle(&mut reader, Event::NextBookmark), Outcome::Unchanged);
    for page in [20, 5, 12] {
        handle(&mut reader, Event::Percent(0));
        for _ in 0..page {
            handle(&mut reader, Event::NextPage);
        }
        assert_eq!(handle(&mut reader, Event::ToggleBookmark), Outcome::Redraw);
    }
    let starts = [5, 12, 20].map(|n| layout.page(n).unwrap().start);
    assert_eq!(reader.state().bookmarks, starts);
    // From page 12: on to 20, wrapping to 5, then 12.
    for expected in [20, 5, 12, 20] {
        assert_eq!(handle(&mut reader, Event::NextBookmark), Outcome::Redraw);
        assert_eq!(reader.page_index(), expected);
    }
    assert_eq!(handle(&mut reader, Event::ToggleBookmark), Outcome::Redraw);
    assert_eq!(reader.state().bookmarks, starts[..2]);
}

#[test]
fn a_lone_bookmark_on_this_page_is_no_move() {
    let book = open(BOOK);
    let layout = book.layout().unwrap();
    let mut reader = reader(&layout);
    handle(&mut reader, Event::ToggleBookmark);
    assert_eq!(handle(&mut reader, Event::NextBookmark), Outcome::Unchanged);
}

#[test]
fn a_ninth_bookmark_is_refused_and_removing_one_makes_room() {
    let book = open(BOOK);
    let layout = book.layout().unwrap();
    let mut reader = reader(&layout);
    for _ in 0..MAX_BOOKMARKS {
        assert_eq!(handle(&mut reader, Event::ToggleBookmark), Outcome::Redraw);
        handle(&mut reader, Event::NextPage);
    }
    let full = reader.state().clone();
    assert_eq!(full.bookmarks.len(), MAX_BOOKMARKS);
    assert_eq!(
        handle(&mut reader, Event::ToggleBookmark),
        Outcome::Unchanged
    );
    assert_eq!(reader.state(), &full);
    handle(&mut reader, Event::PreviousPage);
    assert_eq!(handle(&mut reader, Event::ToggleBookmark), Outcome::Redraw);
    assert_eq!(reader.state().bookmarks.len(), MAX_BOOKMARKS - 1);
    handle(&mut reader, Event::NextPage);
    assert_eq!(handle(&mut reader, Event::ToggleBookmark), Outcome::Redraw);
    assert_eq!(
        reader.state().bookmarks.last(),
        Some(&reader.page().unwrap().start)
    );
}

#[test]
fn a_bookmark_set_in_another_layout_is_removed_from_the_page_holding_it() {
    let book = open(BOOK);
    let layout = book.layout().unwrap();
    let inside = layout
        .page(4)
        .unwrap()
        .lines()
        .unwrap()
        .nth(5)
        .unwrap()
        .position();
    let mut bookmarks = heapless::Vec::new();
    bookmarks.push(inside).unwrap();
    let state = ReaderState {
        bookmarks,
        ..ReaderState::START
    };
    let mut reader = Reader::new(&layout, state).unwrap();
    handle(&mut reader, Event::NextBookmark);
    assert_eq!((reader.page_index(), reader.state().position), (4, inside));
    handle(&mut reader, Event::ToggleBookmark);
    assert!(reader.state().bookmarks.is_empty());
}

#[test]
fn one_display_and_one_size_leave_nothing_to_cycle() {
    let book = open(BOOK);
    let layout = book.layout().unwrap();
    let mut reader = reader(&layout);
    assert_eq!((book.display_count(), book.size_count()), (1, 1));
    for event in [Event::NextDisplay, Event::Larger, Event::Smaller] {
        assert_eq!(handle(&mut reader, event), Outcome::Unchanged, "{event:?}");
    }
    assert_eq!(reader.state(), &ReaderState::START);
}

#[test]
fn the_contents_view_moves_its_highlight_and_selects() {
    let book = open(BOOK);
    let layout = book.layout().unwrap();
    let mut reader = reader(&layout);
    // Page 14 opens in "Students" (entry 4), as its status line says; "Companies" starts on it.
    handle(&mut reader, Event::Percent(40));
    let page = reader.page_index();
    assert_eq!(page, 13);
    assert_eq!(handle(&mut reader, Event::Contents), Outcome::Redraw);
    assert_eq!(reader.highlighted(), Some(4));
    assert_eq!(handle(&mut reader, Event::PreviousPage), Outcome::Redraw);
    assert_eq!(reader.highlighted(), Some(3));
    // Page moves stay in the view; others do nothing there.
    for event in [Event::NextChapter, Event::Percent(0), Event::ToggleBookmark] {
        assert_eq!(handle(&mut reader, event), Outcome::Unchanged);
    }
    assert_eq!(reader.page_index(), page);
    assert_eq!(handle(&mut reader, Event::FirstPage), Outcome::Redraw);
    assert_eq!(handle(&mut reader, Event::PreviousPage), Outcome::Unchanged);
    assert_eq!(handle(&mut reader, Event::LastPage), Outcome::Redraw);
    assert_eq!(handle(&mut reader, Event::NextPage), Outcome::Unchanged);
    assert_eq!(reader.highlighted(), Some(11));
    assert_eq!(handle(&mut reader, Event::Select), Outcome::Redraw);
    assert!(!reader.in_contents());
    assert_eq!(reader.page_index(), 33);
    // Opening and closing changes no page.
    handle(&mut reader, Event::Contents);
    assert_eq!(handle(&mut reader, Event::Contents), Outcome::Redraw);
    assert_eq!((reader.in_contents(), reader.page_index()), (false, 33));
    // In front matter of no chapter the first entry is highlighted; selecting it here
    // closes the view on the same page.
    handle(&mut reader, Event::FirstPage);
    handle(&mut reader, Event::Contents);
    assert_eq!(reader.highlighted(), Some(0));
    assert_eq!(handle(&mut reader, Event::Select), Outcome::Redraw);
    assert_eq!(reader.page_index(), 0);
}

#[test]
fn next_display_cycles_the_baked_displays_and_keeps_the_place() {
    let book = open(TWO_DISPLAYS);
    assert_eq!(book.display_count(), 2);
    let profiles = [0, 1].map(|n| book.display(n).unwrap());
    assert_eq!(
        profiles.map(|p| (p.width, p.height)),
        [(400, 300), (296, 128)]
    );
    assert_eq!(book.display(2), None);
    let layouts = profiles.map(|p| Layout::new(&book, p, book.layout_font().unwrap()).unwrap());
    assert!(layouts.iter().all(|layout| layout.page_index().is_some()));
    let mut reader = reader(&layouts[0]);
    handle(&mut reader, Event::Chapter(5)); // "Companies"
    let place = reader.state().position;
    assert_eq!(handle(&mut reader, Event::NextDisplay), Outcome::Relayout);
    assert_eq!(reader.state().display, 1);
    let mut small = Reader::new(&layouts[1], reader.state().clone()).unwrap();
    assert_eq!(small.page_index(), layouts[1].chapter_page(5).unwrap()); // 38 of 96
    assert_eq!(small.state().position, place);
    // Three pages on at 296x128, then back to 400x300: the page holding that place.
    for _ in 0..3 {
        handle(&mut small, Event::NextPage);
    }
    let place = small.state().position;
    assert_eq!(handle(&mut small, Event::NextDisplay), Outcome::Relayout);
    assert_eq!(small.state().display, 0);
    let large = Reader::new(&layouts[0], small.state().clone()).unwrap();
    assert_eq!(large.page_index(), layouts[0].page_of(place).unwrap().index);
    assert!(large.page().unwrap().contains(place));
}

#[test]
fn sizes_step_by_pixels_and_stop_at_both_ends() {
    // The article at 10, 13 and 20 px (the built-in 6x10, 8x13 and 10x20).
    let book = open(include_bytes!(
        "../../../tests/fixtures/sizes/article-three-sizes.inkleaf"
    ));
    let px = |size| book.size_px(size).unwrap();
    let layout = book.layout().unwrap();
    let mut reader = Reader::new(&layout, ReaderState::START).unwrap();
    assert_eq!(handle(&mut reader, Event::Smaller), Outcome::Unchanged);
    let mut seen = heapless::Vec::<u16, 4>::new();
    seen.push(px(reader.state().size)).unwrap();
    while handle(&mut reader, Event::Larger) == Outcome::Relayout {
        seen.push(px(reader.state().size)).unwrap();
    }
    assert_eq!(seen, [10, 13, 20]);
    assert_eq!(handle(&mut reader, Event::Smaller), Outcome::Relayout);
    assert_eq!(px(reader.state().size), 13);
    // One size only: nothing to step to.
    let single = open(BOOK);
    let layout = single.layout().unwrap();
    let mut reader = Reader::new(&layout, ReaderState::START).unwrap();
    assert_eq!(handle(&mut reader, Event::Larger), Outcome::Unchanged);
    assert_eq!(handle(&mut reader, Event::Smaller), Outcome::Unchanged);
}
