//! Decoding coded text back, whole and from every sync point, with the checks each test wants.

use inkleaf::codec::{Decoder, Model};
use inkleaf::Error;
use inkleaf_cli::codec::Encoded;

/// Block `block` decoded from its start, checking that each character's offset is its byte
/// offset in the text; the first error if it does not decode.
pub fn decode_all(encoded: &Encoded, model: &Model<'_>, block: usize) -> Result<String, Error> {
    let mut out = String::new();
    let mut expected_offset = 0;
    for item in Decoder::new(model, encoded.stream(block).expect("block")) {
        let (offset, ch) = item?;
        assert_eq!(
            offset, expected_offset,
            "offsets are the text's byte offsets"
        );
        expected_offset += ch.len_utf8() as u32;
        out.push(ch);
    }
    Ok(out)
}

/// Decoding from the sync point of every character boundary gives the rest of the block, for
/// the first `texts.len()` blocks.
pub fn every_sync_point(encoded: &Encoded, texts: &[&str]) {
    let model = Model::from_bytes(&encoded.model).expect("model parses");
    for (b, text) in texts.iter().enumerate() {
        for offset in (0..=text.len()).filter(|&o| text.is_char_boundary(o)) {
            let sync = encoded.sync_point(b, offset as u32).expect("sync point");
            let stream = encoded.stream(b).expect("block");
            let rest: String = Decoder::at(&model, stream, sync)
                .expect("starts")
                .map(|r| r.expect("decodes").1)
                .collect();
            assert_eq!(rest, text[offset..], "from {b}:{offset}");
        }
    }
}
