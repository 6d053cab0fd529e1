//! Which characters each face of a family sets in a document.

use std::collections::BTreeSet;

use inkleaf::font::Face;
use inkleaf::text::{BlockKind, Marker, Style};

use crate::input::{DocBlock, Document};

/// The characters each face sets in `doc`, indexed by `Face as usize`: every run's text in
/// [`Face::of`] its block's kind and its style, text past the last run plain, and list
/// markers in the regular face. Faces that set nothing have an empty set.
///
/// ```
/// use inkleaf::font::Face;
/// use inkleaf::text::{BlockKind, Run, Style};
/// use inkleaf_cli::fonts::chars_by_face;
/// use inkleaf_cli::input::{DocBlock, Document};
///
/// let mut block = DocBlock::plain(BlockKind::Paragraph, "a *b* c");
/// block.runs = vec![Run { len: 2, style: Style::PLAIN }, Run { len: 3, style: Style::ITALIC }];
/// let doc = Document { blocks: vec![block], ..Document::default() };
/// let chars = chars_by_face(&doc);
/// assert_eq!(chars[Face::Italic as usize].iter().collect::<String>(), "*b");
/// assert_eq!(chars[Face::Regular as usize].iter().collect::<String>(), " ac");
/// assert!(chars[Face::Bold as usize].is_empty());
/// ```
pub fn chars_by_face(doc: &Document) -> [BTreeSet<char>; Face::COUNT] {
    let mut chars: [BTreeSet<char>; Face::COUNT] = Default::default();
    for block in &doc.blocks {
        for (style, text) in styled_parts(block) {
            chars[Face::of(block.kind, style) as usize].extend(text.chars());
        }
        if let BlockKind::ListItem { marker, .. } = block.kind {
            chars[Face::Regular as usize].extend(marker_chars(marker));
        }
    }
    chars
}

/// The characters to pack for `doc`, face by face: [`chars_by_face`], with the regular face
/// always packed (a blob's faces start with it, and its footer is drawn in it). With
/// chapters, the regular face also sets what their footer shows: the chapter titles, cut
/// with `...`, and "x / y · p%".
pub fn chars_to_pack(doc: &Document) -> [BTreeSet<char>; Face::COUNT] {
    let mut chars = chars_by_face(doc);
    let regular = &mut chars[Face::Regular as usize];
    regular.insert(' ');
    if !doc.chapters.is_empty() {
        regular.extend(doc.chapters.iter().flat_map(|c| c.title.chars()));
        regular.extend("0123456789/.%\u{b7}".chars());
    }
    chars
}

/// `block`'s text cut at its runs, each part with its style; what follows the last run is
/// plain. A run reaching past the text, or not ending on a character boundary, ends at the
/// next boundary, so no character is left out or counted twice.
fn styled_parts(block: &DocBlock) -> Vec<(Style, &str)> {
    let text = block.text.as_str();
    let mut parts = Vec::with_capacity(block.runs.len() + 1);
    let mut start = 0usize;
    for run in &block.runs {
        let mut end = start.saturating_add(run.len as usize).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        parts.push((run.style, &text[start..end]));
        start = end;
    }
    parts.push((Style::PLAIN, &text[start..]));
    parts
}

/// The characters the engine draws a list marker with: `•` or, one level deeper, `–`; a
/// number and its delimiter.
fn marker_chars(marker: Marker) -> Vec<char> {
    match marker {
        Marker::Bullet(_) => vec!['•', '–'],
        Marker::Number { value, delimiter } => value
            .to_string()
            .chars()
            .chain([char::from(delimiter)])
            .collect(),
        // Drawn as a box, not a character.
        Marker::Task(_) => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::{chars_by_face, Face};
    use crate::input::{DocBlock, Document};
    use inkleaf::text::{BlockKind, Marker, Run, Style};

    fn set(chars: &std::collections::BTreeSet<char>) -> String {
        chars.iter().collect()
    }

    fn block(kind: BlockKind, text: &str, runs: &[(u32, Style)]) -> DocBlock {
        DocBlock {
            runs: runs
                .iter()
                .map(|&(len, style)| Run { len, style })
                .collect(),
            ..DocBlock::plain(kind, text)
        }
    }

    #[test]
    fn each_face_gets_the_characters_it_sets() {
        let doc = Document {
            blocks: vec![
                block(BlockKind::Heading(1), "Title", &[]),
                block(BlockKind::Heading(2), "Sub", &[(3, Style::ITALIC)]),
                block(BlockKind::Heading(4), "Low", &[]),
                block(
                    BlockKind::Paragraph,
                    "plain bold both code",
                    &[
                        (6, Style::PLAIN),
                        (5, Style::BOLD),
                        (5, Style::BOLD.with(Style::ITALIC)),
                        (4, Style::MONO.with(Style::BOLD)),
                    ],
                ),
                block(BlockKind::Code, "fn x", &[]),
                block(BlockKind::TableRow { header: true }, "H", &[]),
                block(
                    BlockKind::ListItem {
                        marker: Marker::Number {
                            value: 7,
                            delimiter: b')',
                        },
                        loose: false,
                    },
                    "é",
                    &[],
                ),
            ],
            ..Document::default()
        };
        let chars = chars_by_face(&doc);
        assert_eq!(set(&chars[Face::Heading1 as usize]), "Teilt");
        assert_eq!(set(&chars[Face::Heading2 as usize]), "Sbu");
        assert_eq!(set(&chars[Face::Bold as usize]), " HLbdlow");
        assert_eq!(set(&chars[Face::BoldItalic as usize]), " bhot");
        assert_eq!(set(&chars[Face::Mono as usize]), " cdefnox");
        assert_eq!(set(&chars[Face::Regular as usize]), " )7ailnpé");
        assert!(chars[Face::Italic as usize].is_empty());
    }

    #[test]
    fn runs_past_the_text_or_inside_a_character_lose_nothing() {
        let doc = Document {
            blocks: vec![block(
                BlockKind::Paragraph,
                "éa",
                &[(1, Style::BOLD), (99, Style::ITALIC)],
            )],
            ..Document::default()
        };
        let chars = chars_by_face(&doc);
        assert_eq!(set(&chars[Face::Bold as usize]), "é");
        assert_eq!(set(&chars[Face::Italic as usize]), "a");
    }
}
