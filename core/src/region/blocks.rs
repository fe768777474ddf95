//! Streaming the input in blocks of whole lines, and parsing the blocks on
//! several threads.
//!
//! One reader hands out blocks of about [`BLOCK_SIZE`] bytes that end at a
//! line end; each thread parses the blocks it takes into its own state.
//! Memory is bounded by the threads' buffers and states, whatever the size
//! of the input. Line numbers are fixed up afterwards from the blocks'
//! order, so errors name the line of the whole file.

use std::io::{ErrorKind, Read};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use super::error::RegionError;
use super::fields::{BlockLog, MalformedRows};

/// Bytes read per block.
pub(crate) const BLOCK_SIZE: usize = 1 << 21;
/// The longest line accepted.
pub(crate) const MAX_LINE: usize = 1 << 20;

/// Hands out blocks of whole lines from a reader.
pub(crate) struct Source<R> {
    reader: R,
    carry: Vec<u8>,
    next_seq: usize,
    eof: bool,
}

impl<R: Read> Source<R> {
    pub(crate) fn new(reader: R) -> Source<R> {
        Source {
            reader,
            carry: Vec::new(),
            next_seq: 0,
            eof: false,
        }
    }

    /// Reads the header line (without its line end); `None` for empty
    /// input.
    pub(crate) fn header(&mut self) -> Result<Option<Vec<u8>>, RegionError> {
        let mut buf = Vec::new();
        let Some(filled) = self.fill(&mut buf)? else {
            return Ok(None);
        };
        let block = &buf[..filled];
        let end = block.iter().position(|&b| b == b'\n');
        let (header, rest) = match end {
            Some(i) => (&block[..i], &block[i + 1..]),
            None => (block, &block[block.len()..]),
        };
        let mut carry = rest.to_vec();
        carry.extend_from_slice(&self.carry);
        self.carry = carry;
        // The header is not a block: the next block is still number 0.
        self.next_seq = 0;
        Ok(Some(header.to_vec()))
    }

    /// Fills `buf` with the next block; returns its length (its sequence
    /// number is `next_seq - 1`), or `None` at the end of the input.
    fn fill(&mut self, buf: &mut Vec<u8>) -> Result<Option<usize>, RegionError> {
        if buf.len() < BLOCK_SIZE + MAX_LINE {
            buf.resize(BLOCK_SIZE + MAX_LINE, 0);
        }
        let mut filled = self.carry.len();
        buf[..filled].copy_from_slice(&self.carry);
        self.carry.clear();
        let mut limit = BLOCK_SIZE.max(filled);
        loop {
            while !self.eof && filled < limit {
                match self.reader.read(&mut buf[filled..limit]) {
                    Ok(0) => self.eof = true,
                    Ok(n) => filled += n,
                    Err(e) if e.kind() == ErrorKind::Interrupted => {}
                    Err(e) => {
                        self.eof = true;
                        return Err(RegionError::io(&e));
                    }
                }
            }
            if self.eof {
                if filled == 0 {
                    return Ok(None);
                }
                break;
            }
            match buf[..filled].iter().rposition(|&b| b == b'\n') {
                Some(i) => {
                    self.carry.extend_from_slice(&buf[i + 1..filled]);
                    filled = i + 1;
                    break;
                }
                None if limit < buf.len() => limit = buf.len(),
                None => {
                    // Nothing after an overlong line is read: the source
                    // ends here, and the error takes this block's number.
                    self.eof = true;
                    self.next_seq += 1;
                    return Err(RegionError::LineTooLong {
                        line: 1,
                        limit: MAX_LINE as u64,
                    });
                }
            }
        }
        self.next_seq += 1;
        Ok(Some(filled))
    }
}

/// Where a block stands in the input.
#[derive(Debug, Clone, Copy)]
pub(crate) struct BlockInfo {
    /// The block's number, from 0.
    pub(crate) seq: usize,
    /// The file line of the block's first line, known when one thread reads
    /// every block in order.
    pub(crate) first_line: Option<u64>,
}

/// What a parse over all blocks gives: the threads' states, and the errors
/// (with file lines) in line order.
pub(crate) struct Parsed<S> {
    pub(crate) states: Vec<S>,
    pub(crate) errors: Vec<RegionError>,
}

struct BlockDone {
    seq: usize,
    lines: u64,
    errors: Vec<RegionError>,
}

/// Parses every block of `source` (after its header, line 1) on `threads`
/// threads, each with its own state from `make`.
///
/// In [`MalformedRows::Fail`] mode, the error on the lowest line is
/// returned and blocks after it are not parsed; otherwise every error is in
/// [`Parsed::errors`].
pub(crate) fn parse_blocks<R, S, M, F>(
    source: Source<R>,
    threads: usize,
    mode: MalformedRows,
    make: M,
    process: F,
) -> Result<Parsed<S>, RegionError>
where
    R: Read + Send,
    S: Send,
    M: Fn() -> S + Sync,
    F: Fn(&mut S, BlockInfo, &[u8], &mut BlockLog) + Sync,
{
    let threads = threads.max(1);
    let source = Mutex::new(source);
    let stop = AtomicBool::new(false);
    let sequential = threads == 1;
    let work = |state: &mut S| -> Result<Vec<BlockDone>, RegionError> {
        let mut buf = Vec::new();
        let mut done = Vec::new();
        let mut line = 1u64;
        loop {
            if stop.load(Ordering::Relaxed) {
                break;
            }
            let next = {
                let mut src = source.lock().map_err(|_| RegionError::Io {
                    detail: "a reader thread failed".to_owned(),
                })?;
                match src.fill(&mut buf) {
                    Ok(Some(len)) => Some((src.next_seq - 1, len)),
                    Ok(None) => None,
                    Err(e @ RegionError::LineTooLong { .. }) => {
                        // Named by block; its line is fixed up like a row's.
                        stop.store(true, Ordering::Relaxed);
                        done.push(BlockDone {
                            seq: src.next_seq - 1,
                            lines: 0,
                            errors: vec![e],
                        });
                        break;
                    }
                    Err(e) => {
                        stop.store(true, Ordering::Relaxed);
                        return Err(e);
                    }
                }
            };
            let Some((seq, len)) = next else { break };
            let mut log = BlockLog::default();
            let info = BlockInfo {
                seq,
                first_line: sequential.then_some(line + 1),
            };
            process(state, info, &buf[..len], &mut log);
            line += log.lines;
            if mode == MalformedRows::Fail && !log.errors.is_empty() {
                stop.store(true, Ordering::Relaxed);
            }
            done.push(BlockDone {
                seq,
                lines: log.lines,
                errors: log.errors,
            });
        }
        Ok(done)
    };

    let mut states = Vec::with_capacity(threads);
    let mut blocks = Vec::new();
    if sequential {
        let mut state = make();
        blocks = work(&mut state)?;
        states.push(state);
    } else {
        let results: Vec<Result<(S, Vec<BlockDone>), RegionError>> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads)
                .map(|_| {
                    scope.spawn(|| {
                        let mut state = make();
                        let done = work(&mut state)?;
                        Ok((state, done))
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| {
                    h.join().unwrap_or_else(|_| {
                        Err(RegionError::Io {
                            detail: "a reader thread failed".to_owned(),
                        })
                    })
                })
                .collect()
        });
        for result in results {
            let (state, done) = result?;
            states.push(state);
            blocks.extend(done);
        }
    }

    blocks.sort_by_key(|b| b.seq);
    let mut errors = Vec::new();
    let mut before = 1u64; // the header
    for block in blocks {
        for mut e in block.errors {
            e.shift_line(before);
            errors.push(e);
        }
        before += block.lines;
    }
    if mode == MalformedRows::Fail && !errors.is_empty() {
        return Err(errors.swap_remove(0));
    }
    // A line too long ends the reading: the rows after it were not seen.
    if let Some(pos) = errors
        .iter()
        .position(|e| matches!(e, RegionError::LineTooLong { .. }))
    {
        return Err(errors.swap_remove(pos));
    }
    Ok(Parsed { states, errors })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::region::fields::for_each_row;

    /// Counts rows per thread state; errors on rows whose field is "bad".
    fn count(
        input: &[u8],
        threads: usize,
        mode: MalformedRows,
    ) -> Result<(u64, Vec<RegionError>), RegionError> {
        let mut source = Source::new(input);
        source.header()?;
        let parsed = parse_blocks(
            source,
            threads,
            mode,
            || 0u64,
            |n, _, block, log| {
                for_each_row(block, 1, mode, log, |f, _| {
                    if f.get(0) == b"bad" {
                        return Err(RegionError::value(
                            "x",
                            f.get(0),
                            crate::region::ValueProblem::NotAnId,
                        ));
                    }
                    *n += 1;
                    Ok(())
                });
            },
        )?;
        Ok((parsed.states.iter().sum(), parsed.errors))
    }

    fn big_input(rows: usize, bad_every: usize) -> Vec<u8> {
        let mut v = b"x\n".to_vec();
        for i in 0..rows {
            if bad_every > 0 && i % bad_every == bad_every - 1 {
                v.extend_from_slice(b"bad\n");
            } else {
                v.extend_from_slice(format!("{i}\n").as_bytes());
            }
        }
        v
    }

    #[test]
    fn all_rows_seen_across_blocks_and_threads() {
        let input = big_input(700_000, 0); // several blocks
        assert!(input.len() > 2 * BLOCK_SIZE);
        for threads in [1, 2, 3] {
            let (n, errors) = count(&input, threads, MalformedRows::Fail).unwrap();
            assert_eq!(n, 700_000);
            assert!(errors.is_empty());
        }
    }

    #[test]
    fn errors_name_file_lines_in_order() {
        let input = big_input(700_000, 100_000);
        for threads in [1, 2] {
            let (n, errors) = count(&input, threads, MalformedRows::Collect).unwrap();
            assert_eq!(n, 700_000 - 7);
            let lines: Vec<_> = errors.iter().map(|e| e.line().unwrap()).collect();
            assert_eq!(lines, (1..=7).map(|k| 1 + k * 100_000).collect::<Vec<_>>());
            let e = count(&input, threads, MalformedRows::Fail).unwrap_err();
            assert_eq!(e.line(), Some(100_001));
        }
    }

    #[test]
    fn empty_input_and_header_only() {
        let mut s = Source::new(&b""[..]);
        assert_eq!(s.header().unwrap(), None);
        let (n, _) = count(b"x", 2, MalformedRows::Fail).unwrap();
        assert_eq!(n, 0);
        let (n, _) = count(b"x\r\n1\r\n2", 2, MalformedRows::Fail).unwrap();
        assert_eq!(n, 2);
    }

    #[test]
    fn overlong_line_is_an_error_with_its_line() {
        let mut input = b"x\n1\n".to_vec();
        input.extend(std::iter::repeat_n(b'7', BLOCK_SIZE + MAX_LINE + 10));
        input.push(b'\n');
        for threads in [1, 2] {
            let e = count(&input, threads, MalformedRows::Collect).unwrap_err();
            assert_eq!(e.code(), "region.line_too_long");
            assert_eq!(e.line(), Some(3));
        }
    }

    struct Failing;
    impl Read for Failing {
        fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("device gone"))
        }
    }

    #[test]
    fn read_errors_surface() {
        let e = Source::new(Failing).header().unwrap_err();
        assert_eq!(e.code(), "region.io");
    }
}
