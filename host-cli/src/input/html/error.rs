//! Why markup could not be read.

/// Why (X)HTML could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum HtmlError {
    /// Elements nest deeper than the limit (the limit): damaged or hostile markup, which
    /// would take the parser time that grows with the square of the depth.
    #[error(
        "elements nest more than {0} deep (browsers lay out 512), refused as damaged or \
         hostile markup"
    )]
    TooDeep(usize),
}
