//! HTML and XHTML into the content model: an EPUB's chapter files and saved web pages.
//!
//! Markup is parsed as a browser parses it (html5ever, through `dom_query`), so a page with
//! unclosed or stray tags reads as it shows. Each element becomes the block or style it is
//! (see [`read_xhtml`]), in the few CSS properties that change what text means. A web page
//! is read whole or, by default, as the article a reader mode finds in it
//! ([`read_web_page`]). Markup nested past what any browser lays out is refused
//! ([`HtmlError::TooDeep`]).

use dom_query::{Document as Tree, NodeData, NodeRef};

use super::DocBlock;

mod css;
mod elements;
mod error;
mod lists;
mod parse;
mod reader;
mod unset;
mod walk;
mod web;

pub use error::HtmlError;
pub use web::read_web_page;

use css::Sheets;
use parse::{descendants, parse};
use reader::Reader;

/// One (X)HTML document read into blocks: an EPUB spine item, or a web page's body.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Xhtml {
    /// Blocks in reading order.
    pub blocks: Vec<DocBlock>,
    /// Every element `id` (and `<a name>`) in document order, with the index in `blocks` of
    /// the first block at or after it: where a table of contents entry `file#id` starts.
    /// An anchor after the last block has `blocks.len()`.
    pub anchors: Vec<(String, usize)>,
    /// The document's language (`xml:lang` or `lang` on `<html>` or `<body>`), or empty.
    pub language: String,
    /// The document's `<title>`, or empty.
    pub title: String,
    /// What could not be set as the source meant and kept with a stand-in, one line each.
    pub unset: Vec<String>,
}

/// Reads `markup` into blocks. `stylesheet` returns the text of a stylesheet the document
/// links (`<link rel="stylesheet" href>`), given its `href` as written, if there is one.
///
/// Headings, paragraphs (and text straight inside any box), lists with their numbering,
/// quotes, code blocks (`<pre>`, white space kept, labelled by `<code class="language-x">`),
/// rules and table rows become the blocks they are; `<dt>` is a bold paragraph and `<dd>`
/// nests one level, as a list item without a marker, which is how browsers indent it;
/// a caption (`<figcaption>`, `<caption>`) is an italic paragraph. Emphasis, strong text,
/// code, links and struck text are styled; an image is `[image: alt]` in italics. What is
/// never shown (`<head>`, scripts, styles, templates, comments, `display: none`,
/// `hidden`) is left out.
///
/// Markup whose elements nest more than 2,048 deep is refused with
/// [`HtmlError::TooDeep`].
///
/// ```
/// use inkleaf::text::BlockKind;
/// use inkleaf_cli::input::html::read_xhtml;
///
/// let read = read_xhtml("<h1 id=top>Hello</h1><p>A <em>fine</em> day.", &|_| None)?;
/// assert_eq!(read.blocks[0].kind, BlockKind::Heading(1));
/// assert_eq!(read.blocks[1].text, "A fine day.");
/// assert_eq!(read.anchors, [("top".to_owned(), 0)]);
/// # Ok::<(), inkleaf_cli::input::html::HtmlError>(())
/// ```
pub fn read_xhtml(
    markup: &str,
    stylesheet: &dyn Fn(&str) -> Option<String>,
) -> Result<Xhtml, HtmlError> {
    Ok(read_tree(&parse(markup)?, stylesheet))
}

/// Reads a parsed document into blocks.
fn read_tree(tree: &Tree, stylesheet: &dyn Fn(&str) -> Option<String>) -> Xhtml {
    let head = Head::of(tree.root(), stylesheet);
    let mut reader = Reader::default();
    walk::walk(tree.root(), &head.sheets, &mut reader);
    reader.finish();
    Xhtml {
        unset: reader.unset.lines(),
        blocks: reader.blocks,
        anchors: reader.anchors,
        language: head.language,
        title: head.title,
    }
}

/// What a document says before its text is read: its stylesheets, title and language.
#[derive(Default)]
struct Head {
    sheets: Sheets,
    title: String,
    language: String,
}

impl Head {
    fn of(root: NodeRef<'_>, stylesheet: &dyn Fn(&str) -> Option<String>) -> Head {
        let mut head = Head::default();
        for node in descendants(root) {
            let Some(name) = node.node_name() else {
                continue;
            };
            match &*name {
                "style" => head.sheets.add(&own_text(&node)),
                "link" if is_stylesheet(&node) => {
                    if let Some(css) = node.attr("href").and_then(|href| stylesheet(&href)) {
                        head.sheets.add(&css);
                    }
                }
                "title" if head.title.is_empty() => {
                    head.title = own_text(&node)
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ");
                }
                "html" | "body" => {
                    let lang = node.attr("xml:lang").or_else(|| node.attr("lang"));
                    if let Some(lang) = lang.filter(|l| !l.trim().is_empty()) {
                        head.language = lang.trim().to_owned();
                    }
                }
                _ => {}
            }
        }
        head
    }
}

fn is_stylesheet(link: &NodeRef<'_>) -> bool {
    link.attr("rel").is_some_and(|rel| {
        rel.split_whitespace()
            .any(|r| r.eq_ignore_ascii_case("stylesheet"))
    })
}

/// The text of a node's text children (a `<style>`'s or `<title>`'s).
fn own_text(node: &NodeRef<'_>) -> String {
    node.children_it(false)
        .filter_map(|child| {
            child.query(|n| match &n.data {
                NodeData::Text { contents } => Some(contents.to_string()),
                _ => None,
            })
        })
        .flatten()
        .collect()
}

#[cfg(test)]
mod tests;
