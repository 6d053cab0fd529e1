//! The device tests draw committed blobs: they must be exactly what `inkleaf build` makes today.

use std::path::PathBuf;

use assert_cmd::Command;

/// The committed blobs, and the `inkleaf build --display` preset, built-in font and text
/// storage each was built with: the firmware draws the mono-font path.
const FIXTURES: [(&str, &str, &str, &str); 4] = [
    ("article-2.9in.inkleaf", "2.9in", "builtin:6x10", "coded"),
    (
        "article-2.9in-plain-text.inkleaf",
        "2.9in",
        "builtin:6x10",
        "plain",
    ),
    (
        "article-oled-128x64.inkleaf",
        "oled-128x64",
        "builtin:6x10",
        "coded",
    ),
    ("article-4.2in.inkleaf", "4.2in", "builtin:8x13", "coded"),
];

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/device")
        .join(name)
}

#[test]
fn device_fixtures_are_what_the_cli_builds_today() {
    let dir = tempfile::tempdir().unwrap();
    for (name, display, font, text) in FIXTURES {
        let fresh = dir.path().join(name);
        Command::cargo_bin("inkleaf")
            .unwrap()
            .args(["build", "-o"])
            .arg(&fresh)
            .args(["--display", display, "--font", font, "--text", text])
            .assert()
            .success();
        let committed = std::fs::read(fixture(name)).unwrap();
        assert!(
            std::fs::read(&fresh).unwrap() == committed,
            "tests/fixtures/device/{name} is stale: the CLI builds a different blob now. \
             Regenerate it with `cargo run -p inkleaf-cli -- build -o \
             tests/fixtures/device/{name} --display {display} --font {font} --text {text}`"
        );
    }
}
