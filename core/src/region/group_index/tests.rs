//! The group index against direct sums: id order, merging, dense and
//! sparse pages, and the per-group limits.

use super::*;

type Sums = (u64, u32, u32, bool);

fn dump(a: &GroupIndex) -> Vec<(u32, Vec<Sums>)> {
    a.students()
        .map(|(s, at)| {
            let cells = (0..a.subjects())
                .flat_map(|subject| (0..a.terms()).map(move |term| (subject, term)))
                .map(|(subject, term)| a.cell(at, subject, term))
                .map(|c| (c.weighted, c.weight, c.marks(), c.has_low_mark()))
                .collect();
            (s, cells)
        })
        .collect()
}

#[test]
fn students_come_out_in_id_order_with_their_cells() {
    let first = || {
        let mut a = GroupIndex::new(2, 2);
        a.add(5000, 2, 1, 5, 100).unwrap();
        a.add(7, 1, 0, 2, 150).unwrap();
        a.add(u32::MAX, 1, 1, 4, 300).unwrap();
        a.finish();
        a
    };
    let second = || {
        let mut b = GroupIndex::new(2, 2);
        b.add(7, 1, 0, 4, 100).unwrap();
        b.add(8, 2, 0, 3, 100).unwrap();
        b.finish();
        b
    };
    let mut a = first();
    let mut c = GroupIndex::new(2, 2);
    c.merge(first());
    c.merge_on(second(), 2);
    a.merge_on(second(), 3);
    assert_eq!(dump(&a), dump(&c));
    let seen = dump(&a);
    assert_eq!(seen.len(), 4);
    assert_eq!(seen[0].0, 7);
    assert_eq!(seen[0].1[0], (2 * 150 + 4 * 100, 250, 2, true));
    assert_eq!(seen[1].0, 8);
    assert_eq!(seen[1].1[2], (300, 100, 1, false));
    assert_eq!(seen[2].0, 5000);
    assert_eq!(seen[2].1[3], (500, 100, 1, false));
    assert_eq!(seen[3].0, u32::MAX);
    assert_eq!(a.student_count(), 4);
}

#[test]
fn queued_dense_and_sparse_pages_agree_with_direct_sums() {
    // Many students in one page (dense table), more marks than a queue.
    let mut a = GroupIndex::new(3, 2);
    let mut expected = std::collections::BTreeMap::new();
    for i in 0..20_000u32 {
        let student = (i * 7919) % 300 + 100;
        let (subject, term, mark, weight) =
            (i % 3 + 1, (i % 2) as usize, (i % 5 + 1) as u8, 50 + i % 300);
        a.add(student, subject, term, mark, weight).unwrap();
        let e = expected
            .entry((student, subject - 1, term))
            .or_insert((0u64, 0u32, 0u32, false));
        e.0 += u64::from(mark) * u64::from(weight);
        e.1 += weight;
        e.2 += 1;
        e.3 |= mark <= 2;
    }
    a.finish();
    let mut got = std::collections::BTreeMap::new();
    for (s, cells) in dump(&a) {
        for (k, c) in cells.into_iter().enumerate() {
            if c.2 > 0 {
                got.insert((s, (k / 2) as u32, k % 2), c);
            }
        }
    }
    assert_eq!(got, expected);
}

#[test]
fn a_group_past_its_limits_is_refused() {
    let mut a = GroupIndex::new(1, 1);
    let heavy = 10_000;
    let mut n = 0u64;
    let err = loop {
        match a.add(1, 1, 0, 5, heavy) {
            Ok(()) => n += 1,
            Err(e) => break e,
        }
    };
    assert_eq!(err.error(1, 1).code(), "region.group_too_large");
    assert_eq!(n, WEIGHT_LIMIT / u64::from(heavy));
    // the page goes on taking marks for other groups
    a.add(2, 1, 0, 5, heavy).unwrap();
    a.finish();
    assert_eq!(a.student_count(), 2);
}

#[test]
fn groups_past_a_packed_cell_keep_exact_sums_through_merges() {
    // 300 marks of the largest weight: past one packed cell three times.
    let mut a = GroupIndex::new(2, 1);
    let mut b = GroupIndex::new(2, 1);
    let mut expected = (0u64, 0u32, 0u32, false);
    for k in 0..600u32 {
        let mark = (k % 5 + 1) as u8;
        let into = if k % 3 == 0 { &mut a } else { &mut b };
        into.add(9, 2, 0, mark, 10_000).unwrap();
        into.add(10, 1, 0, 4, 100).unwrap();
        expected.0 += u64::from(mark) * 10_000;
        expected.1 += 10_000;
        expected.2 += 1;
        expected.3 |= mark <= 2;
    }
    a.finish();
    b.finish();
    a.merge_on(b, 2);
    let seen = dump(&a);
    assert_eq!(seen[0].0, 9);
    assert_eq!(seen[0].1[1], expected);
    assert_eq!(seen[1].1[0], (600 * 400, 600 * 100, 600, false));
    // Sums put from a partial result, too large for one word.
    let mut c = GroupIndex::new(2, 1);
    let wide = Cell::from_sums(expected.0, u64::from(expected.1), 600, true).unwrap();
    c.put(9, 2, 0, wide);
    c.add(9, 2, 0, 5, 100).unwrap();
    c.finish();
    let got = dump(&c)[0].1[1];
    assert_eq!(got, (expected.0 + 500, expected.1 + 100, 601, true));
}

#[test]
fn sorting_the_blocks_keeps_every_group_and_puts_them_in_id_order() {
    let mut a = GroupIndex::new(3, 2);
    // Students seen out of order, on a dense page and a sparse one, with
    // a group moved aside.
    let ids: Vec<u32> = (0..200u32)
        .map(|k| (k * 7919) % 1000)
        .chain([5000, 4999])
        .collect();
    for (k, &id) in ids.iter().enumerate() {
        a.add(id, (k % 3) as u32 + 1, k % 2, (k % 5) as u8 + 1, 150)
            .unwrap();
    }
    for _ in 0..120 {
        a.add(4999, 2, 1, 3, 10_000).unwrap();
    }
    a.finish();
    let before = dump(&a);
    a.sort_blocks(2);
    assert_eq!(dump(&a), before);
    for page in &a.pages {
        let ids: Vec<u16> = page.students.clone();
        assert!(ids.windows(2).all(|w| w[0] < w[1]), "{ids:?}");
    }
    // Marks added after sorting go to the right groups.
    a.add(4999, 2, 1, 5, 100).unwrap();
    a.finish();
    let after = dump(&a);
    let g = after.iter().find(|(s, _)| *s == 4999).unwrap().1[3]; // subject 2, term 1
    let was = before.iter().find(|(s, _)| *s == 4999).unwrap().1[3]; // subject 2, term 1
    assert_eq!(g, (was.0 + 500, was.1 + 100, was.2 + 1, was.3));
}

/// Marks of `students` ids (several pages), more than a queue per page, in
/// a fixed mix of groups: (student, subject, term, mark, weight).
fn many_marks(students: u32, n: u32) -> Vec<(u32, u32, usize, u8, u32)> {
    (0..n)
        .map(|i| {
            let student = (i * 7919) % students;
            (
                student,
                i % 3 + 1,
                (i % 2) as usize,
                (i % 5 + 1) as u8,
                50 + i % 300,
            )
        })
        .collect()
}

#[test]
fn threads_that_share_out_the_pages_give_the_sums_of_one_index() {
    let marks = many_marks(3 * PAGE as u32 + 77, 60_000);
    for threads in [2usize, 3] {
        // At the end, index k fills a queue of page k + 1, which the next
        // index owns: the first hands it to the exchange, the others keep
        // it in their outboxes.
        let tail = |k: usize| {
            (0..QUEUE as u32).map(move |i| {
                let student = (k as u32 + 1) * PAGE as u32 + i % 50;
                (student, i % 3 + 1, 1, (i % 5 + 1) as u8, 100)
            })
        };
        let mut whole = GroupIndex::new(3, 2);
        let all = marks.iter().copied().chain((0..threads).flat_map(tail));
        for (s, subject, term, mark, weight) in all {
            whole.add(s, subject, term, mark, weight).unwrap();
        }
        whole.finish();
        // Rows dealt out in runs, as blocks are; the exchange traded after
        // most runs.
        let exchange = Exchange::new(threads);
        let mut indexes: Vec<GroupIndex> = (0..threads)
            .map(|_| GroupIndex::shared(3, 2, exchange.join()))
            .collect();
        for (run, chunk) in marks.chunks(5_000).enumerate() {
            let index = &mut indexes[run % threads];
            for &(s, subject, term, mark, weight) in chunk {
                index.add(s, subject, term, mark, weight).unwrap();
            }
            if run % 4 != 3 {
                exchange.trade(index);
            }
        }
        for (k, index) in indexes.iter_mut().enumerate() {
            for (s, subject, term, mark, weight) in tail(k) {
                index.add(s, subject, term, mark, weight).unwrap();
            }
            if k == 0 {
                exchange.trade(index);
            }
        }
        let left = exchange.into_left();
        let waiting = indexes.iter().map(|i| i.outbox.len()).sum::<usize>();
        assert!(
            waiting > 0 && !left.is_empty(),
            "queues wait in an outbox ({waiting}) and in the exchange ({})",
            left.len()
        );
        let merged = GroupIndex::merge_all(indexes, left, (3, 2), threads);
        assert_eq!(dump(&merged), dump(&whole), "{threads} threads");
    }
}
