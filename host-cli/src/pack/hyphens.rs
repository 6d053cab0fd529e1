//! Hyphenation points in the layout [`inkleaf::text::Hyphens`] reads.

/// Encodes hyphenation points (strictly increasing byte offsets) for [`inkleaf::text::Hyphens`].
pub fn encode_hyphens(points: &[u32]) -> Vec<u8> {
    let mut out = Vec::with_capacity(points.len() * 2);
    let mut last = 0u32;
    for &point in points {
        super::push_varint(&mut out, u64::from(point.saturating_sub(last)));
        last = point;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::encode_hyphens;
    use inkleaf::text::Hyphens;

    #[test]
    fn points_read_back_as_written() {
        let points = [3, 10, 200, 70_000];
        let encoded = encode_hyphens(&points);
        assert_eq!(Hyphens::from_encoded(&encoded).collect::<Vec<_>>(), points);
    }
}
