//! Generates include/callsign.h from the Rust source with cbindgen.
//!
//! CI regenerates the header and fails when it differs from the committed
//! one (`git diff --exit-code include/callsign.h`).

use std::path::PathBuf;

fn main() {
    let crate_dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=cbindgen.toml");
    let config = cbindgen::Config::from_file(crate_dir.join("cbindgen.toml"))
        .expect("ffi/cbindgen.toml is valid");
    // The committed header declares the whole C ABI: a build with some
    // features off (a firmware's subset) must not rewrite it.
    let full = ["CARGO_FEATURE_APIG", "CARGO_FEATURE_VERIFY"]
        .iter()
        .all(|f| std::env::var_os(f).is_some());
    if !full {
        return;
    }
    let header = crate_dir.join("../include/callsign.h");
    match cbindgen::generate_with_config(&crate_dir, config) {
        Ok(bindings) => {
            bindings.write_to_file(header);
        }
        Err(e) => panic!("cbindgen failed: {e}"),
    }
}
