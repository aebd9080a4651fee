//! The frameworks shipped in `frameworks/`, compiled into the binary.

include!(concat!(env!("OUT_DIR"), "/builtin_frameworks.rs"));
