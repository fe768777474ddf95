"""Type stubs of the native module ``zhurnal._zhurnal``."""

import datetime
import decimal
import enum
import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Optional, Union, final

from typing_extensions import Self

_StrPath = Union[str, os.PathLike[str]]
_DecimalLike = Union[decimal.Decimal, int]
_DateLike = Union[datetime.date, str]
_Progress = Union[bool, Callable[[int, Optional[int]], object]]

class ZhurnalError(Exception):
    """Any error of zhurnal; `.code` is the core's stable code."""

    code: str
    line: Optional[int]
    row: Optional[int]
    column: Optional[str]

class InvalidInputError(ZhurnalError, ValueError):
    """A value or a parameter the core refuses."""

class MalformedFileError(InvalidInputError):
    """A malformed input file or row: `.line` (1-based, the header is line 1) and `.column` when known."""

class MalformedFrameError(InvalidInputError):
    """A malformed row of an Arrow frame: `.row` (0-based) and `.column`."""

class SnapshotError(InvalidInputError):
    """A snapshot document that cannot be read."""

class AccessRefusedError(ZhurnalError, PermissionError):
    """The acting person may not do this."""

class RecordStateError(ZhurnalError, ValueError):
    """A step the records do not allow now: a lifecycle step, a duplicate, an unknown record."""

class StorageError(ZhurnalError, OSError):
    """Reading or writing a file failed."""

class BandStatus(enum.Enum):
    BELOW = "below"
    ON_TARGET = "on_target"
    ABOVE = "above"

@final
class PeriodMarkPolicy:
    def __new__(
        cls,
        three: _DecimalLike,
        four: _DecimalLike,
        five: _DecimalLike,
        *,
        min_marks: int = 3,
        no_five_with_two: bool = False,
    ) -> Self: ...
    @staticmethod
    def default() -> PeriodMarkPolicy: ...
    @property
    def min_marks(self) -> int: ...
    @property
    def no_five_with_two(self) -> bool: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class ActivationRow:
    @property
    def checkpoint(self) -> datetime.date: ...
    @property
    def school_id(self) -> Optional[int]: ...
    @property
    def eligible(self) -> int: ...
    @property
    def activated(self) -> int: ...
    @property
    def share(self) -> Optional[decimal.Decimal]: ...
    @property
    def status(self) -> Optional[BandStatus]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class TermGradeRow:
    @property
    def student_id(self) -> int: ...
    @property
    def subject_id(self) -> int: ...
    @property
    def term(self) -> str: ...
    @property
    def n_marks(self) -> int: ...
    @property
    def avg(self) -> decimal.Decimal: ...
    @property
    def term_mark(self) -> Optional[int]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class ActivationRows:
    def __iter__(self) -> Self: ...
    def __next__(self) -> ActivationRow: ...

@final
class TermGradeRows:
    def __iter__(self) -> Self: ...
    def __next__(self) -> TermGradeRow: ...

@final
class ActivationReport:
    def __len__(self) -> int: ...
    def __iter__(self) -> ActivationRows: ...
    @property
    def parents(self) -> int: ...
    @property
    def rejects(self) -> list[tuple[str, str]]: ...
    def write_csv(self, path: _StrPath) -> None: ...
    def to_csv(self) -> str: ...
    def __arrow_c_stream__(self, requested_schema: Optional[object] = None) -> object: ...
    def to_polars(self) -> Any: ...
    def to_pandas(self) -> Any: ...

@final
class TermGradesReport:
    def __len__(self) -> int: ...
    def __iter__(self) -> TermGradeRows: ...
    @property
    def marks(self) -> int: ...
    @property
    def marks_outside_terms(self) -> int: ...
    @property
    def rejects(self) -> list[tuple[str, str]]: ...
    def write_csv(self, path: _StrPath) -> None: ...
    def to_csv(self) -> str: ...
    def __arrow_c_stream__(self, requested_schema: Optional[object] = None) -> object: ...
    def to_polars(self) -> Any: ...
    def to_pandas(self) -> Any: ...

@final
class GeneratedRegion:
    @property
    def parents_csv(self) -> str: ...
    @property
    def grades_csv(self) -> str: ...
    @property
    def parents(self) -> int: ...
    @property
    def students(self) -> int: ...
    @property
    def marks(self) -> int: ...

def activation_report(
    source: Union[_StrPath, Any],
    *,
    date: Optional[_DateLike] = None,
    checkpoints: Optional[Iterable[tuple[_DateLike, _DecimalLike, _DecimalLike]]] = None,
    threads: Optional[int] = None,
    rejects: bool = False,
    progress: Optional[_Progress] = None,
) -> ActivationReport: ...
def term_grades(
    source: Union[_StrPath, Any],
    *,
    terms: Optional[Iterable[tuple[str, _DateLike, _DateLike]]] = None,
    policy: Optional[PeriodMarkPolicy] = None,
    max_subject: Optional[int] = None,
    threads: Optional[int] = None,
    rejects: bool = False,
    progress: Optional[_Progress] = None,
) -> TermGradesReport: ...
def generate_region(out_dir: _StrPath, *, parents: int, seed: int) -> GeneratedRegion: ...
def seed_checkpoints() -> list[tuple[datetime.date, decimal.Decimal, decimal.Decimal]]: ...
