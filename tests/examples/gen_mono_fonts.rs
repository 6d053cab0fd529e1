//! Rewrites `engine/src/font/mono_data.rs` from embedded-graphics' mono fonts.
//!
//! Run from anywhere in the workspace: `cargo run -p inkleaf-tests --example gen_mono_fonts`.

use std::path::Path;

use inkleaf_tests::mono_data;

fn main() -> std::io::Result<()> {
    // The tests crate sits at the workspace root.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace root");
    let path = root.join(mono_data::PATH);
    std::fs::write(&path, mono_data::generate())?;
    println!("wrote {}", path.display());
    Ok(())
}
