//! The uniffi binding generator, built from the same uniffi version as the
//! library: `cargo run -p zhurnal-ffi --bin uniffi-bindgen -- generate
//! target/debug/libzhurnal_ffi.so --language kotlin --out-dir OUT`.

fn main() {
    uniffi::uniffi_bindgen_main()
}
