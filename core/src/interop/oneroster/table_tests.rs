use super::table::CsvTable;

#[test]
fn rows_keep_their_lines_with_lf_and_crlf() {
    for eol in ["\n", "\r\n"] {
        let text = format!("a,b{eol}c,d{eol}\"e{eol}e\",f{eol}g,h");
        let t = CsvTable::parse("x.csv", &text).unwrap();
        let lines: Vec<u64> = t.rows.iter().map(|r| r.line).collect();
        assert_eq!(t.header, ["a", "b"]);
        assert_eq!(lines, [2, 3, 5], "{eol:?}");
    }
}
