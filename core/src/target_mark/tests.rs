//! "What do I need": each rule, each reason, and brute force.

use proptest::prelude::*;

use super::*;

fn w(s: &str) -> Weight {
    s.parse().unwrap()
}
fn p(v: u8) -> Points {
    Points::new(v).unwrap()
}
fn marks(list: &[(u8, &str)]) -> WeightedAverage {
    WeightedAverage::of(list.iter().map(|&(v, weight)| (p(v), w(weight))))
}
fn mark(v: u8) -> PeriodMark {
    PeriodMark::Mark(p(v))
}

#[test]
fn already_reached_needs_nothing() {
    let current = marks(&[(5, "1"), (5, "1"), (4, "1")]);
    let answer = marks_needed(
        &current,
        &PeriodMarkPolicy::default(),
        p(5),
        p(2),
        Weight::ONE,
        None,
    );
    assert_eq!(
        answer,
        TargetOutcome::Reachable {
            new_marks: 0,
            average: "4.67".parse().unwrap(),
            period_mark: mark(5),
        }
    );
    // a lower target is reached too
    let answer = marks_needed(
        &current,
        &PeriodMarkPolicy::default(),
        p(3),
        p(2),
        Weight::ONE,
        Some(0),
    );
    assert_eq!(answer.new_marks(), Some(0));
}

#[test]
fn min_count_rule() {
    // two 5s: «н/а» until a third mark
    let current = marks(&[(5, "1"), (5, "1")]);
    let policy = PeriodMarkPolicy::default();
    let answer = marks_needed(&current, &policy, p(5), p(4), Weight::ONE, None);
    // 5, 5, 4 → 4.67 → 5: one lower mark is enough
    assert_eq!(answer.new_marks(), Some(1));
    // with a heavy 4 it is not: 5, 5, 4×3 → 4.40 → 4, and more 4s only lower it
    let answer = marks_needed(&current, &policy, p(5), p(4), w("3"), None);
    assert_eq!(
        answer,
        TargetOutcome::Unreachable {
            reason: UnreachableReason::ValueTooLow,
            best: mark(4),
        }
    );
    // no marks at all: three 3s for a 3
    let answer = marks_needed(
        &WeightedAverage::new(),
        &policy,
        p(3),
        p(3),
        Weight::ONE,
        None,
    );
    assert_eq!(answer.new_marks(), Some(3));
    let answer = marks_needed(
        &WeightedAverage::new(),
        &policy,
        p(3),
        p(3),
        Weight::ONE,
        Some(2),
    );
    assert_eq!(
        answer,
        TargetOutcome::Unreachable {
            reason: UnreachableReason::NotEnoughLessons {
                needed: 3,
                lessons_left: 2
            },
            best: PeriodMark::NotAttested,
        }
    );
}

#[test]
fn value_too_low() {
    let current = marks(&[(3, "1"), (3, "1"), (3, "1")]);
    let answer = marks_needed(
        &current,
        &PeriodMarkPolicy::default(),
        p(5),
        p(4),
        Weight::ONE,
        None,
    );
    assert_eq!(
        answer,
        TargetOutcome::Unreachable {
            reason: UnreachableReason::ValueTooLow,
            best: mark(4),
        }
    );
    assert_eq!(
        UnreachableReason::ValueTooLow.to_string(),
        "marks of this value never bring the average to the target"
    );
    assert_eq!(
        UnreachableReason::ValueTooLow.code(),
        "target.value_too_low"
    );
}

#[test]
fn exact_threshold_counts_as_shown() {
    // 4, 4, 4, 4 (weight 1) + 5s (weight 1): 4.20 … 4.50 at n = 4
    let current = marks(&[(4, "1"), (4, "1"), (4, "1"), (4, "1")]);
    let answer = marks_needed(
        &current,
        &PeriodMarkPolicy::default(),
        p(5),
        p(5),
        Weight::ONE,
        None,
    );
    assert_eq!(
        answer,
        TargetOutcome::Reachable {
            new_marks: 4,
            average: "4.50".parse().unwrap(),
            period_mark: mark(5),
        }
    );
}

#[test]
fn no_five_with_two() {
    let policy = PeriodMarkPolicy::default().with_no_five_with_two(true);
    let current = marks(&[(5, "1"), (5, "1"), (2, "1")]);
    let answer = marks_needed(&current, &policy, p(5), p(5), w("3"), None);
    assert_eq!(
        answer,
        TargetOutcome::Unreachable {
            reason: UnreachableReason::FiveBlockedByTwo,
            best: mark(4),
        }
    );
    assert_eq!(
        UnreachableReason::FiveBlockedByTwo.code(),
        "target.five_blocked_by_two"
    );
    // without the rule the same marks reach it
    let lenient = PeriodMarkPolicy::default();
    assert_eq!(
        marks_needed(&current, &lenient, p(5), p(5), w("3"), None).new_marks(),
        Some(1)
    );
    // a 4 target is unaffected
    assert_eq!(
        marks_needed(&current, &policy, p(4), p(5), w("3"), None).new_marks(),
        Some(0)
    );
}

#[test]
fn lessons_left_cap() {
    let current = marks(&[(2, "1"), (3, "1"), (3, "1")]);
    let policy = PeriodMarkPolicy::default();
    // 2.67; 5s: 3.25, 3.60 → a 4 after two
    assert_eq!(
        marks_needed(&current, &policy, p(4), p(5), Weight::ONE, Some(2)).new_marks(),
        Some(2)
    );
    let answer = marks_needed(&current, &policy, p(4), p(5), Weight::ONE, Some(1));
    assert_eq!(
        answer,
        TargetOutcome::Unreachable {
            reason: UnreachableReason::NotEnoughLessons {
                needed: 2,
                lessons_left: 1
            },
            best: mark(3),
        }
    );
    assert_eq!(
        UnreachableReason::NotEnoughLessons {
            needed: 2,
            lessons_left: 1
        }
        .to_string(),
        "2 new marks are needed but only 1 lessons are left"
    );
}

#[test]
fn vanishing_weight_needs_too_many() {
    let current = marks(&[(1, "100"), (1, "100"), (1, "100")]);
    let answer = marks_needed(
        &current,
        &PeriodMarkPolicy::default(),
        p(5),
        p(5),
        w("0.0000001"),
        None,
    );
    assert!(matches!(
        answer,
        TargetOutcome::Unreachable {
            reason: UnreachableReason::TooManyMarks,
            ..
        }
    ));
    assert_eq!(
        UnreachableReason::TooManyMarks.code(),
        "target.too_many_marks"
    );
}

#[test]
fn serde_round_trip() {
    let answer = TargetOutcome::Unreachable {
        reason: UnreachableReason::NotEnoughLessons {
            needed: 4,
            lessons_left: 2,
        },
        best: mark(3),
    };
    let json = serde_json::to_string(&answer).unwrap();
    assert_eq!(
        serde_json::from_str::<TargetOutcome>(&json).unwrap(),
        answer
    );
}

/// Brute force: add marks one at a time and stop at the first that reaches.
fn brute(
    current: &WeightedAverage,
    policy: &PeriodMarkPolicy,
    target: Points,
    value: Points,
    weight: Weight,
    limit: u32,
) -> (Option<u32>, Vec<PeriodMark>) {
    let mut avg = *current;
    let mut grades = Vec::new();
    let mut first = None;
    for n in 0..=limit {
        if n > 0 {
            avg.add(value, weight);
        }
        let g = policy.period_mark(&avg);
        grades.push(g);
        if first.is_none() && g.points().is_some_and(|m| m >= target) {
            first = Some(n);
        }
    }
    (first, grades)
}

const LIMIT: u32 = 1500;

fn weight_strategy() -> impl Strategy<Value = Weight> {
    prop::sample::select(vec!["0.5", "1", "1.5", "2", "3", "10"]).prop_map(w)
}

fn points_strategy() -> impl Strategy<Value = Points> {
    (1u8..=5).prop_map(p)
}

fn policy_strategy() -> impl Strategy<Value = PeriodMarkPolicy> {
    (0u32..=5, any::<bool>(), any::<bool>()).prop_map(|(min, two, strict)| {
        let base = if strict {
            PeriodMarkPolicy::with_thresholds(
                "2.6".parse().unwrap(),
                "3.6".parse().unwrap(),
                "4.6".parse().unwrap(),
            )
            .unwrap()
        } else {
            PeriodMarkPolicy::default()
        };
        base.with_min_marks(min).with_no_five_with_two(two)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn matches_brute_force(
        current in prop::collection::vec((points_strategy(), weight_strategy()), 0..7),
        policy in policy_strategy(),
        target in (2u8..=5).prop_map(p),
        value in points_strategy(),
        weight in weight_strategy(),
        lessons_left in prop::option::of(0u32..40),
    ) {
        let current = WeightedAverage::of(current);
        let answer = marks_needed(&current, &policy, target, value, weight, lessons_left);
        let (first, grades) = brute(&current, &policy, target, value, weight, LIMIT);
        let cap = lessons_left.unwrap_or(u32::MAX);
        match (first, answer) {
            (Some(n), TargetOutcome::Reachable { new_marks, average, period_mark }) => {
                prop_assert_eq!(new_marks, n);
                prop_assert!(n <= cap);
                let mut after = current;
                after.add_many(value, weight, n);
                prop_assert_eq!(Some(average), after.shown());
                prop_assert_eq!(period_mark, grades[n as usize]);
            }
            (Some(n), TargetOutcome::Unreachable { reason, best }) => {
                prop_assert!(n > cap, "brute reaches at {} within cap {}", n, cap);
                prop_assert_eq!(reason, UnreachableReason::NotEnoughLessons { needed: n, lessons_left: cap });
                let brute_best = grades[..=cap as usize].iter().map(|g| rank(*g)).max();
                prop_assert_eq!(Some(rank(best)), brute_best);
            }
            (None, TargetOutcome::Reachable { new_marks, .. }) => {
                // beyond what brute force tried
                prop_assert!(new_marks > LIMIT);
            }
            (None, TargetOutcome::Unreachable { reason, best }) => {
                if cap <= LIMIT {
                    let brute_best = grades[..=cap as usize].iter().map(|g| rank(*g)).max();
                    prop_assert_eq!(Some(rank(best)), brute_best);
                }
                if let UnreachableReason::NotEnoughLessons { needed, lessons_left } = reason {
                    prop_assert!(needed > LIMIT && lessons_left == cap);
                }
                if reason == UnreachableReason::FiveBlockedByTwo {
                    prop_assert!(policy.no_five_with_two() && target == Points::FIVE);
                }
            }
        }
    }
}
