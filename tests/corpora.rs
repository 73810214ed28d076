//! Holds the quality floors of `tests/floors.json` on the shared dev corpora
//! (`../shared/corpus`, or `$SHARED_CORPUS`), through the project's own `evaluate` command.
//! Floors sit a little under the figures reached; raising one is a one-line change there.

use std::path::PathBuf;
use std::process::Command;

#[test]
fn dev_corpora_stay_above_their_floors() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let corpus = std::env::var_os("SHARED_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/corpus"));
    assert!(
        corpus.join("readability").is_dir(),
        "the dev corpora are missing at {}",
        corpus.display()
    );
    let out = Command::new(env!("CARGO_BIN_EXE_evaluate"))
        .args(["all", "--floors"])
        .arg(root.join("tests/floors.json"))
        .arg("--corpus")
        .arg(&corpus)
        .output()
        .expect("evaluate runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    println!("{stdout}");
    eprintln!("{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "a figure fell under its floor:\n{stdout}");
}
