package org.zhurnal.ffi

import java.io.File
import java.time.LocalDate
import java.time.LocalDateTime

/** The school of the `school_week` example, before the father's application. */
object Fixture {
    val json: String by lazy { File(System.getProperty("zhurnal.fixture")).readText() }

    val MONDAY: LocalDate = LocalDate.of(2014, 9, 15)
    val SATURDAY: LocalDate = LocalDate.of(2014, 9, 20)
    const val STUDENT: UInt = 4u
    val FATHER = Actor(Role.PARENT, 4u)
    val CLASS_TEACHER = Actor(Role.CLASS_TEACHER, 1u)
    val SPECIALIST = Actor(Role.ADMINISTRATOR, 9u)

    fun open(): SchoolHandle = SchoolHandle.fromJson(json)

    fun at(day: Int, hour: Int, minute: Int = 0): LocalDateTime =
        LocalDateTime.of(2014, 9, day, hour, minute)

    /** The father applies on 18.09, the specialist approves on 19.09. */
    fun approveFather(handle: SchoolHandle): UInt {
        val consent = Consent(LocalDate.of(2014, 9, 18), ConsentChannel.IN_PERSON, "+7 928 000-00-04", null)
        val id = handle.submitApplication(Edit(FATHER, at(18, 18), null), Applicant.Parent(4u), STUDENT, consent)
        handle.registerApplication(Edit(SPECIALIST, at(19, 10), null), id, "4/2014")
        handle.approveApplication(Edit(SPECIALIST, at(19, 10), null), id)
        return id
    }

    /** The week's lessons, as the class teacher reads them. */
    fun lessons(handle: SchoolHandle): List<DiaryLesson> =
        handle.diaryWeek(CLASS_TEACHER, STUDENT, MONDAY, SATURDAY).days.flatMap { it.lessons }
}
