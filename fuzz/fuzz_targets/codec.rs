//! Any model and stream: the decoder returns characters or an error, never panics, never
//! yields more than the text length, and decodes exactly alike through lookup tables.
//!
//! Input: model length (u16 LE), text length (u16 LE), table bits (u8), then the model, then
//! the stream.
#![no_main]

use inkleaf::codec::{Decoder, Model, Stream};
use libfuzzer_sys::fuzz_target;

fn items(decoder: Decoder<'_, '_>) -> Vec<Result<(u32, char), inkleaf::Error>> {
    let mut out = Vec::new();
    for item in decoder {
        let failed = item.is_err();
        out.push(item);
        if failed {
            break;
        }
    }
    out
}

fuzz_target!(|data: &[u8]| {
    let [m0, m1, t0, t1, bits, rest @ ..] = data else {
        return;
    };
    let model_len = usize::from(u16::from_le_bytes([*m0, *m1])).min(rest.len());
    let (model_bytes, bits_bytes) = rest.split_at(model_len);
    let text_len = u32::from(u16::from_le_bytes([*t0, *t1]));
    let Ok(model) = Model::from_bytes(model_bytes) else {
        return;
    };
    let stream = Stream {
        bits: bits_bytes,
        text_len,
    };
    let in_place = items(Decoder::new(&model, stream));
    let mut bytes = 0u32;
    for (offset, ch) in in_place.iter().flatten() {
        assert_eq!(*offset, bytes);
        bytes += ch.len_utf8() as u32;
    }
    assert!(bytes <= text_len);
    let mut buf = vec![0u32; model.table_words(u32::from(*bits))];
    let mut fast = model;
    fast.accelerate(&mut buf)
        .expect("the buffer was sized for it");
    assert_eq!(items(Decoder::new(&fast, stream)), in_place);
});
