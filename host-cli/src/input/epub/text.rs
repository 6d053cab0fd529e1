//! The text of the book's files: decoding their bytes and parsing the XML ones.

use roxmltree::{Document, ParsingOptions};

use super::EpubError;

/// The text of a file as Unicode, and whether bytes had to be replaced to get it.
///
/// EPUB files are UTF-8 or UTF-16 (the OCF and XHTML specs allow both); UTF-16 is told by
/// its byte order mark. Anything else is decoded lossily: a few replaced characters in a
/// chapter are better than no book, and the caller says so.
pub(super) fn decode(bytes: &[u8]) -> (String, bool) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return decode_utf8(rest);
    }
    let utf16 = match bytes {
        [0xFF, 0xFE, rest @ ..] => Some((rest, u16::from_le_bytes as fn([u8; 2]) -> u16)),
        [0xFE, 0xFF, rest @ ..] => Some((rest, u16::from_be_bytes as fn([u8; 2]) -> u16)),
        _ => None,
    };
    match utf16 {
        Some((rest, unit)) => {
            let units = rest.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
            let text: String = char::decode_utf16(units)
                .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
                .collect();
            let odd = rest.len() % 2 != 0;
            let replaced = odd || text.contains(char::REPLACEMENT_CHARACTER);
            (text, replaced)
        }
        None => decode_utf8(bytes),
    }
}

fn decode_utf8(bytes: &[u8]) -> (String, bool) {
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_owned(), false),
        Err(_) => (String::from_utf8_lossy(bytes).into_owned(), true),
    }
}

/// The most nodes one XML file of the package may have. A table of contents of a
/// thousand-chapter book has tens of thousands; this bounds the memory a hostile file takes.
const NODES_LIMIT: u32 = 1_000_000;

/// Parses `text`, the content of `path`, as XML. DTDs are allowed (EPUB 2's NCX declares
/// one); the parser bounds entity expansion, so a "billion laughs" fails instead.
pub(super) fn parse_xml<'t>(path: &str, text: &'t str) -> Result<Document<'t>, EpubError> {
    let options = ParsingOptions {
        allow_dtd: true,
        nodes_limit: NODES_LIMIT,
        ..ParsingOptions::default()
    };
    Document::parse_with_options(text, options).map_err(|e| EpubError::BadXml {
        path: path.to_owned(),
        reason: e.to_string(),
    })
}

/// Whether `node` is an element named `local`, in whatever namespace: books in the wild
/// get their namespaces wrong more often than their element names.
pub(super) fn is(node: roxmltree::Node<'_, '_>, local: &str) -> bool {
    node.is_element() && node.tag_name().name() == local
}

/// Every element under `top` in document order, with how many elements named `local` hold
/// it, counting itself, up to `top`. Without recursion: a hostile file may nest thousands
/// deep.
pub(super) fn with_depth<'a, 'i>(
    top: roxmltree::Node<'a, 'i>,
    local: &str,
) -> Vec<(roxmltree::Node<'a, 'i>, usize)> {
    let mut depths = std::collections::HashMap::new();
    let mut out = Vec::new();
    for node in top.descendants().filter(|n| n.is_element()) {
        let above = node
            .parent()
            .filter(|_| node != top)
            .and_then(|p| depths.get(&p.id()).copied())
            .unwrap_or(0);
        let depth = above + usize::from(is(node, local));
        depths.insert(node.id(), depth);
        out.push((node, depth));
    }
    out
}

/// The text inside `node` with runs of whitespace collapsed to one space and trimmed: a
/// title as a table of contents shows it.
pub(super) fn collapsed_text(node: roxmltree::Node<'_, '_>) -> String {
    let raw: String = node
        .descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect();
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_order_marks_choose_the_encoding() {
        assert_eq!(decode(b"\xEF\xBB\xBFabc"), ("abc".into(), false));
        assert_eq!(decode(b"\xFF\xFEa\0\xE9\0"), ("aé".into(), false));
        assert_eq!(decode(b"\xFE\xFF\0a\0\xE9"), ("aé".into(), false));
        assert_eq!(decode(b"caf\xE9"), ("caf\u{FFFD}".into(), true));
    }

    #[test]
    fn titles_join_their_text_nodes_and_collapse_whitespace() {
        let doc = parse_xml("t", "<a>\n  Chap<b>ter</b> <i>One</i>\n\t: x </a>").unwrap();
        assert_eq!(collapsed_text(doc.root_element()), "Chapter One : x");
    }

    #[test]
    fn entity_expansion_is_bounded() {
        let mut dtd = String::from("<!DOCTYPE a [<!ENTITY e0 \"lol\">");
        for i in 1..10 {
            let refs = format!("&e{};", i - 1).repeat(10);
            dtd.push_str(&format!("<!ENTITY e{i} \"{refs}\">"));
        }
        let bomb = format!("{dtd}]><a>&e9;</a>");
        assert!(matches!(
            parse_xml("x.opf", &bomb),
            Err(EpubError::BadXml { .. })
        ));
    }
}
