//! Any bytes, read as (lossy) UTF-8 markup: the (X)HTML reader and the web page reader, in
//! article and whole-page modes, return blocks whose style runs are valid, or refuse the
//! markup as nested too deep, all three alike, without panicking, whatever the markup.
#![no_main]

use inkleaf_cli::input::html::{read_web_page, read_xhtml};
use inkleaf_cli::input::runs_are_valid;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let markup = String::from_utf8_lossy(data);
    // Any linked stylesheet is the markup itself, so fuzzed CSS is read too.
    let read = match read_xhtml(&markup, &|_| Some(markup.to_string())) {
        Ok(read) => read,
        Err(refused) => {
            for whole_page in [false, true] {
                assert_eq!(read_web_page(&markup, whole_page).err(), Some(refused));
            }
            return;
        }
    };
    for block in &read.blocks {
        assert!(runs_are_valid(&block.text, &block.runs));
    }
    assert!(read.anchors.iter().all(|(_, at)| *at <= read.blocks.len()));
    for whole_page in [false, true] {
        let doc = read_web_page(&markup, whole_page).expect("read as read_xhtml read it");
        for block in &doc.blocks {
            assert!(runs_are_valid(&block.text, &block.runs));
        }
    }
});
