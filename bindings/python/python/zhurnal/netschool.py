"""The diary week as a NetSchool («Сетевой город. Образование») server sends
it (``GET student/diary``), read into zhurnal's ``DiaryWeek`` with the
server's assignment-type table (type ids differ per server). The mapping is
the core's, documented in the README.
"""

from ._zhurnal import NetSchoolWeek
from ._zhurnal import netschool_diary_week as diary_week

__all__ = ["NetSchoolWeek", "diary_week"]
