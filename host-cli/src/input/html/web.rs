//! Saved web pages: the article in them, as a browser's reader mode finds it, or the whole
//! page; with the title, byline, date and language the page gives.

use dom_query::Document as Tree;
use dom_smoothie::{Article, Readability};

use super::parse::{depth, descendants, parse};
use super::{read_tree, read_xhtml, HtmlError, Xhtml};
use inkleaf::text::BlockKind;

use crate::input::{DocBlock, Document};

/// Deeper than this, article extraction is not tried: readability walks the tree
/// recursively and would run out of stack. Browsers' parsers nest no deeper than 512.
const DEEPEST_ARTICLE: usize = 400;

/// Reads a saved web page: by default the article in it (readability.js's way: the text
/// block that scores best, without navigation, menus, sidebars and footers), or with
/// `whole_page` everything the page shows. The title, byline and date come from the page's
/// metadata (`og:title`, `author`, `article:published_time`, `<time datetime>`, ...), the
/// language from its `lang`. When no article is found, the whole page is read and
/// [`Document::unset`] says so. Markup nested past the limit [`read_xhtml`] keeps is refused
/// the same way.
///
/// ```
/// use inkleaf_cli::input::html::read_web_page;
///
/// let page = "<html lang=de><title>Hallo</title><body><nav>Home</nav><p>Guten Tag.";
/// let doc = read_web_page(page, true)?;
/// assert_eq!((doc.title.as_str(), doc.language.as_str()), ("Hallo", "de"));
/// assert_eq!(doc.blocks[0].text, "Home");
/// # Ok::<(), inkleaf_cli::input::html::HtmlError>(())
/// ```
pub fn read_web_page(markup: &str, whole_page: bool) -> Result<Document, HtmlError> {
    let tree = parse(markup)?;
    let meta = Readability::with_document(tree.clone(), None, None)
        .map(|r| r.get_article_metadata(None))
        .ok();
    let mut unset = Vec::new();
    let mut article = None;
    if !whole_page {
        article = extract(&tree, &mut unset);
    }
    let title = article.as_ref().map(|(_, a)| a.title.clone());
    let byline = article.as_ref().and_then(|(_, a)| a.byline.clone());
    let read = match article {
        Some((read, _)) => read,
        None => read_tree(&tree, &|_| None),
    };
    unset.extend(read.unset);
    let meta_title = meta.as_ref().map(|m| m.title.clone());
    Ok(Document {
        title: [title, meta_title, Some(read.title)]
            .into_iter()
            .flatten()
            .map(|t| t.trim().to_owned())
            .find(|t| !t.is_empty())
            .unwrap_or_default(),
        byline: byline
            .or_else(|| meta.as_ref().and_then(|m| m.byline.clone()))
            .unwrap_or_default(),
        date: meta
            .as_ref()
            .and_then(|m| m.published_time.clone())
            .or_else(|| time_of(&tree))
            .unwrap_or_default(),
        language: [read.language, meta.and_then(|m| m.lang).unwrap_or_default()]
            .into_iter()
            .find(|l| !l.is_empty())
            .unwrap_or_else(|| "en".to_owned()),
        blocks: read.blocks,
        unset,
        ..Document::default()
    })
}

/// The article in `tree` read into blocks, or `None` with a line in `unset` saying why.
fn extract(tree: &Tree, unset: &mut Vec<String>) -> Option<(Xhtml, Article)> {
    if depth(tree.root()) > DEEPEST_ARTICLE {
        unset.push(format!(
            "the page nests deeper than {DEEPEST_ARTICLE} elements: read whole, \
             without looking for its article"
        ));
        return None;
    }
    let article = Readability::with_document(tree.clone(), None, None)
        .and_then(|mut r| r.parse())
        .ok();
    // The article nests no deeper than the page it was found in.
    let read = article.and_then(|a| Some((read_xhtml(&a.content, &|_| None).ok()?, a)));
    if read.as_ref().is_none_or(|(r, _)| r.blocks.is_empty()) {
        unset.push("no article found in the page: read whole".to_owned());
        return None;
    }
    read.map(|(mut xhtml, article)| {
        restore_title_heading(tree, &article.title, &mut xhtml.blocks);
        (xhtml, article)
    })
}

/// Readability leaves out the heading that repeats the page's title, for a reader mode
/// shows the title above the article. Here the heading is the title the pages show: the
/// page's `<h1>` or `<h2>` whose text is in the title (in any case) goes back first (one inside `<main>`
/// or `<article>` before a site's name in its banner).
fn restore_title_heading(tree: &Tree, title: &str, blocks: &mut Vec<DocBlock>) {
    let title = title.to_lowercase();
    let candidates: Vec<(u8, String, bool)> = descendants(tree.root())
        .filter_map(|n| {
            let level = match &*n.node_name()? {
                "h1" => 1,
                "h2" => 2,
                _ => return None,
            };
            let text = n.text().split_whitespace().collect::<Vec<_>>().join(" ");
            let in_main = n.ancestors_it(None).any(|a| {
                a.node_name()
                    .is_some_and(|name| matches!(&*name, "main" | "article"))
            });
            (!text.is_empty() && title.contains(&text.to_lowercase()))
                .then_some((level, text, in_main))
        })
        .collect();
    let chosen = candidates.iter().find(|c| c.2).or(candidates.first());
    let Some((level, text, _)) = chosen else {
        return;
    };
    if blocks
        .iter()
        .any(|b| b.kind.is_heading() && b.text == *text)
    {
        return;
    }
    blocks.insert(0, DocBlock::plain(BlockKind::Heading(*level), text.clone()));
}

/// The first `<time datetime>` of the page.
fn time_of(tree: &Tree) -> Option<String> {
    descendants(tree.root())
        .filter(|n| n.node_name().is_some_and(|name| &*name == "time"))
        .find_map(|n| n.attr("datetime").map(|d| d.trim().to_owned()))
        .filter(|d| !d.is_empty())
}
