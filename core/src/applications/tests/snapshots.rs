//! Snapshots: no password in them or in debug output, and they validate
//! when read back.

use super::*;

#[test]
fn no_password_in_snapshots_or_debug() {
    let s = school();
    let mut r = registry();
    let id = approved(&mut r, &s, parent(1), 1, d(9, 5));
    let issued = r.issue_with(&s, id, d(9, 6), SPEC).unwrap();
    let slip = issued.slip.clone().unwrap();
    let password = slip.reveal_password().to_owned();
    let json = serde_json::to_string(&r).unwrap();
    assert!(json.starts_with(r#"{"version":1,"#));
    assert!(json.contains("$argon2id$"));
    for text in [
        json.clone(),
        format!("{r:?}"),
        format!("{r:#?}"),
        format!("{slip:?}"),
        format!("{issued:?}"),
        format!("{:?}", r.account(parent(1)).unwrap()),
        r.log_in("petrova.as", "wrong", d(9, 7))
            .unwrap_err()
            .to_string(),
        format!(
            "{:?}",
            r.log_in("petrova.as", "wrong", d(9, 7)).unwrap_err()
        ),
    ] {
        assert!(!text.contains(&password), "password leaked in {text}");
    }
    assert!(format!("{slip:?}").contains("TemporaryPassword(***)"));
    let back: ApplicationRegistry = serde_json::from_str(&json).unwrap();
    assert_eq!(back, r);
    assert!(
        back.account(parent(1))
            .unwrap()
            .password_hash()
            .verify(&password)
    );
}

#[test]
fn snapshots_validate() {
    let s = school();
    let mut r = registry();
    let a = approved(&mut r, &s, parent(1), 1, d(9, 5));
    r.issue_with(&s, a, d(9, 6), SPEC).unwrap();
    submit(&mut r, &s, parent(2), 1, d(9, 7));
    let json = serde_json::to_string(&r).unwrap();
    let err = |text: &str| {
        serde_json::from_str::<ApplicationRegistry>(text)
            .unwrap_err()
            .to_string()
    };
    assert!(
        err(&json.replacen(r#""version":1"#, r#""version":9"#, 1))
            .contains("unsupported registry snapshot version 9")
    );
    assert!(
        err(&json.replacen(r#""id":2"#, r#""id":1"#, 1)).contains("application#1 appears twice")
    );
    // An approval without a registration is out of order.
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let mut broken = v.clone();
    broken["applications"][0]["registration"] = serde_json::Value::Null;
    assert!(err(&broken.to_string()).contains("cannot approve application#1: it is submitted"));
    let mut dup = v.clone();
    dup["applications"][1]["applicant"] = serde_json::json!({"parent": 1});
    assert!(err(&dup.to_string()).contains("already has active application#1"));
    let mut bad_hash = v.clone();
    bad_hash["accounts"][0]["password_hash"] = serde_json::json!("plaintext");
    assert!(err(&bad_hash.to_string()).contains("not an argon2id PHC string"));
    let mut history = v.clone();
    history["accounts"][0]["activated_on"] = serde_json::json!("2014-09-01");
    assert!(err(&history.to_string()).contains("inconsistent issue history or activation"));
    let mut two = v;
    let acc = two["accounts"][0].clone();
    two["accounts"].as_array_mut().unwrap().push(acc);
    assert!(err(&two.to_string()).contains("repeats a login or a person"));
    // A new submission after reload continues the numbering.
    let mut back: ApplicationRegistry = serde_json::from_str(&json).unwrap();
    let next = back
        .submit_with(&s, parent(3), StudentId::new(2), d(9, 8), consent(d(9, 8)))
        .unwrap();
    assert_eq!(next, ApplicationId::new(3));
}
