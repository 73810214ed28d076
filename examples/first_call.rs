//! Times the first and second `analyze` in one process (one-time set-up cost).
fn main() {
    let path = std::env::args().nth(1).expect("a page");
    let html = std::fs::read_to_string(path).expect("readable");
    for i in 0..3 {
        let t = std::time::Instant::now();
        let _ = declutter::analyze(&html, "https://example.org/a", &declutter::Options::default());
        println!("call {i}: {:.2} ms", t.elapsed().as_secs_f64() * 1000.0);
    }
}
