//! The lines a reader gives the user about what it kept with a stand-in.

/// One line per kind that occurred: "3 images shown as ...". Each kind is its count, its
/// name in the singular and the plural, and what was done with it.
pub(crate) fn count_lines<const N: usize>(kinds: [(usize, &str, &str, &str); N]) -> Vec<String> {
    kinds
        .into_iter()
        .filter(|(count, ..)| *count > 0)
        .map(|(count, one, many, how)| {
            let what = if count == 1 { one } else { many };
            format!("{count} {what} {how}")
        })
        .collect()
}
