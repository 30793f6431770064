//! Packs the built-in quiz bank into the binary: every `.ron` file under `quizzes/` compressed with LZ4, one block
//! per file, with an index of their paths and places (see `src/quiz/bank.rs`). The bank is read text; packed, it
//! takes about a third of its size in the binary.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-changed=quizzes");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let root = Path::new("quizzes");
    let mut files = Vec::new();
    ron_files(root, &mut files);
    files.sort();
    let mut packed = Vec::new();
    let mut index = String::from("&[\n");
    for file in &files {
        let bytes =
            std::fs::read(file).unwrap_or_else(|e| panic!("reading {}: {e}", file.display()));
        let name: Vec<String> = file
            .strip_prefix(root)
            .unwrap_or(file)
            .components()
            .map(|part| part.as_os_str().to_string_lossy().into_owned())
            .collect();
        let start = packed.len();
        packed.extend(lz4_flex::block::compress_prepend_size(&bytes));
        let _ = writeln!(
            index,
            "    ({:?}, {start}, {}),",
            name.join("/"),
            packed.len()
        );
    }
    index.push_str("]\n");
    std::fs::write(out.join("bank.lz4"), packed).expect("writing the packed bank");
    std::fs::write(out.join("bank_index.rs"), index).expect("writing the bank's index");
}

/// Every `.ron` file under `folder`, descending into its folders.
fn ron_files(folder: &Path, files: &mut Vec<PathBuf>) {
    let entries =
        std::fs::read_dir(folder).unwrap_or_else(|e| panic!("reading {}: {e}", folder.display()));
    for entry in entries {
        let path = entry.expect("a folder entry").path();
        if path.is_dir() {
            ron_files(&path, files);
        } else if path.extension().is_some_and(|e| e == "ron") {
            files.push(path);
        }
    }
}
