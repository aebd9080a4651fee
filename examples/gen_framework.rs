//! Write the benchmark's synthetic framework and its two assessments into a folder, to time
//! them by hand: `cargo run --release --example gen_framework -- DIR [FACTOR]`.
//!
//! FACTOR (default 1) multiplies the 200 competencies x 7 levels x 10 indicators. Writes
//! `framework.yaml`, `full.json` (every indicator rated) and `changed.json` (10% changed).

#[path = "../benches/support/synthetic.rs"]
mod synthetic;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: gen_framework DIR [FACTOR]");
        return ExitCode::from(2);
    };
    let factor = match args.next().map(|f| f.parse::<usize>()) {
        None => 1,
        Some(Ok(f)) if f > 0 => f,
        Some(_) => {
            eprintln!("FACTOR must be a whole number above 0");
            return ExitCode::from(2);
        }
    };
    let shape = synthetic::Shape::times(factor);
    let framework = synthetic::framework_yaml(shape);
    let digest = rungs::framework::digest(framework.as_bytes());
    let files = [
        ("framework.yaml", framework.clone()),
        ("full.json", synthetic::assessment_json(shape, &digest, 0)),
        (
            "changed.json",
            synthetic::assessment_json(shape, &digest, 10),
        ),
    ];
    for (name, text) in files {
        if let Err(e) = std::fs::write(dir.join(name), text) {
            eprintln!("cannot write {}: {e}", dir.join(name).display());
            return ExitCode::from(1);
        }
    }
    eprintln!(
        "wrote framework.yaml ({} indicators, {} bytes), full.json and changed.json into {}",
        shape.indicators(),
        framework.len(),
        dir.display()
    );
    ExitCode::SUCCESS
}
