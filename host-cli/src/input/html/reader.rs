//! Blocks built from the elements and text of a tree as they are entered and left.
//!
//! Choices follow the Markdown reader's: a list item's first paragraph is the item, text
//! straight inside a box opens a paragraph, a code block keeps its text plain, a table row
//! joins its cells with `" | "`, and blocks nested deeper than [`Nesting::MAX`] are set at
//! the deepest level and counted. White space collapses as a browser collapses it: a run
//! of spaces, tabs and newlines is one space, none at a block's start or end, nor after a
//! line break; inside `<pre>` (or `white-space: pre`) it is kept exactly.

use inkleaf::text::{BlockKind, Marker, Nesting, Style};

use super::elements::Role;
use super::lists::{List, Numbering};
use super::unset::Unset;
use crate::input::styled::Styled;
use crate::input::DocBlock;

/// What the tree says about an element, beyond its role.
#[derive(Clone, Debug, Default)]
pub(super) struct Facts {
    /// Its style and white space after the stylesheets (italic, bold, mono, keep spaces).
    pub(super) italic: Option<bool>,
    pub(super) bold: Option<bool>,
    pub(super) mono: Option<bool>,
    pub(super) keep_spaces: Option<bool>,
    /// A link with a target.
    pub(super) link: bool,
    /// An image's alt text.
    pub(super) alt: String,
    /// A list's numbering, or a list item's own `value`.
    pub(super) numbering: Numbering,
    pub(super) value: Option<i64>,
    /// A list numbered with letters or roman numerals.
    pub(super) lettered: bool,
    /// A `<pre>`'s language, from its `<code class="language-x">`.
    pub(super) label: String,
    /// A row whose cells are all header cells.
    pub(super) header_row: bool,
}

/// The kind of block that text opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Leaf {
    Paragraph,
    Heading(u8),
    Code,
    Row { header: bool },
}

impl Leaf {
    /// Whether the block holds no other blocks: boxes inside it run on as inline text.
    fn is_flow(self) -> bool {
        !matches!(self, Leaf::Paragraph)
    }
}

/// An element being read: the state its content is read in, and what to undo on leaving.
#[derive(Clone, Copy, Debug)]
struct Frame {
    style: Style,
    keep_spaces: bool,
    leaf: Leaf,
    /// Inside a table's header rows.
    thead: bool,
    closes_block: bool,
    pops_container: bool,
    pops_list: bool,
}

impl Frame {
    const TOP: Frame = Frame {
        style: Style::PLAIN,
        keep_spaces: false,
        leaf: Leaf::Paragraph,
        thead: false,
        closes_block: false,
        pops_container: false,
        pops_list: false,
    };
}

/// The block being read.
struct Open {
    kind: BlockKind,
    label: String,
    text: Styled,
}

#[derive(Default)]
pub(super) struct Reader {
    pub(super) blocks: Vec<DocBlock>,
    pub(super) anchors: Vec<(String, usize)>,
    open: Option<Open>,
    /// The quotes (`true`) and list items or definitions (`false`) being read, outermost
    /// first.
    containers: Vec<bool>,
    lists: Vec<List>,
    /// The marker the next block of a list item takes, and whether its list is loose.
    pending: Option<(Marker, bool)>,
    frames: Vec<Frame>,
    /// Cells of the table row being read.
    cells: usize,
    pub(super) unset: Unset,
}

impl Reader {
    fn frame(&self) -> Frame {
        self.frames.last().copied().unwrap_or(Frame::TOP)
    }

    /// An element with an `id` (or `<a name>`): it starts at the next block set.
    pub(super) fn anchor(&mut self, id: &str) {
        self.anchors.push((id.to_owned(), self.blocks.len()));
    }

    /// Enters an element of `role`; every call is matched by one to [`Reader::leave`].
    pub(super) fn enter(&mut self, role: Role, facts: &Facts) {
        let parent = self.frame();
        let mut frame = Frame {
            closes_block: false,
            pops_container: false,
            pops_list: false,
            ..parent
        };
        let flow = parent.leaf.is_flow();
        match role {
            Role::Block | Role::Quote | Role::List { .. } | Role::Item | Role::Definition
                if flow => {}
            Role::Term | Role::Caption | Role::Heading(_) | Role::Pre if flow => {}
            Role::Block => frame.closes_block = self.close_for_box(),
            Role::Heading(level) => {
                frame.closes_block = self.close_for_box();
                frame.leaf = Leaf::Heading(level);
            }
            Role::Pre => {
                frame.closes_block = true;
                frame.leaf = Leaf::Code;
                frame.keep_spaces = true;
                self.begin(BlockKind::Code);
                if let Some(open) = &mut self.open {
                    open.label.clone_from(&facts.label);
                }
            }
            Role::Quote | Role::Definition => {
                self.begin_container();
                self.containers.push(role == Role::Quote);
                frame.pops_container = true;
            }
            Role::List { .. } => {
                self.begin_container();
                self.unset.lettered += usize::from(facts.lettered);
                self.lists.push(List::new(facts.numbering));
                frame.pops_list = true;
            }
            Role::Item => {
                self.begin_container();
                self.containers.push(false);
                frame.pops_container = true;
                let (marker, loose) = match self.lists.last_mut() {
                    Some(list) => (list.next_marker(facts.value), list.loose),
                    None => (Marker::Bullet(b'-'), false),
                };
                self.pending = Some((marker, loose));
            }
            Role::Term => {
                frame.closes_block = self.close_for_box();
                frame.style = frame.style.with(Style::BOLD);
            }
            Role::Caption => {
                frame.closes_block = self.close_for_box();
                frame.style = frame.style.with(Style::ITALIC);
            }
            Role::Table => frame.closes_block = !flow && self.close_for_box(),
            Role::TableHead => {
                frame.closes_block = !flow && self.close_for_box();
                frame.thead = true;
            }
            Role::Row if !flow => {
                let header = parent.thead || facts.header_row;
                frame.closes_block = true;
                frame.leaf = Leaf::Row { header };
                self.begin(BlockKind::TableRow { header });
                self.cells = 0;
            }
            Role::Row => {}
            Role::Cell { header } => self.cell(header, &mut frame),
            Role::Inline(style) => frame.style = frame.style.with(style),
            Role::Hidden | Role::Rule | Role::Break | Role::Image => {}
        }
        frame.style = styled(frame.style, facts);
        frame.keep_spaces = facts.keep_spaces.unwrap_or(frame.keep_spaces);
        self.frames.push(frame);
    }

    /// Leaves the element entered last.
    pub(super) fn leave(&mut self) {
        let Some(frame) = self.frames.pop() else {
            return;
        };
        if frame.closes_block {
            self.close();
        }
        if frame.pops_container {
            self.begin_container();
            self.containers.pop();
        }
        if frame.pops_list {
            self.begin_container();
            self.lists.pop();
        }
    }

    /// An element without content: a rule, a line break or an image.
    pub(super) fn empty(&mut self, role: Role, facts: &Facts) {
        let frame = self.frame();
        match role {
            Role::Rule if !frame.leaf.is_flow() => {
                self.begin(BlockKind::Rule);
                self.close();
            }
            Role::Break if matches!(frame.leaf, Leaf::Row { .. }) => self.text(" "),
            Role::Break => self.push("\n", styled(frame.style, facts)),
            Role::Image => self.image(&facts.alt, frame.style),
            _ => {}
        }
    }

    /// Text as the document has it, its white space collapsed unless kept.
    pub(super) fn text(&mut self, raw: &str) {
        let frame = self.frame();
        if frame.keep_spaces {
            return self.push(raw, frame.style);
        }
        let mut at_line_start = self.open.as_ref().is_none_or(|o| {
            let text = o.text.text();
            text.is_empty() || text.ends_with([' ', '\n'])
        });
        let mut collapsed = String::with_capacity(raw.len());
        let mut space = false;
        for c in raw.chars() {
            if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0C') {
                space = true;
                continue;
            }
            if space && !at_line_start {
                collapsed.push(' ');
            }
            collapsed.push(c);
            space = false;
            at_line_start = false;
        }
        if space && !at_line_start {
            collapsed.push(' ');
        }
        self.push(&collapsed, frame.style);
    }

    fn cell(&mut self, header: bool, frame: &mut Frame) {
        if !matches!(frame.leaf, Leaf::Row { .. }) {
            // A cell outside any row reads as a paragraph of its own.
            frame.closes_block = self.close_for_box();
            return;
        }
        if header && !matches!(frame.leaf, Leaf::Row { header: true }) {
            frame.style = frame.style.with(Style::BOLD);
        }
        if self.cells > 0 {
            if let Some(open) = &mut self.open {
                let kept = open.text.text().trim_end_matches(' ').len();
                open.text.truncate(kept);
            }
            self.push(" | ", Style::PLAIN);
        }
        self.cells += 1;
    }

    /// An image's stand-in, `[image: alt text]` or `[image]`, in italics.
    fn image(&mut self, alt: &str, style: Style) {
        self.unset.images += 1;
        let alt = alt.split_whitespace().collect::<Vec<_>>().join(" ");
        let stand_in = if alt.is_empty() {
            "[image]".to_owned()
        } else {
            format!("[image: {alt}]")
        };
        self.push(&stand_in, style.with(Style::ITALIC));
    }

    /// Closes the block being read before a box: whether the box must close its own.
    fn close_for_box(&mut self) -> bool {
        self.close();
        true
    }

    /// Closes the block being read and opens one of `kind`: a list item's first paragraph
    /// is the item; before any other first block, the marker is a block of its own.
    fn begin(&mut self, kind: BlockKind) {
        self.close();
        let kind = match (self.pending.take(), kind) {
            (Some((marker, loose)), BlockKind::Paragraph) => BlockKind::ListItem { marker, loose },
            (pending, kind) => {
                self.pending = pending;
                self.flush_pending();
                kind
            }
        };
        self.open = Some(Open {
            kind,
            label: String::new(),
            text: Styled::default(),
        });
    }

    /// Closes the block being read before a container starts or ends.
    fn begin_container(&mut self) {
        self.close();
        self.flush_pending();
    }

    /// A marker whose item did not open with a paragraph, as a block.
    fn flush_pending(&mut self) {
        if let Some((marker, loose)) = self.pending.take() {
            self.push_block(DocBlock::plain(BlockKind::ListItem { marker, loose }, ""));
        }
    }

    fn push(&mut self, text: &str, style: Style) {
        if text.is_empty() || (text == " " && self.open.is_none()) {
            return;
        }
        if self.open.is_none() {
            let kind = match self.frame().leaf {
                Leaf::Paragraph => BlockKind::Paragraph,
                Leaf::Heading(level) => BlockKind::Heading(level),
                Leaf::Code => BlockKind::Code,
                Leaf::Row { header } => BlockKind::TableRow { header },
            };
            self.begin(kind);
        }
        if let Some(open) = &mut self.open {
            let style = match open.kind {
                BlockKind::Code => Style::PLAIN,
                // A heading's link is its own permalink (mdbook, Sphinx, GitHub pages wrap
                // every heading in one): a title, not a link to follow, is not underlined.
                BlockKind::Heading(_) => style.without(Style::LINK),
                _ => style,
            };
            open.text.push(text, style);
        }
    }

    /// Ends the block being read, if it holds anything.
    fn close(&mut self) {
        let Some(open) = self.open.take() else {
            return;
        };
        // A row of empty cells has nothing but its separators.
        let empty_row = open.text.text().split(" | ").all(|c| c.trim().is_empty());
        let text = match open.kind {
            BlockKind::Code => open.text.without_final_newline(),
            BlockKind::TableRow { .. } => {
                let mut text = open.text;
                let kept = text.text().trim_end().len();
                text.truncate(kept);
                text
            }
            _ => open.text.trimmed(),
        };
        let keep = match open.kind {
            BlockKind::ListItem { .. } | BlockKind::Code | BlockKind::Rule => true,
            BlockKind::TableRow { .. } => !empty_row,
            _ => !text.text().is_empty(),
        };
        if !keep {
            return;
        }
        let (text, runs) = text.into_parts();
        self.push_block(DocBlock {
            kind: open.kind,
            label: open.label,
            text,
            runs,
            ..DocBlock::default()
        });
    }

    /// Adds `block` at the nesting being read.
    fn push_block(&mut self, mut block: DocBlock) {
        if self.containers.len() > usize::from(Nesting::MAX) {
            self.unset.folded += 1;
        }
        block.nesting = crate::input::nesting_of(&self.containers);
        self.blocks.push(block);
    }

    /// Closes whatever is still open at the end of the document.
    pub(super) fn finish(&mut self) {
        while !self.frames.is_empty() {
            self.leave();
        }
        self.begin_container();
    }
}

/// `style` as the stylesheets change it.
fn styled(style: Style, facts: &Facts) -> Style {
    let mut style = if facts.link {
        style.with(Style::LINK)
    } else {
        style
    };
    for (declared, bit) in [
        (facts.italic, Style::ITALIC),
        (facts.bold, Style::BOLD),
        (facts.mono, Style::MONO),
    ] {
        style = match declared {
            Some(true) => style.with(bit),
            Some(false) => style.without(bit),
            None => style,
        };
    }
    style
}
