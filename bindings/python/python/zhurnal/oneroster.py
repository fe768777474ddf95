"""OneRoster 1.2 (and 1.1) bulk CSV sets: validate a set and see every
problem with its file, line and column; import it into a ``zhurnal.School``;
export a school as a 1.2 bulk set. The mapping of Russian specifics (class
«5А», terms, work types and weights, marks on a score scale) is the core's,
documented in the README.
"""

from ._zhurnal import Problem, ValidationReport
from ._zhurnal import oneroster_export as export
from ._zhurnal import oneroster_import as import_
from ._zhurnal import oneroster_validate as validate

__all__ = ["Problem", "ValidationReport", "export", "import_", "validate"]
