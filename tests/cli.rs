//! The command-line tool on bad input: a clear message on stderr and exit status 2, never a
//! panic; bytes that are not UTF-8 are decoded as browsers do.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_declutter"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the CLI starts");
    // The CLI may refuse its arguments and exit before reading its input: a closed pipe here
    // is that, not a failure (the exit status and message are what the tests check).
    let _ = child.stdin.take().expect("stdin").write_all(stdin);
    child.wait_with_output().expect("the CLI ends")
}

fn refused(out: &Output, message: &str) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "stderr: {err}");
    assert!(err.contains(message), "stderr: {err}");
    assert!(!err.contains("panicked"), "stderr: {err}");
}

#[test]
fn a_directory_a_missing_file_and_a_bad_option_get_a_message() {
    let dir = std::env::temp_dir();
    refused(&run(&[dir.to_str().unwrap()], b""), "is a directory, not a page");
    refused(&run(&["/nonexistent/page.html"], b""), "cannot read /nonexistent/page.html");
    refused(&run(&["-", "--format", "bogus"], b"<p>x</p>"), "unknown format \"bogus\"");
}

#[test]
fn windows_1252_and_invalid_utf8_are_decoded_not_refused() {
    let page = b"<html><head><meta charset=\"windows-1252\"><title>Caf\xe9</title></head><body><article><p>Le caf\xe9 est servi, avec des croissants et du pain frais tous les matins du lundi au samedi.</p></article></body></html>";
    let out = run(&["-", "--format", "text"], page);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8(out.stdout).unwrap().contains("Le café est servi"));
    // No charset and stray bytes: windows-1252, as a browser would, and no panic.
    let out = run(&["-", "--format", "json"], b"<p>\xff\x80\xfe not UTF-8 at all</p>");
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
}
