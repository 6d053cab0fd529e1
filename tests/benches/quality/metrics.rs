//! Typographic figures of a set text, from lines measured in pixels.

/// One line as set, whatever set it.
#[derive(Clone, Debug, Default)]
pub struct SetLine {
    /// Page the line is on (0-based).
    pub page: usize,
    /// Width with normal word gaps, a drawn hyphen included.
    pub natural: f64,
    /// Width available.
    pub measure: f64,
    /// Normal word gap.
    pub space: f64,
    /// Width of a hyphen.
    pub hyphen: f64,
    /// Word gaps as drawn: (left edge, width).
    pub gaps: Vec<(f64, f64)>,
    /// Ends in a hyphen or dash (an added hyphen, or a break after one in the text).
    pub hyphenated: bool,
    /// First line of its paragraph.
    pub first: bool,
    /// Last line of its paragraph.
    pub last: bool,
    /// Starts with an em dash.
    pub dash_start: bool,
}

/// The figures the quality benchmark prints.
#[derive(Clone, Debug, Default)]
pub struct Figures {
    pub lines: usize,
    pub pages: usize,
    /// Mean over non-final lines of (slack / measure)², plus (hyphen / measure)² for each
    /// hyphenated one: a hyphen at the margin reads like that much more slack.
    pub pr: f64,
    pub mean_stretch: f64,
    /// Largest gap as drawn, over the normal space: pixel rounding spreads a line's slack
    /// unevenly, so one gap may be a pixel wider than the line's justified space.
    pub max_stretch: f64,
    /// Largest justified space of a line (the mean of its gaps), over the normal space:
    /// TeX's glue set ratio, the figure published for Knuth–Plass.
    pub max_line_stretch: f64,
    /// Narrowest gap as drawn, over the normal space of its line's face: justification
    /// shrinks gaps by whole pixels, and never below two thirds of a space.
    pub min_gap: f64,
    /// Gaps drawn narrower than two thirds of their space (for a 4 px space, 2 px or less).
    pub narrow_gaps: usize,
    pub hyphen_pairs: usize,
    pub rivers: usize,
    pub widows: usize,
    pub orphans: usize,
    pub overfull: usize,
    pub dash_starts: usize,
}

pub fn figures(lines: &[SetLine]) -> Figures {
    let body: Vec<&SetLine> = lines.iter().filter(|l| !l.last).collect();
    let pr = body
        .iter()
        .map(|l| {
            let slack = (l.measure - l.natural) / l.measure;
            let charge = if l.hyphenated {
                (l.hyphen / l.measure).powi(2)
            } else {
                0.0
            };
            slack * slack + charge
        })
        .sum::<f64>()
        / body.len().max(1) as f64;
    let ratios: Vec<f64> = body
        .iter()
        .flat_map(|l| l.gaps.iter().map(move |g| g.1 / l.space))
        .collect();
    Figures {
        lines: lines.len(),
        pages: lines.last().map_or(0, |l| l.page + 1),
        pr,
        mean_stretch: ratios.iter().sum::<f64>() / ratios.len().max(1) as f64,
        max_stretch: ratios.iter().cloned().fold(0.0, f64::max),
        min_gap: lines
            .iter()
            .flat_map(|l| l.gaps.iter().map(move |g| g.1 / l.space))
            .fold(f64::INFINITY, f64::min),
        narrow_gaps: lines
            .iter()
            .flat_map(|l| l.gaps.iter().filter(move |g| 3.0 * g.1 < 2.0 * l.space))
            .count(),
        max_line_stretch: body
            .iter()
            .filter(|l| !l.gaps.is_empty())
            .map(|l| l.gaps.iter().map(|g| g.1).sum::<f64>() / l.gaps.len() as f64 / l.space)
            .fold(0.0, f64::max),
        hyphen_pairs: lines
            .windows(2)
            .filter(|w| w[0].hyphenated && w[1].hyphenated)
            .count(),
        rivers: rivers(lines),
        widows: lines
            .windows(2)
            .filter(|w| w[1].page != w[0].page && w[1].last && !w[1].first)
            .count(),
        orphans: lines
            .windows(2)
            .filter(|w| w[1].page != w[0].page && w[0].first && !w[0].last)
            .count(),
        overfull: lines.iter().filter(|l| drawn(l) > l.measure + 0.5).count(),
        dash_starts: lines.iter().filter(|l| l.dash_start).count(),
    }
}

/// Width a line takes on the page: justified lines with gaps reach the measure exactly.
fn drawn(line: &SetLine) -> f64 {
    if !line.last && !line.gaps.is_empty() {
        line.measure
    } else {
        line.natural
    }
}

/// Chains of 3 or more lines on one page whose wide gaps (1.5 spaces or more) overlap, each
/// counted once.
fn rivers(lines: &[SetLine]) -> usize {
    let wide = |l: &SetLine| -> Vec<(f64, f64, usize)> {
        l.gaps
            .iter()
            .filter(|g| g.1 >= 1.5 * l.space)
            .map(|g| (g.0, g.0 + g.1, 1))
            .collect()
    };
    let mut count = 0;
    let mut above: Vec<(f64, f64, usize)> = Vec::new();
    let mut page = usize::MAX;
    for line in lines {
        if line.page != page {
            (page, above) = (line.page, Vec::new());
        }
        let mut here = wide(line);
        for gap in &mut here {
            let longest = above
                .iter()
                .filter(|a| a.0 < gap.1 && gap.0 < a.1)
                .map(|a| a.2)
                .max()
                .unwrap_or(0);
            gap.2 = longest + 1;
            if gap.2 == 3 {
                count += 1;
            }
        }
        above = here;
    }
    count
}
