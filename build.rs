//! Rebuilds the binary when the embedded quiz bank changes.

fn main() {
    println!("cargo:rerun-if-changed=quizzes");
}
