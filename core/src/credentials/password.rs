//! Temporary passwords and their argon2id hashes.

use argon2::password_hash::{PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Argon2, Params};
use serde::{Deserialize, Serialize};

use crate::credentials::CredentialError;
use crate::credentials::HashParams;

/// The characters of a temporary password: digits 2–9 and lowercase Latin
/// letters without `i`, `l`, `o` (31 characters).
pub const PASSWORD_ALPHABET: &str = "23456789abcdefghjkmnpqrstuvwxyz";

/// The number of characters of a temporary password.
pub const PASSWORD_LENGTH: usize = 13;

/// A freshly generated temporary password. Its text is reachable only
/// through the [`CredentialSlip`](super::CredentialSlip) it is printed on;
/// `Debug` and `Display` show `***`.
///
/// A [`TemporaryPassword`] is drawn from the operating system's secure
/// random generator over [`PASSWORD_ALPHABET`], which has no look-alike
/// characters: no `0`/`o`, `1`/`l`/`i`, and no capitals at all (a slip is
/// read off paper and typed on a phone).
///
/// Entropy: the alphabet has 31 characters and a password
/// [`PASSWORD_LENGTH`] = 13 of them, drawn uniformly and independently
/// (rejection sampling removes the modulo bias), so it carries
/// 13 × log2(31) = 13 × 4.954 = 64.4 bits ≥ 60 bits.
///
/// Only a [`PasswordHash`] is ever kept: argon2id with a random 16-byte
/// salt, stored as a PHC string (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`).
/// The parameters are a [`HashParams`] policy: [`HashParams::owasp`] (the
/// default: 19 MiB, 2 passes, 1 lane) or [`HashParams::light`] for tests and
/// demonstrations. Verification reads the parameters from the stored hash.
///
/// `Debug` and `Display` of a password never show it; it has no `Serialize`.
#[derive(Clone, PartialEq, Eq)]
pub struct TemporaryPassword(String);

impl TemporaryPassword {
    /// A new password from the operating system's random generator.
    ///
    /// # Errors
    /// [`CredentialError::RandomUnavailable`] when the operating system
    /// gives no random bytes.
    ///
    /// # Example
    /// ```
    /// use zhurnal::credentials::TemporaryPassword;
    /// let p = TemporaryPassword::generate()?;
    /// assert_eq!(format!("{p:?}"), "TemporaryPassword(***)");
    /// # Ok::<(), zhurnal::credentials::CredentialError>(())
    /// ```
    pub fn generate() -> Result<TemporaryPassword, CredentialError> {
        let alphabet = PASSWORD_ALPHABET.as_bytes();
        let n = alphabet.len();
        // The largest multiple of n that fits in a byte: bytes at or above it
        // are rejected, so every character is equally likely.
        let limit = 256 - 256 % n;
        let mut out = String::with_capacity(PASSWORD_LENGTH);
        let mut buf = [0u8; 32];
        while out.len() < PASSWORD_LENGTH {
            getrandom::fill(&mut buf).map_err(|e| CredentialError::RandomUnavailable {
                reason: e.to_string(),
            })?;
            for b in buf {
                let b = usize::from(b);
                if b < limit && out.len() < PASSWORD_LENGTH {
                    out.push(char::from(alphabet[b % n]));
                }
            }
        }
        Ok(TemporaryPassword(out))
    }

    /// The text, for the slip and for hashing only.
    pub(crate) fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for TemporaryPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TemporaryPassword(***)")
    }
}

impl std::fmt::Display for TemporaryPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("***")
    }
}

/// An argon2id hash of a password as a PHC string. The only form in which a
/// password is kept.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PasswordHash(String);

impl PasswordHash {
    /// Hashes a temporary password with a fresh random salt.
    ///
    /// # Errors
    /// [`CredentialError::RandomUnavailable`] or [`CredentialError::Hashing`].
    ///
    /// # Example
    /// ```
    /// use zhurnal::credentials::{HashParams, PasswordHash, TemporaryPassword};
    /// let p = TemporaryPassword::generate()?;
    /// let h = PasswordHash::new(&p, HashParams::light())?;
    /// assert!(!h.verify("not it"));
    /// assert!(h.as_str().starts_with("$argon2id$v=19$m=1024,t=1,p=1$"));
    /// # Ok::<(), zhurnal::credentials::CredentialError>(())
    /// ```
    pub fn new(
        password: &TemporaryPassword,
        params: HashParams,
    ) -> Result<PasswordHash, CredentialError> {
        let mut salt = [0u8; 16];
        getrandom::fill(&mut salt).map_err(|e| CredentialError::RandomUnavailable {
            reason: e.to_string(),
        })?;
        let salt = SaltString::encode_b64(&salt).map_err(|e| CredentialError::Hashing {
            reason: e.to_string(),
        })?;
        let hash = params
            .hasher()?
            .hash_password(password.expose().as_bytes(), &salt)
            .map_err(|e| CredentialError::Hashing {
                reason: e.to_string(),
            })?;
        Ok(PasswordHash(hash.to_string()))
    }

    /// A stored PHC string. Its cost parameters must be within the limits
    /// of [`HashParams`]: a stored hash decides the work of verifying it.
    ///
    /// # Errors
    /// [`CredentialError::InvalidHash`] unless it is an argon2id PHC string
    /// with a hash; [`CredentialError::HashTooCostly`] when its memory,
    /// passes or lanes exceed [`HashParams::MAX_MEMORY_KIB`],
    /// [`HashParams::MAX_ITERATIONS`] or [`HashParams::MAX_PARALLELISM`].
    ///
    /// # Example
    /// ```
    /// use zhurnal::credentials::PasswordHash;
    /// assert_eq!(PasswordHash::parse("plain").unwrap_err().code(), "credential.invalid_hash");
    /// let crafted = "$argon2id$v=19$m=4194304,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA";
    /// assert_eq!(PasswordHash::parse(crafted).unwrap_err().code(), "credential.hash_too_costly");
    /// ```
    pub fn parse(phc: &str) -> Result<PasswordHash, CredentialError> {
        let parsed = argon2::password_hash::PasswordHash::new(phc)
            .map_err(|_| CredentialError::InvalidHash)?;
        if parsed.algorithm != argon2::ARGON2ID_IDENT || parsed.hash.is_none() {
            return Err(CredentialError::InvalidHash);
        }
        let params = Params::try_from(&parsed).map_err(|_| CredentialError::InvalidHash)?;
        let (m, t, p) = (params.m_cost(), params.t_cost(), params.p_cost());
        if !HashParams::within_limits(m, t, p) {
            return Err(CredentialError::HashTooCostly {
                memory_kib: m,
                iterations: t,
                parallelism: p,
            });
        }
        Ok(PasswordHash(phc.to_owned()))
    }

    /// Whether `candidate` is the password (constant-time comparison of the
    /// hashes, parameters taken from the stored hash).
    pub fn verify(&self, candidate: &str) -> bool {
        match argon2::password_hash::PasswordHash::new(&self.0) {
            Ok(parsed) => Argon2::default()
                .verify_password(candidate.as_bytes(), &parsed)
                .is_ok(),
            Err(_) => false,
        }
    }

    /// The PHC string.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for PasswordHash {
    /// Shows the algorithm and parameters, not the salt or hash.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let head: Vec<&str> = self.0.split('$').take(4).collect();
        write!(f, "PasswordHash({}$…)", head.join("$"))
    }
}

impl TryFrom<String> for PasswordHash {
    type Error = CredentialError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        PasswordHash::parse(&s)
    }
}

impl From<PasswordHash> for String {
    fn from(h: PasswordHash) -> String {
        h.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entropy_is_at_least_60_bits() {
        let symbols = PASSWORD_ALPHABET.chars().count();
        assert_eq!(symbols, 31);
        let bits = PASSWORD_LENGTH as f64 * (symbols as f64).log2();
        assert!(bits >= 60.0, "{bits}");
        assert!((bits - 64.4).abs() < 0.05, "{bits}");
    }

    #[test]
    fn alphabet_has_no_look_alikes() {
        for c in ['0', 'O', 'o', '1', 'l', 'I', 'i'] {
            assert!(!PASSWORD_ALPHABET.contains(c), "{c}");
        }
        assert!(
            PASSWORD_ALPHABET
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        );
        let mut sorted: Vec<char> = PASSWORD_ALPHABET.chars().collect();
        sorted.dedup();
        assert_eq!(sorted.len(), 31);
    }

    #[test]
    fn generated_passwords_have_length_alphabet_and_vary() {
        let mut seen = std::collections::HashSet::new();
        let mut counts = std::collections::HashMap::new();
        for _ in 0..200 {
            let p = TemporaryPassword::generate().unwrap();
            assert_eq!(p.expose().len(), PASSWORD_LENGTH);
            assert!(p.expose().chars().all(|c| PASSWORD_ALPHABET.contains(c)));
            for c in p.expose().chars() {
                *counts.entry(c).or_insert(0u32) += 1;
            }
            assert!(seen.insert(p.expose().to_owned()));
        }
        // 2600 draws over 31 symbols: every symbol appears.
        assert_eq!(counts.len(), 31);
    }

    #[test]
    fn debug_and_display_redact() {
        let p = TemporaryPassword::generate().unwrap();
        assert_eq!(format!("{p:?}"), "TemporaryPassword(***)");
        assert_eq!(p.to_string(), "***");
        let h = PasswordHash::new(&p, HashParams::light()).unwrap();
        let debug = format!("{h:?}");
        assert_eq!(debug, "PasswordHash($argon2id$v=19$m=1024,t=1,p=1$…)");
        assert!(!debug.contains(p.expose()));
    }

    #[test]
    fn hash_verifies_and_refuses() {
        let p = TemporaryPassword::generate().unwrap();
        let h = PasswordHash::new(&p, HashParams::light()).unwrap();
        assert!(h.verify(p.expose()));
        assert!(!h.verify(""));
        assert!(!h.verify(&p.expose().to_uppercase()));
        let mut wrong = p.expose().to_owned();
        wrong.pop();
        assert!(!h.verify(&wrong));
        assert!(!h.as_str().contains(p.expose()));
        let h2 = PasswordHash::new(&p, HashParams::light()).unwrap();
        assert_ne!(h, h2, "salts differ");
        let json = serde_json::to_string(&h).unwrap();
        let back: PasswordHash = serde_json::from_str(&json).unwrap();
        assert!(back.verify(p.expose()));
    }

    #[test]
    fn owasp_params_hash_and_verify() {
        let p = TemporaryPassword::generate().unwrap();
        let h = PasswordHash::new(&p, HashParams::default()).unwrap();
        assert!(h.as_str().starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(h.verify(p.expose()));
    }

    #[test]
    fn crafted_costly_hashes_are_refused() {
        let hash = "c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA";
        let phc = |params: &str| format!("$argon2id$v=19${params}${hash}");
        // At the limits: accepted.
        assert!(PasswordHash::parse(&phc("m=262144,t=16,p=8")).is_ok());
        for (params, m, t, p) in [
            ("m=262145,t=1,p=1", 262_145, 1, 1),
            ("m=4194304,t=2,p=1", 4_194_304, 2, 1),
            ("m=1024,t=17,p=1", 1024, 17, 1),
            ("m=1024,t=4294967295,p=1", 1024, u32::MAX, 1),
            ("m=1024,t=1,p=9", 1024, 1, 9),
        ] {
            let e = PasswordHash::parse(&phc(params)).unwrap_err();
            assert_eq!(e.code(), "credential.hash_too_costly", "{params}");
            assert_eq!(
                e,
                CredentialError::HashTooCostly {
                    memory_kib: m,
                    iterations: t,
                    parallelism: p
                }
            );
            // Deserialising a snapshot refuses it too.
            let json = serde_json::to_string(&phc(params)).unwrap();
            let e = serde_json::from_str::<PasswordHash>(&json).unwrap_err();
            assert!(e.to_string().contains("exceed the limits"), "{e}");
        }
        let e = PasswordHash::parse(&phc("m=4194304,t=2,p=1")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "the stored password hash costs m=4194304 KiB, t=2, p=1, which exceed the limits m=262144 KiB, t=16, p=8"
        );
        // Parameters argon2 itself refuses are not a hash at all.
        assert_eq!(
            PasswordHash::parse(&phc("m=1024,t=1,p=1,x=2"))
                .unwrap_err()
                .code(),
            "credential.invalid_hash"
        );
    }

    #[test]
    fn invalid_hashes_and_params() {
        for bad in [
            "",
            "plain",
            "$argon2i$v=19$m=1024,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
            "$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHQ",
        ] {
            assert_eq!(
                PasswordHash::parse(bad).unwrap_err().code(),
                "credential.invalid_hash",
                "{bad}"
            );
        }
        assert!(serde_json::from_str::<PasswordHash>(r#""plain""#).is_err());
        assert!(HashParams::new(1024, 0, 1).is_err());
        assert!(HashParams::new(HashParams::MAX_MEMORY_KIB, 16, 8).is_ok());
        for (m, t, p) in [(256 * 1024 + 1, 1, 1), (1024, 17, 1), (1024, 1, 9)] {
            assert_eq!(
                HashParams::new(m, t, p).unwrap_err().code(),
                "credential.invalid_hash_params",
                "{m} {t} {p}"
            );
        }
        assert!(HashParams::new(1024, 1, 0).is_err());
        let e = HashParams::new(8, 1, 2).unwrap_err();
        assert_eq!(e.code(), "credential.invalid_hash_params");
        assert!(
            serde_json::from_str::<HashParams>(
                r#"{"memory_kib":1,"iterations":1,"parallelism":1}"#
            )
            .is_err()
        );
        assert_eq!(
            serde_json::to_string(&HashParams::light()).unwrap(),
            r#"{"memory_kib":1024,"iterations":1,"parallelism":1}"#
        );
    }
}
