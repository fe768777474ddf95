//! Generated demonstration data, seeded so that the same configuration
//! always gives the same data: a school with its rollout
//! ([`demo_school`], [`demo_rollout`]), a region's bulk registries
//! ([`RegionGenerator`]) and the small generator behind both
//! ([`SplitMix64`]).
//!
//! Behind the cargo feature `demo` (off by default): examples, tests and
//! benchmarks turn it on.

mod names;
mod random;
mod region;
mod school;

pub use random::SplitMix64;
pub use region::{GeneratedRegion, RegionGenerator};
pub use school::*;
