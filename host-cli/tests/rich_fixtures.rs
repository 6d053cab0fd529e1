//! The engine's rich-text tests (engine/src/layout/rich_fixtures.rs) read committed blobs:
//! they must be exactly what `inkleaf build` makes of tests/fixtures/rich/every-kind.md today.

use std::path::PathBuf;

use assert_cmd::Command;

/// The committed blobs and the `--text` each was built with, on the default display.
const FIXTURES: [(&str, &str); 3] = [
    ("every-kind-2.9in.inkleaf", "coded"),
    ("every-kind-2.9in-trained.inkleaf", "trained"),
    ("every-kind-2.9in-plain.inkleaf", "plain"),
];

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/rich")
        .join(name)
}

#[test]
fn rich_fixtures_are_what_the_cli_builds_today() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in FIXTURES {
        let fresh = dir.path().join(name);
        Command::cargo_bin("inkleaf")
            .unwrap()
            .arg("build")
            .arg(fixture("every-kind.md"))
            .arg("-o")
            .arg(&fresh)
            .args(["--text", text])
            .assert()
            .success();
        let committed = std::fs::read(fixture(name)).unwrap();
        assert!(
            std::fs::read(&fresh).unwrap() == committed,
            "tests/fixtures/rich/{name} is stale: the CLI builds a different blob now. \
             Regenerate it with `cargo run -p inkleaf-cli -- build \
             tests/fixtures/rich/every-kind.md -o tests/fixtures/rich/{name} --text {text}`"
        );
    }
}
