//! The little CSS that changes what text means: italic, bold, monospace, hidden, and white
//! space kept.
//!
//! Declarations read: `font-style`, `font-weight`, `font-family` (monospace only), the `font`
//! shorthand's words for those, `display: none` and `white-space`. Any selector the
//! `selectors` engine behind `dom_query` matches is honoured (type, class, id, attribute,
//! compound, descendant and child combinators); one it cannot parse, or a pseudo-element, is
//! skipped. Rules inside at-rules (`@media`, `@supports`, ...) and `@import`ed sheets are
//! skipped, `!important` is not given priority: a rule wins by specificity, then order, and
//! the `style` attribute over any rule, as in CSS 2.

use dom_query::{Matcher, NodeRef};

/// What the declarations that apply to an element say; `None` where none does.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Declared {
    pub(super) italic: Option<bool>,
    pub(super) bold: Option<bool>,
    pub(super) mono: Option<bool>,
    pub(super) hidden: Option<bool>,
    pub(super) keep_spaces: Option<bool>,
}

impl Declared {
    /// A declaration block's text (`font-style: italic; display: none`).
    pub(super) fn parse(block: &str) -> Declared {
        let mut out = Declared::default();
        for declaration in block.split(';') {
            let Some((name, value)) = declaration.split_once(':') else {
                continue;
            };
            let value = value.trim().to_ascii_lowercase();
            let value = value.trim_end_matches("!important").trim();
            out.declare(&name.trim().to_ascii_lowercase(), value);
        }
        out
    }

    fn declare(&mut self, name: &str, value: &str) {
        match name {
            "font-style" => self.italic = italic(value),
            "font-weight" => self.bold = bold(value),
            "font-family" => self.mono = mono(value),
            "font" => {
                for word in value.split([' ', ',']) {
                    self.italic = italic(word).or(self.italic);
                    self.bold = bold(word).filter(|b| *b).or(self.bold);
                }
                self.mono = mono(value).or(self.mono);
            }
            "display" => self.hidden = Some(value == "none"),
            "white-space" => {
                self.keep_spaces = Some(matches!(value, "pre" | "pre-wrap" | "break-spaces"))
            }
            _ => {}
        }
    }

    /// These declarations with `over`'s on top where it has any.
    pub(super) fn and(self, over: Declared) -> Declared {
        Declared {
            italic: over.italic.or(self.italic),
            bold: over.bold.or(self.bold),
            mono: over.mono.or(self.mono),
            hidden: over.hidden.or(self.hidden),
            keep_spaces: over.keep_spaces.or(self.keep_spaces),
        }
    }
}

fn italic(value: &str) -> Option<bool> {
    match value {
        "italic" | "oblique" => Some(true),
        "normal" => Some(false),
        _ if value.starts_with("oblique ") => Some(true),
        _ => None,
    }
}

fn bold(value: &str) -> Option<bool> {
    match value {
        "bold" | "bolder" => Some(true),
        "normal" | "lighter" => Some(false),
        _ => value.parse::<u16>().ok().map(|weight| weight >= 600),
    }
}

/// Only a monospaced family says something; any other family leaves code in its face.
fn mono(value: &str) -> Option<bool> {
    let names = [
        "monospace",
        "courier",
        "consolas",
        "menlo",
        "monaco",
        "mono",
    ];
    names
        .iter()
        .any(|name| value.contains(name))
        .then_some(true)
}

/// One selector of a rule and its declarations.
struct Rule {
    matcher: Matcher,
    specificity: u32,
    declared: Declared,
}

/// The rules of every stylesheet a document uses, in the order they come.
#[derive(Default)]
pub(super) struct Sheets {
    rules: Vec<Rule>,
}

impl Sheets {
    /// Adds the rules of one stylesheet's text.
    pub(super) fn add(&mut self, css: &str) {
        let css = without_comments(css);
        let mut rest = css.as_str();
        while let Some(open) = rest.find('{') {
            let prelude = rest[..open].trim();
            let body_end = block_end(rest, open);
            let body = rest.get(open + 1..body_end).unwrap_or("");
            rest = rest.get(body_end + 1..).unwrap_or("");
            // `@import url(x);` and the like come before the next rule's selectors.
            let prelude = prelude.rsplit(';').next().unwrap_or("").trim();
            if prelude.starts_with('@') {
                continue;
            }
            self.add_rule(prelude, Declared::parse(body));
        }
    }

    fn add_rule(&mut self, selectors: &str, declared: Declared) {
        if declared == Declared::default() {
            return;
        }
        for selector in selectors.split(',').map(str::trim) {
            if selector.contains("::") {
                continue;
            }
            if let Ok(matcher) = Matcher::new(selector) {
                self.rules.push(Rule {
                    matcher,
                    specificity: specificity(selector),
                    declared,
                });
            }
        }
    }

    /// What the rules, then the element's `style` attribute, declare for `node`.
    pub(super) fn declared(&self, node: &NodeRef<'_>, style: Option<&str>) -> Declared {
        let mut matching: Vec<(u32, usize)> = self
            .rules
            .iter()
            .enumerate()
            .filter(|(_, rule)| node.is_match(&rule.matcher))
            .map(|(order, rule)| (rule.specificity, order))
            .collect();
        matching.sort_unstable();
        let ruled = matching
            .into_iter()
            .filter_map(|(_, order)| self.rules.get(order))
            .fold(Declared::default(), |all, rule| all.and(rule.declared));
        style.map_or(ruled, |style| ruled.and(Declared::parse(style)))
    }
}

/// Where the block opened at `open` closes (its `}`), braces inside it counted, or the end.
fn block_end(css: &str, open: usize) -> usize {
    let mut depth = 0usize;
    for (at, byte) in css.bytes().enumerate().skip(open) {
        match byte {
            b'{' => depth += 1,
            b'}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return at;
                }
            }
            _ => {}
        }
    }
    css.len()
}

fn without_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start + 2..]
            .split_once("*/")
            .map_or("", |(_, after)| after);
    }
    out.push_str(rest);
    out
}

/// CSS specificity as one number: ids, then classes, attributes and pseudo-classes, then
/// types, a hundred of each at most.
fn specificity(selector: &str) -> u32 {
    let (mut ids, mut classes, mut types) = (0u32, 0u32, 0u32);
    let mut previous = ' ';
    for c in selector.chars() {
        match c {
            '#' => ids += 1,
            '.' | '[' | ':' => classes += 1,
            c if c.is_ascii_alphabetic() && matches!(previous, ' ' | '>' | '+' | '~') => types += 1,
            _ => {}
        }
        previous = c;
    }
    ids.min(99) * 10_000 + classes.min(99) * 100 + types.min(99)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declarations_say_what_they_mean() {
        let d = Declared::parse("font-style: oblique; FONT-WEIGHT: 700 !important");
        assert_eq!((d.italic, d.bold), (Some(true), Some(true)));
        let d = Declared::parse("font-weight:normal;display:none;white-space:pre-wrap");
        assert_eq!(
            (d.bold, d.hidden, d.keep_spaces),
            (Some(false), Some(true), Some(true))
        );
        let d = Declared::parse("font: italic bold 12px/30px Courier, monospace");
        assert_eq!(
            (d.italic, d.bold, d.mono),
            (Some(true), Some(true), Some(true))
        );
        assert_eq!(Declared::parse("font-family: Georgia, serif").mono, None);
        assert_eq!(Declared::parse("color: red; nonsense"), Declared::default());
    }

    #[test]
    fn specificity_orders_ids_classes_types() {
        assert!(specificity("#a") > specificity("p.x.y"));
        assert!(specificity("p.x") > specificity(".x"));
        assert!(specificity(".x") > specificity("div p"));
        assert_eq!(specificity("div p"), 2);
    }

    #[test]
    fn at_rules_and_comments_are_skipped() {
        let mut sheets = Sheets::default();
        sheets.add(
            "@import url(a.css); /* p { font-style: italic } */ \
             @media print { p { display: none } } p, .x { font-weight: bold } q::before { }",
        );
        assert_eq!(sheets.rules.len(), 2);
        assert_eq!(sheets.rules[0].declared.bold, Some(true));
    }
}
