package org.zhurnal.ffi

import java.math.BigDecimal
import java.time.LocalDate
import java.time.LocalTime
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.zhurnal.ffi.Fixture.CLASS_TEACHER
import org.zhurnal.ffi.Fixture.FATHER
import org.zhurnal.ffi.Fixture.MONDAY
import org.zhurnal.ffi.Fixture.SATURDAY
import org.zhurnal.ffi.Fixture.SPECIALIST
import org.zhurnal.ffi.Fixture.STUDENT
import org.zhurnal.ffi.Fixture.at

class BoundaryTest {
    @Test
    fun decimalsKeepTheirScaleBothWays() = Fixture.open().use { h ->
        val lesson = Fixture.lessons(h).first()
        val teacher = Actor(Role.TEACHER, lesson.teacher)
        val weight = BigDecimal("1.50")
        val id = h.recordMark(Edit(teacher, at(15, 9), null), lesson.lesson, STUDENT, MarkValue.Points(5u), "answer", weight)
        val mark = Fixture.lessons(h).first { it.lesson == lesson.lesson }.marks.first { it.mark == id }
        // The core keeps a weight normalised (1.50 is 1.5); the value is exact.
        assertEquals(0, mark.weight.compareTo(weight))
        assertEquals(MarkValue.Points(5u), mark.value)
        // Averages come back as exact decimals with their scale: 5.00, not 5.
        val week = h.diaryWeek(CLASS_TEACHER, STUDENT, MONDAY, SATURDAY)
        val averages = week.subjects.associate { it.subjectName to it.average }
        assertEquals("5.00", averages["Русский язык"]?.toPlainString())
        averages.values.filterNotNull().forEach { assertEquals(2, it.scale(), "average $it") }
        // A decimal that would only fit rounded is refused, never rounded.
        val tooPrecise = BigDecimal("1.0000000000000000000000000000001")
        val e = assertThrows<ZhurnalException.Conversion> {
            h.recordMark(Edit(teacher, at(15, 9), null), lesson.lesson, STUDENT, MarkValue.Points(5u), "answer", tooPrecise)
        }
        assertEquals("ffi.invalid_value", e.code)
        assertTrue(e.text.contains(tooPrecise.toPlainString()), e.text)
    }

    @Test
    fun datesAndTimesBothWays() = Fixture.open().use { h ->
        val week = h.diaryWeek(CLASS_TEACHER, STUDENT, LocalDate.of(2014, 9, 17), SATURDAY)
        assertEquals(MONDAY, week.monday)
        assertEquals(SATURDAY, week.today)
        val first = week.days.first().lessons.first()
        assertEquals(LocalTime.of(8, 0), first.start)
        assertEquals(LocalTime.of(8, 45), first.end)
        // Kotlin writes 09:00 without seconds; 09:00:30 with them: both read.
        val teacher = Actor(Role.TEACHER, first.teacher)
        for ((edit, code) in listOf(at(15, 9) to AttendanceCode.ABSENT, at(15, 9).withSecond(30) to AttendanceCode.LATE)) {
            h.setAttendance(Edit(teacher, edit, null), first.lesson, STUDENT, code)
            val last = h.auditOfStudent(CLASS_TEACHER, STUDENT).last()
            assertEquals(edit, last.at)
            assertEquals(teacher, last.actor)
        }
        assertEquals(AttendanceCode.LATE, Fixture.lessons(h).first { it.lesson == first.lesson }.attendance)
        assertEquals("Q1", week.term)
    }

    @Test
    fun eachErrorHasItsCodeAndText() = Fixture.open().use { h ->
        val lesson = Fixture.lessons(h).first()
        val teacher = Edit(Actor(Role.TEACHER, lesson.teacher), at(15, 9), null)

        val access = assertThrows<ZhurnalException.Access> { h.diaryWeek(FATHER, STUDENT, MONDAY, SATURDAY) }
        assertEquals("access.parent_not_granted", access.code)
        assertTrue(access.text.contains("parent#4"), access.text)

        val points = assertThrows<ZhurnalException.Mark> {
            h.recordMark(teacher, lesson.lesson, STUDENT, MarkValue.Points(7u), "answer", null)
        }
        assertEquals("mark.out_of_scale", points.code)
        val weight = assertThrows<ZhurnalException.Mark> {
            h.recordMark(teacher, lesson.lesson, STUDENT, MarkValue.Points(4u), "answer", BigDecimal("-1"))
        }
        assertEquals("mark.invalid_weight", weight.code)
        val workType = assertThrows<ZhurnalException.Mark> {
            h.recordMark(teacher, lesson.lesson, STUDENT, MarkValue.Points(4u), "no such type", null)
        }
        assertTrue(workType.code.startsWith("mark."), workType.code)

        val school = assertThrows<ZhurnalException> {
            h.recordMark(teacher, 99999u, STUDENT, MarkValue.Points(4u), "answer", null)
        }
        assertTrue(school is ZhurnalException.School || school is ZhurnalException.Journal, school.toString())

        val snapshot = assertThrows<ZhurnalException.Snapshot> { SchoolHandle.fromJson("{}") }
        assertTrue(snapshot.code.startsWith("snapshot."), snapshot.code)

        val application = assertThrows<ZhurnalException.Application> {
            h.approveApplication(Edit(SPECIALIST, at(19, 10), null), 4242u)
        }
        assertEquals("application.unknown", application.code)
        assertTrue(application.text.contains("4242"), application.text)

        val refused = assertThrows<ZhurnalException.Access> {
            h.approveApplication(Edit(FATHER, at(19, 10), null), 4242u)
        }
        assertTrue(refused.code.startsWith("access."), refused.code)

        val export = SchoolHandle.fromJson(exportOfApprovedFather(h))
        export.use { e ->
            val readOnly = assertThrows<ZhurnalException.Handle> {
                e.recordMark(teacher, lesson.lesson, STUDENT, MarkValue.Points(4u), "answer", null)
            }
            assertEquals("handle.read_only_export", readOnly.code)
        }
        val role = assertThrows<ZhurnalException.Handle> { h.exportFor(CLASS_TEACHER, SATURDAY) }
        assertEquals("handle.export_not_for_role", role.code)
        // The text is the core's message, not a field dump.
        assertFalse(role.text.contains("code="), role.text)
    }

    @Test
    fun aParentReadsOnlyWithAnApprovedApplication() = Fixture.open().use { h ->
        val e = assertThrows<ZhurnalException.Access> { h.diaryWeek(FATHER, STUDENT, MONDAY, SATURDAY) }
        assertEquals("access.parent_not_granted", e.code)
        val id = Fixture.approveFather(h)
        val week = h.diaryWeek(FATHER, STUDENT, MONDAY, SATURDAY)
        assertEquals("Гаврилова Полина Сергеевна", week.studentName)
        assertEquals(6, week.days.size)
        // Revoked consent closes the diary again.
        h.revokeConsent(Edit(FATHER, at(20, 8), null), id)
        val revoked = assertThrows<ZhurnalException.Access> { h.diaryWeek(FATHER, STUDENT, MONDAY, SATURDAY) }
        assertEquals("access.parent_not_granted", revoked.code)
    }

    @Test
    fun theExportGivesTheSameWeekOffline() = Fixture.open().use { h ->
        val json = exportOfApprovedFather(h)
        val online = h.diaryWeek(FATHER, STUDENT, MONDAY, SATURDAY)
        SchoolHandle.fromJson(json).use { offline ->
            assertEquals(FATHER, offline.exportPerson())
            assertEquals(online, offline.diaryWeek(FATHER, STUDENT, MONDAY, SATURDAY))
            // Another student is not in it.
            assertThrows<ZhurnalException> { offline.diaryWeek(FATHER, 1u, MONDAY, SATURDAY) }
        }
        assertEquals(null, h.exportPerson())
    }

    @Test
    fun handlesCloseAndRefuseUseAfterClose() {
        val h = Fixture.open()
        h.use { assertNotNull(it.toJson()) }
        assertThrows<IllegalStateException> { h.toJson() }
        h.close() // a second close is harmless
        // A snapshot round trip keeps everything.
        Fixture.open().use { a ->
            Fixture.approveFather(a)
            SchoolHandle.fromJson(a.toJson()).use { b ->
                assertEquals(a.diaryWeek(FATHER, STUDENT, MONDAY, SATURDAY), b.diaryWeek(FATHER, STUDENT, MONDAY, SATURDAY))
            }
        }
    }

    @Test
    fun credentialSlipGivesThePasswordOnce() = Fixture.open().use { h ->
        val id = Fixture.approveFather(h)
        val issued = h.issueCredentials(Edit(SPECIALIST, at(19, 11), null), id)
        assertNotNull(issued.slip)
        val slip = issued.slip!!
        slip.use {
            assertEquals(issued.login, it.login())
            assertTrue(it.hasPassword())
            val password = it.takePassword()
            assertFalse(it.hasPassword())
            assertFalse(issued.toString().contains(password), "the record's toString shows no password")
            assertFalse(it.toString().contains(password))
            val again = assertThrows<ZhurnalException.PasswordAlreadyRead> { it.takePassword() }
            assertEquals("ffi.password_already_read", again.code)
            assertThrows<ZhurnalException.PasswordAlreadyRead> { it.takePrintableText() }
            val outcome = h.logIn(issued.login, password, LocalDate.of(2014, 9, 20))
            assertEquals(LoginOutcome.Activated(LocalDate.of(2014, 9, 20)), outcome)
        }
        val wrong = assertThrows<ZhurnalException.Application> { h.logIn(issued.login, "not-the-password", SATURDAY) }
        assertEquals("application.invalid_credentials", wrong.code)
    }

    private fun exportOfApprovedFather(h: SchoolHandle): String {
        Fixture.approveFather(h)
        return h.exportFor(FATHER, SATURDAY)
    }
}
