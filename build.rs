//! Relinks the box when link.ld changes (cargo cannot see the linker
//! script the rustflags name).
fn main() {
    println!("cargo:rerun-if-changed=link.ld");
}
