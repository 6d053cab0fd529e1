//! Style runs in the layout [`inkleaf::text::Runs`] reads.

use inkleaf::text::{Run, Style};

/// Encodes style runs (each at least a byte long) for [`inkleaf::text::Runs`]: a varint of
/// `len << 5 | style` each. Trailing plain runs are dropped: text past the last run is plain.
pub fn encode_runs(runs: &[Run]) -> Vec<u8> {
    let styled = runs
        .iter()
        .rposition(|run| run.style != Style::PLAIN)
        .map_or(0, |last| last + 1);
    let mut out = Vec::with_capacity(styled * 2);
    for run in &runs[..styled] {
        let value = (u64::from(run.len) << Style::BITS) | u64::from(run.style.bits());
        super::push_varint(&mut out, value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::encode_runs;
    use inkleaf::text::{Run, Runs, Style};

    #[test]
    fn runs_read_back_as_written_without_the_plain_tail() {
        let runs = [
            Run {
                len: 3,
                style: Style::PLAIN,
            },
            Run {
                len: 5000,
                style: Style::BOLD.with(Style::ITALIC),
            },
            Run {
                len: 2,
                style: Style::PLAIN,
            },
        ];
        let encoded = encode_runs(&runs);
        assert_eq!(Runs::from_encoded(&encoded).collect::<Vec<_>>(), runs[..2]);
        assert!(encode_runs(&runs[2..]).is_empty());
    }
}
