"""zhurnal: the school electronic journal library.

For analysts: ``activation_report`` and ``term_grades`` over a region's CSV
files or any Arrow stream (a polars or pandas DataFrame, a pyarrow Table),
and ``generate_region``. For back-office scripts: ``School``, the one handle
of a school. Every rule lives in the Rust core; this package only converts.
"""

from ._zhurnal import (
    AccessRefusedError,
    ActivationReport,
    ActivationRow,
    BandStatus,
    GeneratedRegion,
    InvalidInputError,
    MalformedFileError,
    MalformedFrameError,
    PeriodMarkPolicy,
    RecordStateError,
    SnapshotError,
    StorageError,
    TermGradeRow,
    TermGradesReport,
    ZhurnalError,
    activation_report,
    generate_region,
    seed_checkpoints,
    term_grades,
)

__all__ = [
    "AccessRefusedError",
    "ActivationReport",
    "ActivationRow",
    "BandStatus",
    "GeneratedRegion",
    "InvalidInputError",
    "MalformedFileError",
    "MalformedFrameError",
    "PeriodMarkPolicy",
    "RecordStateError",
    "SnapshotError",
    "StorageError",
    "TermGradeRow",
    "TermGradesReport",
    "ZhurnalError",
    "activation_report",
    "generate_region",
    "seed_checkpoints",
    "term_grades",
]
