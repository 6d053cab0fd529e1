//! Tables of contents for what has none of its own: from a text's headings, and from several
//! inputs read as the chapters of one book.

use inkleaf::text::BlockKind;

use super::{Chapter, Document};

/// Gives `doc` a table of contents made of its headings, unless it has one (an EPUB's).
///
/// Only headings outside lists and quotes count. Their levels are ranked, so a text whose
/// headings are `##` and `###` gets chapters of level 1 and 2. None opens a new page: an
/// article's sections run on, as they were written to.
pub fn chapters_from_headings(doc: &mut Document) {
    if !doc.chapters.is_empty() {
        return;
    }
    let headings: Vec<(usize, u8)> = doc
        .blocks
        .iter()
        .enumerate()
        .filter_map(|(i, b)| match b.kind {
            BlockKind::Heading(level) if b.nesting.depth() == 0 => Some((i, level)),
            _ => None,
        })
        .collect();
    let mut used: Vec<u8> = headings.iter().map(|&(_, level)| level).collect();
    used.sort_unstable();
    used.dedup();
    doc.chapters = headings
        .into_iter()
        .filter_map(|(block, level)| {
            let title = one_line(&doc.blocks[block].text);
            let rank = used.iter().position(|&l| l == level).unwrap_or(0) as u8 + 1;
            (!title.is_empty()).then(|| Chapter {
                title,
                level: rank.min(Chapter::MAX_LEVEL),
                block,
                new_page: false,
                language: String::new(),
            })
        })
        .collect();
}

/// Joins several documents into one book, in the order given: each is a chapter of level
/// 1 that opens a new page, titled by its first heading or else its own title (its file
/// name), with its own table of contents nested below. The book takes its metadata from the
/// first document; a chapter in another language than the first says so.
pub fn join_as_chapters(docs: Vec<Document>) -> Document {
    let mut book = Document::default();
    for (n, doc) in docs.into_iter().enumerate() {
        if n == 0 {
            book = Document {
                blocks: Vec::new(),
                chapters: Vec::new(),
                unset: Vec::new(),
                ..doc.clone()
            };
        }
        append_chapter(&mut book, doc);
    }
    book
}

fn append_chapter(book: &mut Document, mut doc: Document) {
    chapters_from_headings(&mut doc);
    let first = book.blocks.len();
    let language = if doc.language == book.language {
        String::new()
    } else {
        doc.language.clone()
    };
    let title = first_heading(&doc)
        .or_else(|| Some(doc.title.clone()).filter(|t| !t.is_empty()))
        .unwrap_or_else(|| doc.source.clone());
    book.chapters.push(Chapter {
        title: title.clone(),
        level: 1,
        block: first,
        new_page: true,
        language: language.clone(),
    });
    // The heading that titles the chapter is the chapter itself, not a section of it.
    let sections: Vec<Chapter> = doc
        .chapters
        .into_iter()
        .filter(|c| !(c.block == 0 && c.title == title))
        .collect();
    // The shallowest section sits one level below the chapter.
    let top = sections.iter().map(|c| c.level).min().unwrap_or(1);
    for chapter in sections {
        book.chapters.push(Chapter {
            level: (chapter.level - top + 2).min(Chapter::MAX_LEVEL),
            block: first + chapter.block,
            language: if chapter.language.is_empty() {
                language.clone()
            } else {
                chapter.language
            },
            ..chapter
        });
    }
    book.blocks.extend(doc.blocks);
    book.unset.extend(doc.unset);
}

/// The text of the document's first block when it is a heading outside lists and quotes.
fn first_heading(doc: &Document) -> Option<String> {
    let first = doc.blocks.first()?;
    let heading = matches!(first.kind, BlockKind::Heading(_)) && first.nesting.depth() == 0;
    heading
        .then(|| one_line(&first.text))
        .filter(|t| !t.is_empty())
}

/// A heading's text on one line: hard breaks become spaces.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{parse_markdown, DocBlock};

    fn titles(doc: &Document) -> Vec<(&str, u8, usize, bool)> {
        doc.chapters
            .iter()
            .map(|c| (c.title.as_str(), c.level, c.block, c.new_page))
            .collect()
    }

    #[test]
    fn headings_are_ranked_and_run_on() {
        let mut doc = parse_markdown("## One\n\ntext\n\n### One.a\n\n> # quoted\n\n## Two\n");
        chapters_from_headings(&mut doc);
        assert_eq!(
            titles(&doc),
            [
                ("One", 1, 0, false),
                ("One.a", 2, 2, false),
                ("Two", 1, 4, false)
            ]
        );
    }

    #[test]
    fn a_plain_text_has_no_chapters() {
        let mut doc = crate::input::parse_text("one\n\ntwo\n");
        chapters_from_headings(&mut doc);
        assert!(doc.chapters.is_empty());
    }

    #[test]
    fn inputs_become_chapters_titled_by_heading_or_name() {
        let first = parse_markdown("# Getting started\n\nHello.\n\n## Install\n\nRun it.\n");
        let mut second = crate::input::parse_text("Just text.\n");
        second.title = "Notes".into();
        second.language = "de".into();
        let book = join_as_chapters(vec![first, second]);
        assert_eq!(
            titles(&book),
            [
                ("Getting started", 1, 0, true),
                ("Install", 2, 2, false),
                ("Notes", 1, 4, true)
            ]
        );
        assert_eq!(book.chapters[2].language, "de");
        assert_eq!(book.chapters[1].language, "");
        assert_eq!(book.blocks.len(), 5);
        assert_eq!(book.language, "en");
    }

    #[test]
    fn a_book_among_inputs_keeps_its_contents_one_level_down() {
        let mut epub = Document {
            title: "A Book".into(),
            blocks: vec![DocBlock::plain(BlockKind::Paragraph, "Cover.")],
            ..Document::default()
        };
        epub.chapters.push(Chapter {
            title: "Cover".into(),
            level: 1,
            block: 0,
            new_page: true,
            language: String::new(),
        });
        let mut intro = crate::input::parse_text("Intro.\n");
        intro.source = "intro.txt".into();
        let book = join_as_chapters(vec![intro, epub]);
        assert_eq!(
            titles(&book),
            [
                ("intro.txt", 1, 0, true),
                ("A Book", 1, 1, true),
                ("Cover", 2, 1, true)
            ]
        );
    }
}
