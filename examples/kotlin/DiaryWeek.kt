// A parent's phone, offline: loads the parent's per-person export (JSON
// written by the school's handle with `exportFor`) and prints a child's
// diary week through the Kotlin bindings of zhurnal.
//
// Usage: DiaryWeek EXPORT.json STUDENT_ID DATE [TODAY]
// (tests/run-kotlin runs it on the `school_week` example's export).
package org.zhurnal.examples

import java.io.File
import java.time.LocalDate
import java.time.format.DateTimeFormatter
import kotlin.system.exitProcess
import org.zhurnal.ffi.AttendanceCode
import org.zhurnal.ffi.DiaryWeek
import org.zhurnal.ffi.MarkValue
import org.zhurnal.ffi.OverdueKind
import org.zhurnal.ffi.PeriodMark
import org.zhurnal.ffi.SchoolHandle
import org.zhurnal.ffi.ZhurnalException

private val DAY = DateTimeFormatter.ofPattern("dd.MM")
private val WEEKDAYS = listOf("Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс")

fun main(args: Array<String>) {
    if (args.size !in 3..4) {
        System.err.println("usage: DiaryWeek EXPORT.json STUDENT_ID DATE [TODAY]")
        exitProcess(2)
    }
    val date = LocalDate.parse(args[2])
    val today = if (args.size == 4) LocalDate.parse(args[3]) else date
    try {
        SchoolHandle.fromJson(File(args[0]).readText()).use { handle ->
            val parent = handle.exportPerson() ?: error("${args[0]} is not a per-person export")
            print(render(handle.diaryWeek(parent, args[1].toUInt(), date, today)))
        }
    } catch (e: ZhurnalException) {
        System.err.println("refused: $e")
        exitProcess(1)
    }
}

/** The week as text, in the diary's Russian labels. */
fun render(week: DiaryWeek): String = buildString {
    appendLine("Дневник: ${week.studentName} · неделя с ${week.monday}")
    for (day in week.days) {
        appendLine("  ${WEEKDAYS[day.date.dayOfWeek.value - 1]} ${day.date.format(DAY)}" + (day.holiday?.let { " — $it" } ?: ""))
        for (l in day.lessons) {
            val time = if (l.start != null && l.end != null) "${l.start}–${l.end} " else ""
            val attendance = l.attendance?.let { " [${attendance(it)}]" } ?: ""
            appendLine("    ${l.slot}. $time${l.subjectName} · ${l.teacherName}$attendance")
            l.topic?.let { appendLine("       тема: $it") }
            l.homework?.let { appendLine("       ДЗ: ${it.text} (к ${it.due.format(DAY)})") }
            if (l.marks.isNotEmpty()) {
                appendLine("       оценки: " + l.marks.joinToString { "${mark(it.value)} (${it.workTypeName}, вес ${it.weight.toPlainString()})" })
            }
        }
    }
    if (week.overdue.isNotEmpty()) {
        appendLine("  Долги на ${week.today.format(DAY)}:")
        for (o in week.overdue) {
            val kind = if (o.kind == OverdueKind.DEBT) "долг" else "нет оценки"
            appendLine("    ${o.subjectName} · ${o.workTypeName} · ${o.date.format(DAY)} (срок ${o.due.format(DAY)}, $kind)")
        }
    }
    appendLine("  Итоги (${week.term ?: "—"}): предмет │ ср. балл │ расчётная │ ср. по классу")
    for (s in week.subjects) {
        val average = s.average?.toPlainString() ?: "—"
        val classAverage = s.classAverage?.toPlainString() ?: "—"
        appendLine("    ${s.subjectName.padEnd(16)} │ ${average.padEnd(8)} │ ${period(s.periodMark).padEnd(9)} │ $classAverage")
    }
}

private fun mark(v: MarkValue): String = when (v) {
    is MarkValue.Points -> v.v1.toString()
    MarkValue.Pass -> "зачёт"
    MarkValue.Fail -> "незачёт"
    MarkValue.Debt -> "долг"
}

private fun period(p: PeriodMark): String = when (p) {
    is PeriodMark.Mark -> p.v1.toString()
    PeriodMark.NotAttested -> "н/а"
    PeriodMark.Passed -> "зачёт"
    PeriodMark.NotPassed -> "незачёт"
    PeriodMark.Mastered -> "осв."
}

private fun attendance(a: AttendanceCode): String = when (a) {
    AttendanceCode.ABSENT -> "Н"
    AttendanceCode.EXCUSED -> "УП"
    AttendanceCode.ILLNESS -> "Б"
    AttendanceCode.UNEXCUSED -> "НП"
    AttendanceCode.LATE -> "ОП"
    AttendanceCode.EXEMPT -> "ОСВ"
}
