//! The text of raw HTML in Markdown, tags and comments left out, the styles of the common
//! inline tags (`<b>`, `<em>`, `<code>`, `<a>`, `<del>`, ...) kept.

use inkleaf::text::Style;

/// Reads the text out of raw HTML, which pulldown-cmark hands over a line at a time: a tag
/// or a comment may span lines, so where the reader stands carries over between pieces.
#[derive(Default)]
pub(super) struct Html {
    at: HtmlAt,
    /// Inside `<script>` or `<style>`, whose contents are not text.
    hidden: bool,
    /// Inside `<pre>`, whose spaces and line breaks are kept.
    pre: bool,
    /// How many tags of each style are open, in the order of [`STYLED`].
    open: [u16; STYLED.len()],
}

#[derive(Default)]
enum HtmlAt {
    #[default]
    Text,
    /// Inside `<...>`: the tag's name so far, and whether it has ended.
    Tag(String, bool),
    /// Inside `<!-- ... -->`.
    Comment,
}

/// Tags that separate words: each becomes a space.
const BREAKS: [&str; 13] = [
    "p", "div", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
];

/// Inline tags that set a style, and the style.
const STYLED: [(&[&str], Style); 5] = [
    (&["i", "em", "cite", "var", "dfn"], Style::ITALIC),
    (&["b", "strong"], Style::BOLD),
    (&["code", "tt", "kbd", "samp"], Style::MONO),
    (&["a"], Style::LINK),
    (&["s", "del", "strike"], Style::STRIKE),
];

impl Html {
    /// The style the open tags set.
    pub(super) fn style(&self) -> Style {
        STYLED
            .iter()
            .zip(self.open)
            .filter(|(_, open)| *open > 0)
            .fold(Style::PLAIN, |style, ((_, with), _)| style.with(*with))
    }

    /// Forgets the open style tags: a tag left open does not style the blocks after it.
    pub(super) fn end_block(&mut self) {
        self.open = [0; STYLED.len()];
    }

    /// The text of `piece` in pieces of one style each: tags and comments left out, common
    /// entities decoded, and, as a browser shows it, a run of spaces and line breaks one
    /// space (but in `<pre>`), nothing at all after `after_space`; `<br>` is a line break.
    pub(super) fn text(&mut self, piece: &str, after_space: bool) -> Vec<(String, Style)> {
        let mut out = Out {
            after_space,
            ..Out::default()
        };
        let mut chars = piece.char_indices();
        while let Some((i, c)) = chars.next() {
            let rest = &piece[i + c.len_utf8()..];
            match &mut self.at {
                HtmlAt::Text => match c {
                    '<' if rest.starts_with("!--") => {
                        chars.nth(2);
                        self.at = HtmlAt::Comment;
                    }
                    '<' => self.at = HtmlAt::Tag(String::new(), false),
                    _ if self.hidden => {}
                    '&' => match entity(rest) {
                        Some((decoded, len)) => {
                            out.text.push(decoded);
                            chars.nth(len - 1);
                        }
                        None => out.text.push('&'),
                    },
                    _ if c.is_whitespace() && !self.pre => out.space(' '),
                    _ => out.text.push(c),
                },
                HtmlAt::Tag(name, ended) => match c {
                    '>' => {
                        let name = name.to_ascii_lowercase();
                        let style = self.style();
                        self.end_tag(&name, &mut out);
                        if self.style() != style {
                            out.end_piece(style);
                        }
                        self.at = HtmlAt::Text;
                    }
                    _ if *ended => {}
                    _ if c.is_alphanumeric() || c == '/' => name.push(c),
                    _ => *ended = true,
                },
                HtmlAt::Comment => {
                    if c == '-' && rest.starts_with("->") {
                        chars.nth(1);
                        self.at = HtmlAt::Text;
                    }
                }
            }
        }
        out.end_piece(self.style());
        out.pieces
    }

    /// What a tag named `name` (`/p` for a closing one) stands for in the text.
    fn end_tag(&mut self, name: &str, out: &mut Out) {
        let bare = name.trim_start_matches('/');
        let opens = !name.starts_with('/');
        if bare == "br" {
            out.space('\n');
        } else if BREAKS.contains(&bare) {
            out.space(' ');
        }
        match bare {
            "script" | "style" => self.hidden = opens,
            "pre" => self.pre = opens,
            _ => {}
        }
        if let Some(i) = STYLED.iter().position(|(names, _)| names.contains(&bare)) {
            self.open[i] = if opens {
                self.open[i].saturating_add(1)
            } else {
                self.open[i].saturating_sub(1)
            };
        }
    }
}

/// The text read from a piece of HTML so far.
#[derive(Default)]
struct Out {
    /// Pieces of one style each.
    pieces: Vec<(String, Style)>,
    /// The piece being read.
    text: String,
    /// Whether what came before `text` ends with a space or a line break.
    after_space: bool,
}

impl Out {
    fn ends_with_space(&self) -> bool {
        if self.text.is_empty() {
            self.after_space
        } else {
            self.text.ends_with([' ', '\n'])
        }
    }

    /// Appends `space`: a space after a space (or a line break) adds nothing.
    fn space(&mut self, space: char) {
        if space == '\n' {
            while self.text.ends_with(' ') {
                self.text.pop();
            }
            self.text.push('\n');
        } else if !self.ends_with_space() {
            self.text.push(' ');
        }
    }

    /// Ends the piece being read, set in `style`.
    fn end_piece(&mut self, style: Style) {
        if !self.text.is_empty() {
            self.after_space = self.ends_with_space();
            self.pieces.push((std::mem::take(&mut self.text), style));
        }
    }
}

/// The character an entity such as `amp;` or `#8212;` at the start of `rest` stands for, and
/// the bytes the entity takes after its `&`.
fn entity(rest: &str) -> Option<(char, usize)> {
    let end = rest.char_indices().take(10).find(|&(_, c)| c == ';')?.0;
    let decoded = match &rest[..end] {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        name => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code)?
        }
    };
    Some((decoded, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(pieces: &[&str]) -> String {
        let mut html = Html::default();
        let mut read = String::new();
        for piece in pieces {
            let after_space = read.is_empty() || read.ends_with(char::is_whitespace);
            for (text, _) in html.text(piece, after_space) {
                read.push_str(&text);
            }
        }
        read
    }

    #[test]
    fn comments_and_scripts_across_pieces_leave_no_text() {
        let read = text(&["<!-- a\n", "b --> c<p>", "<script>x\n", "</script>d&amp;e"]);
        assert_eq!(read, "c d&e");
    }

    #[test]
    fn pre_keeps_its_spaces() {
        assert_eq!(
            text(&["<pre>a  b\n", "  c</pre>\n", " d   e"]),
            "a  b\n  c d e"
        );
    }

    #[test]
    fn inline_tags_set_their_styles() {
        let mut html = Html::default();
        let read = html.text("a <b>bold <i>both</i></b> <a href=\"x\">link</a>", false);
        assert_eq!(
            read,
            [
                ("a ".to_owned(), Style::PLAIN),
                ("bold ".to_owned(), Style::BOLD),
                ("both".to_owned(), Style::BOLD.with(Style::ITALIC)),
                (" ".to_owned(), Style::PLAIN),
                ("link".to_owned(), Style::LINK),
            ]
        );
        html.text("<code>", false);
        assert_eq!(html.style(), Style::MONO);
        html.end_block();
        assert_eq!(html.style(), Style::PLAIN);
    }
}
