//! What each HTML element is to the content model.

use inkleaf::text::Style;

/// The part an element plays.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Role {
    /// Not shown: its text is left out (`<script>`, `<head>`, ...).
    Hidden,
    /// A box of its own: the text before and after it are other blocks, and text directly
    /// inside it is a paragraph (`<p>`, `<div>`, `<section>`, `<body>`, ...).
    Block,
    /// A heading of this level.
    Heading(u8),
    /// Preformatted text: a code block.
    Pre,
    /// A quote: its blocks nest one quote deeper.
    Quote,
    /// A list, numbered or not.
    List { numbered: bool },
    /// A list item: its first block carries the marker.
    Item,
    /// A term of a definition list: a bold paragraph.
    Term,
    /// A definition: its blocks nest one level deeper, without a marker.
    Definition,
    /// A caption (`<figcaption>`, a table's `<caption>`): an italic paragraph.
    Caption,
    /// A thematic break.
    Rule,
    /// A line break.
    Break,
    /// An image: a stand-in with its alt text.
    Image,
    /// A table, or a group of its rows.
    Table,
    /// A table's header rows.
    TableHead,
    /// A table row.
    Row,
    /// A cell, a header cell or not.
    Cell { header: bool },
    /// Inline text in this style (plain for `<span>` and any element not named here).
    Inline(Style),
}

/// The role of the element named `name` (a lowercase local name).
pub(super) fn role(name: &str) -> Role {
    match name {
        "head" | "script" | "style" | "template" | "title" | "meta" | "link" | "base"
        | "iframe" | "noembed" | "noframes" | "datalist" | "param" | "source" | "track" => {
            Role::Hidden
        }
        "h1" => Role::Heading(1),
        "h2" => Role::Heading(2),
        "h3" => Role::Heading(3),
        "h4" => Role::Heading(4),
        "h5" => Role::Heading(5),
        "h6" => Role::Heading(6),
        "pre" | "listing" | "xmp" | "plaintext" => Role::Pre,
        "blockquote" => Role::Quote,
        "ul" | "menu" | "dir" => Role::List { numbered: false },
        "ol" => Role::List { numbered: true },
        "li" => Role::Item,
        "dt" => Role::Term,
        "dd" => Role::Definition,
        "figcaption" | "caption" => Role::Caption,
        "hr" => Role::Rule,
        "br" => Role::Break,
        "img" => Role::Image,
        "table" | "tbody" | "tfoot" => Role::Table,
        "thead" => Role::TableHead,
        "tr" => Role::Row,
        "td" => Role::Cell { header: false },
        "th" => Role::Cell { header: true },
        "em" | "i" | "cite" | "var" | "dfn" | "address" => Role::Inline(Style::ITALIC),
        "strong" | "b" => Role::Inline(Style::BOLD),
        "code" | "kbd" | "samp" | "tt" => Role::Inline(Style::MONO),
        "s" | "strike" | "del" => Role::Inline(Style::STRIKE),
        _ if is_block(name) => Role::Block,
        _ => Role::Inline(Style::PLAIN),
    }
}

/// Elements browsers lay out as blocks, beyond those with a role of their own.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "html"
            | "body"
            | "p"
            | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "nav"
            | "aside"
            | "center"
            | "details"
            | "summary"
            | "dialog"
            | "dl"
            | "figure"
            | "fieldset"
            | "legend"
            | "form"
            | "hgroup"
            | "search"
            | "option"
            | "optgroup"
            | "frameset"
            | "frame"
    )
}
