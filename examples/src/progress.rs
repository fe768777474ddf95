//! A progress bar for long reads of the `region` command: a reader that
//! counts the bytes read through it and, when standard error is a
//! terminal, redraws one line there — the bar, the share read, the
//! megabytes and the rate — at most ten times a second. Piped or
//! redirected, it says nothing, so logs and scripts see only the results.

use std::io::{IsTerminal, Read, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// Width of the bar, in characters.
const WIDTH: usize = 30;

/// How often the line is redrawn, at most.
const EVERY: Duration = Duration::from_millis(100);

/// The bytes read so far of one job, shared by its readers (a report may
/// open its file twice: the second read restarts the count).
pub struct Progress {
    label: &'static str,
    total: u64,
    done: AtomicU64,
    started: Instant,
    last: std::sync::Mutex<Instant>,
    shown: bool,
}

impl Progress {
    /// The progress of reading `total` bytes; drawn only when standard
    /// error is a terminal.
    pub fn new(label: &'static str, total: u64) -> Arc<Progress> {
        Progress::with_terminal(label, total, std::io::stderr().is_terminal())
    }

    fn with_terminal(label: &'static str, total: u64, shown: bool) -> Arc<Progress> {
        let now = Instant::now();
        Arc::new(Progress {
            label,
            total,
            done: AtomicU64::new(0),
            started: now,
            last: std::sync::Mutex::new(now),
            shown,
        })
    }

    /// A reader of `inner` that counts into this progress, from zero.
    pub fn reader<R: Read>(self: &Arc<Progress>, inner: R) -> ProgressReader<R> {
        self.done.store(0, Ordering::Relaxed);
        ProgressReader {
            inner,
            progress: Arc::clone(self),
        }
    }

    /// The line as drawn after `done` bytes in `secs` seconds.
    fn line(&self, done: u64, secs: f64) -> String {
        let share = if self.total == 0 {
            1.0
        } else {
            (done as f64 / self.total as f64).min(1.0)
        };
        let filled = ((share * WIDTH as f64) as usize).min(WIDTH);
        let mb = |b: u64| b as f64 / 1e6;
        let rate = if secs > 0.0 { mb(done) / secs } else { 0.0 };
        format!(
            "{} [{}{}] {:3.0}% {:.0}/{:.0} MB {:.0} MB/s",
            self.label,
            "#".repeat(filled),
            " ".repeat(WIDTH - filled),
            share * 100.0,
            mb(done),
            mb(self.total),
            rate
        )
    }

    fn add(&self, n: u64) {
        let done = self.done.fetch_add(n, Ordering::Relaxed) + n;
        if !self.shown {
            return;
        }
        let Ok(mut last) = self.last.try_lock() else {
            return;
        };
        if last.elapsed() < EVERY {
            return;
        }
        *last = Instant::now();
        let line = self.line(done, self.started.elapsed().as_secs_f64());
        let _ = write!(std::io::stderr(), "\r{line}");
    }

    /// Clears the line (when one was drawn).
    pub fn finish(&self) {
        if self.shown {
            let _ = write!(std::io::stderr(), "\r{}\r", " ".repeat(WIDTH + 60));
        }
    }
}

/// A reader counting into a [`Progress`].
pub struct ProgressReader<R> {
    inner: R,
    progress: Arc<Progress>,
}

impl<R: Read> Read for ProgressReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.progress.add(n as u64);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_what_is_read_and_draws_a_bar() {
        let p = Progress::with_terminal("term grades", 2_000_000, false);
        let mut out = Vec::new();
        p.reader(&[7u8; 1_000_000][..])
            .read_to_end(&mut out)
            .unwrap();
        assert_eq!(p.done.load(Ordering::Relaxed), 1_000_000);
        assert_eq!(
            p.line(1_000_000, 1.0),
            format!(
                "term grades [{}{}]  50% 1/2 MB 1 MB/s",
                "#".repeat(15),
                " ".repeat(15)
            )
        );
        // A second reader starts the count again.
        p.reader(&[7u8; 10][..]).read_to_end(&mut out).unwrap();
        assert_eq!(p.done.load(Ordering::Relaxed), 10);
        assert!(p.line(4_000_000, 1.0).contains("100%"));
    }
}
