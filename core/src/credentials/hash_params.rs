//! Argon2id cost parameters and their limits.

use argon2::{Algorithm, Argon2, Params, Version};
use serde::{Deserialize, Serialize};

use crate::credentials::CredentialError;

/// Argon2id cost parameters, within stated limits.
///
/// The limits bound the work of one verification, because verification
/// takes its parameters from the stored hash: a crafted snapshot with
/// `m=4194304` (4 GiB) or `t=4294967295` must not exhaust a host's memory
/// or time at the next log-in. They are
///
/// - memory ≤ [`HashParams::MAX_MEMORY_KIB`] = 256 MiB: 13 times the OWASP
///   setting (19 MiB) and 4 times RFC 9106's memory-constrained
///   recommendation (64 MiB); more is not something a school server should
///   spend on one log-in;
/// - passes ≤ [`HashParams::MAX_ITERATIONS`] = 16: OWASP uses 2, RFC 9106
///   1–3; 16 passes over 256 MiB is already seconds of work;
/// - lanes ≤ [`HashParams::MAX_PARALLELISM`] = 8: RFC 9106 recommends 4,
///   and lanes beyond a small server's cores only add memory.
///
/// [`HashParams::new`] and [`PasswordHash::parse`](super::PasswordHash::parse) (and their
/// deserialisation) apply the same limits, so every hash the library makes
/// can be read back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "ParamsFields", into = "ParamsFields")]
pub struct HashParams {
    memory_kib: u32,
    iterations: u32,
    parallelism: u32,
}

#[derive(Serialize, Deserialize)]
struct ParamsFields {
    memory_kib: u32,
    iterations: u32,
    parallelism: u32,
}

impl TryFrom<ParamsFields> for HashParams {
    type Error = CredentialError;
    fn try_from(f: ParamsFields) -> Result<Self, Self::Error> {
        HashParams::new(f.memory_kib, f.iterations, f.parallelism)
    }
}

impl From<HashParams> for ParamsFields {
    fn from(p: HashParams) -> Self {
        ParamsFields {
            memory_kib: p.memory_kib,
            iterations: p.iterations,
            parallelism: p.parallelism,
        }
    }
}

impl Default for HashParams {
    /// [`HashParams::owasp`].
    fn default() -> Self {
        HashParams::owasp()
    }
}

impl HashParams {
    /// The most memory allowed, in KiB (256 MiB).
    pub const MAX_MEMORY_KIB: u32 = 256 * 1024;

    /// The most passes allowed.
    pub const MAX_ITERATIONS: u32 = 16;

    /// The most lanes allowed.
    pub const MAX_PARALLELISM: u32 = 8;

    /// Whether the parameters are within the limits (and argon2's own
    /// minimum of 8 KiB per lane).
    pub(super) fn within_limits(memory_kib: u32, iterations: u32, parallelism: u32) -> bool {
        (1..=Self::MAX_PARALLELISM).contains(&parallelism)
            && memory_kib >= 8 * parallelism
            && memory_kib <= Self::MAX_MEMORY_KIB
            && (1..=Self::MAX_ITERATIONS).contains(&iterations)
    }

    /// The OWASP recommendation for argon2id: 19 MiB of memory, 2 passes,
    /// 1 lane. The default.
    pub const fn owasp() -> HashParams {
        HashParams {
            memory_kib: 19 * 1024,
            iterations: 2,
            parallelism: 1,
        }
    }

    /// A light setting (1 MiB, 1 pass, 1 lane) for tests and demonstrations
    /// that hash thousands of passwords. Not for real accounts.
    pub const fn light() -> HashParams {
        HashParams {
            memory_kib: 1024,
            iterations: 1,
            parallelism: 1,
        }
    }

    /// Custom parameters.
    ///
    /// # Errors
    /// [`CredentialError::InvalidHashParams`] unless `1 <= parallelism <=
    /// 8`, `8 × parallelism <= memory_kib <= 256 MiB` and `1 <= iterations
    /// <= 16` (see the limits above).
    ///
    /// # Example
    /// ```
    /// use zhurnal::credentials::HashParams;
    /// assert_eq!(HashParams::new(19 * 1024, 2, 1)?, HashParams::owasp());
    /// assert!(HashParams::new(4, 1, 1).is_err());
    /// assert!(HashParams::new(512 * 1024, 2, 1).is_err());
    /// # Ok::<(), zhurnal::credentials::CredentialError>(())
    /// ```
    pub fn new(
        memory_kib: u32,
        iterations: u32,
        parallelism: u32,
    ) -> Result<HashParams, CredentialError> {
        if !Self::within_limits(memory_kib, iterations, parallelism) {
            return Err(CredentialError::InvalidHashParams {
                memory_kib,
                iterations,
                parallelism,
            });
        }
        Ok(HashParams {
            memory_kib,
            iterations,
            parallelism,
        })
    }

    /// Memory in KiB.
    pub fn memory_kib(&self) -> u32 {
        self.memory_kib
    }

    /// Passes over memory.
    pub fn iterations(&self) -> u32 {
        self.iterations
    }

    /// Lanes.
    pub fn parallelism(&self) -> u32 {
        self.parallelism
    }

    pub(super) fn hasher(&self) -> Result<Argon2<'static>, CredentialError> {
        let params = Params::new(self.memory_kib, self.iterations, self.parallelism, None)
            .map_err(|e| CredentialError::Hashing {
                reason: e.to_string(),
            })?;
        Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
    }
}
