//! The device tests draw committed blobs: they must be exactly what `inkleaf build` makes today.

use std::path::PathBuf;

use assert_cmd::Command;

/// The committed blobs and the `inkleaf build --display` preset each was built with.
const FIXTURES: [(&str, &str); 3] = [
    ("article-2.9in.inkleaf", "2.9in"),
    ("article-oled-128x64.inkleaf", "oled-128x64"),
    ("article-4.2in.inkleaf", "4.2in"),
];

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/device")
        .join(name)
}

#[test]
fn device_fixtures_are_what_the_cli_builds_today() {
    let dir = tempfile::tempdir().unwrap();
    for (name, display) in FIXTURES {
        let fresh = dir.path().join(name);
        Command::cargo_bin("inkleaf")
            .unwrap()
            .args(["build", "-o"])
            .arg(&fresh)
            .args(["--display", display])
            .assert()
            .success();
        let committed = std::fs::read(fixture(name)).unwrap();
        assert!(
            std::fs::read(&fresh).unwrap() == committed,
            "tests/fixtures/device/{name} is stale: the CLI builds a different blob now. \
             Regenerate it with `cargo run -p inkleaf-cli -- build -o \
             tests/fixtures/device/{name} --display {display}`"
        );
    }
}
