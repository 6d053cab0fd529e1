//! Markup into a tree, as a browser builds it from HTML; and the tree's nodes in order,
//! without recursion.
//!
//! XHTML goes through the same HTML parser, as calibre and most reading systems read EPUB
//! chapters: it tolerates what an XML parser would refuse (an HTML entity, a stray `&`).
//! The one construct the two read differently is a self-closed element other than a void
//! one (`<a id="x"/>`, `<div/>`): XML closes it, HTML leaves it open around what follows.
//! Such tags are written out as an open and a close tag first.
//!
//! Markup nested deeper than [`DEEPEST`] is refused: html5ever's tree builder searches the
//! open elements at every tag, so its time grows with the square of the depth (50,000
//! nested `<div>` take seconds). The markup goes to the parser in pieces and the depth of
//! the tree is looked at after each, so such markup stops being parsed a piece after it
//! passes the limit.

use dom_query::{Document, NodeRef, Tree};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::TreeBuilderOpts;
use html5ever::{parse_document, ParseOpts};

use super::HtmlError;

/// How deep elements may nest, `<html>` and `<body>` counted. Browsers lay out no deeper
/// than 512 (Blink and WebKit hang deeper elements beside the 512th); real books and pages
/// nest a few dozen deep. Four times the browsers' room keeps odd but honest markup, and
/// parses in milliseconds.
pub(super) const DEEPEST: usize = 2048;

/// The length of the pieces markup is parsed in: a piece nests at most a few thousand
/// elements deeper, which the parser takes milliseconds over.
const PIECE: usize = 4096;

/// The tree of `markup`, or why it cannot be read.
pub(super) fn parse(markup: &str) -> Result<Document, HtmlError> {
    if is_xhtml(markup) {
        parse_html(&close_self_closed(markup))
    } else {
        parse_html(markup)
    }
}

/// `markup` parsed as `dom_query::Document::from` parses it, in pieces, refused once the
/// tree nests deeper than [`DEEPEST`].
fn parse_html(markup: &str) -> Result<Document, HtmlError> {
    let options = ParseOpts {
        tree_builder: TreeBuilderOpts {
            scripting_enabled: false,
            ..TreeBuilderOpts::default()
        },
        ..ParseOpts::default()
    };
    let mut parser = parse_document(Document::default(), options);
    let mut rest = markup;
    while !rest.is_empty() {
        let mut end = PIECE.min(rest.len());
        while !rest.is_char_boundary(end) {
            end += 1;
        }
        let (piece, after) = rest.split_at(end);
        parser.process(StrTendril::from(piece));
        // The elements still open are the tree's last children, one inside the other.
        if open_depth(&parser.tokenizer.sink.sink.tree) > DEEPEST {
            return Err(HtmlError::TooDeep(DEEPEST));
        }
        rest = after;
    }
    let tree = parser.finish();
    if depth(tree.root()) > DEEPEST {
        return Err(HtmlError::TooDeep(DEEPEST));
    }
    Ok(tree)
}

/// How many elements nest along the tree's last children, from its root down.
fn open_depth(tree: &Tree) -> usize {
    let mut depth = 0;
    let mut at = tree.root();
    while let Some(last) = at.last_child() {
        depth += usize::from(last.is_element());
        at = last;
    }
    depth
}

/// How deep elements nest under `root`, found through the tree's links: no recursion and
/// no stack.
pub(super) fn depth(root: NodeRef<'_>) -> usize {
    let (mut deepest, mut depth) = (0, 0);
    let mut at = root;
    loop {
        if let Some(child) = at.first_child() {
            at = child;
            depth += 1;
        } else {
            loop {
                if at.id == root.id {
                    return deepest;
                }
                if let Some(sibling) = at.next_sibling() {
                    at = sibling;
                    break;
                }
                match at.parent() {
                    Some(parent) => at = parent,
                    None => return deepest,
                }
                depth -= 1;
            }
        }
        if at.is_element() {
            deepest = deepest.max(depth);
        }
    }
}

/// Whether `markup` declares itself XML: an XML declaration, or the XHTML namespace near
/// its start.
fn is_xhtml(markup: &str) -> bool {
    let start = markup.trim_start_matches(['\u{FEFF}', ' ', '\t', '\r', '\n']);
    let head = start
        .char_indices()
        .nth(2048)
        .map_or(start, |(at, _)| &start[..at]);
    start.starts_with("<?xml") || head.contains("http://www.w3.org/1999/xhtml")
}

/// Elements that never have content: a self-closed one is what HTML reads anyway.
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// `markup` with every `<name .../>` of a non-void element written `<name ...></name>`.
fn close_self_closed(markup: &str) -> String {
    let mut out = String::with_capacity(markup.len() + markup.len() / 16);
    let mut rest = markup;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        rest = &rest[lt..];
        let (taken, written) = if rest.starts_with("<!--") {
            (rest.find("-->").map_or(rest.len(), |end| end + 3), None)
        } else if rest.starts_with("<![CDATA[") {
            (rest.find("]]>").map_or(rest.len(), |end| end + 3), None)
        } else {
            tag(rest)
        };
        let (read, after) = rest.split_at(taken.min(rest.len()));
        out.push_str(written.as_deref().unwrap_or(read));
        rest = after;
    }
    out.push_str(rest);
    out
}

/// The tag at the start of `rest` (which starts with `<`): the bytes it takes, and what to
/// write for it when it is a self-closed non-void element (else it is copied as it is).
fn tag(rest: &str) -> (usize, Option<String>) {
    let name_len = rest[1..]
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, ':' | '-' | '_')))
        .unwrap_or(rest.len() - 1);
    let name = &rest[1..1 + name_len];
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return (1, None);
    }
    // The tag ends at the first `>` outside a quoted attribute value.
    let mut quote = None;
    let mut end = rest.len();
    for (at, c) in rest.char_indices().skip(1 + name_len) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => {
                end = at;
                break;
            }
            _ => {}
        }
    }
    let inside = &rest[..end];
    let void = VOID.contains(&name.to_ascii_lowercase().as_str());
    if end == rest.len() || void || !inside.ends_with('/') {
        return ((end + 1).min(rest.len()), None);
    }
    let open = inside.trim_end_matches('/');
    (end + 1, Some(format!("{open}></{name}>")))
}

/// Every node under `root` (itself first) in document order, found through the tree's
/// links: no recursion and no stack, however deep the tree.
pub(super) fn descendants<'a>(root: NodeRef<'a>) -> impl Iterator<Item = NodeRef<'a>> {
    let root_id = root.id;
    let mut next = Some(root);
    std::iter::from_fn(move || {
        let node = next.take()?;
        next = node.first_child().or_else(|| {
            let mut at = node;
            loop {
                if at.id == root_id {
                    return None;
                }
                if let Some(sibling) = at.next_sibling() {
                    return Some(sibling);
                }
                at = at.parent()?;
            }
        });
        Some(node)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn self_closed_elements_close_in_xhtml() {
        let xhtml = "<?xml version=\"1.0\"?><p><a id=\"x\"/>One <br/><span \
                     title=\"a/>b\"/>two<!-- <i/> --></p>";
        assert_eq!(
            close_self_closed(xhtml),
            "<?xml version=\"1.0\"?><p><a id=\"x\"></a>One <br/><span \
             title=\"a/>b\"></span>two<!-- <i/> --></p>"
        );
        assert_eq!(close_self_closed("a < b <3 <"), "a < b <3 <");
    }

    #[test]
    fn html_keeps_its_own_reading() {
        assert!(!is_xhtml("<!DOCTYPE html><p>x"));
        assert!(is_xhtml("\u{FEFF}<?xml version='1.0'?><html>"));
        assert!(is_xhtml(
            "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>"
        ));
    }

    #[test]
    fn descendants_come_in_document_order() {
        let doc = Document::from("<p>a<b>b</b>c</p><p>d</p>");
        let text: String = descendants(doc.root())
            .filter(|n| n.is_text())
            .map(|n| n.text().to_string())
            .collect();
        assert_eq!(text, "abcd");
    }
}
