//! The tree walked in document order with an explicit stack: markup nested tens of
//! thousands deep reads in the space its tree takes, never the thread's stack.

use dom_query::{NodeData, NodeRef};

use super::css::Sheets;
use super::elements::{role, Role};
use super::lists::Numbering;
use super::reader::{Facts, Reader};

enum Step<'a> {
    Enter(NodeRef<'a>),
    Leave,
}

/// Reads every node under `root` into `reader`, styled by `sheets`.
pub(super) fn walk(root: NodeRef<'_>, sheets: &Sheets, reader: &mut Reader) {
    let mut steps = vec![Step::Enter(root)];
    while let Some(step) = steps.pop() {
        let node = match step {
            Step::Leave => {
                reader.leave();
                continue;
            }
            Step::Enter(node) => node,
        };
        let kind = node.query(|n| match &n.data {
            NodeData::Text { contents } => Some(Err(contents.to_string())),
            NodeData::Element(element) => Some(Ok(element.node_name().to_string())),
            NodeData::Document | NodeData::Fragment => Some(Ok(String::new())),
            _ => None,
        });
        let name = match kind.flatten() {
            Some(Err(text)) => {
                reader.text(&text);
                continue;
            }
            Some(Ok(name)) => name,
            None => continue,
        };
        if !name.is_empty() && !enter(&node, &name, sheets, reader) {
            continue;
        }
        if !name.is_empty() {
            steps.push(Step::Leave);
        }
        steps.extend(node.children_it(true).map(Step::Enter));
    }
}

/// Enters the element `node` named `name`: whether its content is to be read.
fn enter(node: &NodeRef<'_>, name: &str, sheets: &Sheets, reader: &mut Reader) -> bool {
    let role = match role(name) {
        Role::Inline(_) if name == "input" || name == "textarea" => Role::Hidden,
        role => role,
    };
    let style = node.attr("style");
    let declared = sheets.declared(node, style.as_deref());
    if role == Role::Hidden || declared.hidden == Some(true) || node.has_attr("hidden") {
        return false;
    }
    for id in [
        node.attr("id"),
        (name == "a").then(|| node.attr("name")).flatten(),
    ]
    .into_iter()
    .flatten()
    {
        reader.anchor(&id);
    }
    let mut facts = Facts {
        italic: declared.italic,
        bold: declared.bold,
        mono: declared.mono,
        keep_spaces: declared.keep_spaces,
        link: name == "a" && node.has_attr("href"),
        ..Facts::default()
    };
    match role {
        Role::Image => facts.alt = node.attr("alt").map(|a| a.to_string()).unwrap_or_default(),
        Role::List { numbered } => {
            facts.numbering = numbering(node, numbered);
            facts.lettered = numbered
                && node
                    .attr("type")
                    .is_some_and(|t| matches!(&*t, "a" | "A" | "i" | "I"));
        }
        Role::Item => facts.value = int_attr(node, "value"),
        Role::Pre => facts.label = code_label(node),
        Role::Row => {
            let mut cells = node.element_children().into_iter().peekable();
            facts.header_row =
                cells.peek().is_some() && cells.all(|c| c.node_name().is_some_and(|n| &*n == "th"));
        }
        _ => {}
    }
    if matches!(role, Role::Rule | Role::Break | Role::Image) {
        reader.empty(role, &facts);
        return false;
    }
    reader.enter(role, &facts);
    true
}

fn int_attr(node: &NodeRef<'_>, name: &str) -> Option<i64> {
    node.attr(name)?.trim().parse().ok()
}

/// A list's numbering, and whether its items hold paragraphs (a loose list).
fn numbering(node: &NodeRef<'_>, numbered: bool) -> Numbering {
    let items: Vec<NodeRef<'_>> = node
        .element_children()
        .into_iter()
        .filter(|c| c.node_name().is_some_and(|n| &*n == "li"))
        .collect();
    let loose = items.iter().any(holds_paragraph);
    Numbering {
        numbered,
        start: int_attr(node, "start"),
        reversed: node.has_attr("reversed"),
        items: items.len(),
        loose,
    }
}

/// Whether a list item holds a paragraph of its own, straight inside it or inside the boxes
/// around its text (`<li><div><p>`, as pandoc writes a footnote): browsers set it apart
/// alike. Paragraphs of a list nested in the item are that list's.
fn holds_paragraph(item: &NodeRef<'_>) -> bool {
    let mut boxes = vec![*item];
    while let Some(node) = boxes.pop() {
        for child in node.element_children() {
            match child.node_name().as_deref() {
                Some("p") => return true,
                Some("ul" | "ol" | "menu" | "dir") => {}
                _ => boxes.push(child),
            }
        }
    }
    false
}

/// The language of a `<pre>`'s code: `x` of a `language-x` (or `lang-x`) class on it or
/// on the `<code>` inside it.
fn code_label(node: &NodeRef<'_>) -> String {
    let code = node
        .first_element_child()
        .filter(|c| c.node_name().is_some_and(|n| &*n == "code"));
    [Some(*node), code]
        .into_iter()
        .flatten()
        .filter_map(|n| n.attr("class"))
        .flat_map(|class| {
            class
                .split_whitespace()
                .filter_map(|c| c.strip_prefix("language-").or(c.strip_prefix("lang-")))
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .next()
        .unwrap_or_default()
}
