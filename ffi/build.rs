//! Gives libcallsign.so its SONAME, `libcallsign.so.MAJOR`, on ELF targets
//! (scripts/install.sh installs it as libcallsign.so.MAJOR.MINOR.PATCH with
//! the usual symlinks). Nothing else: the header is generated off the build,
//! by scripts/gen-header.sh.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let elf = matches!(
        os.as_str(),
        "linux" | "android" | "freebsd" | "netbsd" | "openbsd" | "dragonfly" | "illumos"
    );
    if elf {
        let major = std::env::var("CARGO_PKG_VERSION_MAJOR").unwrap_or_default();
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libcallsign.so.{major}");
    }
}
