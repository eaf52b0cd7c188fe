//! Writes the synthetic articles the benchmarks use into a folder, so whole-process timings (and
//! `git diff --no-index --word-diff` on the same files) can be measured for the README's table:
//! pairs of an article and its rewrite at 25k, 50k, 100k and 200k words, and 20 outlets of ~3,000
//! words. Given a real text as well, it writes its first 100,000 words and the same rewrite of
//! them (paragraphs moved, sentences reworded or replaced), the pair the README's real-prose
//! figures come from, and 20 outlets made the same way from its first 3,000 words.
//!
//! ```sh
//! cargo run --release --example bench_texts -- /tmp/parallax-bench [REAL_TEXT]
//! ```

#[path = "../benches/support/real.rs"]
mod real;
#[path = "../benches/support/synthetic.rs"]
mod synthetic;

use std::path::PathBuf;

fn main() -> std::io::Result<()> {
    let folder = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "parallax-bench".into()),
    );
    std::fs::create_dir_all(folder.join("twenty"))?;
    for thousands in [25, 50, 100, 200] {
        let original = synthetic::article(1, thousands * 1_000);
        let rewrite = synthetic::rewrite(&original, 2);
        std::fs::write(folder.join(format!("original-{thousands}k.txt")), &original)?;
        std::fs::write(folder.join(format!("rewrite-{thousands}k.txt")), rewrite)?;
    }
    for (label, text) in synthetic::outlets(20, 3_000) {
        let name = label.to_lowercase().replace(' ', "-");
        std::fs::write(folder.join("twenty").join(format!("{name}.txt")), text)?;
    }
    if let Some(real) = std::env::args().nth(2) {
        let (original, rewrite) = real::rewrite_pair(&std::fs::read_to_string(real)?);
        std::fs::write(folder.join("real-rewrite-100k.txt"), rewrite)?;
        std::fs::write(folder.join("real-100k.txt"), &original)?;
        std::fs::create_dir_all(folder.join("real-twenty"))?;
        for (label, text) in real::outlets(&original) {
            std::fs::write(
                folder.join("real-twenty").join(format!("{label}.txt")),
                text,
            )?;
        }
    }
    println!("wrote {}", folder.display());
    Ok(())
}
