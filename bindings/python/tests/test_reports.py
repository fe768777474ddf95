"""The analyst entry points: paths and frames in, rows, CSV and frames out,
the same bytes as the Rust `region` command."""

from __future__ import annotations

import datetime
import decimal
import os
import pickle
import subprocess
import threading
from pathlib import Path

import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.csv as pacsv
import pytest

import zhurnal

PARENTS_HEADER = "parent_id,student_id,class_id,school_id,has_access,applied_on,activated_on\n"


def region_command(job: str, src: Path, dst: Path) -> str:
    """The Rust command's output on the same file."""
    binary = os.environ.get("ZHURNAL_REGION_BIN")
    if not binary:
        pytest.skip("ZHURNAL_REGION_BIN is not set (tests/run-python sets it)")
    subprocess.run([binary, job, str(src), str(dst)], check=True, capture_output=True)
    return dst.read_text()


def test_same_bytes_as_the_region_command(region: Path, tmp_path: Path) -> None:
    report = zhurnal.activation_report(region / "parents.csv")
    report.write_csv(tmp_path / "a.csv")
    assert (tmp_path / "a.csv").read_text() == region_command(
        "activation", region / "parents.csv", tmp_path / "a-rust.csv"
    )
    grades = zhurnal.term_grades(str(region / "grades.csv"), threads=2)
    grades.write_csv(tmp_path / "t.csv")
    assert (tmp_path / "t.csv").read_text() == region_command(
        "term-grades", region / "grades.csv", tmp_path / "t-rust.csv"
    )
    assert grades.to_csv() == (tmp_path / "t.csv").read_text()


def test_frames_in_give_the_same_report(region: Path) -> None:
    from_path = zhurnal.activation_report(region / "parents.csv").to_csv()
    polars_frame = pl.read_csv(
        region / "parents.csv", schema_overrides={"applied_on": pl.Date, "activated_on": pl.Date}
    )
    assert zhurnal.activation_report(polars_frame).to_csv() == from_path
    flags = polars_frame.with_columns(pl.col("has_access").cast(pl.Boolean))
    assert zhurnal.activation_report(flags).to_csv() == from_path
    pandas_frame = pd.read_csv(region / "parents.csv", dtype={"applied_on": str, "activated_on": str})
    assert zhurnal.activation_report(pandas_frame).to_csv() == from_path
    table = pacsv.read_csv(region / "parents.csv")
    assert zhurnal.activation_report(table).to_csv() == from_path
    assert zhurnal.activation_report(table.to_reader(max_chunksize=100)).to_csv() == from_path

    grades_path = zhurnal.term_grades(region / "grades.csv").to_csv()
    grades = pl.read_csv(
        region / "grades.csv",
        schema_overrides={"lesson_date": pl.Date, "weight": pl.Decimal(5, 2), "work_type": pl.Categorical},
    )
    assert zhurnal.term_grades(grades).to_csv() == grades_path
    assert zhurnal.term_grades(grades.lazy().collect(), threads=1).to_csv() == grades_path


def test_a_polars_frame_of_many_chunks_is_read_chunk_by_chunk(region: Path) -> None:
    """Polars would copy a frame of many chunks into one to export it;
    zhurnal reads it chunk by chunk instead: the same report, and rows
    numbered across the chunks."""
    grades_path = zhurnal.term_grades(region / "grades.csv").to_csv()
    grades = pl.read_csv(
        region / "grades.csv",
        schema_overrides={"lesson_date": pl.Date, "weight": pl.Decimal(5, 2), "work_type": pl.Categorical},
    )
    half = grades.height // 2
    chunked = pl.concat([grades.slice(0, half), grades.slice(half)], rechunk=False)
    assert len(set(chunked.n_chunks("all"))) == 1 and chunked.n_chunks() > 1
    assert zhurnal.term_grades(chunked).to_csv() == grades_path
    # Columns chunked unlike each other: read through polars' own stream.
    uneven = chunked.clone()
    uneven.replace_column(uneven.columns.index("mark"), uneven.get_column("mark").rechunk())
    assert len(set(uneven.n_chunks("all"))) == 2
    assert zhurnal.term_grades(uneven).to_csv() == grades_path
    # An error in the second chunk names its row in the whole frame.
    broken = pl.concat(
        [grades.slice(0, half), grades.slice(half).with_columns(pl.lit(7, pl.Int64).alias("mark"))], rechunk=False
    )
    with pytest.raises(zhurnal.MalformedFrameError) as err:
        zhurnal.term_grades(broken)
    assert (err.value.code, err.value.row, err.value.column) == ("region.mark_out_of_scale", half, "mark")


def test_parquet_paths_give_the_reports_of_their_csv(region: Path, tmp_path: Path) -> None:
    for name, report in (("parents", zhurnal.activation_report), ("grades", zhurnal.term_grades)):
        from_csv = report(region / f"{name}.csv").to_csv()
        parquet = tmp_path / f"{name}.parquet"
        pl.read_csv(region / f"{name}.csv", infer_schema=False).write_parquet(parquet, row_group_size=1000)
        assert report(parquet).to_csv() == from_csv
        assert report(str(parquet)).to_csv() == from_csv
        command = "activation" if name == "parents" else "term-grades"
        assert region_command(command, parquet, tmp_path / f"{name}-rust.csv") == from_csv
    with pytest.raises(Exception):
        zhurnal.term_grades(tmp_path / "missing.parquet")


def test_csv_text_as_bytes_gives_the_report_of_its_file(region: Path) -> None:
    for name, report in (("parents", zhurnal.activation_report), ("grades", zhurnal.term_grades)):
        path = region / f"{name}.csv"
        text = path.read_bytes()
        from_path = report(path).to_csv()
        assert report(text).to_csv() == from_path
        assert report(bytearray(text), threads=1).to_csv() == from_path
    # Byte ranges cut at line ends, each with the header, merge into the file's report.
    text = (region / "grades.csv").read_bytes()
    header, _, body = text.partition(b"\n")
    cut = body.index(b"\n", len(body) // 2) + 1
    parts = [zhurnal.term_grades(header + b"\n" + piece).to_partial() for piece in (body[:cut], body[cut:])]
    assert parts[1].merge(parts[0]).finish().to_csv() == zhurnal.term_grades(text).to_csv()
    with pytest.raises(zhurnal.MalformedFileError) as err:
        zhurnal.term_grades(header + b"\n1,1,1,2014-09-01,9,1,answer\n")
    assert (err.value.code, err.value.line, err.value.column) == ("region.mark_out_of_scale", 2, "mark")
    with pytest.raises(TypeError):
        zhurnal.term_grades(12)


def test_partials_of_pieces_merge_into_the_whole_report(region: Path) -> None:
    whole = zhurnal.term_grades(region / "grades.csv")
    grades = pl.read_csv(
        region / "grades.csv",
        schema_overrides={"lesson_date": pl.Date, "weight": pl.Decimal(5, 2), "work_type": pl.Categorical},
    )
    n = grades.height
    pieces = [grades.slice(0, n // 3), grades.slice(n // 3, n // 3), grades.slice(2 * (n // 3))]
    partials = [pickle.loads(pickle.dumps(zhurnal.term_grades(p).to_partial())) for p in pieces]
    merged = zhurnal.TermGradesPartial.empty()
    for p in reversed(partials):
        merged = merged.merge(p)
    assert merged == whole.to_partial()
    assert merged.marks == whole.marks and merged.groups == len(whole)
    assert merged.finish().to_csv() == whole.to_csv()
    again = zhurnal.TermGradesPartial.from_bytes(merged.to_bytes())
    assert again == merged and "groups=" in repr(again)
    with pytest.raises(zhurnal.InvalidInputError) as err:
        zhurnal.TermGradesPartial.from_bytes(b"ZJTG\x01")
    assert err.value.code == "region.invalid_partial"
    with pytest.raises(zhurnal.ZhurnalError):
        merged.merge(zhurnal.TermGradesPartial.empty(max_subject=5))


def test_activation_partials_merge_and_find_a_parent_in_two_pieces(region: Path) -> None:
    whole = zhurnal.activation_report(region / "parents.csv")
    parents = pl.read_csv(
        region / "parents.csv", schema_overrides={"applied_on": pl.Date, "activated_on": pl.Date}
    )
    half = parents.height // 2
    pieces = [parents.slice(0, half), parents.slice(half)]
    partials = [
        pickle.loads(pickle.dumps(zhurnal.activation_report(p, parent_ids=True).to_partial())) for p in pieces
    ]
    merged = partials[1].merge(partials[0])
    assert merged.parents == whole.parents
    assert merged.finish().to_csv() == whole.to_csv()
    assert zhurnal.ActivationPartial.from_bytes(merged.to_bytes()) == merged
    with pytest.raises(zhurnal.ZhurnalError) as err:
        merged.merge(partials[0])
    assert err.value.code == "region.duplicate_parent"
    with pytest.raises(zhurnal.ZhurnalError) as err:
        whole.to_partial()
    assert err.value.code == "region.invalid_partial"


def test_results_out_as_rows_and_frames(region: Path) -> None:
    report = zhurnal.activation_report(region / "parents.csv")
    rows = list(report)
    assert len(rows) == len(report) > 4
    region_rows = [r for r in rows if r.school_id is None]
    assert [r.checkpoint for r in region_rows] == [
        datetime.date(2014, 10, 1),
        datetime.date(2014, 11, 1),
        datetime.date(2014, 12, 1),
        datetime.date(2015, 1, 1),
    ]
    first = rows[0]
    assert isinstance(first.share, decimal.Decimal)
    assert isinstance(first.status, zhurnal.BandStatus)
    assert first == list(report)[0] and hash(first) == hash(list(report)[0])
    assert "rows" in repr(report)

    frame = pl.DataFrame(report)
    assert frame.height == len(report)
    assert frame.schema["share"] == pl.Decimal(5, 2)
    assert report.to_polars().equals(frame)
    table = pa.table(report)
    assert table.num_rows == len(report)
    pdf = report.to_pandas()
    assert list(pdf.columns) == ["checkpoint", "school_id", "eligible", "activated", "share", "status"]

    grades = zhurnal.term_grades(region / "grades.csv")
    first_grade = next(iter(grades))
    assert isinstance(first_grade.avg, decimal.Decimal)
    assert pl.DataFrame(grades).height == len(grades) == sum(1 for _ in grades)


def test_frame_errors_name_the_row_and_the_column() -> None:
    frame = pl.DataFrame(
        {
            "parent_id": [1, 2, 3],
            "student_id": [1, None, 3],
            "class_id": [1, 1, 1],
            "school_id": [5, 5, 5],
            "has_access": [True, True, False],
            "applied_on": [None, None, None],
            "activated_on": [None, None, None],
        },
        schema_overrides={"applied_on": pl.Date, "activated_on": pl.Date},
    )
    with pytest.raises(zhurnal.MalformedFrameError) as err:
        zhurnal.activation_report(frame)
    assert (err.value.code, err.value.row, err.value.column) == ("region.missing_value", 1, "student_id")
    assert isinstance(err.value, ValueError) and isinstance(err.value, zhurnal.ZhurnalError)

    with pytest.raises(zhurnal.MalformedFrameError) as err:
        zhurnal.activation_report(frame.with_columns(pl.col("school_id").cast(pl.Float64)))
    assert (err.value.code, err.value.column, err.value.row) == ("region.frame_column_type", "school_id", None)

    lenient = zhurnal.activation_report(frame, rejects=True)
    assert lenient.parents == 2
    assert [code for code, _ in lenient.rejects] == ["region.missing_value"]


def test_file_errors_name_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "parents.csv"
    bad.write_text(PARENTS_HEADER + "1,1,1,3,1,2014-09-10,2014-10-01\n2,1,1,3,1,2014-09-31,\n")
    with pytest.raises(zhurnal.MalformedFileError) as err:
        zhurnal.activation_report(bad)
    assert (err.value.code, err.value.line, err.value.column) == ("region.invalid_date", 3, "applied_on")
    with pytest.raises(zhurnal.StorageError) as missing:
        zhurnal.activation_report(tmp_path / "nothing.csv")
    assert missing.value.code == "region.io"
    with pytest.raises(TypeError):
        zhurnal.activation_report(42)


def test_options_are_strict(region: Path) -> None:
    parents = region / "parents.csv"
    report = zhurnal.activation_report(
        parents, checkpoints=[(datetime.date(2014, 12, 1), decimal.Decimal("61"), 100)]
    )
    assert {r.checkpoint for r in report} == {datetime.date(2014, 12, 1)}
    with pytest.raises(TypeError):
        zhurnal.activation_report(parents, checkpoints=[("2014-12-01", 61.0, 100)])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        zhurnal.activation_report(parents, date=datetime.datetime(2014, 12, 1, 10, 0))
    policy = zhurnal.PeriodMarkPolicy(decimal.Decimal("2.6"), decimal.Decimal("3.6"), decimal.Decimal("4.6"))
    stricter = zhurnal.term_grades(region / "grades.csv", policy=policy)
    default = zhurnal.term_grades(region / "grades.csv")
    assert stricter.to_csv() != default.to_csv()
    with pytest.raises(TypeError):
        zhurnal.PeriodMarkPolicy(2.5, 3.5, 4.5)  # type: ignore[arg-type]


def test_progress_is_reported(region: Path) -> None:
    seen: list[tuple[int, int | None]] = []
    zhurnal.term_grades(region / "grades.csv", progress=lambda done, total: seen.append((done, total)))
    size = (region / "grades.csv").stat().st_size
    assert seen[0] == (0, size)
    assert seen[-1] == (size, size)
    assert all(a[0] <= b[0] for a, b in zip(seen, seen[1:]))


def test_an_exception_in_the_callback_stops_the_job(region: Path) -> None:
    class Stop(Exception):
        pass

    def stop(done: int, total: int | None) -> None:
        raise Stop()

    with pytest.raises(Stop):
        zhurnal.activation_report(region / "parents.csv", progress=stop)
    frame = pl.read_csv(region / "parents.csv")
    with pytest.raises(Stop):
        zhurnal.activation_report(frame, progress=stop)


def test_two_threads_at_once(region: Path) -> None:
    expected = zhurnal.term_grades(region / "grades.csv").to_csv()
    results: list[str] = []

    def run() -> None:
        results.append(zhurnal.term_grades(region / "grades.csv").to_csv())

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [expected, expected]


def test_generate_region_is_seeded(tmp_path: Path) -> None:
    a = zhurnal.generate_region(tmp_path / "a", parents=500, seed=3)
    b = zhurnal.generate_region(tmp_path / "b", parents=500, seed=3)
    assert a.parents == 500 and a.marks > 0
    assert (tmp_path / "a" / "grades.csv").read_bytes() == (tmp_path / "b" / "grades.csv").read_bytes()
    assert b.students == a.students
