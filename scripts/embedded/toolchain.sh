# Sourced by scripts/embedded.sh and scripts/install.sh: the cross
# toolchain of the embedded targets. Debian's rustc-web and cargo-web
# (/usr/bin/rustc, /usr/bin/cargo) with RUSTC_BOOTSTRAP=1 build core from
# rust-web-src (-Zbuild-std=core), linking with ld.lld-22 (wasm-ld-22 for
# WebAssembly); rustup's toolchain stays the default for everything else.
# scripts/embedded.sh installs these packages.

# Debian's cargo and rustc, for the cross builds only.
deb_cargo() {
    env RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1 \
        CARGO_TARGET_THUMBV7EM_NONE_EABIHF_LINKER=ld.lld-22 \
        CARGO_TARGET_THUMBV7M_NONE_EABI_LINKER=ld.lld-22 \
        CARGO_TARGET_THUMBV6M_NONE_EABI_LINKER=ld.lld-22 \
        CARGO_TARGET_THUMBV8M_MAIN_NONE_EABIHF_LINKER=ld.lld-22 \
        CARGO_TARGET_RISCV32IMAC_UNKNOWN_NONE_ELF_LINKER=ld.lld-22 \
        CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-22 \
        /usr/bin/cargo "$@"
}

# deb_cargo for a library built for a microcontroller: sha2 0.11's compact
# soft SHA-256 (a loop over 64 rounds, 16-word schedule) instead of its
# default fully unrolled one, which adds about 5 KiB of flash. Crates built
# from tests/embedded get the same flag from its .cargo/config.toml.
deb_cargo_mcu() {
    RUSTFLAGS='--cfg sha2_backend_soft="compact"' deb_cargo "$@"
}

# Whether deb_cargo can build for a bare-metal target (-Zbuild-std=core).
deb_cargo_present() {
    [[ -x /usr/bin/rustc && -x /usr/bin/cargo ]] &&
        dpkg-query -W -f='${Status}' rust-web-src 2>/dev/null | grep -q "install ok installed"
}
