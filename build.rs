//! Compiles every `frameworks/*.yaml` into the binary, so `rungs` works from any directory.

use std::{env, fs, path::Path};

fn main() {
    println!("cargo::rerun-if-changed=frameworks");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("frameworks");
    // Without the folder the binary would have no built-in frameworks: fail the build instead.
    let entries = fs::read_dir(&dir).unwrap_or_else(|e| {
        panic!(
            "cannot read the built-in frameworks folder {}: {e}",
            dir.display()
        )
    });
    let mut files: Vec<_> = entries
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<Vec<_>, _>>()
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|x| x == "yaml" || x == "yml"))
        .collect();
    assert!(
        !files.is_empty(),
        "no built-in framework files (*.yaml) in {}",
        dir.display()
    );
    files.sort();
    let mut out = String::from("/// Built-in framework files: (file name, contents), sorted by name.\npub static BUILTIN_FILES: &[(&str, &str)] = &[\n");
    for file in &files {
        let name = file
            .file_name()
            .and_then(|n| n.to_str())
            .expect("UTF-8 file name");
        out.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            file.display().to_string()
        ));
    }
    out.push_str("];\n");
    let target = Path::new(&env::var("OUT_DIR").expect("OUT_DIR is set by cargo"))
        .join("builtin_frameworks.rs");
    fs::write(target, out).expect("write generated file");
}
