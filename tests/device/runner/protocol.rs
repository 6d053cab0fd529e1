//! Reading the firmware's line protocol (see `tests/device/README.md`).

/// A page the firmware drew, in its packed framebuffer layout.
#[derive(Debug)]
pub struct Page {
    /// Zero-based page number.
    pub n: u32,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Bits per pixel: 1 (`PAGE`) or more (`GRAY_PAGE`).
    pub bits: u32,
    /// [`packed_len`] bytes, row-major, the leftmost pixel in the highest bits. At 1 bit a
    /// set bit is ink; at more, a pixel is its luma, 0 black to all ones white.
    pub bytes: Vec<u8>,
}

/// Bytes a `width` x `height` page of `bits` per pixel takes: rows padded to whole bytes.
pub fn packed_len(width: u32, height: u32, bits: u32) -> usize {
    (width * bits).div_ceil(8) as usize * height as usize
}

/// The cost of one measured region.
#[derive(Debug)]
pub struct Measure {
    /// `open`, `paginate`, `page<n>`.
    pub label: String,
    /// Guest instructions.
    pub instructions: u64,
    /// Stack bytes below the region's start.
    pub stack_bytes: usize,
}

/// A typed failure the firmware stopped on (`FAILED <kind> <message>`).
#[derive(Debug, PartialEq, Eq)]
pub struct Failed {
    /// `engine`, `not-built-for`, `no-fonts` or `framebuffer-too-small`.
    pub kind: String,
    /// For `engine`, the engine error's `Display` text.
    pub message: String,
}

/// A table of contents entry as the firmware read it (`CHAPTER`).
#[derive(Debug, PartialEq, Eq)]
pub struct Chapter {
    /// Its place in the table of contents, from 0.
    pub index: u32,
    /// 1 for a chapter, 2 for a section in one, and so on.
    pub level: u8,
    /// Whether it opens a new page.
    pub new_page: bool,
    /// The block it starts at.
    pub block: u32,
    /// The page (from 0) `Layout::chapter_page` puts its first line on.
    pub page: u32,
    /// Its title.
    pub title: String,
}

/// Where a page lies in its book, as the firmware found it (`STATUS`).
#[derive(Debug, PartialEq, Eq)]
pub struct Status {
    /// Zero-based page number.
    pub n: u32,
    /// Where the page starts: block and byte offset.
    pub start: (u32, u32),
    /// The chapter `Book::chapter_of` finds at the page's start.
    pub chapter_of: Option<u32>,
    /// `Page::status`: the chapter, the page number from 1, the total and the percentage.
    pub chapter: Option<u32>,
    /// The page's number, from 1.
    pub page: u32,
    /// The book's page count.
    pub total: Option<u32>,
    /// How far through the book the page is.
    pub percent: Option<u8>,
}

/// What a reader did with one event of its session (`EVENT`).
#[derive(Debug, PartialEq, Eq)]
pub struct ReaderEvent {
    /// Its place in the session, from 0.
    pub i: usize,
    /// `Unchanged`, `Redraw` or `Relayout`.
    pub outcome: String,
    /// The page the reader shows after it, from 0.
    pub page: u32,
    /// Whether the table of contents view is open.
    pub contents: bool,
    /// The entry highlighted in it.
    pub highlight: Option<u32>,
    /// Bookmarks the reader keeps.
    pub bookmarks: usize,
    /// The event, as `Debug` prints it.
    pub event: String,
}

/// Everything one run reported.
#[derive(Debug, Default)]
pub struct Report {
    /// Calibration loops: expected and measured instructions.
    pub calibration: Vec<(u64, u64)>,
    /// Pages in the order sent.
    pub pages: Vec<Page>,
    /// Table of contents entries, in order.
    pub chapters: Vec<Chapter>,
    /// Each chapter's first page as turned to from the table of contents: chapter and page.
    pub chapter_pages: Vec<(u32, Page)>,
    /// The status of each page in `pages`.
    pub statuses: Vec<Status>,
    /// Measured regions in the order sent.
    pub measures: Vec<Measure>,
    /// What a reader did with each event of its session, in order.
    pub events: Vec<ReaderEvent>,
    /// What the reader showed after each event (`VIEW`), its `n` the event's place, and
    /// after resuming from its saved state (one past the last event).
    pub views: Vec<Page>,
    /// The reader's saved state record.
    pub saved: Option<Vec<u8>>,
    /// The page the reader resumed on from that record.
    pub resumed: Option<u32>,
    /// Deepest stack use of the drawing path, and the stack's size.
    pub stack_peak: Option<(usize, usize)>,
    /// Pages the firmware says it drew.
    pub done: Option<u32>,
    /// The typed failure the firmware stopped on.
    pub failed: Option<Failed>,
    /// A panic or fault message.
    pub panic: Option<String>,
}

impl Report {
    /// Instructions of each page turn (`MEASURE page<n>`), in page order.
    pub fn page_turns(&self) -> Vec<u64> {
        self.measures
            .iter()
            .filter(|m| m.label.strip_prefix("page").is_some_and(is_number))
            .map(|m| m.instructions)
            .collect()
    }

    /// Instructions of each turn to a chapter's first page from the table of contents
    /// (`MEASURE chapter<c>`), in chapter order.
    pub fn chapter_turns(&self) -> Vec<u64> {
        self.measures
            .iter()
            .filter(|m| m.label.strip_prefix("chapter").is_some_and(is_number))
            .map(|m| m.instructions)
            .collect()
    }

    /// Instructions of the region called `label`.
    pub fn instructions(&self, label: &str) -> Option<u64> {
        self.measures
            .iter()
            .find(|m| m.label == label)
            .map(|m| m.instructions)
    }
}

fn is_number(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Reads a run's output. Unknown lines are log lines and skipped; a malformed known line
/// is an error.
pub fn parse(stdout: &str) -> Result<Report, String> {
    let mut report = Report::default();
    for line in stdout.lines() {
        let fields: Vec<&str> = line.split(' ').collect();
        let bad = || format!("malformed line: {:.120}", line);
        match fields.as_slice() {
            ["CAL", expected, measured] => report.calibration.push((
                number(expected).ok_or_else(bad)?,
                number(measured).ok_or_else(bad)?,
            )),
            ["PAGE", n, width, height, hex] => report
                .pages
                .push(page(n, width, height, "1", hex).ok_or_else(bad)?),
            ["GRAY_PAGE", n, width, height, bits, hex] => report
                .pages
                .push(page(n, width, height, bits, hex).ok_or_else(bad)?),
            ["CHAPTER_PAGE", chapter, n, width, height, hex] => report.chapter_pages.push((
                number(chapter).ok_or_else(bad)?,
                page(n, width, height, "1", hex).ok_or_else(bad)?,
            )),
            ["VIEW", i, width, height, hex] => report
                .views
                .push(page(i, width, height, "1", hex).ok_or_else(bad)?),
            ["EVENT", ..] => report.events.push(event(line).ok_or_else(bad)?),
            ["SAVED", hex] => report.saved = Some(bytes(hex).ok_or_else(bad)?),
            ["RESUMED", page] => report.resumed = Some(number(page).ok_or_else(bad)?),
            ["CHAPTER", ..] => report.chapters.push(chapter(line).ok_or_else(bad)?),
            ["STATUS", n, block, offset, chapter_of, chapter, page, total, percent] => {
                report.statuses.push(Status {
                    n: number(n).ok_or_else(bad)?,
                    start: (
                        number(block).ok_or_else(bad)?,
                        number(offset).ok_or_else(bad)?,
                    ),
                    chapter_of: optional(chapter_of).ok_or_else(bad)?,
                    chapter: optional(chapter).ok_or_else(bad)?,
                    page: number(page).ok_or_else(bad)?,
                    total: optional(total).ok_or_else(bad)?,
                    percent: optional(percent).ok_or_else(bad)?,
                })
            }
            ["MEASURE", label, instructions, stack] => report.measures.push(Measure {
                label: (*label).to_owned(),
                instructions: number(instructions).ok_or_else(bad)?,
                stack_bytes: number(stack).ok_or_else(bad)?,
            }),
            ["STACK_PEAK", peak, size] => {
                report.stack_peak =
                    Some((number(peak).ok_or_else(bad)?, number(size).ok_or_else(bad)?))
            }
            ["DONE", pages] => report.done = Some(number(pages).ok_or_else(bad)?),
            ["FAILED", kind, ..] => {
                let prefix = format!("FAILED {kind} ");
                report.failed = Some(Failed {
                    kind: (*kind).to_owned(),
                    message: line.strip_prefix(&prefix).ok_or_else(bad)?.to_owned(),
                })
            }
            ["PANIC", ..] => {
                report.panic = Some(line.trim_start_matches("PANIC").trim().to_owned())
            }
            _ => {}
        }
    }
    Ok(report)
}

fn number<T: std::str::FromStr>(field: &str) -> Option<T> {
    field.parse().ok()
}

/// A number, or `None` for `-`; `None` outside if it is neither.
fn optional<T: std::str::FromStr>(field: &str) -> Option<Option<T>> {
    if field == "-" {
        return Some(None);
    }
    number(field).map(Some)
}

/// `CHAPTER <index> <level> <new_page> <block> <page> <title>`: the title is the rest of
/// the line, spaces and all.
fn chapter(line: &str) -> Option<Chapter> {
    let mut fields = line.splitn(7, ' ').skip(1);
    let mut next = || fields.next();
    Some(Chapter {
        index: number(next()?)?,
        level: number(next()?)?,
        new_page: match next()? {
            "0" => false,
            "1" => true,
            _ => return None,
        },
        block: number(next()?)?,
        page: number(next()?)?,
        title: next()?.to_owned(),
    })
}

/// `EVENT <i> <outcome> <page> <contents> <highlight> <bookmarks> <event>`: the event is
/// the rest of the line.
fn event(line: &str) -> Option<ReaderEvent> {
    let mut fields = line.splitn(8, ' ').skip(1);
    let mut next = || fields.next();
    Some(ReaderEvent {
        i: number(next()?)?,
        outcome: next()?.to_owned(),
        page: number(next()?)?,
        contents: match next()? {
            "0" => false,
            "1" => true,
            _ => return None,
        },
        highlight: optional(next()?)?,
        bookmarks: number(next()?)?,
        event: next()?.to_owned(),
    })
}

/// Lowercase or uppercase hex, two digits a byte.
fn bytes(hex: &str) -> Option<Vec<u8>> {
    if hex.len() % 2 != 0 {
        return None;
    }
    (0..hex.len() / 2)
        .map(|i| u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok())
        .collect()
}

/// A `PAGE` or `GRAY_PAGE` line's fields; the hex length is checked before decoding.
fn page(n: &str, width: &str, height: &str, bits: &str, hex: &str) -> Option<Page> {
    let (width, height, bits): (u32, u32, u32) = (number(width)?, number(height)?, number(bits)?);
    if !matches!(bits, 1 | 2 | 4 | 8) {
        return None;
    }
    let len = packed_len(width, height, bits);
    if hex.len() != 2 * len {
        return None;
    }
    let bytes = (0..len)
        .map(|i| u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok())
        .collect::<Option<Vec<u8>>>()?;
    Some(Page {
        n: number(n)?,
        width,
        height,
        bits,
        bytes,
    })
}
